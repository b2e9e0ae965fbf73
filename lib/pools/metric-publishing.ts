import { Duration } from 'aws-cdk-lib';
import { CfnEndpointConfig } from 'aws-cdk-lib/aws-sagemaker';
import { described, InstancePoolsError } from '../core/errors';
import { checkDuration } from '../core/required';
import { checkDurationSeconds } from '../core/validation';
import { IInstancePoolEndpoint } from './instance-pool-endpoint';

/**
 * What SageMaker publishes to CloudWatch for an endpoint, and how often: the endpoint config's `MetricsConfig`
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_MetricsConfig.html,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-sagemaker-endpointconfig-metricsconfig.html),
 * and the publishing cadence everything that counts samples (instance estimates, presence, alarms) derives from.
 */

/** `MetricPublishFrequencyInSeconds` takes these values only. */
export const METRIC_PUBLISH_FREQUENCIES = [10, 30, 60, 120, 180, 240, 300];

/** SageMaker's default publishing interval, in seconds. */
export const DEFAULT_METRIC_PUBLISH_SECONDS = 60;

/** The options of `MetricsConfig`, as both endpoint kinds take them. */
export interface MetricPublishingOptions {
  readonly enhancedMetrics?: boolean;
  readonly detailedObservability?: boolean;
  readonly metricPublishFrequency?: Duration;
}

/**
 * Checks a publish frequency: one of 10, 30, 60, 120, 180, 240 or 300 seconds, known at synth time (the
 * library's CloudWatch periods derive from it, and aws-cdk-lib takes no token periods). Returns the seconds.
 */
export function checkMetricPublishFrequency(prop: string, frequency: Duration | undefined): number | undefined {
  if (checkDuration(prop, frequency) === undefined) return undefined;
  if (frequency!.isUnresolved()) {
    throw new InstancePoolsError('OutOfRange', prop,
      'must be known at synth time (the periods of the library\'s CloudWatch metrics derive from it, and aws-cdk-lib takes no token periods)', described('a token'));
  }
  const seconds = checkDurationSeconds(prop, frequency, 10, 300)!;
  if (!METRIC_PUBLISH_FREQUENCIES.includes(seconds)) {
    throw new InstancePoolsError('OutOfRange', prop, `must be one of ${METRIC_PUBLISH_FREQUENCIES.join(', ')} seconds`, seconds);
  }
  return seconds;
}

/** The endpoint config's `MetricsConfig`, or undefined when no option is set (SageMaker's defaults apply). */
export function renderMetricsConfig(options: MetricPublishingOptions): CfnEndpointConfig.MetricsConfigProperty | undefined {
  const config = {
    enableEnhancedMetrics: options.enhancedMetrics,
    enableDetailedObservability: options.detailedObservability,
    metricPublishFrequencyInSeconds: options.metricPublishFrequency?.toSeconds(),
  };
  return Object.values(config).some((value) => value !== undefined) ? config : undefined;
}

/** How often SageMaker publishes an endpoint's metrics, in seconds. */
export interface MetricCadence {
  /**
   * Utilization metrics (`/aws/sagemaker/Endpoints`, `/aws/sagemaker/InferenceComponents`): every instance (or
   * copy) reports one sample per interval, so a `SampleCount` over a period is instances × period / interval.
   */
  readonly utilizationSeconds: number;
  /**
   * Invocation metrics (`AWS/SageMaker`): at the publish frequency with enhanced metrics, else every 60 seconds
   * ("When EnableEnhancedMetrics is set to False, this interval applies to utilization metrics only", MetricsConfig).
   */
  readonly invocationSeconds: number;
}

/** The publishing cadence of an endpoint's metrics (SageMaker's 60 seconds unless its `MetricsConfig` says otherwise). */
export function metricCadence(endpoint: IInstancePoolEndpoint): MetricCadence {
  const utilizationSeconds = endpoint.metricPublishFrequency?.toSeconds() ?? DEFAULT_METRIC_PUBLISH_SECONDS;
  return { utilizationSeconds, invocationSeconds: endpoint.enhancedMetrics === true ? utilizationSeconds : DEFAULT_METRIC_PUBLISH_SECONDS };
}

/**
 * The shortest period of at least `period` that holds a whole number of `intervalSeconds` publish intervals, so
 * every period sees the same number of samples per instance. Unchanged for intervals that divide a minute.
 */
export function alignedPeriod(period: Duration, intervalSeconds: number): Duration {
  const seconds = period.toSeconds();
  return seconds % intervalSeconds === 0 ? period : Duration.seconds(Math.ceil(seconds / intervalSeconds) * intervalSeconds);
}
