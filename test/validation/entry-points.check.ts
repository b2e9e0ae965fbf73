import { App, CfnResource, Duration, LegacyStackSynthesizer, Size, Stack } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import * as lib from '../../lib';
import {
  CapacityAwareEndpoint, CapacitySize, ComponentCapacitySize, ComponentDeployment, ContainerImage, CopyScalingSignal, DeploymentStrategy, EndpointAutoScaling,
  InferenceComponentAutoScaling, InferenceComponentEndpoint, InferenceComponentSpecification, InferenceComponentWidgets, InstanceType,
  Model, ModelContainer, ModelData, PoolAlarms, PoolDashboard, PooledInferenceComponent, PoolWidgets, ScalingSignal, TrafficShift, testing,
} from '../../lib';
import { InstancePoolsError } from '../../lib/core/errors';
import { testStack } from '../util';
import { allTypes, bucket, endpoint, icEndpoint, imported } from './hostile-input';

/**
 * Proof by construction that no public entry point ends in a TypeError or an aws-cdk-lib internal error: every
 * factory, constructor and input-taking method is called with a valid argument list, then with each argument
 * (and each prop of each struct argument) replaced by each value a caller without a type checker could pass.
 * Each call either succeeds (and its app synthesizes, or fails synthesis with a coded message) or throws an
 * InstancePoolsError. The evaluator in `testing` stands alone: it throws plain Errors with a message, never a
 * TypeError.
 *
 * A sweep of about 3,500 calls (some 5 s of CPU), not a unit test: `npm run check:entry-points`, a step of
 * `.ci/run`, runs it outside `npm test`. The tables of bad input per rule in this folder stay in `npm test`.
 */
const DEGENERATE: unknown[] = [undefined, null, {}, [], '', 'x', 0, -1, 1.5, NaN, true];

interface EntryPoint {
  /** Valid arguments, built in `stack`. */
  readonly args: (stack: Stack) => unknown[];
  /** The call. */
  readonly call: (stack: Stack, args: any[]) => unknown;
  /** Keys to vary in struct arguments besides the ones the valid arguments set (optional props). */
  readonly optional?: string[];
}

const G6 = InstanceType.ML_G6_48XLARGE;
const pools = () => [{ instanceType: G6, maxConcurrency: 8 }];
const component = (s: Stack) => icEndpoint(s).addInferenceComponent('Valid', { specification: allTypes(s, { maxConcurrencyPerCopy: 4 }) });
const ENDPOINT_OPTIONAL = ['endpointName', 'variantName', 'initialInstanceCount', 'routingStrategy', 'provisioningTimeout', 'containerStartupHealthCheckTimeout', 'tags',
  'enhancedMetrics', 'detailedObservability', 'metricPublishFrequency', 'encryptionKey'];
const VARIANT_SETTINGS = ['initialVariantWeight', 'modelDataDownloadTimeout', 'capacityReservation', 'volumeSize'];
const VARIANT_OPTIONAL = ['model', 'initialInstanceCount', 'routingStrategy', 'provisioningTimeout', 'containerStartupHealthCheckTimeout', ...VARIANT_SETTINGS];
const RESERVATION = 'arn:aws:sagemaker:us-east-1:111111111111:ml-reservation/plan';
/** A further variant on a CPU type without local storage, so that every one of its settings can be valid. */
const variantOptions = (s: Stack) => ({ variantName: 'B', model: imported(s, 'VariantModel'), pools: [{ instanceType: InstanceType.ML_M5_XLARGE, maxConcurrency: 4 }] });
const withVariant = (s: Stack) => endpoint(s, { variants: [variantOptions(s)] });
const SPEC_OPTIONAL = ['maxMemory', 'acceleratorCount', 'cpuCoreCount', 'modelDataDownloadTimeout', 'containerStartupHealthCheckTimeout', 'maxConcurrencyPerCopy'];
const template = () => ({ Resources: { P: { Type: 'AWS::ApplicationAutoScaling::ScalingPolicy', Properties: { TargetTrackingScalingPolicyConfiguration: {
  TargetValue: 0.7, CustomizedMetricSpecification: { Metrics: [{ Id: 'm1', ReturnData: false, MetricStat: { Metric: { Dimensions: [] } } }, { Id: 'e', Expression: 'm1 / 2', ReturnData: true }] },
} } } } });

export const ENTRY_POINTS: { [name: string]: EntryPoint } = {
  'InstanceType.of': { args: () => ['ml.g6.xlarge'], call: (_s, a) => InstanceType.of(a[0]) },
  'ContainerImage.fromEcrRepository': { args: (s) => [new ecr.Repository(s, 'Repo'), 'v1'], call: (_s, a) => ContainerImage.fromEcrRepository(a[0], a[1]) },
  'ContainerImage.fromDeepLearningContainer': { args: () => ['djl-inference', '1.0', {}], call: (_s, a) => ContainerImage.fromDeepLearningContainer(a[0], a[1], a[2]), optional: ['account'] },
  'ContainerImage.fromImageUri': { args: () => ['nginx:1'], call: (_s, a) => ContainerImage.fromImageUri(a[0]) },
  'ModelData.fromBucket': { args: (s) => [bucket(s), 'model.tar.gz'], call: (_s, a) => ModelData.fromBucket(a[0], a[1]) },
  'ModelData.fromBucketPrefix': { args: (s) => [bucket(s), 'llm/'], call: (_s, a) => ModelData.fromBucketPrefix(a[0], a[1]) },
  'ModelContainer.fromImage': { args: () => [ContainerImage.fromImageUri('nginx'), {}], call: (_s, a) => ModelContainer.fromImage(a[0], a[1]), optional: ['modelData', 'environment'] },
  'ModelContainer.fromModelPackage': { args: () => ['pkg', {}], call: (_s, a) => ModelContainer.fromModelPackage(a[0], a[1]), optional: ['inferenceSpecificationName', 'environment', 'image', 'modelData'] },
  'new Model': { args: () => [{ container: ModelContainer.fromImage(ContainerImage.fromImageUri('nginx')) }], call: (s, a) => new Model(s, 'Subject', a[0]),
    optional: ['modelName', 'role', 'vpc', 'vpcSubnets', 'securityGroups', 'networkIsolation'] },
  'Model.fromModelName': { args: () => ['existing'], call: (s, a) => Model.fromModelName(s, 'Subject', a[0]) },
  'Model.fromModelAttributes': { args: () => [{ modelName: 'existing' }], call: (s, a) => Model.fromModelAttributes(s, 'Subject', a[0]), optional: ['role'] },
  'new CapacityAwareEndpoint': { args: (s) => [{ model: imported(s), pools: pools() }], call: (s, a) => new CapacityAwareEndpoint(s, 'Subject', a[0]),
    optional: [...ENDPOINT_OPTIONAL, ...VARIANT_SETTINGS, 'asyncInference', 'deployment', 'existingEndpoint', 'variants', 'shadowVariants', 'dataCapture'] },
  'new CapacityAwareEndpoint, variants[0]': { args: (s) => [variantOptions(s)], call: (s, a) => endpoint(s, { variants: [a[0]] }), optional: VARIANT_OPTIONAL },
  'new CapacityAwareEndpoint, shadowVariants[0]': { args: (s) => [variantOptions(s)], call: (s, a) => endpoint(s, { shadowVariants: [a[0]] }), optional: VARIANT_OPTIONAL },
  'new CapacityAwareEndpoint, capacityReservation': { args: () => [{ mlReservationArn: RESERVATION }], call: (s, a) => endpoint(s, { pools: pools(), capacityReservation: a[0] }),
    optional: ['preference'] },
  'new CapacityAwareEndpoint, dataCapture': { args: (s) => [{ bucket: bucket(s), initialSamplingPercentage: 10 }], call: (s, a) => endpoint(s, { dataCapture: a[0] }),
    optional: ['prefix', 'captureModes', 'jsonContentTypes', 'csvContentTypes', 'encryptionKey', 'enabled'] },
  'new CapacityAwareEndpoint, existingEndpoint': { args: () => [{ endpointLogicalId: 'Endpoint' }], call: (s, a) => endpoint(s, { existingEndpoint: a[0] }).autoScale({ maxCapacity: 2 }),
    optional: ['scalableTargetLogicalId', 'scalableTargetResourceId'] },
  'new CapacityAwareEndpoint, asyncInference': { args: (s) => [{ outputBucket: bucket(s) }], call: (s, a) => endpoint(s, { asyncInference: a[0] }),
    optional: ['inputBucket', 'inputPrefix', 'outputPrefix', 'failureBucket', 'failurePrefix', 'successTopic', 'errorTopic', 'outputEncryptionKey',
      'maxConcurrentInvocationsPerInstance'] },
  'new InferenceComponentEndpoint, managedInstanceScaling': { args: () => [{ maxInstanceCount: 4 }], call: (s, a) => icEndpoint(s, { managedInstanceScaling: a[0] }),
    optional: ['minInstanceCount'] },
  'CapacityAwareEndpoint.fromEndpointAttributes': { args: () => [{ endpointName: 'live', pools: pools() }],
    call: (s, a) => CapacityAwareEndpoint.fromEndpointAttributes(s, 'Subject', a[0]), optional: ['variantName', 'metricPublishFrequency', 'asyncInference'] },
  'new InferenceComponentEndpoint': { args: () => [{ pools: [{ instanceType: G6 }] }], call: (s, a) => new InferenceComponentEndpoint(s, 'Subject', a[0]),
    optional: [...ENDPOINT_OPTIONAL, 'role', 'managedInstanceScaling'] },
  'InferenceComponentEndpoint.fromEndpointAttributes': { args: () => [{ endpointName: 'live', pools: [{ instanceType: G6 }] }],
    call: (s, a) => InferenceComponentEndpoint.fromEndpointAttributes(s, 'Subject', a[0]), optional: ['variantName', 'metricPublishFrequency', 'asyncInference'] },
  'CapacitySize.percent': { args: () => [20], call: (_s, a) => CapacitySize.percent(a[0]) },
  'CapacitySize.instanceCount': { args: () => [2], call: (_s, a) => CapacitySize.instanceCount(a[0]) },
  'TrafficShift.allAtOnce': { args: () => [Duration.minutes(1)], call: (_s, a) => TrafficShift.allAtOnce(a[0]) },
  'TrafficShift.canary': { args: () => [CapacitySize.percent(10), Duration.minutes(1)], call: (_s, a) => TrafficShift.canary(a[0], a[1]) },
  'TrafficShift.linear': { args: () => [CapacitySize.percent(10), Duration.minutes(1)], call: (_s, a) => TrafficShift.linear(a[0], a[1]) },
  'ComponentCapacitySize.copyCount': { args: () => [2], call: (_s, a) => ComponentCapacitySize.copyCount(a[0]) },
  'ComponentCapacitySize.percent': { args: () => [20], call: (_s, a) => ComponentCapacitySize.percent(a[0]) },
  'ComponentDeployment.rolling': { args: () => [{ maximumBatchSize: ComponentCapacitySize.copyCount(1), waitInterval: Duration.minutes(1) }],
    call: (_s, a) => ComponentDeployment.rolling(a[0]), optional: ['maximumExecutionTimeout', 'rollbackMaximumBatchSize', 'autoRollbackAlarms'] },
  'DeploymentStrategy.rolling': { args: () => [{ maximumBatchSize: CapacitySize.percent(20), waitInterval: Duration.minutes(5) }],
    call: (_s, a) => DeploymentStrategy.rolling(a[0]), optional: ['maximumExecutionTimeout', 'autoRollbackAlarms', 'rollbackOnEndpointAlarms', 'rollbackMaximumBatchSize'] },
  'DeploymentStrategy.blueGreen': { args: () => [{}], call: (_s, a) => DeploymentStrategy.blueGreen(a[0]),
    optional: ['trafficShift', 'terminationWait', 'maximumExecutionTimeout', 'autoRollbackAlarms', 'rollbackOnEndpointAlarms'] },
  'ScalingSignal.weightedUtilization': { args: () => [{}], call: (_s, a) => ScalingSignal.weightedUtilization(a[0]), optional: ['targetUtilization', 'aggregation'] },
  'ScalingSignal.concurrentRequestsPerModel': { args: () => [{ targetValue: 5 }], call: (_s, a) => ScalingSignal.concurrentRequestsPerModel(a[0]) },
  'ScalingSignal.backlogPerInstance': { args: () => [{ targetValue: 5 }], call: (_s, a) => ScalingSignal.backlogPerInstance(a[0]) },
  'CopyScalingSignal.weightedUtilization': { args: () => [{}], call: (_s, a) => CopyScalingSignal.weightedUtilization(a[0]), optional: ['targetUtilization', 'aggregation'] },
  'CopyScalingSignal.concurrentRequestsPerCopy': { args: () => [{ targetValue: 5 }], call: (_s, a) => CopyScalingSignal.concurrentRequestsPerCopy(a[0]) },
  'CopyScalingSignal.invocationsPerCopy': { args: () => [{ targetValue: 5 }], call: (_s, a) => CopyScalingSignal.invocationsPerCopy(a[0]) },
  'new EndpointAutoScaling': { args: (s) => [{ endpoint: endpoint(s), maxCapacity: 4 }], call: (s, a) => new EndpointAutoScaling(s, 'Subject', a[0]),
    optional: ['minCapacity', 'signal', 'initialInstanceCount', 'asyncInference', 'scaleInCooldown', 'scaleOutCooldown', 'disableScaleIn'] },
  'InferenceComponentSpecification.forAllInstanceTypes': { args: (s) => [{ model: imported(s), minMemory: Size.mebibytes(512) }],
    call: (_s, a) => InferenceComponentSpecification.forAllInstanceTypes(a[0]), optional: SPEC_OPTIONAL },
  'InferenceComponentSpecification.perInstanceType': { args: (s) => [[
    { instanceType: G6, model: imported(s), minMemory: Size.mebibytes(512) },
    { instanceType: InstanceType.ML_G6_12XLARGE, model: imported(s, 'I2'), minMemory: Size.mebibytes(512) }]],
  call: (_s, a) => InferenceComponentSpecification.perInstanceType(a[0]) },
  'new PooledInferenceComponent': { args: (s) => [{ endpoint: icEndpoint(s), specification: allTypes(s) }], call: (s, a) => new PooledInferenceComponent(s, 'Subject', a[0]),
    optional: ['copyCount', 'inferenceComponentName', 'tags', 'deployment'] },
  'new InferenceComponentAutoScaling': { args: (s) => [{ component: component(s), maxCopyCount: 4 }], call: (s, a) => new InferenceComponentAutoScaling(s, 'Subject', a[0]),
    optional: ['minCopyCount', 'signal', 'copyCount', 'scaleInCooldown', 'scaleOutCooldown', 'disableScaleIn'] },
  'new InferenceComponentWidgets': { args: (s) => [component(s), {}], call: (_s, a) => new InferenceComponentWidgets(a[0], a[1]).widgets(), optional: ['period', 'widgetHeight'] },
  'new PoolWidgets': { args: (s) => [endpoint(s), {}], call: (_s, a) => new PoolWidgets(a[0], a[1]).widgets(), optional: ['period', 'alarms', 'scalingSignal', 'scalingTarget', 'widgetHeight'] },
  'new PoolAlarms': { args: (s) => [{ endpoint: endpoint(s) }], call: (s, a) => new PoolAlarms(s, 'Subject', a[0]),
    optional: ['alarmNamePrefix', 'modelLatencyThreshold', 'errorRateThresholdPercent', 'concurrencyThresholdPercent', 'fallbackAlarmAfter', 'period',
      'evaluationPeriods', 'datapointsToAlarm', 'alarmActions', 'okActions'] },
  'new PoolDashboard': { args: (s) => [{ endpoint: endpoint(s) }], call: (s, a) => new PoolDashboard(s, 'Subject', a[0]),
    optional: ['dashboard', 'dashboardName', 'defaultInterval', 'period', 'alarms', 'scalingSignal', 'scalingTarget', 'widgetHeight'] },
  'endpoint.variant': { args: () => ['B'], call: (s, a) => withVariant(s).variant(a[0]) },
  'variant.autoScale': { args: () => [{ maxCapacity: 4 }], call: (s, a) => withVariant(s).variant('B').autoScale(a[0]), optional: ['minCapacity', 'signal', 'scaleInCooldown'] },
  'variant.addAlarms': { args: () => [{}], call: (s, a) => withVariant(s).variant('B').addAlarms(a[0]), optional: ['alarmNamePrefix', 'modelLatencyThreshold', 'alarmActions'] },
  'variant.addDashboard': { args: () => ['Dash', {}], call: (s, a) => withVariant(s).variant('B').addDashboard(a[0], a[1]), optional: ['dashboardName', 'dashboard', 'scalingSignal'] },
  'endpoint.autoScale': { args: () => [{ maxCapacity: 4 }], call: (s, a) => endpoint(s).autoScale(a[0]), optional: ['minCapacity', 'signal', 'scaleInCooldown'] },
  'endpoint.addAlarms': { args: () => [{}], call: (s, a) => endpoint(s).addAlarms(a[0]), optional: ['alarmNamePrefix', 'modelLatencyThreshold', 'alarmActions'] },
  'endpoint.addDashboard': { args: () => ['Dash', {}], call: (s, a) => endpoint(s).addDashboard(a[0], a[1]), optional: ['dashboardName', 'dashboard', 'scalingSignal'] },
  'model.grantContainerAccess': { args: (s) => [new iam.Role(s, 'Role', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') })],
    call: (s, a) => new Model(s, 'Subject', { container: ModelContainer.fromImage(ContainerImage.fromEcrRepository(new ecr.Repository(s, 'Repo'), 'v1'), {
      modelData: ModelData.fromBucket(bucket(s), 'model.tar.gz') }) }).grantContainerAccess(a[0]) },
  'endpoint.grantInvoke': { args: (s) => [new iam.Role(s, 'Role', { assumedBy: new iam.AccountRootPrincipal() })], call: (s, a) => endpoint(s).grantInvoke(a[0]) },
  'endpoint.metric': { args: () => ['Invocations', {}], call: (s, a) => endpoint(s).metric(a[0], a[1]), optional: ['instanceType', 'statistic'] },
  'endpoint.metricModelLatency': { args: () => [{}], call: (s, a) => endpoint(s).metricModelLatency(a[0]), optional: ['instanceType'] },
  'icEndpoint.addInferenceComponent': { args: (s) => ['C', { specification: allTypes(s) }], call: (s, a) => icEndpoint(s).addInferenceComponent(a[0], a[1]),
    optional: ['copyCount', 'inferenceComponentName', 'tags', 'deployment'] },
  'component.autoScale': { args: () => [{ maxCopyCount: 4 }], call: (s, a) => component(s).autoScale(a[0]), optional: ['minCopyCount', 'signal'] },
  'component.widgets': { args: () => [{}], call: (s, a) => component(s).widgets(a[0]), optional: ['period', 'widgetHeight'] },
  'component.metric': { args: () => ['Invocations', {}], call: (s, a) => component(s).metric(a[0], a[1]), optional: ['instanceType'] },
  'testing.MetricMath.evaluate': { args: () => ['m1 / 2', { m1: 4 }], call: (_s, a) => testing.MetricMath.evaluate(a[0], a[1]) },
  'testing.MetricMath.evaluateQueries': { args: () => [[{ id: 'm1' }, { id: 'e', expression: 'm1 * 2' }], 'e', { m1: 1 }],
    call: (_s, a) => testing.MetricMath.evaluateQueries(a[0], a[1], a[2]) },
  'testing.TargetTrackingPolicy.fromTemplate': { args: () => [template(), {}], call: (_s, a) => testing.TargetTrackingPolicy.fromTemplate(a[0], a[1]).evaluateById({ m1: 1 }) },
  'testing.TargetTrackingPolicy.evaluateFleet': { args: () => [{ 'ml.g6.48xlarge': { instances: 1, concurrency: 2 } }],
    call: (_s, a) => testing.TargetTrackingPolicy.fromTemplate(template()).evaluateFleet(a[0]) },
  'testing.TargetTrackingPolicy.evaluate': { args: () => [{ 'ml.g6.48xlarge': 1 }], call: (_s, a) => testing.TargetTrackingPolicy.fromTemplate(template()).evaluate(a[0]) },
};

/** A variant: argument `arg`, or its prop `key`, replaced by `value`. */
interface Change { readonly arg: number; readonly key?: string; readonly value: unknown }

function isStruct(arg: unknown): arg is object {
  return arg !== null && typeof arg === 'object' && !Array.isArray(arg) && Object.getPrototypeOf(arg) === Object.prototype;
}

/**
 * Every variant of an entry point's arguments, worked out once from the valid ones: none changed (the first), then
 * each argument and each prop of a struct argument in turn, degenerate.
 */
function changes(point: EntryPoint, valid: unknown[]): (Change | undefined)[] {
  const out: (Change | undefined)[] = [undefined];
  valid.forEach((arg, i) => {
    for (const value of DEGENERATE) out.push({ arg: i, value });
    if (isStruct(arg)) {
      for (const key of new Set([...Object.keys(arg), ...(point.optional ?? [])])) {
        for (const value of DEGENERATE) out.push({ arg: i, key, value });
      }
    }
  });
  return out;
}

/** The valid arguments with `change` made. */
function applyChange(valid: unknown[], change: Change | undefined): unknown[] {
  if (!change) return valid;
  return valid.map((a, j) => (j !== change.arg ? a : change.key === undefined ? change.value : { ...(a as object), [change.key]: change.value }));
}

function isTesting(name: string): boolean {
  return name.startsWith('testing.');
}

/**
 * A variant's stack. Its synthesizer is the plain one (LegacyStackSynthesizer): the library creates no asset and
 * never reads a stack's synthesizer, and the matrix does not synthesize (it validates and renders, below), so the
 * bootstrap names DefaultStackSynthesizer works out for every stack are of no use here; working them out took about
 * 7 % of the matrix's CPU in a profile.
 */
const variantStack = (app: Construct, v: number) =>
  new Stack(app, `V${v}`, { env: { account: '111111111111', region: `us-east-${v}` }, synthesizer: new LegacyStackSynthesizer() });

describe('no public entry point ends in a TypeError or an aws-cdk-lib internal error', () => {
  // Each variant runs in a stack of its own, with valid arguments built there. The problems are collected and
  // compared once: an expect() per call would cost more than the calls.
  test.each(Object.keys(ENTRY_POINTS))('%s', (name) => {
    const point = ENTRY_POINTS[name];
    const app = App.of(testStack())!;
    const variants = changes(point, point.args(new Stack(app, 'Count')));
    const problems: string[] = [];
    let accepted = 0;
    // The variants throw thousands of errors, each of which would capture a stack trace nobody reads (a problem is
    // reported by its class and message): the calls run without them, the assertions below with them again.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      variants.forEach((change, v) => {
        const stack = variantStack(app, v);
        try {
          point.call(stack, applyChange(point.args(stack), change));
          accepted++;
        } catch (error) {
          app.node.tryRemoveChild(stack.node.id); // rejected: nothing of it to synthesize
          const expected = isTesting(name) ? (error as Error)?.constructor === Error : error instanceof InstancePoolsError;
          if (!expected) problems.push(`${name}(${v}) threw ${(error as Error)?.constructor?.name}: ${(error as Error)?.message}`);
        }
      });
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    expect(problems).toEqual([]);
    expect(accepted).toBeGreaterThan(0);
    if (!isTesting(name)) {
      // What synthesis does, stack by stack: the validations, then rendering every L1 (where aws-cdk-lib checks types).
      for (const stack of app.node.children.filter((c): c is Stack => Stack.isStack(c))) {
        const constructs = stack.node.findAll();
        for (const construct of constructs) {
          for (const message of construct.node.validate()) {
            if (typeof message !== 'string' || !/\[[A-Za-z]+\]$/.test(message)) problems.push(`${stack.node.id}: an uncoded validation message: ${message}`);
          }
        }
        for (const resource of constructs.filter((c): c is CfnResource => CfnResource.isCfnResource(c))) {
          try {
            stack.resolve((resource as any)._toCloudFormation());
          } catch (error) {
            problems.push(`${resource.node.path} does not render: ${(error as Error)?.message}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('the table lists every public factory and constructor', () => {
    const abstract = ['InstancePoolEndpointBase', 'CapacityAwareEndpointBase', 'InferenceComponentEndpointBase', 'InferenceComponentBase',
      'ContainerImage', 'ModelData', 'ModelContainer', 'InferenceComponentSpecification', 'ScalingSignal', 'CopyScalingSignal'];
    const required: string[] = [];
    for (const [name, value] of Object.entries(lib)) {
      if (typeof value !== 'function') continue;
      const statics = Object.getOwnPropertyNames(value).filter((k) => typeof (value as any)[k] === 'function');
      required.push(...statics.map((s) => `${name}.${s}`));
      const privateConstructor = ['InstanceType', 'CapacitySize', 'TrafficShift', 'DeploymentStrategy', 'ComponentCapacitySize', 'ComponentDeployment'].includes(name);
      const isClass = /^[A-Z]/.test(name); // exported helper functions are not constructors
      if (isClass && !abstract.includes(name) && !privateConstructor) required.push(`new ${name}`);
    }
    for (const [name, value] of Object.entries(testing)) {
      for (const s of Object.getOwnPropertyNames(value).filter((k) => typeof (value as any)[k] === 'function')) required.push(`testing.${name}.${s}`);
    }
    expect(required.filter((name) => !(name in ENTRY_POINTS))).toEqual([]);
  });
});
