import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { UtilizationAggregation } from '../../lib';
import { targetTrackingQueries, utilizationMetric, validateQueries } from '../../lib/scaling/utilization-queries';

const metric = (type: string) => new cloudwatch.Metric({ namespace: 'AWS/SageMaker', metricName: 'ConcurrentRequestsPerModel', statistic: 'Average', dimensionsMap: { InstanceType: type } });
const samples = (type: string) => new cloudwatch.Metric({ namespace: '/aws/sagemaker/Endpoints', metricName: 'CPUUtilization', statistic: 'SampleCount', dimensionsMap: { InstanceType: type } });
const pool = (i: number) => ({
  id: `pool${i}`, label: `ml.g5.${i}xlarge`, maxConcurrency: 4, metric: metric(`ml.g5.${i}xlarge`),
  presenceId: `pool${i}_instances`, presence: samples(`ml.g5.${i}xlarge`),
});

describe('utilization queries', () => {
  test('five pools fit the 10-metric alarm limit: a concurrency and a presence metric each', () => {
    const queries = targetTrackingQueries([1, 2, 3, 4, 5].map(pool), UtilizationAggregation.MEAN_OF_ACTIVE_POOLS);
    expect(queries).toHaveLength(11);
    expect(queries.filter((q) => q.metricStat !== undefined)).toHaveLength(10);
    expect(queries.filter((q) => q.returnData)).toHaveLength(1);
    expect(queries.slice(0, 2).map((q) => [q.id, q.label, (q.metricStat as any).stat])).toEqual([
      ['pool1', 'ml.g5.1xlarge', 'Average'], ['pool1_instances', 'ml.g5.1xlarge samples', 'SampleCount'],
    ]);
  });

  test('the dashboard metric uses the same expression and metrics, over the given period', () => {
    const math = utilizationMetric([pool(1), pool(2)], UtilizationAggregation.MAX, Duration.seconds(10));
    expect(math.expression).toBe('MAX([FILL(pool1, 0) / 4 / ((FILL(pool1_instances, 0) > 0) OR (FILL(pool1, -1) >= 0)), '
      + 'FILL(pool2, 0) / 4 / ((FILL(pool2_instances, 0) > 0) OR (FILL(pool2, -1) >= 0))])');
    expect(Object.keys(math.usingMetrics)).toEqual(['pool1', 'pool1_instances', 'pool2', 'pool2_instances']);
    expect(math.period.toSeconds()).toBe(10);
    expect(Object.values(math.usingMetrics).map((m) => (m as cloudwatch.Metric).period.toSeconds())).toEqual([10, 10, 10, 10]);
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

  test('at most 10 metrics: a sixth pool would need 12', () => {
    const six = Array.from({ length: 6 }, (_, i) => pool(i + 1));
    expect(() => targetTrackingQueries(six, UtilizationAggregation.MAX))
      .toThrow('metrics: at most 10 metrics (CloudWatch metric-math alarm limit), got 12 [InvalidMetricQuery]');
  });

  test('five pools stay far below the 2048-character expression limit', () => {
    const five = [1, 2, 3, 4, 5].map(pool);
    for (const aggregation of Object.values(UtilizationAggregation)) {
      const expression = targetTrackingQueries(five, aggregation).find((q) => q.returnData)!.expression!;
      expect(expression.length).toBeLessThan(1024);
    }
  });

  test('expressions of at most 2048 characters', () => {
    expect(() => validateQueries([{ id: 'a', returnData: true, expression: 'm'.repeat(2049) }]))
      .toThrow('metrics[0].expression: at most 2048 characters, got 2049 [InvalidMetricQuery]');
  });
});
