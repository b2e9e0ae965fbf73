import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';

/** Options of the per-instance-type alarms, as taken by `endpoint.addAlarms(...)`. */
export interface PoolAlarmsOptions {
  /**
   * First part of every alarm name: `<prefix>-<endpointName>-<variant>-<instanceType>-<metric>`. Letters,
   * digits, `-`, `_` and `.`, at most 64 characters.
   * @default 'SageMaker'
   */
  readonly alarmNamePrefix?: string;
  /**
   * Alarm when an instance type's p99 `ModelLatency` stays above this. Set it from a load test: no default
   * suits every model.
   * @default - no latency alarms
   */
  readonly modelLatencyThreshold?: Duration;
  /**
   * Alarm when an instance type answers more than this share of its invocations with a 5XX error, in percent (the
   * average of `Invocation5XXErrors`, which SageMaker publishes as 1 per 5XX response and 0 per other).
   * @default 5
   */
  readonly errorRateThresholdPercent?: number;
  /**
   * Alarm when an instance type's average `ConcurrentRequestsPerModel` exceeds this share of the pool's
   * `maxConcurrency`, in percent. Pools without `maxConcurrency` get no such alarm, nor does an asynchronous
   * endpoint, which publishes no `ConcurrentRequestsPerModel` (setting it there warns).
   * @default 100
   */
  readonly concurrencyThresholdPercent?: number;
  /**
   * Raise the "running on fallback hardware" alarm when pools of priority 2 or lower have had instances in every
   * 5-minute period for this long, whether or not they served traffic: the preferred capacity did not come back
   * on its own. A whole number of 5-minute periods, from 5 minutes to 24 hours (not a token).
   * @default Duration.hours(1)
   */
  readonly fallbackAlarmAfter?: Duration;
  /**
   * Period of the per-instance-type alarms: a whole number of minutes (not a token). A period shorter than the
   * interval at which the endpoint publishes its invocation metrics leaves periods without data: synthesis warns.
   * @default - one minute, or the endpoint's publish interval when its invocation metrics arrive less often
   * (enhanced metrics with a `metricPublishFrequency` of 2 to 5 minutes)
   */
  readonly period?: Duration;
  /**
   * Periods the per-instance-type alarms look at.
   * @default 5
   */
  readonly evaluationPeriods?: number;
  /**
   * Breaching periods (of `evaluationPeriods`) that raise a per-instance-type alarm.
   * @default 3
   */
  readonly datapointsToAlarm?: number;
  /**
   * Actions of every alarm when it goes into ALARM, e.g. `new cloudwatch_actions.SnsAction(topic)`.
   * @default - no actions
   */
  readonly alarmActions?: cloudwatch.IAlarmAction[];
  /**
   * Actions of every alarm when it returns to OK.
   * @default - no actions
   */
  readonly okActions?: cloudwatch.IAlarmAction[];
}
