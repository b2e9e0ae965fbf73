/**
 * Integration test 1: a real-time endpoint on two inexpensive CPU pools, with weighted autoscaling, per-type
 * alarms, a dashboard and a rolling deployment, serving the tiny model (a model of its own on pool 2).
 *
 * Asserts: the endpoint runs its instance in a pool (DescribeEndpoint: InstancePools with CurrentInstanceCount),
 * the endpoint config carries the ranked pools and pool 2's ModelNameOverride, InvokeEndpoint returns the tiny
 * model's answer, Application Auto Scaling registered the target and accepted the metric-math target-tracking
 * policy (it created the policy's alarms), and the per-instance-type alarms and the dashboard exist. Then probe
 * alarms settle, at a metric publish frequency of 10 s, whether an idle instance publishes CPUUtilization per
 * instance type every minute (the weighted signal's test of an active pool) and six times a minute (the
 * dashboard's instance estimate), and record whether an idle pool publishes ConcurrentRequestsPerModel.
 */
import { Annotations, Duration, Stack } from 'aws-cdk-lib';
import { ExpectedResult, Match } from '@aws-cdk/integ-tests-alpha';
import { CapacityAwareEndpoint, CapacitySize, DeploymentStrategy, InstanceType } from '../../lib';
import { assertWithin, integApp, integTest } from './support/integ-app';
import { expectScalableTarget, expectScalingPolicies, variantResourceId } from './support/variant-autoscaling-calls';
import { MetricProbe } from './support/metric-probe';
import { TINY_MODEL_REQUEST, tinyModel, tinyModelAnswerOf } from './support/tiny-model';

const ENDPOINT_NAME = 'integ-pools-realtime';
const C6I = 'ml.c6i.large';
const M6I = 'ml.m6i.large';

const integ = integApp();
const stack = new Stack(integ.app, 'InstancePoolsRealtime');

const pool1Model = tinyModel(stack, 'Pool1Model', '1');
const pool2Model = tinyModel(stack, 'Pool2Model', '2');
const endpoint = new CapacityAwareEndpoint(stack, 'Endpoint', {
  endpointName: ENDPOINT_NAME, // the endpoint's own alarms roll its deployments back: they watch it by name
  model: pool1Model,
  pools: [
    { instanceType: InstanceType.of(C6I), maxConcurrency: 4 },
    { instanceType: InstanceType.of(M6I), model: pool2Model, maxConcurrency: 4 },
  ],
  metricPublishFrequency: Duration.seconds(10),
  deployment: DeploymentStrategy.rolling({
    maximumBatchSize: CapacitySize.instanceCount(1),
    waitInterval: Duration.minutes(1),
    maximumExecutionTimeout: Duration.minutes(30),
  }),
});
endpoint.autoScale({ minCapacity: 1, maxCapacity: 2 });
const alarms = endpoint.addAlarms({ modelLatencyThreshold: Duration.seconds(5), errorRateThresholdPercent: 5 });
Annotations.of(alarms).acknowledgeWarning('cdk-sagemaker-instance-pools:alarmsWithoutActions',
  'A test endpoint: the alarms exist to be described and to roll deployments back, no one is paged.');
const dashboard = endpoint.addDashboard('Dashboard', { dashboardName: ENDPOINT_NAME });
Annotations.of(dashboard).acknowledgeWarning('cdk-sagemaker-instance-pools:instanceEstimateAtFrequency',
  'This test settles the assumption with a probe alarm (instance-samples-10s).');

// Open questions about the metrics, asked by probe alarms on the endpoint while it idles (see MetricProbe).
const probe = (id: string, namespace: string, metricName: string, samplesPerMinute: number) => new MetricProbe(stack, id, {
  alarmName: `${ENDPOINT_NAME}-probe-${id}`, namespace, metricName, endpointName: ENDPOINT_NAME,
  instanceTypes: [C6I, M6I], samplesPerMinute, minutes: 5,
});
// The weighted signal counts a pool as active when its CPUUtilization has a sample: does an idle instance publish
// one per instance type every minute?
const instanceSamples = probe('instance-samples', '/aws/sagemaker/Endpoints', 'CPUUtilization', 1);
// The dashboard's instance estimate assumes the per-InstanceType series follow the publish frequency (10 s: six
// samples a minute), as the variant's do.
const instanceSamplesAt10s = probe('instance-samples-10s', '/aws/sagemaker/Endpoints', 'CPUUtilization', 6);
// Does SageMaker publish ConcurrentRequestsPerModel for an idle pool? The signal no longer depends on it: recorded.
const idleConcurrency = probe('idle-concurrency', 'AWS/SageMaker', 'ConcurrentRequestsPerModel', 1);

const test = integTest(integ.app, 'RealtimePools', stack);
const assertions = test.assertions;
const resourceId = variantResourceId(ENDPOINT_NAME);
const aMinute = Duration.minutes(1);

// The instance runs in one of the two pools, and DescribeEndpoint reports it per pool.
const described = assertWithin(assertions.awsApiCall('SageMaker', 'describeEndpoint', { EndpointName: ENDPOINT_NAME }),
  ExpectedResult.objectLike({
    EndpointStatus: 'InService',
    ProductionVariants: [Match.objectLike({
      VariantName: 'AllTraffic',
      CurrentInstanceCount: 1,
      InstancePools: Match.arrayWith([Match.objectLike({ InstanceType: Match.stringLikeRegexp(`^(${C6I}|${M6I})$`), CurrentInstanceCount: 1 })]),
    })],
  }), Duration.minutes(5));

// The endpoint config: ranked pools, pool 2 with its own model.
const config = assertWithin(assertions.awsApiCall('SageMaker', 'describeEndpointConfig', {
  EndpointConfigName: endpoint.cfnEndpointConfig.attrEndpointConfigName,
}), ExpectedResult.objectLike({
  ProductionVariants: [Match.objectLike({
    InstancePools: [
      { InstanceType: C6I, Priority: 1 },
      { InstanceType: M6I, Priority: 2, ModelNameOverride: pool2Model.modelName },
    ],
    RoutingConfig: { RoutingStrategy: 'LEAST_OUTSTANDING_REQUESTS' },
  })],
}), aMinute);

// The tiny model answers; the pool that serves depends on where SageMaker found capacity.
const invoked = assertWithin(assertions.awsApiCall('SageMakerRuntime', 'invokeEndpoint', {
  EndpointName: ENDPOINT_NAME,
  ContentType: 'application/json',
  Body: TINY_MODEL_REQUEST,
}), ExpectedResult.objectLike({
  ContentType: 'application/json',
  Body: Match.stringLikeRegexp(tinyModelAnswerOf(['1', '2'])),
}), Duration.minutes(3));

// Application Auto Scaling: the target, and the metric-math policy it accepted (it created the policy's alarms).
const target = expectScalableTarget(assertions, resourceId, { min: 1, max: 2 });
const policy = expectScalingPolicies(assertions, resourceId, [Match.objectLike({
  PolicyType: 'TargetTrackingScaling',
  TargetTrackingScalingPolicyConfiguration: Match.objectLike({
    TargetValue: 0.7,
    CustomizedMetricSpecification: Match.objectLike({
      Metrics: Match.arrayWith([Match.objectLike({ Expression: Match.stringLikeRegexp('FILL'), ReturnData: true })]),
    }),
  }),
  Alarms: Match.arrayWith([Match.objectLike({ AlarmName: Match.stringLikeRegexp('^TargetTracking-') })]),
})]);

// The per-instance-type alarms, by their deterministic names, and the dashboard.
const alarmPrefix = `SageMaker-${ENDPOINT_NAME}-AllTraffic-`;
const describedAlarms = assertWithin(assertions.awsApiCall('CloudWatch', 'describeAlarms', { AlarmNamePrefix: alarmPrefix, MaxRecords: 100 }),
  ExpectedResult.objectLike({
    MetricAlarms: Match.arrayWith([C6I, M6I].flatMap((type) => ['ModelLatencyP99', 'Invocation5XXErrorRate', 'ConcurrencyAboveMax']
      .map((kind) => Match.objectLike({ AlarmName: `${alarmPrefix}${type}-${kind}` })))),
  }), aMinute);
const gotDashboard = assertWithin(assertions.awsApiCall('CloudWatch', 'getDashboard', { DashboardName: ENDPOINT_NAME }),
  ExpectedResult.objectLike({ DashboardName: ENDPOINT_NAME }), aMinute);

const probes = [
  instanceSamples.assertHolds(assertions, Duration.minutes(20)),
  instanceSamplesAt10s.assertHolds(assertions, Duration.minutes(10)),
  idleConcurrency.recordAnswer(assertions),
];

[described, config, invoked, target, policy, describedAlarms, gotDashboard, ...probes].reduce((previous, next) => previous.next(next));
integ.synth();
