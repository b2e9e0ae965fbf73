import { CfnScalingPolicy } from 'aws-cdk-lib/aws-applicationautoscaling';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { UtilizationAggregation } from './utilization-aggregation';

/**
 * What a scaling signal reads, which only one endpoint kind publishes
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-monitor.html: an asynchronous endpoint publishes
 * no metric but those listed there).
 */
export enum SignalMetricSource {
  /** `ConcurrentRequestsPerModel`: real-time endpoints only. */
  CONCURRENCY = 'CONCURRENCY',
  /** The queue (`ApproximateBacklogSizePerInstance`): asynchronous endpoints only. */
  BACKLOG = 'BACKLOG',
}

/** Options of the weighted-utilization signal. */
export interface WeightedUtilizationOptions {
  /**
   * The utilization to hold, as a fraction of each pool's `maxConcurrency` (0 < target ≤ 1).
   * @default 0.7
   */
  readonly targetUtilization?: number;
  /**
   * How per-pool utilizations combine into one signal.
   * @default UtilizationAggregation.MEAN_OF_ACTIVE_POOLS
   */
  readonly aggregation?: UtilizationAggregation;
}

/** Options of a signal tracked against an absolute value. */
export interface TargetValueOptions {
  /** The value of the metric to hold. */
  readonly targetValue: number;
}

/** A signal bound to an endpoint: what the target-tracking policy renders. */
export interface ScalingSignalConfig {
  /** The value the policy holds the signal at. */
  readonly targetValue: number;
  /** The metric the policy tracks, for dashboards and alarms. */
  readonly metric: cloudwatch.IMetric;
  /** Set for customized (metric-math or single-metric) signals. @default - a predefined metric */
  readonly customizedMetricSpecification?: CfnScalingPolicy.CustomizedMetricSpecificationProperty;
  /** Set for predefined signals. @default - a customized metric */
  readonly predefinedMetricSpecification?: CfnScalingPolicy.PredefinedMetricSpecificationProperty;
  /** Whether the signal reads per-instance-type metrics and needs every pool's `maxConcurrency`. */
  readonly weighted: boolean;
}
