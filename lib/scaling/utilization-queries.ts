import { CfnScalingPolicy } from 'aws-cdk-lib/aws-applicationautoscaling';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { InstancePoolsError } from '../core/errors';
import { UtilizationAggregation } from './utilization-aggregation';

/** One per-pool concurrency metric of the weighted signal. */
export interface PoolConcurrencyMetric {
  /** Metric query id, `^[a-z][a-zA-Z0-9_]*$`. */
  readonly id: string;
  /** Shown in consoles, e.g. the instance type. */
  readonly label: string;
  /** Requests one instance (or copy) of this type carries at full load. */
  readonly maxConcurrency: number;
  /** The CloudWatch metric (namespace, name, dimensions, statistic). */
  readonly metric: cloudwatch.Metric;
}

/** Id of the expression that returns the signal. */
export const SIGNAL_ID = 'weighted_utilization';

/**
 * CloudWatch alarms on metric math (which target tracking creates) take at most 10 metrics
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarm-limits.html).
 */
export const MAX_SIGNAL_METRICS = 10;

/** The metric-math expression of the weighted signal for the given aggregation. */
export function utilizationExpression(pools: PoolConcurrencyMetric[], aggregation: UtilizationAggregation): string {
  const ratio = (p: PoolConcurrencyMetric, id: string) => `${id} / ${p.maxConcurrency}`;
  switch (aggregation) {
    case UtilizationAggregation.MEAN_OF_ALL_POOLS:
      return `(${pools.map((p) => ratio(p, p.id)).join(' + ')}) / ${pools.length}`;
    case UtilizationAggregation.MAX:
      return pools.length === 1 ? ratio(pools[0], pools[0].id) : `MAX([${pools.map((p) => ratio(p, p.id)).join(', ')}])`;
    case UtilizationAggregation.MEAN_OF_ACTIVE_POOLS:
    default: {
      const sum = pools.map((p) => ratio(p, `FILL(${p.id}, 0)`)).join(' + ');
      const count = pools.map((p) => `(FILL(${p.id}, -1) >= 0)`).join(' + ');
      return `(${sum}) / (${count})`;
    }
  }
}

/** The `CustomizedMetricSpecification.Metrics` of a target-tracking policy, validated. */
export function targetTrackingQueries(pools: PoolConcurrencyMetric[], aggregation: UtilizationAggregation): CfnScalingPolicy.TargetTrackingMetricDataQueryProperty[] {
  const queries: CfnScalingPolicy.TargetTrackingMetricDataQueryProperty[] = [
    ...pools.map((p) => {
      const config = p.metric.toMetricConfig().metricStat!;
      return {
        id: p.id,
        label: p.label,
        returnData: false,
        metricStat: {
          metric: {
            namespace: config.namespace,
            metricName: config.metricName,
            dimensions: (config.dimensions ?? []).map((d) => ({ name: d.name, value: d.value })),
          },
          stat: config.statistic,
        },
      };
    }),
    { id: SIGNAL_ID, label: 'Weighted utilization', expression: utilizationExpression(pools, aggregation), returnData: true },
  ];
  validateQueries(queries);
  return queries;
}

/** The same signal as a CloudWatch math expression, for dashboards and alarms. */
export function utilizationMetric(pools: PoolConcurrencyMetric[], aggregation: UtilizationAggregation): cloudwatch.MathExpression {
  return new cloudwatch.MathExpression({
    expression: utilizationExpression(pools, aggregation),
    usingMetrics: Object.fromEntries(pools.map((p) => [p.id, p.metric])),
    label: 'Weighted utilization',
    period: pools[0]?.metric.period,
  });
}

/**
 * Rules of Application Auto Scaling for metric-math target tracking
 * (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_TargetTrackingMetricDataQuery.html): ids match
 * `^[a-z][a-zA-Z0-9_]*$` and are unique, exactly one query returns data, at most 10 metrics.
 */
export function validateQueries(queries: CfnScalingPolicy.TargetTrackingMetricDataQueryProperty[]): void {
  const seen = new Set<string>();
  queries.forEach((q, i) => {
    const id = q.id ?? '';
    if (!/^[a-z][a-zA-Z0-9_]*$/.test(id) || id.length > 255) {
      throw new InstancePoolsError('InvalidMetricQuery', `metrics[${i}].id`, 'must start with a lowercase letter and hold only letters, digits and _ (at most 255)', id);
    }
    if (seen.has(id)) {
      throw new InstancePoolsError('InvalidMetricQuery', `metrics[${i}].id`, 'must be unique within the policy', id);
    }
    seen.add(id);
    if (q.expression !== undefined && q.expression.length > 2048) {
      throw new InstancePoolsError('InvalidMetricQuery', `metrics[${i}].expression`, 'at most 2048 characters', q.expression.length);
    }
  });
  const returning = queries.filter((q) => q.returnData === true).length;
  if (returning !== 1) {
    throw new InstancePoolsError('InvalidMetricQuery', 'metrics', 'exactly one query must return data (ReturnData: true)', returning);
  }
  const metrics = queries.filter((q) => q.metricStat !== undefined).length;
  if (metrics > MAX_SIGNAL_METRICS) {
    throw new InstancePoolsError('InvalidMetricQuery', 'metrics', `at most ${MAX_SIGNAL_METRICS} metrics (CloudWatch metric-math alarm limit)`, metrics);
  }
}
