import { Duration, Token } from 'aws-cdk-lib';
import { described, InstancePoolsError } from '../core/errors';
import { checkDuration } from '../core/required';
import { checkInteger, checkMinMax, checkPercent, checkPeriod } from '../core/validation';
import { RankedInstancePool } from '../pools/instance-pool';
import { MAX_ALARM_NAME_LENGTH } from './cloudwatch-limits';
import { PoolAlarmsOptions } from './pool-alarm-options';

/**
 * The rules of the per-instance-type alarms' options (CloudWatch's ranges for names, thresholds and periods), and the
 * units their latency threshold is compared in. Pure: creates no constructs.
 */

export function validateProps(props: PoolAlarmsOptions, prefix: string, period: Duration, evaluationPeriods: number,
  datapointsToAlarm: number, fallbackAfter: Duration): void {
  checkDuration('modelLatencyThreshold', props.modelLatencyThreshold);
  checkDuration('period', period, false);
  checkDuration('fallbackAlarmAfter', fallbackAfter, false);
  for (const actions of ['alarmActions', 'okActions'] as const) {
    const list = props[actions];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) {
      throw new InstancePoolsError('InvalidEnumValue', actions, 'must be an array of alarm actions (e.g. new SnsAction(topic))', list);
    }
    list.forEach((action, i) => {
      if (typeof action?.bind === 'function') return;
      // An ARN is the likely string: name the wrapper that turns a topic's ARN into an action.
      const arn = typeof action === 'string' ? "; for a topic's ARN, new SnsAction(sns.Topic.fromTopicArn(this, 'Topic', arn))" : '';
      throw new InstancePoolsError('InvalidEnumValue', `${actions}[${i}]`, `must be an alarm action (e.g. new SnsAction(topic))${arn}`, action ?? described(String(action)));
    });
  }
  if (typeof prefix !== 'string' || (!Token.isUnresolved(prefix) && !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(prefix))) {
    throw new InstancePoolsError('InvalidName', 'alarmNamePrefix', 'letters, digits, -, _ and . (starting with a letter or digit), at most 64 characters', prefix);
  }
  const latency = props.modelLatencyThreshold;
  if (latency && !latency.isUnresolved()) {
    const ms = latency.toMilliseconds({ integral: false });
    if (ms <= 0 || ms > 3_600_000) {
      throw new InstancePoolsError('OutOfRange', 'modelLatencyThreshold', 'must be more than 0 and at most 60 minutes', described(latency.toHumanString()));
    }
  }
  checkPercent('errorRateThresholdPercent', props.errorRateThresholdPercent, 0.01, 100, true);
  checkPercent('concurrencyThresholdPercent', props.concurrencyThresholdPercent, 1, 200, true);
  const seconds = checkPeriod('period', period, 60, 86400)!;
  checkInteger('evaluationPeriods', evaluationPeriods, 1, 1440);
  checkInteger('datapointsToAlarm', datapointsToAlarm, 1, 1440);
  checkMinMax('datapointsToAlarm', datapointsToAlarm, 'evaluationPeriods', evaluationPeriods);
  if (!Token.isUnresolved(evaluationPeriods) && seconds * evaluationPeriods > 86400) {
    throw new InstancePoolsError('OutOfRange', 'evaluationPeriods', `times period (${seconds} s) must not exceed one day (CloudWatch's longest evaluation range)`, evaluationPeriods);
  }
  checkPeriod('fallbackAlarmAfter', fallbackAfter, 300, 86400, 300);
}

/** CloudWatch takes alarm names of at most 255 characters. */
export function checkAlarmNames(namePrefix: string, pools: RankedInstancePool[]): void {
  if (Token.isUnresolved(namePrefix)) return;
  for (const pool of pools) {
    const longest = `${namePrefix}-${pool.instanceType.name}-Invocation5XXErrorRate`;
    if (!pool.instanceType.isUnresolved && longest.length > MAX_ALARM_NAME_LENGTH) {
      throw new InstancePoolsError('InvalidName', 'alarmName', `CloudWatch takes alarm names of at most ${MAX_ALARM_NAME_LENGTH} characters (${longest})`, longest.length);
    }
  }
}

/** Microseconds per unit of a token threshold: CloudFormation cannot convert a token, so the alarm divides by its unit. */
const MICROSECONDS: { [unit: string]: [number, string] } = {
  millis: [1000, 'ms'], seconds: [1_000_000, 's'], minutes: [60_000_000, 'min'], hours: [3_600_000_000, 'h'], days: [86_400_000_000, 'd'],
};

/**
 * The alarm threshold, and what the p99 latency (microseconds) is divided by to compare with it: milliseconds
 * for a known duration; for a token, its own unit, which aws-cdk-lib cannot convert (`Duration.seconds(param)`
 * alarms on seconds).
 */
export function latencyThreshold(threshold: Duration): { value: number; microseconds: number; label: string } {
  if (!threshold.isUnresolved()) return { value: threshold.toMilliseconds({ integral: false }), microseconds: 1000, label: 'ms' };
  const [microseconds, label] = MICROSECONDS[threshold.unitLabel()];
  const value = { millis: () => threshold.toMilliseconds(), seconds: () => threshold.toSeconds(), minutes: () => threshold.toMinutes(),
    hours: () => threshold.toHours(), days: () => threshold.toDays() }[threshold.unitLabel()]!();
  return { value, microseconds, label };
}

export function human(duration: Duration): string {
  return duration.isUnresolved() ? 'the configured time' : duration.toHumanString();
}
