import { Annotations, Duration } from 'aws-cdk-lib';
import { PredefinedMetric } from 'aws-cdk-lib/aws-applicationautoscaling';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { described, InstancePoolsError } from '../core/errors';
import { checkEnumValue, requireObject } from '../core/required';
import { checkFraction } from '../core/validation';
import { InstanceType } from '../instance-types/instance-type';
import { MetricCadence } from '../pools/metric-publishing';
import { ScalingSignalConfig, TargetValueOptions, WeightedUtilizationOptions } from './scaling-signal-options';
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
  /** Query id of `presence`, `^[a-z][a-zA-Z0-9_]*$`. */
  readonly presenceId: string;
  /** The per-type presence metric: a `SampleCount` fed by every instance (or copy) of the type whatever its traffic. */
  readonly presence: cloudwatch.Metric;
}

/**
 * Resolves and validates the options of a weighted signal: `targetUtilization` defaults to 0.7 and must lie in
 * (0, 1]; `aggregation` defaults to `MEAN_OF_ACTIVE_POOLS`.
 */
export function weightedSignalSettings(options: WeightedUtilizationOptions): WeightedSignalSettings {
  options = requireObject('weightedUtilization.options', options, true);
  const target = options.targetUtilization ?? 0.7;
  checkFraction('targetUtilization', target);
  checkEnumValue('aggregation', options.aggregation, UtilizationAggregation, 'UtilizationAggregation');
  return { target, aggregation: options.aggregation ?? UtilizationAggregation.MEAN_OF_ACTIVE_POOLS };
}

/**
 * A target value of a target-tracking policy: Application Auto Scaling takes 8.515920e-109 to 1.174271e+108
 * (`TargetValue`, https://docs.aws.amazon.com/autoscaling/application/APIReference/API_TargetTrackingScalingPolicyConfiguration.html).
 */
export function checkTargetValue(prop: string, options: TargetValueOptions): number {
  options = requireObject(`${prop} options`, options);
  const value = options.targetValue;
  if (value === undefined || value === null) {
    throw new InstancePoolsError('MissingRequiredProp', 'targetValue', 'required: the value of the metric to hold', described(String(value)));
  }
  if (Token.isUnresolved(value)) return value;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 8.515920e-109 || value > 1.174271e+108) {
    throw new InstancePoolsError('OutOfRange', 'targetValue', 'must be a number greater than 0 (Application Auto Scaling takes 8.515920e-109 to 1.174271e+108)', value);
  }
  return value;
}

/**
 * The per-type metrics of the weighted signal, in the order given. Every source needs its `maxConcurrency`:
 * a missing one throws `MissingMaxConcurrency` on `maxConcurrencyProp`, with the rule
 * `<requirement> (<instance type>)`.
 */
export function concurrencyMetrics(sources: ConcurrencySource[], requirement: string): PoolConcurrencyMetric[] {
  return sources.map((source) => {
    if (source.maxConcurrency === undefined) {
      throw new InstancePoolsError('MissingMaxConcurrency', source.maxConcurrencyProp, `${requirement} (${source.instanceType.name})`, described('undefined'));
    }
    return {
      id: source.id, label: source.instanceType.name, maxConcurrency: source.maxConcurrency, metric: source.metric,
      presenceId: source.presenceId, presence: source.presence,
    };
  });
}

/**
 * The bound config of a weighted signal: the metric-math expression for dashboards and alarms, and the same
 * expression as target-tracking queries (validated against the Application Auto Scaling rules). The graphed
 * signal's period holds a whole publish interval of both the concurrency and the presence metrics: the
 * endpoint's publish frequency when invocation metrics follow it (enhanced metrics), else at least a minute.
 * The policy itself takes no period (`TargetTrackingMetricStat` has none): Application Auto Scaling chooses it.
 */
export function weightedSignalConfig(target: number, aggregation: UtilizationAggregation, metrics: PoolConcurrencyMetric[],
  cadence: MetricCadence): ScalingSignalConfig {
  return {
    targetValue: target,
    weighted: true,
    metric: utilizationMetric(metrics, aggregation, signalPeriod(cadence)),
    customizedMetricSpecification: { metrics: targetTrackingQueries(metrics, aggregation) },
  };
}

/** The period over which a weighted signal sees a sample of every metric it reads. */
export function signalPeriod(cadence: MetricCadence): Duration {
  return Duration.seconds(Math.max(cadence.utilizationSeconds, cadence.invocationSeconds));
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

/**
 * Warns when a weighted signal's metrics arrive less often than every minute. Target tracking chooses its own
 * evaluation period for customized metrics (the policy takes none); one minute is assumed here, as for SageMaker's
 * standard-resolution metrics (https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html: "available
 * at a 1-minute frequency"). Between samples an idle pool drops out of the signal (safe: the signal never reads
 * lower than the busy pools' load), so an idle fleet may scale in late or not at all.
 */
export function warnSparseSignal(scope: IConstruct, cadence: MetricCadence): void {
  if (cadence.utilizationSeconds <= 60 && cadence.invocationSeconds <= 60) return;
  const concurrency = cadence.invocationSeconds > 60
    ? ` and its concurrency too (enhanced metrics), so the signal has data only once per ${cadence.invocationSeconds} s`
    : '';
  Annotations.of(scope).addWarningV2('cdk-sagemaker-instance-pools:sparseSignalSamples',
    `metricPublishFrequency: SageMaker publishes the instance samples every ${cadence.utilizationSeconds} s${concurrency}, less often than `
    + 'the one-minute periods target tracking evaluates. In a minute without a sample an idle pool drops out of the weighted signal, so '
    + 'an idle fleet may scale in late or not at all. Publish every 60 seconds or faster to scale on this signal.');
}