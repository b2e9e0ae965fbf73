import { Duration, Size, Stack } from 'aws-cdk-lib';
import {
  CapacitySize, ContainerImage, DeploymentStrategy, InferenceComponentEndpoint, InferenceComponentSpecification, InstanceType, Model, ModelData, PoolAlarms, ScalingSignal,
} from '../../lib';
import { allTypes, bucket, endpoint, expectCode, icEndpoint, js, lmi, numToken, onCpu, outcome, reserved, variant, withVariants } from './hostile-input';

/**
 * Messages: one quoting style (values quoted, descriptions not, long strings cut with their length), no
 * JavaScript's MAX_SAFE_INTEGER as a bound, and the reason stated. Each row is a bad input with its exact message.
 */
const rows: Array<[string, (s: Stack) => unknown, string]> = [
  ['a 64-character endpoint name is quoted once, cut, with its length', (s) => endpoint(s, { endpointName: 'a'.repeat(64) }),
    `endpointName: at most 63 characters, got '${'a'.repeat(40)}…' (64 characters) [InvalidName]`],
  ['an open upper bound is the API integer range, not MAX_SAFE_INTEGER', (s) => endpoint(s, { initialInstanceCount: 0 }),
    "initialInstanceCount: must be an integer of at least 1 (and at most 2147483647, the API's integer range), got 0 [OutOfRange]"],
  ['minCapacity 0 on a real-time endpoint says why it needs an asynchronous one', (s) => endpoint(s).autoScale({ minCapacity: 0, maxCapacity: 2 }),
    "minCapacity: must be an integer of at least 1 (and at most 2147483647, the API's integer range): 0 is for asynchronous endpoints only, "
    + 'which queue requests while no instance runs (a real-time endpoint without instances fails every request), got 0 [InvalidCapacity]'],
  ['a second addDashboard with the same id has a code', (s) => { const e = endpoint(s); e.addDashboard('Dash'); e.addDashboard('Dash'); },
    "id: construct ids are unique within a scope; TestStack/Ep already has a child with this id, got 'Dash' [DuplicateConstructId]"],
  ['an imported model is reported by the prop of its factory, not by its construct id', (s) => Model.fromModelName(s, 'I', 'bad_name'),
    "Model.fromModelName.modelName: only letters, digits and inner hyphens (pattern [a-zA-Z0-9](-*[a-zA-Z0-9])*), got 'bad_name' [InvalidName]"],
  ['a missing value is named, not quoted', (s) => new Model(s, 'M', js({})),
    "container: required: made by ModelContainer.fromImage() or ModelContainer.fromModelPackage(), got undefined [MissingRequiredProp]"],
  ['a plain string for an instance type suggests the call that works, lower-cased', (s) => endpoint(s, { pools: js([{ instanceType: 'ml.P5.48xlarge ' }]) }),
    "pools[0].instanceType: must be an InstanceType: InstanceType.of('ml.p5.48xlarge') (names are lower-case, without whitespace), got 'ml.P5.48xlarge ' [InvalidInstanceType]"],
  ['a plain string for an instance type', (s) => endpoint(s, { pools: js([{ instanceType: 'ml.p5.48xlarge' }]) }),
    "pools[0].instanceType: must be an InstanceType: InstanceType.of('ml.p5.48xlarge'), got 'ml.p5.48xlarge' [InvalidInstanceType]"],
  ['a look-alike instance type names the call that makes the real one', (s) => endpoint(s, { pools: js([{ instanceType: { name: 'ml.g5.xlarge' }, maxConcurrency: 4 }]) }),
    "pools[0].instanceType: must be an InstanceType, made by its constants or InstanceType.of('ml.g5.xlarge'), got an object (Object) [InvalidInstanceType]"],
  ["a topic's ARN among the alarm actions is named by its index, with the wrapper to use", (s) => endpoint(s).addAlarms({ alarmActions: js(['arn:aws:sns:us-east-1:123456789012:x']) }),
    "alarmActions[0]: must be an alarm action (e.g. new SnsAction(topic)); for a topic's ARN, new SnsAction(sns.Topic.fromTopicArn(this, 'Topic', arn)), got 'arn:aws:sns:us-east-1:123456789012:x' [InvalidEnumValue]"],
  ['a control character in a received string is escaped', () => InstanceType.of('ml.g5.xlarge\n'),
    "InstanceType.of: a SageMaker instance type: lower-case 'ml.<family>.<size>' such as 'ml.g6.48xlarge', without whitespace; it holds whitespace (did you mean 'ml.g5.xlarge'?), got 'ml.g5.xlarge\\n' [InvalidInstanceType]"],
  ['a wildcard names the grant it would widen', () => ContainerImage.fromDeepLearningContainer('*', '1.0'),
    "fromDeepLearningContainer.repositoryName: no '*' or '?': IAM reads them as wildcards, which would widen the grant to every repository of the registry, got '*' [InvalidImage]"],
  ['an S3 wildcard names the grant it would widen', (s) => ModelData.fromBucket(bucket(s), 'models/*'),
    "fromBucket.key: no '*' or '?': IAM reads them as wildcards, which would widen the grant to other objects of the bucket, got 'models/*' [InvalidS3Location]"],
  ['a token in the wrong unit names the unit to use', (s) => endpoint(s, { provisioningTimeout: Duration.minutes(numToken('T')) }),
    "provisioningTimeout: a token duration must be given in seconds, the API's unit: Duration.seconds(token) (aws-cdk-lib cannot convert a token between units), got a token in minutes [TokenUnit]"],
  ['a missing signal is described, not quoted as if it were a value', (s) => endpoint(s, { asyncInference: { outputBucket: bucket(s) } }).autoScale({ maxCapacity: 2 }),
    'pass ScalingSignal.backlogPerInstance({ targetValue }), got none (the default weighted-utilization signal reads concurrency) [AsyncScalingSignal]'],
  ['a concurrency signal on an asynchronous endpoint names the metric it lacks', (s) => endpoint(s, { asyncInference: { outputBucket: bucket(s) } })
    .autoScale({ maxCapacity: 2, signal: ScalingSignal.weightedUtilization() }),
  'signal: asynchronous endpoints queue requests and publish no ConcurrentRequestsPerModel (https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-monitor.html): '
    + 'pass ScalingSignal.backlogPerInstance({ targetValue }), got a concurrency signal [AsyncScalingSignal]'],
  ['the backlog signal on a real-time endpoint says which signals it takes', (s) => endpoint(s).autoScale({ maxCapacity: 2, signal: ScalingSignal.backlogPerInstance({ targetValue: 5 }) }),
    'publishes no ApproximateBacklogSizePerInstance, an asynchronous-inference metric: scale it on ScalingSignal.weightedUtilization() or '
    + 'ScalingSignal.concurrentRequestsPerModel({ targetValue }), got ScalingSignal.backlogPerInstance() [BacklogSignalOnRealTime]'],
  ['an inference-component endpoint imported as asynchronous is refused', (s) => InferenceComponentEndpoint.fromEndpointAttributes(s, 'I', js({
    endpointName: 'e', pools: [{ instanceType: InstanceType.ML_G6_XLARGE }], asyncInference: true })),
  'asyncInference: inference-component endpoints serve in real time; leave asyncInference unset, got true [ConflictingOptions]'],
  ['a count of variants is described, not quoted', (s) => endpoint(s, {
    deployment: DeploymentStrategy.rolling({ maximumBatchSize: CapacitySize.percent(20), waitInterval: Duration.minutes(5), rollbackOnEndpointAlarms: false }),
  }).cfnEndpointConfig.addPropertyOverride('ProductionVariants.1', { VariantName: 'B', ModelName: 'm', InstanceType: 'ml.g5.xlarge', InitialInstanceCount: 1 }),
  'use DeploymentStrategy.blueGreen(), got 2 variants [RollingNotSupported]'],
  ["a further variant's missing maxConcurrency names that variant's pool, not the endpoint's", (s) => withVariants({ pools: [{ instanceType: InstanceType.ML_M5_XLARGE }] })(s)
    .variant('B').autoScale({ maxCapacity: 2 }),
  'variants[0].pools[0].maxConcurrency: the weighted-utilization signal needs the measured max concurrency of every pool (ml.m5.xlarge), got undefined [MissingMaxConcurrency]'],
  ['a size is described, not quoted', onCpu({ volumeSize: Size.gibibytes(0) }), 'volumeSize: must be a whole number of GiB from 1 to 512, got 0 GiB [OutOfRange]'],
  ["a reservation of another partition names the stack's partition and region", reserved({ mlReservationArn: 'arn:aws-cn:sagemaker:cn-north-1:111111111111:ml-reservation/a' }),
    "capacityReservation.mlReservationArn: the ARN of a reservation in the stack's partition and region (aws, us-east-1), where the endpoint is created"],
  ['a missing variant name is a required prop, with the variant in the path', withVariants({ variantName: undefined }),
    "variants[0].variantName: required: the variant's name, unique in the endpoint, got undefined [MissingRequiredProp]"],
  ['two alarms named alike at deploy time show the expression', (s) => { const b = endpoint(s, { variants: [variant(s)] }).variant('B'); b.addAlarms(); new PoolAlarms(s, 'Again', { endpoint: b }); },
    'got a name known at deploy time, the same expression {"Fn::Join":["",["SageMaker-",{"Fn::GetAtt":["Ep'],
  ['a non-object value is described by its kind', () => CapacitySize.percent(js([20])),
    'CapacitySize.percent: must be a number, got an array of 1 [OutOfRange]'],
  ['an unknown enum value lists the allowed ones', (s) => endpoint(s, { routingStrategy: js('BOGUS') }),
    "routingStrategy: must be one of RoutingStrategy.LEAST_OUTSTANDING_REQUESTS, RoutingStrategy.RANDOM, got 'BOGUS' [InvalidEnumValue]"],
  // A string from plain JavaScript ('1') breaks the rule that a number is required: the message says that, never the
  // reason of another rule (that 0 needs an asynchronous endpoint) nor a range the string seems to lie in.
  ["a string minCapacity is not a number, whatever the endpoint's kind", (s) => endpoint(s).autoScale({ minCapacity: js('1'), maxCapacity: 4 }),
    "minCapacity: must be a number, an integer of at least 1 (and at most 2147483647, the API's integer range), got '1' [InvalidCapacity]"],
  ['a fractional minCapacity is not an integer, with no word about asynchronous endpoints', (s) => endpoint(s).autoScale({ minCapacity: 1.5, maxCapacity: 4 }),
    "minCapacity: must be an integer of at least 1 (and at most 2147483647, the API's integer range), got 1.5 [InvalidCapacity]"],
  ['a minCapacity beyond the integer range names the range only', (s) => endpoint(s).autoScale({ minCapacity: 3e9, maxCapacity: 4 }),
    "minCapacity: must be an integer of at least 1 (and at most 2147483647, the API's integer range), got 3000000000 [InvalidCapacity]"],
  ["a string maxCapacity has the capacity range's code", (s) => endpoint(s).autoScale({ maxCapacity: js('4') }),
    "maxCapacity: must be a number, got '4' [InvalidCapacity]"],
  ['a string minCopyCount is not a number', (s) => icEndpoint(s).addInferenceComponent('C', { specification: allTypes(s, { maxConcurrencyPerCopy: 4 }) })
    .autoScale({ minCopyCount: js('1'), maxCopyCount: 4 }),
  "minCopyCount: must be a number, an integer of at least 0 (and at most 2147483647, the API's integer range), got '1' [InvalidCapacity]"],
  ["a string maxInstanceCount has the capacity range's code", (s) => icEndpoint(s, { managedInstanceScaling: js({ maxInstanceCount: '4' }) }),
    "managedInstanceScaling.maxInstanceCount: must be a number, got '4' [InvalidCapacity]"],
  ['a string initialInstanceCount is not a number', (s) => endpoint(s, { initialInstanceCount: js('2') }),
    "initialInstanceCount: must be a number, an integer of at least 1 (and at most 2147483647, the API's integer range), got '2' [OutOfRange]"],
  ['a string evaluationPeriods is not a number', (s) => endpoint(s).addAlarms({ evaluationPeriods: js('5') }),
    "evaluationPeriods: must be a number, an integer from 1 to 1440, got '5' [OutOfRange]"],
  ['datapointsToAlarm above evaluationPeriods names evaluationPeriods', (s) => endpoint(s).addAlarms({ evaluationPeriods: 2, datapointsToAlarm: 3 }),
    'datapointsToAlarm: must not exceed evaluationPeriods (2), got 3 [OutOfRange]'],
  ['a string percentage is not a number', (s) => endpoint(s).addAlarms({ errorRateThresholdPercent: js('5') }),
    "errorRateThresholdPercent: must be a number, a percentage from 0.01 to 100, got '5' [OutOfRange]"],
  ['a string utilization target is not a number', () => ScalingSignal.weightedUtilization({ targetUtilization: js('0.7') }),
    "targetUtilization: must be a number greater than 0 and at most 1, got '0.7' [OutOfRange]"],
  ['a model too large for the instance names both sizes', (s) => InferenceComponentSpecification.perInstanceType([
    { instanceType: InstanceType.ML_G5_XLARGE, model: lmi(s), minMemory: Size.gibibytes(17) },
    { instanceType: InstanceType.ML_G5_2XLARGE, model: lmi(s, 'M2'), minMemory: Size.gibibytes(1) }]), 'specification[0].minMemory: a copy must fit on one instance, at most the 16 GiB (16384 MiB) of ml.g5.xlarge, got 17408 MiB [MemoryExceedsInstance]'],
];

describe('messages', () => {
  test.each(rows)('%s', (_description, build, message) => {
    const error = outcome(build) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toContain(message);
  });

  test('no message of any table mentions MAX_SAFE_INTEGER', () => {
    for (const [, build] of rows) expect((outcome(build) as Error).message).not.toMatch(/9007199254740991/);
    expectCode((s) => endpoint(s, { initialInstanceCount: 9007199254740991 }), 'OutOfRange');
  });
});
