import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { InstanceType } from '../../lib';
import { dimensionedMetric, ENDPOINT_INSTANCE_NAMESPACE, INFERENCE_COMPONENT_NAMESPACE, INVOCATION_NAMESPACE } from '../../lib/pools/metric-factory';

const VARIANT = { EndpointName: 'llm', VariantName: 'AllTraffic' };

/** The metric's dimensions in the order dimensionedMetric built them. */
const ordered = (metric: cloudwatch.Metric) => Object.entries(metric.dimensions ?? {});

/** Dimensions as CloudWatch receives them (`metricStat.dimensions`; aws-cdk-lib sorts them by name). */
const rendered = (metric: cloudwatch.Metric) => metric.toMetricConfig().metricStat!.dimensions!.map((d) => [d.name, d.value]);

describe('dimensionedMetric', () => {
  test('the SageMaker namespaces', () => {
    expect([INVOCATION_NAMESPACE, ENDPOINT_INSTANCE_NAMESPACE, INFERENCE_COMPONENT_NAMESPACE])
      .toEqual(['AWS/SageMaker', '/aws/sagemaker/Endpoints', '/aws/sagemaker/InferenceComponents']);
  });

  test("namespace, name and default statistic; the resource's dimensions only; CloudWatch's default period", () => {
    const metric = dimensionedMetric(INVOCATION_NAMESPACE, 'Invocations', 'Sum', VARIANT);
    expect([metric.namespace, metric.metricName, metric.statistic, metric.period.toSeconds()]).toEqual(['AWS/SageMaker', 'Invocations', 'Sum', 300]);
    expect(ordered(metric)).toEqual(Object.entries(VARIANT));
    expect(rendered(metric)).toEqual([['EndpointName', 'llm'], ['VariantName', 'AllTraffic']]);
  });

  test('instanceType adds the InstanceType dimension after the resource dimensions', () => {
    const metric = dimensionedMetric(INVOCATION_NAMESPACE, 'ModelLatency', 'Average', VARIANT, { instanceType: InstanceType.ML_G6_48XLARGE });
    expect(ordered(metric)).toEqual([['EndpointName', 'llm'], ['VariantName', 'AllTraffic'], ['InstanceType', 'ml.g6.48xlarge']]);
    expect(rendered(metric)).toEqual([['EndpointName', 'llm'], ['InstanceType', 'ml.g6.48xlarge'], ['VariantName', 'AllTraffic']]);
  });

  test('dimensionsMap adds dimensions after InstanceType', () => {
    const metric = dimensionedMetric(ENDPOINT_INSTANCE_NAMESPACE, 'GPUUtilization', 'Average', VARIANT,
      { instanceType: InstanceType.ML_P5_48XLARGE, dimensionsMap: { Host: 'i-1' } });
    expect(ordered(metric).map(([name]) => name)).toEqual(['EndpointName', 'VariantName', 'InstanceType', 'Host']);
  });

  test('dimensionsMap wins on a clash, over InstanceType and over the resource dimensions, keeping their place', () => {
    const metric = dimensionedMetric(INVOCATION_NAMESPACE, 'Invocations', 'Sum', VARIANT,
      { instanceType: InstanceType.ML_P5_48XLARGE, dimensionsMap: { InstanceType: 'ml.g5.xlarge', VariantName: 'Canary' } });
    expect(ordered(metric)).toEqual([['EndpointName', 'llm'], ['VariantName', 'Canary'], ['InstanceType', 'ml.g5.xlarge']]);
  });

  test('options.statistic overrides the default statistic', () => {
    expect(dimensionedMetric(INVOCATION_NAMESPACE, 'ModelLatency', 'Average', VARIANT, { statistic: 'p99' }).statistic).toBe('p99');
    expect(dimensionedMetric(INVOCATION_NAMESPACE, 'Invocations', 'Sum', VARIANT, { statistic: 'SampleCount' }).statistic).toBe('SampleCount');
  });

  test('an option passed as undefined (or null, from JavaScript) keeps the default statistic and period', () => {
    for (const unset of [undefined, null as any]) {
      const metric = dimensionedMetric(INVOCATION_NAMESPACE, 'Invocations', 'Sum', VARIANT, { statistic: unset, period: unset, label: unset }, Duration.minutes(1));
      expect([metric.statistic, metric.period.toSeconds(), metric.label]).toEqual(['Sum', 60, undefined]);
    }
    expect(dimensionedMetric(INVOCATION_NAMESPACE, 'Invocations', 'Sum', VARIANT, { period: Duration.minutes(2) }, Duration.minutes(1)).period.toSeconds()).toBe(120);
  });

  test('the other metric options pass through', () => {
    const metric = dimensionedMetric(INVOCATION_NAMESPACE, 'Invocations', 'Sum', VARIANT, {
      period: Duration.minutes(1), label: 'requests', color: '#ff0000', unit: cloudwatch.Unit.COUNT, region: 'eu-west-1', account: '222222222222',
    });
    expect([metric.period.toSeconds(), metric.label, metric.color, metric.unit, metric.region, metric.account])
      .toEqual([60, 'requests', '#ff0000', 'Count', 'eu-west-1', '222222222222']);
  });

  test('instanceType is not passed on as a metric option, and the dimensions given are not modified', () => {
    const dims = { InferenceComponentName: 'qwen' };
    const metric = dimensionedMetric(INFERENCE_COMPONENT_NAMESPACE, 'CPUUtilizationNormalized', 'Average', dims, { instanceType: InstanceType.ML_G5_XLARGE });
    expect(dims).toEqual({ InferenceComponentName: 'qwen' });
    expect(metric.dimensions).toEqual({ InferenceComponentName: 'qwen', InstanceType: 'ml.g5.xlarge' });
    expect(Object.keys(metric.toMetricConfig().renderingProperties ?? {})).not.toContain('instanceType');
  });
});
