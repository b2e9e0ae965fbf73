import { Duration, Size, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { InferenceComponentSpecification, InstanceType, InstanceTypeSpecification, Model, PooledInferenceComponent } from '../../lib';
import { testStack } from '../util';
import { G5_48, G6_24, G6_48, icEndpoint, perTypeEntries, tpModels } from './fixtures';

const MiB = (n: number) => Size.mebibytes(n);

describe('InferenceComponentSpecification: rendering', () => {
  test('forAllInstanceTypes: one Specification without InstanceType, every pool a placement', () => {
    // GIVEN
    const stack = testStack();
    const endpoint = icEndpoint(stack);
    const { tp4 } = tpModels(stack);
    // WHEN
    const config = InferenceComponentSpecification.forAllInstanceTypes({
      model: tp4, acceleratorCount: 4, minMemory: Size.gibibytes(1), maxMemory: Size.gibibytes(2), cpuCoreCount: 0.5,
      modelDataDownloadTimeout: Duration.minutes(15), containerStartupHealthCheckTimeout: Duration.minutes(10), maxConcurrencyPerCopy: 6,
    }).bind(endpoint, endpoint);
    // THEN
    expect(config.specifications).toBeUndefined();
    expect(stack.resolve(config.specification)).toEqual({
      modelName: { 'Fn::GetAtt': [stack.getLogicalId(tp4.cfnModel), 'ModelName'] },
      computeResourceRequirements: { minMemoryRequiredInMb: 1024, maxMemoryRequiredInMb: 2048, numberOfAcceleratorDevicesRequired: 4, numberOfCpuCoresRequired: 0.5 },
      startupParameters: { modelDataDownloadTimeoutInSeconds: 900, containerStartupHealthCheckTimeoutInSeconds: 600 },
    });
    expect(config.placements.map((p) => [p.instanceType.name, p.model, p.maxConcurrencyPerCopy])).toEqual([
      ['ml.g6.48xlarge', tp4, 6], ['ml.g6.24xlarge', tp4, 6], ['ml.g5.48xlarge', tp4, 6],
    ]);
  });

  test('perInstanceType: Specifications in the given order, placements in priority order, no startup parameters unless set', () => {
    const stack = testStack();
    const endpoint = icEndpoint(stack);
    const models = tpModels(stack);
    const [g6_48, g6_24, g5_48] = perTypeEntries(models);
    const config = InferenceComponentSpecification.perInstanceType([g5_48, g6_24, g6_48]).bind(endpoint, endpoint);
    expect(config.specification).toBeUndefined();
    expect(stack.resolve(config.specifications)).toEqual([
      {
        instanceType: 'ml.g5.48xlarge',
        modelName: { 'Fn::GetAtt': [stack.getLogicalId(models.tp8.cfnModel), 'ModelName'] },
        computeResourceRequirements: { minMemoryRequiredInMb: 512, numberOfAcceleratorDevicesRequired: 8 },
      },
      expect.objectContaining({ instanceType: 'ml.g6.24xlarge', modelName: { 'Fn::GetAtt': [stack.getLogicalId(models.tp4.cfnModel), 'ModelName'] } }),
      expect.objectContaining({ instanceType: 'ml.g6.48xlarge' }),
    ]);
    expect(config.placements.map((p) => [p.instanceType.name, p.maxConcurrencyPerCopy])).toEqual([
      ['ml.g6.48xlarge', 16], ['ml.g6.24xlarge', 8], ['ml.g5.48xlarge', 12],
    ]);
  });

  test('warns when a pool type has no entry: its instances cannot host copies', () => {
    const stack = testStack();
    const endpoint = icEndpoint(stack);
    const [g6_48, g6_24] = perTypeEntries(tpModels(stack));
    new PooledInferenceComponent(stack, 'Ic', { endpoint, specification: InferenceComponentSpecification.perInstanceType([g6_48, g6_24]) });
    Annotations.fromStack(stack).hasWarning('/TestStack/Ic', Match.stringLikeRegexp('no entry for pool types ml.g5.48xlarge \\(priority 3\\)'));
    const full = testStack();
    const e2 = icEndpoint(full);
    new PooledInferenceComponent(full, 'Ic', { endpoint: e2, specification: InferenceComponentSpecification.perInstanceType(perTypeEntries(tpModels(full))) });
    Annotations.fromStack(full).hasNoWarning('*', Match.stringLikeRegexp('no entry for pool types'));
  });
});

describe('InferenceComponentSpecification: validation', () => {
  const base = (stack = testStack()): InstanceTypeSpecification[] => perTypeEntries(tpModels(stack));

  test('per-type form needs 2 to 5 entries', () => {
    const [one] = base();
    expect(() => InferenceComponentSpecification.perInstanceType([one]))
      .toThrow('specification: between 2 and 5 per-instance-type entries (CloudFormation requires at least two; use InferenceComponentSpecification.forAllInstanceTypes(...) for one), got 1 [SpecificationCount]');
    const six = ['g5.xlarge', 'g5.2xlarge', 'g5.4xlarge', 'g5.8xlarge', 'g5.12xlarge', 'g5.16xlarge'].map((t) => ({ ...one, acceleratorCount: 1, instanceType: InstanceType.of(`ml.${t}`) }));
    expect(() => InferenceComponentSpecification.perInstanceType(six)).toThrow(/got 6 \[SpecificationCount\]/);
  });

  test('each instance type at most once', () => {
    const [a, b] = base();
    expect(() => InferenceComponentSpecification.perInstanceType([a, b, { ...a }]))
      .toThrow("specification[2].instanceType: each instance type at most once (already specification[0]), got 'ml.g6.48xlarge' [DuplicateInstanceType]");
  });

  test('every entry names one of the endpoint pool types', () => {
    const stack = testStack();
    const endpoint = icEndpoint(stack);
    const [a, b] = base(stack);
    const spec = InferenceComponentSpecification.perInstanceType([a, { ...b, instanceType: InstanceType.ML_G6E_12XLARGE }]);
    expect(() => new PooledInferenceComponent(stack, 'Ic', { endpoint, specification: spec }))
      .toThrow("specification[1].instanceType: one of the endpoint's pool types (ml.g6.48xlarge, ml.g6.24xlarge, ml.g5.48xlarge), got 'ml.g6e.12xlarge' [SpecificationTypeNotInPools]");
    expect(stack.node.tryFindChild('Ic')?.node.children ?? []).toHaveLength(0);
  });

  test('a copy must fit on one instance: no more accelerators than the type has', () => {
    const [a, b] = base();
    expect(() => InferenceComponentSpecification.perInstanceType([a, { ...b, acceleratorCount: 8 }]))
      .toThrow('specification[1].acceleratorCount: a copy must fit on one instance, at most the 4 accelerators of ml.g6.24xlarge, got 8 [AcceleratorsExceedInstance]');
    const stack = testStack();
    const endpoint = icEndpoint(stack);
    const spec = InferenceComponentSpecification.forAllInstanceTypes({ model: tpModels(stack).tp8, acceleratorCount: 8, minMemory: MiB(512) });
    expect(() => new PooledInferenceComponent(stack, 'Ic', { endpoint, specification: spec }))
      .toThrow('specification.acceleratorCount: a copy must fit on one instance, at most the 4 accelerators of ml.g6.24xlarge (pools[1]); give that type its own entry with InferenceComponentSpecification.perInstanceType(...), got 8 [AcceleratorsExceedInstance]');
  });

  test.each([
    [{ minMemory: MiB(127) }, 'specification.minMemory: must be a whole number of mebibytes from 128 to 2147483647, got 127 MiB [OutOfRange]'],
    [{ minMemory: Size.kibibytes(512 * 1024 + 1) }, /specification\.minMemory: must be a whole number of mebibytes.*got 512.0009765625 MiB/],
    [{ maxMemory: MiB(100) }, /specification\.maxMemory: must be a whole number of mebibytes from 128 to 2147483647, got 100 MiB/],
    [{ maxMemory: MiB(256) }, "specification.maxMemory: must be at least minMemory (512 MiB), got 256 MiB [OutOfRange]"],
    [{ acceleratorCount: 0 }, 'specification.acceleratorCount: must be a number of at least 1, got 0 [OutOfRange]'],
    [{ cpuCoreCount: 0.1 }, 'specification.cpuCoreCount: must be a number of at least 0.25, got 0.1 [OutOfRange]'],
    [{ modelDataDownloadTimeout: Duration.seconds(59) }, 'specification.modelDataDownloadTimeout: must be a whole number of seconds from 60 to 3600, got 59 [OutOfRange]'],
    [{ containerStartupHealthCheckTimeout: Duration.seconds(3601) }, /specification\.containerStartupHealthCheckTimeout: .*got 3601/],
    [{ maxConcurrencyPerCopy: 0 }, 'specification.maxConcurrencyPerCopy: must be a number from 0.001 to 1000000 (concurrent requests at full load; it becomes a metric-math constant), got 0 [InvalidMaxConcurrency]'],
  ])('forAllInstanceTypes rejects %p', (override, message) => {
    const stack = testStack();
    expect(() => InferenceComponentSpecification.forAllInstanceTypes({ model: tpModels(stack).tp4, minMemory: MiB(512), ...override })).toThrow(message);
  });

  test('per-type entries are validated with their index', () => {
    const [a, b] = base();
    expect(() => InferenceComponentSpecification.perInstanceType([a, { ...b, minMemory: MiB(64) }])).toThrow(/^specification\[1\]\.minMemory: .*got 64 MiB/);
    expect(() => InferenceComponentSpecification.perInstanceType([{ ...a, maxConcurrencyPerCopy: -1 }, b])).toThrow(/^specification\[0\]\.maxConcurrencyPerCopy/);
  });

  test('tokens never trip validation', () => {
    const stack = testStack();
    const n = (ref: string) => Token.asNumber({ Ref: ref });
    const s = (ref: string) => Token.asString({ Ref: ref });
    const endpoint = icEndpoint(stack, { pools: [{ instanceType: InstanceType.of(s('Pool1')) }, { instanceType: G6_24 }] });
    const model = Model.fromModelName(stack, 'M', s('Model'));
    const entry = (instanceType: InstanceType): InstanceTypeSpecification => ({
      instanceType, model, minMemory: MiB(n('Mem')), maxMemory: MiB(n('MaxMem')), acceleratorCount: n('Acc'), cpuCoreCount: n('Cpu'),
      modelDataDownloadTimeout: Duration.seconds(n('Dl')), containerStartupHealthCheckTimeout: Duration.seconds(n('Hc')), maxConcurrencyPerCopy: n('Max'),
    });
    const spec = InferenceComponentSpecification.perInstanceType([entry(InstanceType.of(s('Type1'))), entry(G5_48), entry(G6_48)]);
    new PooledInferenceComponent(stack, 'Ic', { endpoint, specification: spec });
    expect(() => Template.fromStack(stack)).not.toThrow();
  });
});
