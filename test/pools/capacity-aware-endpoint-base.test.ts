import { Duration, Stack, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { InstanceType } from '../../lib';
import { CapacityAwareEndpointBase, EndpointMetricOptions } from '../../lib/pools/capacity-aware-endpoint-base';
import { RankedInstancePool } from '../../lib/pools/instance-pool';
import { seedEndpoint } from '../endpoint/fixtures';
import { testStack } from '../util';

/** The smallest capacity-aware endpoint: a name and a variant, metric name taken from `metricName` when given. */
class TestEndpoint extends CapacityAwareEndpointBase {
  public readonly endpointArn = 'arn:aws:sagemaker:us-east-1:111111111111:endpoint/llm';
  public readonly pools: RankedInstancePool[] = [{ instanceType: InstanceType.ML_G6_XLARGE, priority: 1 }, { instanceType: InstanceType.ML_P5_48XLARGE, priority: 2 }];
  public readonly asyncInference = false;
  constructor(scope: Construct, id: string, public readonly endpointName = 'llm', public readonly variantName = 'AllTraffic',
    private readonly metricName?: string) {
    super(scope, id);
  }
  protected get metricEndpointName(): string {
    return this.metricName ?? super.metricEndpointName;
  }
}

type Helper = (endpoint: CapacityAwareEndpointBase, options?: EndpointMetricOptions) => cloudwatch.Metric;

const INVOCATIONS = 'AWS/SageMaker';
const INSTANCES = '/aws/sagemaker/Endpoints';

const HELPERS: [string, Helper, string, string, string, number][] = [
  ['metricModelLatency', (e, o) => e.metricModelLatency(o), INVOCATIONS, 'ModelLatency', 'Average', 300],
  ['metricOverheadLatency', (e, o) => e.metricOverheadLatency(o), INVOCATIONS, 'OverheadLatency', 'Average', 300],
  ['metricInvocations', (e, o) => e.metricInvocations(o), INVOCATIONS, 'Invocations', 'Sum', 300],
  ['metricInvocationsPerInstance', (e, o) => e.metricInvocationsPerInstance(o), INVOCATIONS, 'InvocationsPerInstance', 'Sum', 300],
  ['metricConcurrentRequestsPerModel', (e, o) => e.metricConcurrentRequestsPerModel(o), INVOCATIONS, 'ConcurrentRequestsPerModel', 'Average', 60],
  ['metricInvocation4XXErrors', (e, o) => e.metricInvocation4XXErrors(o), INVOCATIONS, 'Invocation4XXErrors', 'Sum', 300],
  ['metricInvocation5XXErrors', (e, o) => e.metricInvocation5XXErrors(o), INVOCATIONS, 'Invocation5XXErrors', 'Sum', 300],
  ['metricCPUUtilization', (e, o) => e.metricCPUUtilization(o), INSTANCES, 'CPUUtilization', 'Average', 300],
  ['metricMemoryUtilization', (e, o) => e.metricMemoryUtilization(o), INSTANCES, 'MemoryUtilization', 'Average', 300],
  ['metricGPUUtilization', (e, o) => e.metricGPUUtilization(o), INSTANCES, 'GPUUtilization', 'Average', 300],
  ['metricGPUMemoryUtilization', (e, o) => e.metricGPUMemoryUtilization(o), INSTANCES, 'GPUMemoryUtilization', 'Average', 300],
  ['metricDiskUtilization', (e, o) => e.metricDiskUtilization(o), INSTANCES, 'DiskUtilization', 'Average', 300],
  ['metric(name)', (e, o) => e.metric('ModelSetupTime', o), INVOCATIONS, 'ModelSetupTime', 'Average', 300],
];

const summary = (m: cloudwatch.Metric) => [m.namespace, m.metricName, m.statistic, m.period.toSeconds()];

describe('CapacityAwareEndpointBase metric helpers', () => {
  test.each(HELPERS)('%s: namespace, metric name, default statistic and period, variant dimensions', (_, helper, namespace, metricName, statistic, period) => {
    const metric = helper(new TestEndpoint(testStack(), 'Endpoint'));
    expect(summary(metric)).toEqual([namespace, metricName, statistic, period]);
    expect(metric.dimensions).toEqual({ EndpointName: 'llm', VariantName: 'AllTraffic' });
  });

  test.each(HELPERS)('%s: instanceType narrows to one pool, statistic and period can be overridden', (_, helper, namespace, metricName) => {
    const metric = helper(new TestEndpoint(testStack(), 'Endpoint', 'llm', 'Blue'),
      { instanceType: InstanceType.ML_P5_48XLARGE, statistic: 'p90', period: Duration.minutes(10), label: 'x' });
    expect(summary(metric)).toEqual([namespace, metricName, 'p90', 600]);
    expect(metric.label).toBe('x');
    expect(metric.dimensions).toEqual({ EndpointName: 'llm', VariantName: 'Blue', InstanceType: 'ml.p5.48xlarge' });
  });

  test.each(HELPERS)('%s: an instance type of none of the pools is refused, naming the pools', (_, helper) => {
    expect(() => helper(new TestEndpoint(testStack(), 'Endpoint'), { instanceType: InstanceType.ML_G5_XLARGE }))
      .toThrow(/^options\.instanceType: one of the instance types of pools \(ml\.g6\.xlarge, ml\.p5\.48xlarge\): .*, got 'ml\.g5\.xlarge' \[InstanceTypeNotInPools\]$/);
  });

  test('ConcurrentRequestsPerModel keeps its one-minute default when other options are given', () => {
    const metric = new TestEndpoint(testStack(), 'Endpoint').metricConcurrentRequestsPerModel({ instanceType: InstanceType.ML_G6_XLARGE, statistic: 'Maximum' });
    expect(summary(metric)).toEqual([INVOCATIONS, 'ConcurrentRequestsPerModel', 'Maximum', 60]);
  });

  test.each(HELPERS)('%s: an option passed as undefined or null keeps its default', (_, helper, namespace, metricName, statistic, period) => {
    const endpoint = new TestEndpoint(testStack(), 'Endpoint');
    for (const unset of [undefined, null as any]) {
      expect(summary(helper(endpoint, { statistic: unset, period: unset, instanceType: unset, dimensionsMap: unset, label: unset })))
        .toEqual([namespace, metricName, statistic, period]);
    }
  });

  test('a token endpoint name is the EndpointName dimension as it is', () => {
    const stack = testStack();
    const metric = new TestEndpoint(stack, 'Endpoint', Token.asString({ Ref: 'Name' })).metricInvocations();
    expect(stack.resolve(metric.dimensions)).toEqual({ EndpointName: { Ref: 'Name' }, VariantName: 'AllTraffic' });
  });
});

describe('the EndpointName dimension', () => {
  test('is the endpoint name by default, and what a subclass says it is otherwise', () => {
    const stack = testStack();
    expect(new TestEndpoint(stack, 'Plain', 'llm').metricCPUUtilization().dimensions?.EndpointName).toBe('llm');
    const fixed = new TestEndpoint(stack, 'Fixed', Token.asString({ 'Fn::GetAtt': ['Endpoint', 'EndpointName'] }), 'AllTraffic', 'llm-prod');
    expect(HELPERS.map(([, helper]) => helper(fixed).dimensions?.EndpointName)).toEqual(HELPERS.map(() => 'llm-prod'));
  });

  test('a created endpoint with a fixed name uses the plain name, not a reference to its resource', () => {
    const endpoint = seedEndpoint(testStack(), { endpointName: 'llm-prod' });
    expect(Token.isUnresolved(endpoint.endpointName)).toBe(true);
    expect(HELPERS.map(([, helper]) => helper(endpoint).dimensions?.EndpointName)).toEqual(HELPERS.map(() => 'llm-prod'));
  });

  test('a created endpoint without a name uses its EndpointName attribute', () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack);
    expect(Stack.of(endpoint).resolve(endpoint.metricInvocations().dimensions?.EndpointName))
      .toEqual({ 'Fn::GetAtt': [stack.getLogicalId(endpoint.cfnEndpoint), 'EndpointName'] });
  });
});
