import { PredefinedMetric } from 'aws-cdk-lib/aws-applicationautoscaling';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { InstancePoolsError } from '../core/errors';
import { checkFraction } from '../core/validation';
import { InstanceType } from '../instance-types/instance-type';
import { ScalingSignalConfig, WeightedUtilizationOptions } from './scaling-signal-options';
import { UtilizationAggregation } from './utilization-aggregation';
import { PoolConcurrencyMetric, targetTrackingQueries, utilizationMetric } from './utilization-queries';

/**
 * The weighted-utilization signal shared by the variant (`ScalingSignal`) and the copy-count
 * (`CopyScalingSignal`) policies: option defaults, the per-type concurrency metrics and the bound config; and
 * the bound config of a predefined signal.
 */

/** The resolved options of a weighted signal. */
export interface WeightedSignalSettings {
  /** The utilization to hold, validated to lie in (0, 1]. */
  readonly target: number;
  /** How the per-type utilizations combine. */
  readonly aggregation: UtilizationAggregation;
}

/** One instance type (a pool, or a placement of an inference component) that feeds the weighted signal. */
export interface ConcurrencySource {
  /** Metric query id, `^[a-z][a-zA-Z0-9_]*$`. */
  readonly id: string;
  /** The instance type; its name labels the query and the error. */
  readonly instanceType: InstanceType;
  /** Requests one instance (or copy) of this type carries at full load; required by the signal. */
  readonly maxConcurrency?: number;
  /** The prop path that holds `maxConcurrency`, named by the error when it is missing. */
  readonly maxConcurrencyProp: string;
  /** The per-type concurrency metric. */
  readonly metric: cloudwatch.Metric;
}

/**
 * Resolves and validates the options of a weighted signal: `targetUtilization` defaults to 0.7 and must lie in
 * (0, 1]; `aggregation` defaults to `MEAN_OF_ACTIVE_POOLS`.
 */
export function weightedSignalSettings(options: WeightedUtilizationOptions): WeightedSignalSettings {
  const target = options.targetUtilization ?? 0.7;
  checkFraction('targetUtilization', target);
  return { target, aggregation: options.aggregation ?? UtilizationAggregation.MEAN_OF_ACTIVE_POOLS };
}

/**
 * The per-type metrics of the weighted signal, in the order given. Every source needs its `maxConcurrency`:
 * a missing one throws `MissingMaxConcurrency` on `maxConcurrencyProp`, with the rule
 * `<requirement> (<instance type>)`.
 */
export function concurrencyMetrics(sources: ConcurrencySource[], requirement: string): PoolConcurrencyMetric[] {
  return sources.map((source) => {
    if (source.maxConcurrency === undefined) {
      throw new InstancePoolsError('MissingMaxConcurrency', source.maxConcurrencyProp, `${requirement} (${source.instanceType.name})`, 'undefined');
    }
    return { id: source.id, label: source.instanceType.name, maxConcurrency: source.maxConcurrency, metric: source.metric };
  });
}

/**
 * The bound config of a weighted signal: the metric-math expression for dashboards and alarms, and the same
 * expression as target-tracking queries (validated against the Application Auto Scaling rules).
 */
export function weightedSignalConfig(target: number, aggregation: UtilizationAggregation, metrics: PoolConcurrencyMetric[]): ScalingSignalConfig {
  return {
    targetValue: target,
    weighted: true,
    metric: utilizationMetric(metrics, aggregation),
    customizedMetricSpecification: { metrics: targetTrackingQueries(metrics, aggregation) },
  };
}

/**
 * The bound config of a predefined signal: the policy renders `predefinedMetricType`; `metric` is the same
 * series for dashboards and alarms.
 */
export function predefinedSignalConfig(targetValue: number, metric: cloudwatch.IMetric, predefinedMetricType: PredefinedMetric): ScalingSignalConfig {
  return {
    targetValue,
    weighted: false,
    metric,
    predefinedMetricSpecification: { predefinedMetricType },
  };
}
