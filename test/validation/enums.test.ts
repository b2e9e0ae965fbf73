import { Duration } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import {
  CapacityAwareEndpoint, CapacitySize, ComponentCapacitySize, ContainerImage, ComponentDeployment, CopyScalingSignal, DeploymentStrategy, EndpointAutoScaling, InferenceComponentEndpoint, InstanceType, Model, ModelContainer, ModelData, PoolWidgets, ScalingSignal, TrafficShift,
} from '../../lib';
import { allTypes, badInputTable, bucket, capturing, endpoint, icEndpoint, js, onCpu, reserved, withShadow, withVariants } from './hostile-input';

/** Enum values and enum-like classes, validated where they enter the library. */
const image = () => ModelContainer.fromImage(js('nginx'));
const dlc = () => ContainerImage.fromDeepLearningContainer('djl-inference', '0.36.0-lmi23.0.0-cu129');

badInputTable('enum-like values', [
  ['Model container: a ContainerImage (once a model without PrimaryContainer)', (s) => new Model(s, 'X', { container: js(dlc()) }), 'InvalidEnumValue'],
  ['Model container: ModelData (once a TypeError)', (s) => new Model(s, 'X', { container: js(ModelData.fromBucket(bucket(s), 'model.tar.gz')) }), 'InvalidEnumValue'],
  ['ModelContainer.fromImage of a ModelContainer (once PrimaryContainer: {})', () => ModelContainer.fromImage(js(ModelContainer.fromImage(dlc()))), 'InvalidEnumValue'],
  ['ModelContainer.fromImage modelData: a ContainerImage (once a TypeError)', () => ModelContainer.fromImage(dlc(), { modelData: js(dlc()) }), 'InvalidEnumValue'],
  ['ModelContainer.fromModelPackage image: ModelData', (s) => ModelContainer.fromModelPackage('arn:aws:sagemaker:us-east-1:123456789012:model-package/p/1', {
    image: js(ModelData.fromBucket(bucket(s), 'model.tar.gz')) }), 'InvalidEnumValue'],
  ["routingStrategy: 'BOGUS'", (s) => endpoint(s, { routingStrategy: js('BOGUS') }), 'InvalidEnumValue'],
  ["routingStrategy: 'random' (lower case)", (s) => endpoint(s, { routingStrategy: js('random') }), 'InvalidEnumValue'],
  ['routingStrategy: 1', (s) => endpoint(s, { routingStrategy: js(1) }), 'InvalidEnumValue'],
  ["inference-component endpoint routingStrategy: 'ROUND_ROBIN'", (s) => icEndpoint(s, { routingStrategy: 'ROUND_ROBIN' }), 'InvalidEnumValue'],
  ["ScalingSignal.weightedUtilization aggregation: 'BOGUS' (once silently the default)", () => ScalingSignal.weightedUtilization({ aggregation: js('BOGUS') }), 'InvalidEnumValue'],
  ["ScalingSignal.weightedUtilization aggregation: 'mean'", () => ScalingSignal.weightedUtilization({ aggregation: js('mean') }), 'InvalidEnumValue'],
  ["CopyScalingSignal.weightedUtilization aggregation: 'MEDIAN'", () => CopyScalingSignal.weightedUtilization({ aggregation: js('MEDIAN') }), 'InvalidEnumValue'],
  ['autoScale signal: {} (a look-alike object)', (s) => endpoint(s).autoScale({ maxCapacity: 2, signal: js({}) }), 'InvalidEnumValue'],
  ["autoScale signal: 'weighted'", (s) => endpoint(s).autoScale({ maxCapacity: 2, signal: js('weighted') }), 'InvalidEnumValue'],
  ["imported endpoint asyncInference: 'yes'", (s) => CapacityAwareEndpoint.fromEndpointAttributes(s, 'I', {
    endpointName: 'e', pools: [{ instanceType: InstanceType.ML_G6_XLARGE }], asyncInference: js('yes') }), 'InvalidEnumValue'],
  ["imported inference-component endpoint asyncInference: 'yes' (once silently ignored)", (s) => InferenceComponentEndpoint.fromEndpointAttributes(s, 'I', {
    endpointName: 'e', pools: [{ instanceType: InstanceType.ML_G6_XLARGE }], asyncInference: js('yes') }), 'InvalidEnumValue'],
  ['EndpointAutoScaling asyncInference: false on an asynchronous endpoint (once took a concurrency signal)', (s) => new EndpointAutoScaling(s, 'A', {
    endpoint: endpoint(s, { asyncInference: { outputBucket: bucket(s) } }), maxCapacity: 2, asyncInference: false, signal: ScalingSignal.weightedUtilization() }), 'ConflictingOptions'],
  ['EndpointAutoScaling asyncInference: true on a real-time endpoint (once took minCapacity 0 and the backlog signal)', (s) => new EndpointAutoScaling(s, 'A', {
    endpoint: endpoint(s), maxCapacity: 2, minCapacity: 0, asyncInference: true, signal: ScalingSignal.backlogPerInstance({ targetValue: 5 }) }), 'ConflictingOptions'],
  ['concurrency signal on an asynchronous endpoint', (s) => endpoint(s, { asyncInference: { outputBucket: bucket(s) } })
    .autoScale({ maxCapacity: 2, signal: ScalingSignal.concurrentRequestsPerModel({ targetValue: 4 }) }), 'AsyncScalingSignal'],
  ['an Inf1 pool with a guarded deployment (guardrails exclude Inf1)', (s) => endpoint(s, { pools: [{ instanceType: InstanceType.of('ml.inf1.xlarge') }],
    deployment: DeploymentStrategy.blueGreen({ rollbackOnEndpointAlarms: false }) }), 'DeploymentOnInf1'],
  ['backlog signal on a real-time endpoint', (s) => endpoint(s).autoScale({ maxCapacity: 2, signal: ScalingSignal.backlogPerInstance({ targetValue: 5 }) }), 'BacklogSignalOnRealTime'],
  ['component autoScale signal: a ScalingSignal object without bind', (s) => icEndpoint(s).addInferenceComponent('C', {
    specification: allTypes(s) }).autoScale({ maxCopyCount: 2, signal: js({ targetValue: 1 }) }), 'InvalidEnumValue'],
  ['deployment: {} (a look-alike object)', (s) => endpoint(s, { deployment: js({}) }), 'InvalidEnumValue'],
  ["deployment: 'ROLLING'", (s) => endpoint(s, { deployment: js('ROLLING') }), 'InvalidEnumValue'],
  ['rolling maximumBatchSize: 20 (a number, not a CapacitySize)', () => DeploymentStrategy.rolling({ maximumBatchSize: js(20), waitInterval: Duration.minutes(5) }), 'InvalidEnumValue'],
  ["rolling maximumBatchSize: { type: 'CAPACITY_PERCENT', value: 20 } (the L1 shape)", () => DeploymentStrategy.rolling({
    maximumBatchSize: js({ type: 'CAPACITY_PERCENT', value: 20 }), waitInterval: Duration.minutes(5) }), 'InvalidEnumValue'],
  ['rolling rollbackMaximumBatchSize: 5', () => DeploymentStrategy.rolling({
    maximumBatchSize: CapacitySize.percent(20), waitInterval: Duration.minutes(5), rollbackMaximumBatchSize: js(5) }), 'InvalidEnumValue'],
  ['rolling waitInterval: 600 (seconds as a number, not a Duration)', () => DeploymentStrategy.rolling({ maximumBatchSize: CapacitySize.percent(20), waitInterval: js(600) }), 'InvalidEnumValue'],
  ["blueGreen trafficShift: 'CANARY'", () => DeploymentStrategy.blueGreen({ trafficShift: js('CANARY') }), 'InvalidEnumValue'],
  ['blueGreen terminationWait: 300 (a number)', () => DeploymentStrategy.blueGreen({ terminationWait: js(300) }), 'InvalidEnumValue'],
  ['TrafficShift.canary(10, wait): a number, not a CapacitySize', () => TrafficShift.canary(js(10), Duration.minutes(1)), 'InvalidEnumValue'],
  ["TrafficShift.allAtOnce('PT5M'): an ISO string", () => TrafficShift.allAtOnce(js('PT5M')), 'InvalidEnumValue'],
  ['provisioningTimeout: 300 (a number, not a Duration)', (s) => endpoint(s, { provisioningTimeout: js(300) }), 'InvalidEnumValue'],
  ['modelDataDownloadTimeout: 600 (a number)', (s) => endpoint(s, { modelDataDownloadTimeout: js(600) }), 'InvalidEnumValue'],
  ['minMemory: 1024 (a number, not a Size)', (s) => icEndpoint(s).addInferenceComponent('C', {
    specification: allTypes(s, { minMemory: js(1024) }) }), 'InvalidEnumValue'],
  ['specification: {} (a look-alike object)', (s) => icEndpoint(s).addInferenceComponent('C', { specification: js({}) }), 'InvalidEnumValue'],
  ["ModelContainer.fromImage('nginx'): a URI string, not a ContainerImage", image, 'InvalidEnumValue'],
  ["ModelContainer.fromImage modelData: 's3://b/k' (a URI string)", () => ModelContainer.fromImage(js({ bind: () => ({ imageUri: 'x' }) }), { modelData: js('s3://b/k') }), 'InvalidEnumValue'],
  ["new Model container: { image: 'nginx' } (the L1 shape)", (s) => new Model(s, 'M', { container: js({ image: 'nginx' }) }), 'InvalidEnumValue'],
  ['addAlarms alarmActions: [topic] (a topic, not an action)', (s) => endpoint(s).addAlarms({ alarmActions: js([new sns.Topic(s, 'T')]) }), 'InvalidEnumValue'],
  ["addAlarms alarmActions: ['arn:aws:sns:…'] (a topic's ARN, not an action)", (s) => endpoint(s).addAlarms({ alarmActions: js(['arn:aws:sns:us-east-1:123456789012:x']) }), 'InvalidEnumValue'],
  ['addAlarms okActions: [undefined]', (s) => endpoint(s).addAlarms({ okActions: js([undefined]) }), 'InvalidEnumValue'],
  ["addAlarms okActions: 'arn:...'", (s) => endpoint(s).addAlarms({ okActions: js('arn:aws:sns:us-east-1:123456789012:t') }), 'InvalidEnumValue'],
  ["PoolWidgets alarms: ['my-alarm']", (s) => new PoolWidgets(endpoint(s), { alarms: js(['my-alarm']) }), 'InvalidEnumValue'],
  ['PoolWidgets alarms: an object with renderAlarmRule alone (once a TypeError at synth)', (s) => new PoolWidgets(endpoint(s), { alarms: js([{ renderAlarmRule: () => 'x' }]) }), 'InvalidEnumValue'],
  ['PoolWidgets.widgetsForPool: the props of a pool, without its priority (once "Priority undefined")', (s) => new PoolWidgets(endpoint(s))
    .widgetsForPool(js({ instanceType: InstanceType.ML_G6_48XLARGE, maxConcurrency: 8 })), 'InvalidEnumValue'],
  ['addAlarms fallbackAlarmAfter: { toSeconds } (a look-alike Duration, once a TypeError)', (s) => endpoint(s).addAlarms({ fallbackAlarmAfter: js({ toSeconds: () => 3600 }) }), 'InvalidEnumValue'],
  ['addAlarms modelLatencyThreshold: { toSeconds } (a look-alike Duration, once a TypeError)', (s) => endpoint(s).addAlarms({ modelLatencyThreshold: js({ toSeconds: () => 1 }) }), 'InvalidEnumValue'],
  ['addDashboard defaultInterval: { toSeconds } (a look-alike Duration, once a TypeError at synth)', (s) => endpoint(s).addDashboard('D', { defaultInterval: js({ toSeconds: () => 3600 }) }), 'InvalidEnumValue'],
  ["PoolWidgets scalingSignal: 'CPUUtilization'", (s) => new PoolWidgets(endpoint(s), { scalingSignal: js('CPUUtilization') }), 'InvalidEnumValue'],
  ['addAlarms period: 60 (a number)', (s) => endpoint(s).addAlarms({ period: js(60) }), 'InvalidEnumValue'],
]);

/** The newest surface: enum values and factory-made values of variants, reservations, data capture and component deployments. */
const component = (deployment: unknown) => (s: any) => icEndpoint(s).addInferenceComponent('C', { specification: allTypes(s), deployment: js(deployment) });
const rolling = (options: object) => () => ComponentDeployment.rolling(js({ maximumBatchSize: ComponentCapacitySize.percent(20), waitInterval: Duration.minutes(1), ...options }));

badInputTable('enum-like values of variants, reservations, data capture and component deployments', [
  ["variants[0].routingStrategy: 'BOGUS' (once rendered as given)", withVariants({ routingStrategy: 'BOGUS' }), 'InvalidEnumValue'],
  ["shadowVariants[0].routingStrategy: 'random' (lower case)", withShadow({ routingStrategy: 'random' }), 'InvalidEnumValue'],
  ['variants[0].provisioningTimeout: 300 (a number, once a TypeError)', withVariants({ provisioningTimeout: 300 }), 'InvalidEnumValue'],
  ['variants[0].containerStartupHealthCheckTimeout: 60 (a number)', withVariants({ containerStartupHealthCheckTimeout: 60 }), 'InvalidEnumValue'],
  ["variants[0].modelDataDownloadTimeout: 'PT10M' (an ISO string)", withVariants({ modelDataDownloadTimeout: 'PT10M' }), 'InvalidEnumValue'],
  ['volumeSize: 100 (a number of GiB, once a TypeError)', onCpu({ volumeSize: 100 }), 'InvalidEnumValue'],
  ["variants[0].volumeSize: '8 GiB' (a string)", withVariants({ volumeSize: '8 GiB' }), 'InvalidEnumValue'],
  ["capacityReservation.preference: 'capacity-reservations-first'", reserved({ preference: 'capacity-reservations-first' }), 'InvalidEnumValue'],
  ["capacityReservation.preference: 'CAPACITY_RESERVATIONS_ONLY' (the key, not the value)", reserved({ preference: 'CAPACITY_RESERVATIONS_ONLY' }), 'InvalidEnumValue'],
  ["dataCapture.captureModes: ['INPUT'] (the key, not the value)", capturing({ captureModes: ['INPUT'] }), 'InvalidEnumValue'],
  ["dataCapture.captureModes: ['input'] (lower case)", capturing({ captureModes: ['input'] }), 'InvalidEnumValue'],
  ["dataCapture.enabled: 'yes' (once aws-cdk-lib's property error)", capturing({ enabled: 'yes' }), 'InvalidEnumValue'],
  ["inference component deployment: 'ROLLING' (once a TypeError)", component('ROLLING'), 'InvalidEnumValue'],
  ['inference component deployment: {} (a look-alike object)', component({}), 'InvalidEnumValue'],
  ["ComponentDeployment rollbackMaximumBatchSize: { type: 'COPY_COUNT', value: 1 } (the L1 shape)", rolling({ rollbackMaximumBatchSize: { type: 'COPY_COUNT', value: 1 } }), 'InvalidEnumValue'],
  ['ComponentDeployment waitInterval: 60 (a number)', rolling({ waitInterval: 60 }), 'InvalidEnumValue'],
]);
