import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { CapacityAwareEndpoint, InstanceType } from '../../lib';
import { instanceCountMetric, instanceMetric, invocationMetric, metricEndpointName, perGpuMetric, poolDimensions } from '../../lib/monitoring/pool-metrics';
import { lmiModel, seedEndpoint } from '../endpoint/fixtures';
import { testStack } from '../util';

describe('pool metric factory', () => {
  test("uses the endpoint's own dimensions, narrowed to one instance type", () => {
    const endpoint = seedEndpoint(testStack(), { endpointName: 'llm' });
    expect(poolDimensions(endpoint)).toEqual({ EndpointName: 'llm', VariantName: 'AllTraffic' });
    expect(poolDimensions(endpoint, InstanceType.ML_G6_48XLARGE)).toEqual({ EndpointName: 'llm', VariantName: 'AllTraffic', InstanceType: 'ml.g6.48xlarge' });
    const latency = invocationMetric(endpoint, 'ModelLatency', 'p99', Duration.minutes(1), InstanceType.ML_P5_48XLARGE, 'p99');
    expect([latency.namespace, latency.statistic, latency.period.toSeconds(), latency.label]).toEqual(['AWS/SageMaker', 'p99', 60, 'p99']);
    const gpu = instanceMetric(endpoint, 'GPUUtilization', 'Average', Duration.minutes(1), InstanceType.ML_P5_48XLARGE);
    expect([gpu.namespace, gpu.dimensions]).toEqual(['/aws/sagemaker/Endpoints', { EndpointName: 'llm', VariantName: 'AllTraffic', InstanceType: 'ml.p5.48xlarge' }]);
  });

  test('the endpoint name: plain when fixed, the attribute when generated', () => {
    expect(metricEndpointName(seedEndpoint(testStack(), { endpointName: 'llm' }))).toBe('llm');
    const stack = testStack();
    const endpoint = seedEndpoint(stack);
    expect(stack.resolve(metricEndpointName(endpoint))).toEqual({ 'Fn::GetAtt': [stack.getLogicalId(endpoint.cfnEndpoint), 'EndpointName'] });
  });

  test('imported endpoints use their given name', () => {
    const stack = testStack();
    const imported = CapacityAwareEndpoint.fromEndpointAttributes(stack, 'Imported', { endpointName: 'prod', pools: [{ instanceType: InstanceType.ML_G5_12XLARGE }] });
    expect(metricEndpointName(imported)).toBe('prod');
  });

  test('GPU metrics per GPU: divided by the GPU count, or labelled as summed', () => {
    const stack = testStack();
    const endpoint = new CapacityAwareEndpoint(stack, 'Ep', {
      model: lmiModel(stack, 'M'),
      pools: [{ instanceType: InstanceType.ML_G5_12XLARGE }, { instanceType: InstanceType.ML_G5_XLARGE }, { instanceType: InstanceType.of('ml.g9.xlarge') }],
    });
    const [four, one, unknown] = endpoint.pools.map((pool) => perGpuMetric(endpoint, 'GPUUtilization', pool, Duration.minutes(1), 'GPU'));
    expect(four).toBeInstanceOf(cloudwatch.MathExpression);
    expect((four as cloudwatch.MathExpression).expression).toBe('m / 4');
    expect((one as cloudwatch.Metric).label).toBe('GPU (1 GPU)');
    expect((unknown as cloudwatch.Metric).label).toBe('GPU (summed over GPUs)');
  });

  test('instances per type: CPUUtilization samples per minute, robust to a widened period', () => {
    const endpoint = seedEndpoint(testStack());
    const count = instanceCountMetric(endpoint, endpoint.pools[1], Duration.minutes(1)) as cloudwatch.MathExpression;
    expect(count.expression).toBe('samples2 / (PERIOD(samples2) / 60)');
    const samples = count.usingMetrics.samples2 as cloudwatch.Metric;
    expect([samples.metricName, samples.statistic, Stack.of(endpoint).resolve(samples.dimensions).InstanceType]).toEqual(['CPUUtilization', 'SampleCount', 'ml.g6.48xlarge']);
  });
});
