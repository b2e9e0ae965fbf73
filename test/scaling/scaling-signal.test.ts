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
      ['pool1', 'ml.p5.48xlarge', false], ['pool2', 'ml.g6.48xlarge', false], ['weighted_utilization', 'Weighted utilization', true],
    ]);
    expect(metrics[0].metricStat.metric.dimensions).toEqual([
      { name: 'EndpointName', value: 'llm' }, { name: 'InstanceType', value: 'ml.p5.48xlarge' }, { name: 'VariantName', value: 'AllTraffic' },
    ]);
    expect(config.predefinedMetricSpecification).toBeUndefined();
  });

  test('the aggregation chooses the expression', () => {
    const { endpoint } = importedEndpoint();
    const expression = (aggregation: UtilizationAggregation) =>
      ((ScalingSignal.weightedUtilization({ aggregation }).bind(endpoint).customizedMetricSpecification as any).metrics[2].expression);
    expect(expression(UtilizationAggregation.MEAN_OF_ALL_POOLS)).toBe('(pool1 / 20 + pool2 / 8) / 2');
    expect(expression(UtilizationAggregation.MAX)).toBe('MAX([pool1 / 20, pool2 / 8])');
    expect(expression(UtilizationAggregation.MEAN_OF_ACTIVE_POOLS)).toBe('(FILL(pool1, 0) / 20 + FILL(pool2, 0) / 8) / ((FILL(pool1, -1) >= 0) + (FILL(pool2, -1) >= 0))');
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
    expect(() => ScalingSignal.weightedUtilization({ targetUtilization: 0 })).toThrow('targetUtilization: must be greater than 0 and at most 1, got 0 [OutOfRange]');
    expect(() => ScalingSignal.weightedUtilization({ targetUtilization: 1.2 })).toThrow(/got 1.2/);
    expect(() => ScalingSignal.weightedUtilization({ targetUtilization: 1 })).not.toThrow();
  });

  test('absolute targets are positive', () => {
    expect(() => ScalingSignal.concurrentRequestsPerModel({ targetValue: 0 })).toThrow('targetValue: must be a number greater than 0, got 0 [OutOfRange]');
    expect(() => ScalingSignal.backlogPerInstance({ targetValue: -1 })).toThrow(/targetValue.*got -1/);
  });

});
