import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { UtilizationAggregation } from '../../lib';
import { targetTrackingQueries, utilizationMetric, validateQueries } from '../../lib/scaling/utilization-queries';

const metric = (type: string) => new cloudwatch.Metric({ namespace: 'AWS/SageMaker', metricName: 'ConcurrentRequestsPerModel', statistic: 'Average', dimensionsMap: { InstanceType: type } });
const pool = (i: number) => ({ id: `pool${i}`, label: `ml.g5.${i}xlarge`, maxConcurrency: 4, metric: metric(`ml.g5.${i}xlarge`) });

describe('utilization queries', () => {
  test('five pools fit the 10-metric alarm limit', () => {
    const queries = targetTrackingQueries([1, 2, 3, 4, 5].map(pool), UtilizationAggregation.MEAN_OF_ACTIVE_POOLS);
    expect(queries).toHaveLength(6);
    expect(queries.filter((q) => q.returnData)).toHaveLength(1);
  });

  test('the dashboard metric uses the same expression and metrics', () => {
    const math = utilizationMetric([pool(1), pool(2)], UtilizationAggregation.MAX);
    expect(math.expression).toBe('MAX([pool1 / 4, pool2 / 4])');
    expect(Object.keys(math.usingMetrics)).toEqual(['pool1', 'pool2']);
  });

  test('rejects ids that do not start with a lowercase letter', () => {
    expect(() => validateQueries([{ id: 'Pool1', returnData: true, expression: '1' }]))
      .toThrow("metrics[0].id: must start with a lowercase letter and hold only letters, digits and _ (at most 255), got 'Pool1' [InvalidMetricQuery]");
    expect(() => validateQueries([{ id: 'p-1', returnData: true, expression: '1' }])).toThrow(/got 'p-1'/);
  });

  test('rejects duplicate ids', () => {
    expect(() => validateQueries([{ id: 'a', returnData: false, expression: '1' }, { id: 'a', returnData: true, expression: '2' }]))
      .toThrow("metrics[1].id: must be unique within the policy, got 'a' [InvalidMetricQuery]");
  });

  test('exactly one query returns data', () => {
    expect(() => validateQueries([{ id: 'a', returnData: true, expression: '1' }, { id: 'b', returnData: true, expression: '2' }]))
      .toThrow('metrics: exactly one query must return data (ReturnData: true), got 2 [InvalidMetricQuery]');
    expect(() => validateQueries([{ id: 'a', returnData: false, expression: '1' }])).toThrow(/got 0/);
  });

  test('at most 10 metrics', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => pool(i + 1));
    expect(() => targetTrackingQueries(eleven, UtilizationAggregation.MAX))
      .toThrow('metrics: at most 10 metrics (CloudWatch metric-math alarm limit), got 11 [InvalidMetricQuery]');
  });

  test('expressions of at most 2048 characters', () => {
    expect(() => validateQueries([{ id: 'a', returnData: true, expression: 'm'.repeat(2049) }]))
      .toThrow('metrics[0].expression: at most 2048 characters, got 2049 [InvalidMetricQuery]');
  });
});
