import { Duration } from 'aws-cdk-lib';
import { CfnScalingPolicy } from 'aws-cdk-lib/aws-applicationautoscaling';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { InstancePoolsError } from '../core/errors';
import { mathConstant } from '../pools/concurrency';
import { UtilizationAggregation } from './utilization-aggregation';

/** One per-pool concurrency metric of the weighted signal, with the presence metric of the same instance type. */
export interface PoolConcurrencyMetric {
  /** Metric query id, `^[a-z][a-zA-Z0-9_]*$`. */
  readonly id: string;
  /** Shown in consoles, e.g. the instance type. */
  readonly label: string;
  /** Requests one instance (or copy) of this type carries at full load. */
  readonly maxConcurrency: number;
  /** The CloudWatch metric (namespace, name, dimensions, statistic). */
  readonly metric: cloudwatch.Metric;
  /** Query id of `presence`, `^[a-z][a-zA-Z0-9_]*$`. */
  readonly presenceId: string;
  /**
   * A `SampleCount` that every instance (or copy) of this type feeds whatever its traffic: it has data exactly when
   * the type has instances (copies).
   */
  readonly presence: cloudwatch.Metric;
}

/** Id of the expression that returns the signal. */
export const SIGNAL_ID = 'weighted_utilization';

/**
 * CloudWatch alarms on metric math (which target tracking creates) take at most 10 metrics
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarm-limits.html).
 */
export const MAX_SIGNAL_METRICS = 10;

/**
 * The metric-math expression of the weighted signal for the given aggregation.
 *
 * A pool is active when it has instances: its presence metric has a sample, or it reports concurrency (the
 * fallback when no presence sample falls into the period). An active pool without concurrency data is idle and
 * reads 0, so an idle fleet scales in; an inactive pool is left out (or, for `MEAN_OF_ALL_POOLS`, counts as 0);
 * with no active pool, 0/0 drops the point and the signal has no data. Metric math counts a missing value as 0 in
 * arithmetic, `FILL` fills it, division by zero drops the point, comparisons and `OR` read 1 or 0
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html).
 */
export function utilizationExpression(pools: PoolConcurrencyMetric[], aggregation: UtilizationAggregation): string {
  const load = (p: PoolConcurrencyMetric) => `FILL(${p.id}, 0) / ${mathConstant(p.maxConcurrency)}`;
  const active = (p: PoolConcurrencyMetric) => `((FILL(${p.presenceId}, 0) > 0) OR (FILL(${p.id}, -1) >= 0))`;
  switch (aggregation) {
    case UtilizationAggregation.MEAN_OF_ALL_POOLS:
      return `(${pools.map(load).join(' + ')}) / ${pools.length} / (${pools.map(active).join(' OR ')})`;
    case UtilizationAggregation.MAX: {
      const perPool = pools.map((p) => `${load(p)} / ${active(p)}`);
      return perPool.length === 1 ? perPool[0] : `MAX([${perPool.join(', ')}])`;
    }
    case UtilizationAggregation.MEAN_OF_ACTIVE_POOLS:
    default:
      return `(${pools.map(load).join(' + ')}) / (${pools.map(active).join(' + ')})`;
  }
}

/**
 * The `CustomizedMetricSpecification.Metrics` of a target-tracking policy, validated: per pool its concurrency
 * and presence metrics (two metrics, so five pools use all ten the alarm limit allows), then the expression.
 */
export function targetTrackingQueries(pools: PoolConcurrencyMetric[], aggregation: UtilizationAggregation): CfnScalingPolicy.TargetTrackingMetricDataQueryProperty[] {
  const queries: CfnScalingPolicy.TargetTrackingMetricDataQueryProperty[] = [
    ...pools.flatMap((p) => [metricQuery(p.id, p.label, p.metric), metricQuery(p.presenceId, `${p.label} samples`, p.presence)]),
    { id: SIGNAL_ID, label: 'Weighted utilization', expression: utilizationExpression(pools, aggregation), returnData: true },
  ];
  validateQueries(queries);
  return queries;
}

/** The same signal as a CloudWatch math expression over `period`, for dashboards and alarms. */
export function utilizationMetric(pools: PoolConcurrencyMetric[], aggregation: UtilizationAggregation, period: Duration): cloudwatch.MathExpression {
  return new cloudwatch.MathExpression({
    expression: utilizationExpression(pools, aggregation),
    usingMetrics: Object.fromEntries(pools.flatMap((p) => [[p.id, p.metric.with({ period })], [p.presenceId, p.presence.with({ period })]])),
    label: 'Weighted utilization',
    period,
  });
}

function metricQuery(id: string, label: string, metric: cloudwatch.Metric): CfnScalingPolicy.TargetTrackingMetricDataQueryProperty {
  const config = metric.toMetricConfig().metricStat!;
  return {
    id,
    label,
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
