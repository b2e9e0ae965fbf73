import { App, Duration, Size, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as iam from 'aws-cdk-lib/aws-iam';
import {
  CapacityAwareEndpoint, CapacityReservationPreference, CapacitySize, CaptureMode, ContainerImage, DeploymentStrategy, InferenceComponentSpecification, InstanceType, Model,
  ModelContainer, ModelData, RoutingStrategy, ScalingSignal, TrafficShift, UtilizationAggregation,
} from '../../lib';
import { testStack } from '../util';
import { allTypes, bucket, endpoint, icEndpoint, imported, lmi, numToken, outcome, strToken, variant } from './hostile-input';

/** Valid but unusual inputs: each must synthesize. */
const type = (name: string) => ({ instanceType: InstanceType.of(name) });
const FIVE = ['ml.g6.48xlarge', 'ml.g6e.48xlarge', 'ml.g5.48xlarge', 'ml.p4d.24xlarge', 'ml.p5.48xlarge'].map(type);
const seconds = (name: string) => Duration.seconds(numToken(name));

const rows: Array<[string, (s: Stack) => unknown]> = [
  ['one pool', (s) => endpoint(s, { pools: [type('ml.g6.xlarge')] })],
  ['five pools', (s) => endpoint(s, { pools: FIVE })],
  ['five pools on an inference-component endpoint', (s) => icEndpoint(s, { pools: FIVE })],
  ['a well-formed type newer than the catalog (ml.g9.12xlarge)', (s) => endpoint(s, { pools: [type('ml.g9.12xlarge')] })],
  ['a well-formed type newer than the catalog with a dashed family (ml.p7-x300.48xlarge)', (s) => endpoint(s, { pools: [type('ml.p7-x300.48xlarge')] })],
  ['a catalogued type with unknown traits (ml.g7.12xlarge) and a dashboard', (s) => endpoint(s, { pools: [type('ml.g7.12xlarge')] }).addDashboard('D')],
  ['ml.trn2.3xlarge, ml.dl1.24xlarge and ml.p6e-gb200.36xlarge pools', (s) => endpoint(s, { pools: [type('ml.trn2.48xlarge'), type('ml.dl1.24xlarge'), type('ml.p6e-gb200.36xlarge')] })],
  ['an instance type token', (s) => endpoint(s, { pools: [{ instanceType: InstanceType.of(strToken('Type')), maxConcurrency: numToken('Max') }] })],
  ['an imported model by name', (s) => endpoint(s, { model: Model.fromModelName(s, 'I', 'existing') })],
  ['an imported model with its role, serving asynchronously', (s) => endpoint(s, {
    model: Model.fromModelAttributes(s, 'I', { modelName: 'existing', role: iam.Role.fromRoleName(s, 'R', 'sagemaker-role') }),
    asyncInference: { outputBucket: bucket(s) },
  })],
  ['an imported endpoint with pools', (s) => CapacityAwareEndpoint.fromEndpointAttributes(s, 'I', { endpointName: 'live', pools: FIVE })],
  ['tokens everywhere', (s) => {
    const e = endpoint(s, {
      endpointName: strToken('EndpointName'), variantName: strToken('Variant'), initialInstanceCount: numToken('Count'),
      model: lmi(s, 'M', {
        modelName: strToken('ModelName'),
        container: ModelContainer.fromImage(ContainerImage.fromDeepLearningContainer(strToken('Repo'), strToken('Tag'), { account: strToken('Account') }), {
          modelData: ModelData.fromBucket(bucket(s), strToken('Key')), environment: { HF_MODEL_ID: strToken('ModelId') },
        }),
      }),
      pools: [{ instanceType: InstanceType.ML_G6_48XLARGE, maxConcurrency: numToken('Max1') }, { instanceType: InstanceType.ML_G5_48XLARGE, maxConcurrency: numToken('Max2') }],
      provisioningTimeout: seconds('Provision'), containerStartupHealthCheckTimeout: seconds('Health'), modelDataDownloadTimeout: seconds('Download'),
      tags: { team: strToken('Team') },
      deployment: DeploymentStrategy.rolling({
        maximumBatchSize: CapacitySize.instanceCount(numToken('Batch')), waitInterval: seconds('Wait'),
        maximumExecutionTimeout: seconds('Timeout'), rollbackOnEndpointAlarms: false,
      }),
    });
    e.autoScale({ minCapacity: numToken('Min'), maxCapacity: numToken('MaxCap'), scaleInCooldown: seconds('In'), scaleOutCooldown: seconds('Out'),
      signal: ScalingSignal.weightedUtilization({ targetUtilization: numToken('Target') }) });
    e.addAlarms({ modelLatencyThreshold: seconds('Latency'), errorRateThresholdPercent: numToken('Err'), evaluationPeriods: numToken('Eval') });
    e.addDashboard('D', { dashboardName: strToken('Dashboard') });
  }],
  ['tokens in an inference component: memory in MiB, timeouts in seconds, names, counts', (s) => icEndpoint(s).addInferenceComponent('C', {
    specification: allTypes(s, { minMemory: Size.mebibytes(numToken('Mem')), maxMemory: Size.mebibytes(numToken('MaxMem')), acceleratorCount: numToken('Acc'),
      modelDataDownloadTimeout: seconds('Dl'), containerStartupHealthCheckTimeout: seconds('Hc'), maxConcurrencyPerCopy: numToken('PerCopy') }),
    inferenceComponentName: strToken('IcName'), copyCount: numToken('Copies'),
  }).autoScale({ maxCopyCount: numToken('MaxCopies') })],
  ['a latency threshold token in minutes (the alarm compares in minutes)', (s) => endpoint(s).addAlarms({ modelLatencyThreshold: Duration.minutes(numToken('L')) })],
  ['blue/green with token waits in seconds', () => DeploymentStrategy.blueGreen({
    trafficShift: TrafficShift.canary(CapacitySize.percent(10), seconds('Canary')), terminationWait: seconds('Term'), maximumExecutionTimeout: seconds('Max'),
  })],
  ['a token S3 prefix and async prefixes', (s) => endpoint(s, {
    model: lmi(s, 'M', { container: ModelContainer.fromImage(ContainerImage.fromImageUri('nginx'), { modelData: ModelData.fromBucketPrefix(bucket(s, 'B2'), `${strToken('P')}/`) }) }),
    asyncInference: { outputBucket: bucket(s), outputPrefix: `${strToken('Out')}/`, failurePrefix: 'fail/' },
  })],
  ['minCapacity 0 on an asynchronous endpoint', (s) => endpoint(s, { asyncInference: { outputBucket: bucket(s) } })
    .autoScale({ minCapacity: 0, maxCapacity: 2, signal: ScalingSignal.backlogPerInstance({ targetValue: 5 }) })],
  ['counts at the top of the API integer range', (s) => endpoint(s, { initialInstanceCount: 2147483647 }).autoScale({ maxCapacity: 2147483647 })],
  ['CapacitySize.instanceCount(2147483647)', () => CapacitySize.instanceCount(2147483647)],
  ['maxConcurrency 0.001 and 1,000,000', (s) => endpoint(s, { pools: [{ ...type('ml.g6.xlarge'), maxConcurrency: 0.001 }, { ...type('ml.g5.xlarge'), maxConcurrency: 1_000_000 }] })
    .autoScale({ maxCapacity: 2 })],
  ['a copy using exactly the 768 GiB and 8 GPUs of ml.g6.48xlarge', (s) => icEndpoint(s, { pools: [type('ml.g6.48xlarge')] })
    .addInferenceComponent('C', { specification: allTypes(s, { minMemory: Size.gibibytes(768), acceleratorCount: 8 }) })],
  ['a CPU copy without accelerators on ml.m5.xlarge', (s) => icEndpoint(s, { pools: [type('ml.m5.xlarge')] })
    .addInferenceComponent('C', { specification: allTypes(s, { cpuCoreCount: 0.25 }) })],
  ['images by digest, from an ECR repository and a DLC', (s) => {
    const digest = `sha256:${'ab'.repeat(32)}`;
    ContainerImage.fromEcrRepository(new ecr.Repository(s, 'R'), digest);
    ContainerImage.fromDeepLearningContainer('huggingface-pytorch-tgi-inference', digest);
    ContainerImage.fromImageUri(`123456789012.dkr.ecr.us-east-1.amazonaws.com/team/llm@${digest}`);
  }],
  ['a DLC in another registry account, a nested repository path', () => ContainerImage.fromDeepLearningContainer('team/llm_v2.x', 'v1', { account: '914824155844' })],
  ['an image URI outside ECR with a port', () => ContainerImage.fromImageUri('registry.example.com:5000/llm:v1')],
  ["environment keys '_PRIVATE' and 'a1', a value of 1024 characters", () => ModelContainer.fromImage(ContainerImage.fromImageUri('nginx'),
    { environment: { _PRIVATE: '', a1: 'x'.repeat(1024) } })],
  ['a model package ARN with a version and an inference specification', () => ModelContainer.fromModelPackage(
    'arn:aws:sagemaker:us-east-1:123456789012:model-package/qwen/3', { inferenceSpecificationName: 'g6-tp8' })],
  ['tags with spaces, unicode letters, an empty value, and 50 of them', (s) => endpoint(s, {
    tags: { 'Cost Center': 'ML Platform', 'Équipe': 'données', 'empty': '', ...Object.fromEntries(Array.from({ length: 47 }, (_, i) => [`k${i}`, 'v'])) },
  })],
  ['a tag key containing aws: after the start', (s) => endpoint(s, { tags: { 'team:aws:owner': 'me' } })],
  ["a dashboard named 'fleet_2-prod'", (s) => endpoint(s).addDashboard('D', { dashboardName: 'fleet_2-prod' })],
  ['every routing strategy and aggregation', (s) => {
    endpoint(s, { routingStrategy: RoutingStrategy.RANDOM }, 'A').autoScale({ maxCapacity: 2, signal: ScalingSignal.weightedUtilization({ aggregation: UtilizationAggregation.MAX }) });
    endpoint(s, { routingStrategy: RoutingStrategy.LEAST_OUTSTANDING_REQUESTS }, 'B').autoScale({ maxCapacity: 2, signal: ScalingSignal.weightedUtilization({ aggregation: UtilizationAggregation.MEAN_OF_ALL_POOLS }) });
  }],
  ['null for optional props from a jsii language', (s) => endpoint(s, { encryptionKey: null as any, asyncInference: null as any, tags: null as any, routingStrategy: null as any })],
  ['null endpointName (a model with its role) and null alarm actions from a jsii language', (s) => endpoint(s, { endpointName: null as any, model: lmi(s) })
    .addAlarms({ alarmActions: null as any, okActions: null as any })],
  ['a per-type specification on well-formed types newer than the catalog', (s) => icEndpoint(s, { pools: [type('ml.g9.xlarge'), type('ml.g9.2xlarge')] })
    .addInferenceComponent('C', { specification: InferenceComponentSpecification.perInstanceType([
      { instanceType: InstanceType.of('ml.g9.xlarge'), model: imported(s), minMemory: Size.gibibytes(1), acceleratorCount: 1 },
      { instanceType: InstanceType.of('ml.g9.2xlarge'), model: imported(s, 'I2'), minMemory: Size.gibibytes(1), acceleratorCount: 1 }]) })],
  // The newest surface: several variants, shadow variants, reservations, volume sizes, data capture, takeovers.
  ["variants named like the endpoint's construct children ('Resource', 'AutoScaling', 'Alarms', 'Variants', 'EndpointConfig'), each fully equipped", (s) => {
    const names = ['Resource', 'AutoScaling', 'Alarms', 'Variants', 'EndpointConfig'];
    const e = endpoint(s, { endpointName: 'children', variants: names.map((variantName) => variant(s, { variantName })) });
    for (const name of names) { e.variant(name).autoScale({ maxCapacity: 2 }); e.variant(name).addAlarms(); e.variant(name).addDashboard('Dashboard'); }
  }],
  ['a variant named by a parameter, autoscaled and alarmed', (s) => {
    const e = endpoint(s, { variants: [variant(s, { variantName: strToken('CandidateName') })] });
    e.variant(e.variantNames[1]).autoScale({ maxCapacity: 2 }); e.variant(e.variantNames[1]).addAlarms();
  }],
  ['six variants with five pools each, every one autoscaled, alarmed and on a dashboard', (s) => {
    const e = endpoint(s, { endpointName: 'six', pools: FIVE, variants: ['B', 'C', 'D', 'E', 'F'].map((variantName) => variant(s, { variantName, pools: FIVE })) });
    for (const name of e.variantNames) {
      const v = e.variant(name);
      v.autoScale({ maxCapacity: 4, signal: ScalingSignal.concurrentRequestsPerModel({ targetValue: 4 }) }); v.addAlarms(); v.addDashboard(`Dashboard${name}`);
    }
  }],
  ['a shadow variant on its own pools, autoscaled, with data capture', (s) => {
    const e = endpoint(s, { shadowVariants: [variant(s, { variantName: 'Shadow', initialVariantWeight: 0.5 })], dataCapture: { bucket: bucket(s), initialSamplingPercentage: 100 } });
    e.variant('Shadow').autoScale({ maxCapacity: 2 });
  }],
  ['data capture on an asynchronous endpoint (the API takes both)', (s) => endpoint(s, {
    asyncInference: { outputBucket: bucket(s) }, dataCapture: { bucket: bucket(s, 'Captures'), initialSamplingPercentage: 0, captureModes: [CaptureMode.OUTPUT] },
  })],
  ['data capture at its bounds: 100 %, ten content types, a prefix of 443 characters, a token prefix', (s) => {
    endpoint(s, { dataCapture: { bucket: bucket(s), initialSamplingPercentage: 100, prefix: `${'p'.repeat(442)}/`,
      jsonContentTypes: Array.from({ length: 10 }, (_, i) => `application/x${i}`), csvContentTypes: ['text/csv'] } }, 'A');
    endpoint(s, { dataCapture: { bucket: bucket(s, 'B2'), initialSamplingPercentage: numToken('Sampling'), prefix: `${strToken('Prefix')}/`, enabled: false } }, 'B');
  }],
  ['a reservation of any partition in an environment-agnostic stack, and a reservation ARN parameter', (s) => {
    const one = [{ instanceType: InstanceType.ML_P5_48XLARGE, maxConcurrency: 20 }];
    endpoint(new Stack(App.of(s)!, 'Agnostic'), { pools: one, capacityReservation: { mlReservationArn: 'arn:aws-cn:sagemaker:cn-north-1:111111111111:ml-reservation/a' } });
    endpoint(s, { pools: one, capacityReservation: { mlReservationArn: strToken('Reservation'), preference: CapacityReservationPreference.CAPACITY_RESERVATIONS_ONLY } });
  }],
  ['a reservation and a volume size on a variant, a weight of 0 next to the primary', (s) => endpoint(s, { variants: [variant(s, {
    initialVariantWeight: 0, volumeSize: Size.gibibytes(512), capacityReservation: { mlReservationArn: 'arn:aws:sagemaker:us-east-1:111111111111:ml-reservation/plan' } })] })],
  ['a volume size parameter in GiB on CPU pools', (s) => endpoint(s, { pools: [type('ml.m5.xlarge'), type('ml.c5.xlarge')], volumeSize: Size.gibibytes(numToken('Volume')) })],
  ['null for the optional props of variants, reservations and data capture from a jsii language', (s) => endpoint(s, {
    variants: [variant(s, { capacityReservation: null, volumeSize: null, routingStrategy: null, provisioningTimeout: null, initialVariantWeight: null })],
    shadowVariants: null as any, capacityReservation: null as any, volumeSize: null as any, existingEndpoint: null as any,
    dataCapture: { bucket: bucket(s), initialSamplingPercentage: 5, prefix: null as any, captureModes: null as any, jsonContentTypes: null as any, encryptionKey: null as any },
  })],
  ['taking over an endpoint with further variants, autoscaling the variant', (s) => {
    const e = endpoint(s, { endpointName: 'live', existingEndpoint: { endpointLogicalId: 'LiveEndpoint', scalableTargetLogicalId: 'LiveTarget' }, variants: [variant(s)] });
    e.autoScale({ maxCapacity: 2 }); e.variant('B').autoScale({ maxCapacity: 2 });
  }],
];

describe('valid but unusual input', () => {
  test.each(rows)('accepts %s', (_description, build) => {
    expect(outcome(build)).toBeUndefined();
  });

  test('tokens everywhere render as references, and the latency token alarms in its own unit', () => {
    const stack = testStack();
    endpoint(stack).addAlarms({ modelLatencyThreshold: Duration.minutes(numToken('L')) });
    const alarms = Template.fromStack(stack).findResources('AWS::CloudWatch::Alarm');
    const latency = Object.values(alarms).find((a: any) => JSON.stringify(a).includes('ModelLatencyP99')) as any;
    expect(latency.Properties.Threshold).toEqual({ Ref: 'L' });
    expect(JSON.stringify(latency.Properties.Metrics)).toContain('latency / 60000000');
  });

  test('a maxConcurrency of 0.001 renders as a plain decimal in the metric math', () => {
    const stack = testStack();
    endpoint(stack, { pools: [{ ...type('ml.g6.xlarge'), maxConcurrency: 0.001 }] }).autoScale({ maxCapacity: 2 });
    const policy = Object.values(Template.fromStack(stack).findResources('AWS::ApplicationAutoScaling::ScalingPolicy'))[0] as any;
    const expression = policy.Properties.TargetTrackingScalingPolicyConfiguration.CustomizedMetricSpecification.Metrics.find((m: any) => m.Expression).Expression;
    expect(expression).toContain('/ 0.001');
    expect(expression).not.toMatch(/e[-+]?\d/);
  });
});
