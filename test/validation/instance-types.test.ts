import { Size } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import { InferenceComponentSpecification, InstanceType } from '../../lib';
import { testStack } from '../util';
import { allTypes, badInputTable, endpoint, icEndpoint, imported, js } from './hostile-input';

/** Instance types: the name's shape, and every trait check reads the catalog. */
const of = (name: string) => () => InstanceType.of(name);
const kmsNext = (type: string) => (stack: any) => endpoint(stack, {
  encryptionKey: new kms.Key(stack, 'Key'), pools: [{ instanceType: InstanceType.of(type) }],
});
const copyOn = (type: string, options: object) => (stack: any) => icEndpoint(stack, { pools: [{ instanceType: InstanceType.of(type) }] })
  .addInferenceComponent('C', { specification: allTypes(stack, options) });

badInputTable('instance types', [
  ["InstanceType.of('ml.G5.xlarge'): upper case", of('ml.G5.xlarge'), 'InvalidInstanceType'],
  ["InstanceType.of('ML.g5.xlarge'): upper-case prefix", of('ML.g5.xlarge'), 'InvalidInstanceType'],
  ["InstanceType.of('ml.g5.XLARGE'): upper-case size", of('ml.g5.XLARGE'), 'InvalidInstanceType'],
  ["InstanceType.of('ml.g5.xlarge '): trailing space", of('ml.g5.xlarge '), 'InvalidInstanceType'],
  ["InstanceType.of(' ml.g5.xlarge'): leading space", of(' ml.g5.xlarge'), 'InvalidInstanceType'],
  ["InstanceType.of('ml.g5.xlarge\\n'): newline", of('ml.g5.xlarge\n'), 'InvalidInstanceType'],
  ["InstanceType.of('ml.g5.xl arge'): inner space", of('ml.g5.xl arge'), 'InvalidInstanceType'],
  ["InstanceType.of('ml.'): no family or size", of('ml.'), 'InvalidInstanceType'],
  ["InstanceType.of('ml.nonsense'): no size", of('ml.nonsense'), 'InvalidInstanceType'],
  ["InstanceType.of('ml.g5.'): empty size", of('ml.g5.'), 'InvalidInstanceType'],
  ["InstanceType.of('ml..xlarge'): empty family", of('ml..xlarge'), 'InvalidInstanceType'],
  ["InstanceType.of('ml.g5/xlarge'): a slash, which would end up in alarm names", of('ml.g5/xlarge'), 'InvalidInstanceType'],
  ["InstanceType.of('ml.g5.xlarge.extra'): a fourth part", of('ml.g5.xlarge.extra'), 'InvalidInstanceType'],
  ["InstanceType.of('ml.g5.big'): not a size", of('ml.g5.big'), 'InvalidInstanceType'],
  ["InstanceType.of('ml.5g.xlarge'): family starting with a digit", of('ml.5g.xlarge'), 'InvalidInstanceType'],
  ["InstanceType.of('ml.gpu.xlarge'): family without a generation", of('ml.gpu.xlarge'), 'InvalidInstanceType'],
  ["InstanceType.of('ml.g5.xlärge'): non-ASCII letter", of('ml.g5.xlärge'), 'InvalidInstanceType'],
  ["InstanceType.of('ml.g５.xlarge'): full-width digit", of('ml.g５.xlarge'), 'InvalidInstanceType'],
  ["InstanceType.of('g5.xlarge'): no ml. prefix", of('g5.xlarge'), 'InvalidInstanceType'],
  ["InstanceType.of('ml.g5.*'): a wildcard", of('ml.g5.*'), 'InvalidInstanceType'],
  ["InstanceType.of(''): empty", of(''), 'InvalidInstanceType'],
  ['InstanceType.of(42): a number from JavaScript', () => InstanceType.of(js(42)), 'InvalidInstanceType'],
  ["pools[0].instanceType 'ml.g5.xlarge': a plain string from JavaScript", (s) => endpoint(s, { pools: [{ instanceType: js('ml.g5.xlarge') }] }), 'InvalidInstanceType'],
  ["pools[0].instanceType { name: 'ML.G5' }: a look-alike object", (s) => endpoint(s, { pools: [{ instanceType: js({ name: 'ML.G5' }) }] }), 'InvalidInstanceType'],
  ["pools[0].instanceType { name: 'ml.g5.xlarge' }: a look-alike object with a catalogued name", (s) => endpoint(s, { pools: [{ instanceType: js({ name: 'ml.g5.xlarge' }) }] }),
    'InvalidInstanceType'],
  ["metric instanceType { name: 'ml.g6.48xlarge' }: a look-alike object", (s) => endpoint(s).metric('Invocations', { instanceType: js({ name: 'ml.g6.48xlarge' }) }),
    'InvalidInstanceType'],
  ['pools[0].instanceType 42: neither string nor InstanceType', (s) => endpoint(s, { pools: [{ instanceType: js(42) }] }), 'InvalidInstanceType'],
  ['the same type twice, once by constant and once by name', (s) => endpoint(s, { pools: [{ instanceType: InstanceType.ML_G5_XLARGE }, { instanceType: InstanceType.of('ml.g5.xlarge') }] }), 'DuplicateInstanceType'],
  ["specification[0].instanceType 'ml.g6.48xlarge': a plain string", (s) => InferenceComponentSpecification.perInstanceType([
    { instanceType: js('ml.g6.48xlarge'), model: imported(s), minMemory: Size.mebibytes(1024) },
    { instanceType: InstanceType.ML_G6_12XLARGE, model: imported(s, 'I2'), minMemory: Size.mebibytes(1024) }]), 'InvalidInstanceType'],
  ['a copy with 1 accelerator on the CPU-only ml.m5.xlarge', copyOn('ml.m5.xlarge', { acceleratorCount: 1 }), 'AcceleratorsExceedInstance'],
  ['a copy with 9 accelerators on the 8-GPU ml.g6.48xlarge', copyOn('ml.g6.48xlarge', { acceleratorCount: 9 }), 'AcceleratorsExceedInstance'],
  ['a copy with 2 accelerators on the 1-GPU ml.g6e.xlarge', copyOn('ml.g6e.xlarge', { acceleratorCount: 2 }), 'AcceleratorsExceedInstance'],
  ['a copy with 13 devices on the 12-device ml.inf2.48xlarge', copyOn('ml.inf2.48xlarge', { acceleratorCount: 13 }), 'AcceleratorsExceedInstance'],
  ['a copy reserving 800 GiB on ml.g6.48xlarge (768 GiB)', copyOn('ml.g6.48xlarge', { minMemory: Size.gibibytes(800) }), 'MemoryExceedsInstance'],
  ['a copy reserving 17 GiB on ml.g5.xlarge (16 GiB)', copyOn('ml.g5.xlarge', { minMemory: Size.gibibytes(17) }), 'MemoryExceedsInstance'],
  ['a per-type entry reserving 200 GiB on ml.g6.12xlarge (192 GiB)', (s) => InferenceComponentSpecification.perInstanceType([
    { instanceType: InstanceType.ML_G6_48XLARGE, model: imported(s), minMemory: Size.gibibytes(1) },
    { instanceType: InstanceType.ML_G6_12XLARGE, model: imported(s, 'I2'), minMemory: Size.gibibytes(200) }]), 'MemoryExceedsInstance'],
]);

describe('instance types: what the catalog does not know is a warning, never silence', () => {
  // A KMS key next to local NVMe storage is a warning (the key does not cover that storage); the catalog tells
  // which types have it, including families the library's first table did not know.
  test.each(['ml.m6gd.large', 'ml.p6-b200.48xlarge', 'ml.c5d.large', 'ml.trn1.2xlarge', 'ml.r7gd.medium', 'ml.dl1.24xlarge'])(
    'a KMS key next to %s (local NVMe storage, from the catalog) warns', (type) => {
      const stack = testStack();
      kmsNext(type)(stack);
      Annotations.fromStack(stack).hasWarning('/TestStack/Ep', Match.stringLikeRegexp(`local NVMe instance storage of pools\\[0\\] \\(${type.replace(/\./g, '\\.')}\\)`));
    });

  test('a KMS key next to CPU types without local storage does not warn about it', () => {
    const stack = testStack();
    kmsNext('ml.m5.xlarge')(stack);
    Annotations.fromStack(stack).hasNoWarning('/TestStack/Ep', Match.stringLikeRegexp('local NVMe'));
  });

  test('a well-formed type the catalog lacks synthesizes, with a warning naming it: a typo or a newer type', () => {
    const stack = testStack();
    endpoint(stack, { pools: [{ instanceType: InstanceType.of('ml.g9.12xlarge') }] });
    Annotations.fromStack(stack).hasWarning('/TestStack/Ep', Match.stringLikeRegexp(
      "pools: ml\\.g9\\.12xlarge \\(did you mean .*\\?\\) is not in this library's catalog of instance types \\(a typo, or a type newer than "
      + 'this version\\); .*checks that need them are skipped. Fix the name, or update the library if the type is new.'));
  });

  test('a typo of a catalogued type warns with the nearest catalogued types', () => {
    // GIVEN ml.g6x.48xlarge, well-formed: one letter from ml.g6.48xlarge and from ml.g6e.48xlarge
    const stack = testStack();
    endpoint(stack, { pools: [{ instanceType: InstanceType.of('ml.g6x.48xlarge') }, { instanceType: InstanceType.ML_G5_48XLARGE }] });
    // THEN the warning suggests both and does not claim the type is newer than the library
    const warning = Annotations.fromStack(stack).findWarning('/TestStack/Ep', Match.stringLikeRegexp('instanceTypeNotInCatalog|catalog'))
      .map((w) => w.entry.data as string).find((text) => text.includes('ml.g6x.48xlarge'));
    expect(warning).toBe("pools: ml.g6x.48xlarge (did you mean 'ml.g6.48xlarge' or 'ml.g6e.48xlarge'?) is not in this library's catalog of "
      + 'instance types (a typo, or a type newer than this version); the accelerators, local storage and memory of such a type are unknown, '
      + 'so the checks that need them are skipped. Fix the name, or update the library if the type is new. '
      + '[ack: cdk-sagemaker-instance-pools:instanceTypeNotInCatalog]');
  });

  test.each([
    ['ml.g6.48xlarg', "the size '48xlarg' is not a size (medium, large, xlarge, '<n>xlarge' such as 48xlarge, metal, nano, micro or small) (did you mean 'ml.g6.48xlarge'?)"],
    ['ml.g_6.xlarge', "the family 'g_6' is not a family (a series letter, a generation digit, then attribute letters, like g6, p5en or p6-b200) (did you mean 'ml.g6.xlarge'?)"],
    ['ml.g6.48xlarge.extra', 'it has 4 dot-separated parts, not 3 (ml, family, size)'],
    ['ML.G6.48XLARGE', "it holds capitals (did you mean 'ml.g6.48xlarge'?)"],
  ])('a malformed %p names the wrong part and the nearest valid type', (name, why) => {
    expect(() => InstanceType.of(name)).toThrow(
      `InstanceType.of: a SageMaker instance type: lower-case 'ml.<family>.<size>' such as 'ml.g6.48xlarge', without whitespace; ${why}, got '${name}' [InvalidInstanceType]`);
  });

  test('a KMS key next to a type whose local storage is unknown warns', () => {
    const stack = testStack();
    endpoint(stack, { encryptionKey: new kms.Key(stack, 'Key'), pools: [{ instanceType: InstanceType.of('ml.g7.2xlarge') }] });
    Annotations.fromStack(stack).hasWarning('/TestStack/Ep', expectMatch(/encryptionKey: whether ml\.g7\.2xlarge has local NVMe storage is unknown/));
  });

  test('a copy on a type whose accelerators and memory are unknown warns', () => {
    const stack = testStack();
    copyOn('ml.g7.2xlarge', { acceleratorCount: 1 })(stack);
    Annotations.fromStack(stack).hasWarning('/TestStack/Ic/C', expectMatch(/specification: accelerators and memory of ml\.g7\.2xlarge unknown/));
  });
});

function expectMatch(pattern: RegExp) {
  return Match.stringLikeRegexp(pattern.source);
}
