import { Size, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { InferenceComponentEndpoint, InferenceComponentSpecification, InstanceType } from '../../lib';
import { copiesPerInstance } from '../../lib/inference-components/copy-fit';
import { testStack } from '../util';
import { G6_24, G6_48, icEndpoint, perTypeEntries, pooledComponent, tpModels } from './fixtures';

const WARNING = 'cdk-sagemaker-instance-pools:copiesExceedFleet';
const warnings = (stack: Stack) => Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('copiesExceedFleet'));

/** The three-pool endpoint with managed instance scaling up to `max` instances, and its per-type component `Qwen`. */
function managed(stack: Stack, max: number, copyCount: number) {
  const endpoint = icEndpoint(stack, { managedInstanceScaling: { maxInstanceCount: max } });
  const component = endpoint.addInferenceComponent('Qwen', {
    specification: InferenceComponentSpecification.perInstanceType(perTypeEntries(tpModels(stack))), copyCount,
  });
  return { endpoint, component };
}

describe('copiesPerInstance: the most copies one instance holds, from the catalog', () => {
  const { tp8 } = tpModels(testStack());
  test.each([
    ['8 GPUs, 8 per copy', { instanceType: G6_48, model: tp8, acceleratorCount: 8 }, 1, '8 accelerators, 8 per copy'],
    ['8 GPUs, 2 per copy', { instanceType: G6_48, model: tp8, acceleratorCount: 2 }, 4, '8 accelerators, 2 per copy'],
    ['16 GiB, 4 GiB per copy, no accelerators', { instanceType: InstanceType.ML_M5_XLARGE, model: tp8, minMemory: Size.gibibytes(4) }, 4, '16 GiB of memory, 4096 MiB per copy'],
    ['memory binds before accelerators', { instanceType: G6_48, model: tp8, acceleratorCount: 1, minMemory: Size.gibibytes(300) }, 2, '768 GiB of memory, 307200 MiB per copy'],
  ])('%s', (_what, placement, copies, why) => {
    expect(copiesPerInstance(placement)).toEqual({ copies, why });
  });

  test('nothing known, nothing bounded: no reservation, a token, a type whose traits are not public', () => {
    expect(copiesPerInstance({ instanceType: G6_48, model: tp8 })).toBeUndefined();
    expect(copiesPerInstance({ instanceType: G6_48, model: tp8, acceleratorCount: Token.asNumber({ Ref: 'Gpus' }) })).toBeUndefined();
    expect(copiesPerInstance({ instanceType: InstanceType.of('ml.g7.48xlarge'), model: tp8, acceleratorCount: 8, minMemory: Size.gibibytes(1) })).toBeUndefined();
  });
});

describe('copies beyond what the endpoint can hold: a synth-time warning', () => {
  test('copyCount: 1e9 on at most 5 instances of one copy each', () => {
    const stack = testStack();
    const { component } = managed(stack, 5, 1e9);
    Annotations.fromStack(stack).hasWarning(`/${component.node.path}`, `copyCount: 1000000000 copies cannot all be placed: the endpoint runs at most 5 `
      + 'instances (managedInstanceScaling.maxInstanceCount), and one instance holds at most 1 per ml.g6.48xlarge instance (8 accelerators, 8 per '
      + 'copy), 1 per ml.g6.24xlarge instance (4 accelerators, 4 per copy), 1 per ml.g5.48xlarge instance (8 accelerators, 8 per copy), so at most '
      + '5 copies fit, fewer if SageMaker keeps memory for itself. What SageMaker does with copies it cannot place is not documented. Lower '
      + `copyCount, or raise managedInstanceScaling.maxInstanceCount. [ack: ${WARNING}]`);
  });

  test.each([[5, 0], [6, 1]])('the bound itself is no warning: %d copies on 5 instances, %d warnings', (copyCount, count) => {
    const stack = testStack();
    managed(stack, 5, copyCount);
    expect(warnings(stack)).toHaveLength(count);
  });

  test('the type that holds the most copies sets the bound: 2 GPUs a copy, 4 copies per g6.48xlarge', () => {
    const stack = testStack();
    const { tp8 } = tpModels(stack);
    const endpoint = icEndpoint(stack, { managedInstanceScaling: { maxInstanceCount: 2 } });
    endpoint.addInferenceComponent('Ok', { specification: InferenceComponentSpecification.forAllInstanceTypes({ model: tp8, acceleratorCount: 2, minMemory: Size.gibibytes(1) }), copyCount: 8 });
    expect(warnings(stack)).toHaveLength(0);
    endpoint.addInferenceComponent('TooMany', { specification: InferenceComponentSpecification.forAllInstanceTypes({ model: tp8, acceleratorCount: 2, minMemory: Size.gibibytes(1) }), copyCount: 9 });
    Annotations.fromStack(stack).hasWarning('/TestStack/Llm/TooMany', Match.stringLikeRegexp('^copyCount: 9 copies cannot all be placed: .* at most 2 instances .* so at most 8 copies fit'));
  });

  test('without managed instance scaling nothing bounds the copies: the count may change outside the template', () => {
    const stack = testStack();
    const endpoint = new InferenceComponentEndpoint(stack, 'Fixed', { pools: [{ instanceType: G6_48 }, { instanceType: G6_24 }], initialInstanceCount: 1 });
    endpoint.addInferenceComponent('C', { specification: InferenceComponentSpecification.forAllInstanceTypes({ model: tpModels(stack).tp4, acceleratorCount: 4, minMemory: Size.gibibytes(1) }), copyCount: 50 });
    expect(warnings(stack)).toHaveLength(0);
  });

  test('autoScale: a maxCopyCount the endpoint cannot hold warns on the autoscaling', () => {
    const stack = testStack();
    const { component } = managed(stack, 5, 3);
    component.autoScale({ minCopyCount: 1, maxCopyCount: 10 });
    Annotations.fromStack(stack).hasWarning(`/${component.node.path}/AutoScaling`, Match.stringLikeRegexp('^maxCopyCount: 10 copies cannot all be placed: .* so at most 5 copies fit.* Lower maxCopyCount'));
    expect(warnings(stack)).toHaveLength(1);
  });

  test.each([
    ['a token copy count', (s: Stack) => managed(s, 5, Token.asNumber({ Ref: 'Copies' }))],
    ['a token instance maximum', (s: Stack) => managed(s, Token.asNumber({ Ref: 'Max' }), 1e9)],
    ['an imported endpoint, whose maximum is unknown', (s: Stack) => InferenceComponentEndpoint.fromEndpointAttributes(s, 'Imported', { endpointName: 'shared', pools: [{ instanceType: G6_48 }] })
      .addInferenceComponent('C', { specification: InferenceComponentSpecification.forAllInstanceTypes({ model: tpModels(s).tp8, acceleratorCount: 8, minMemory: Size.gibibytes(1) }), copyCount: 1e9 })],
  ])('an unknown bound warns about nothing: %s', (_what, build) => {
    const stack = testStack();
    build(stack);
    expect(warnings(stack)).toHaveLength(0);
  });

  test('beyond the API integer range it is an error, not a warning', () => {
    expect(() => pooledComponent(testStack(), { copyCount: 3e9 })).toThrow(/^copyCount: must be an integer of at least 0 .*got 3000000000 \[InvalidCapacity\]$/);
  });
});
