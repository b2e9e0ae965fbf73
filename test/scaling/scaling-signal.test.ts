import { Token } from 'aws-cdk-lib';
import { CapacityAwareEndpoint, InstanceType, ScalingSignal, UtilizationAggregation } from '../../lib';
import { testStack } from '../util';

function importedEndpoint() {
  const stack = testStack();
  return {
    stack,
    endpoint: CapacityAwareEndpoint.fromEndpointAttributes(stack, 'Ep', {
      endpointName: 'llm',
      pools: [{ instanceType: InstanceType.ML_P5_48XLARGE, maxConcurrency: 20 }, { instanceType: InstanceType.ML_G6_48XLARGE, maxConcurrency: 8 }],
    }),
  };
}

describe('ScalingSignal', () => {
  test('weighted utilization: one query per pool in priority order, then the expression', () => {
    const { endpoint } = importedEndpoint();
    const config = ScalingSignal.weightedUtilization().bind(endpoint);
    expect(config.targetValue).toBe(0.7);
    expect(config.weighted).toBe(true);
    const metrics: any[] = (config.customizedMetricSpecification as any).metrics;
    expect(metrics.map((m) => [m.id, m.label, m.returnData])).toEqual([
      ['pool1', 'ml.p5.48xlarge', false], ['pool1_instances', 'ml.p5.48xlarge samples', false],
      ['pool2', 'ml.g6.48xlarge', false], ['pool2_instances', 'ml.g6.48xlarge samples', false],
      ['weighted_utilization', 'Weighted utilization', true],
    ]);
    const dimensions = [{ name: 'EndpointName', value: 'llm' }, { name: 'InstanceType', value: 'ml.p5.48xlarge' }, { name: 'VariantName', value: 'AllTraffic' }];
    expect(metrics[0].metricStat).toEqual({ stat: 'Average', metric: { namespace: 'AWS/SageMaker', metricName: 'ConcurrentRequestsPerModel', dimensions } });
    // Every instance publishes CPUUtilization whatever its traffic: its sample count says the pool has instances.
    expect(metrics[1].metricStat).toEqual({ stat: 'SampleCount', metric: { namespace: '/aws/sagemaker/Endpoints', metricName: 'CPUUtilization', dimensions } });
    expect(config.predefinedMetricSpecification).toBeUndefined();
  });

  test('the aggregation chooses the expression', () => {
    const { endpoint } = importedEndpoint();
    const expression = (aggregation: UtilizationAggregation) =>
      ((ScalingSignal.weightedUtilization({ aggregation }).bind(endpoint).customizedMetricSpecification as any).metrics[4].expression);
    const active = (i: number) => `((FILL(pool${i}_instances, 0) > 0) OR (FILL(pool${i}, -1) >= 0))`;
    expect(expression(UtilizationAggregation.MEAN_OF_ALL_POOLS)).toBe(`(FILL(pool1, 0) / 20 + FILL(pool2, 0) / 8) / 2 / (${active(1)} OR ${active(2)})`);
    expect(expression(UtilizationAggregation.MAX)).toBe(`MAX([FILL(pool1, 0) / 20 / ${active(1)}, FILL(pool2, 0) / 8 / ${active(2)}])`);
    expect(expression(UtilizationAggregation.MEAN_OF_ACTIVE_POOLS)).toBe(`(FILL(pool1, 0) / 20 + FILL(pool2, 0) / 8) / (${active(1)} + ${active(2)})`);
  });

  test('predefined and backlog signals are not weighted', () => {
    const { endpoint } = importedEndpoint();
    expect(ScalingSignal.concurrentRequestsPerModel({ targetValue: 5 }).bind(endpoint).weighted).toBe(false);
    expect(ScalingSignal.backlogPerInstance({ targetValue: 5 }).bind(endpoint).customizedMetricSpecification).toEqual({
      namespace: 'AWS/SageMaker', metricName: 'ApproximateBacklogSizePerInstance', statistic: 'Average', dimensions: [{ name: 'EndpointName', value: 'llm' }],
    });
  });

  test('tokens in targets are accepted', () => {
    expect(() => ScalingSignal.weightedUtilization({ targetUtilization: Token.asNumber({ Ref: 'T' }) })).not.toThrow();
  });

  test('target utilization lies in (0, 1]', () => {
    expect(() => ScalingSignal.weightedUtilization({ targetUtilization: 0 })).toThrow('targetUtilization: must be a number greater than 0 and at most 1, got 0 [OutOfRange]');
    expect(() => ScalingSignal.weightedUtilization({ targetUtilization: 1.2 })).toThrow(/got 1.2/);
    expect(() => ScalingSignal.weightedUtilization({ targetUtilization: 1 })).not.toThrow();
  });

  test('absolute targets are positive', () => {
    expect(() => ScalingSignal.concurrentRequestsPerModel({ targetValue: 0 })).toThrow('targetValue: must be a number greater than 0 (Application Auto Scaling takes 8.515920e-109 to 1.174271e+108), got 0 [OutOfRange]');
    expect(() => ScalingSignal.backlogPerInstance({ targetValue: -1 })).toThrow(/targetValue.*got -1/);
  });

});
