import { Annotations, Duration, Token, Tokenization } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { described, InstancePoolsError } from '../core/errors';
import { ALARM_NAME, registerPhysicalName } from '../core/physical-names';
import { checkConstruct, checkDuration, checkScopeAndId, requireObject } from '../core/required';
import { checkInteger, checkPercent, checkPeriod, MAX_API_INTEGER } from '../core/validation';
import { ICapacityAwareEndpoint } from '../pools/capacity-aware-endpoint-base';
import { mathConstant } from '../pools/concurrency';
import { RankedInstancePool } from '../pools/instance-pool';
import { instanceSamplesMetric } from '../pools/instance-samples';
import { alignedPeriod, metricCadence } from '../pools/metric-publishing';
import { checkAlarmTopics } from './alarm-topic-checks';
import { MAX_ALARM_NAME_LENGTH } from './cloudwatch-limits';
import { invocationMetric, metricEndpointName } from './pool-metrics';

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
   * Alarm when an instance type answers more than this share of its invocations with a 5XX error, in percent.
   * @default 5
   */
  readonly errorRateThresholdPercent?: number;
  /**
   * Alarm when an instance type's average `ConcurrentRequestsPerModel` exceeds this share of the pool's
   * `maxConcurrency`, in percent. Pools without `maxConcurrency` get no such alarm.
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

/** Properties of `PoolAlarms`. */
export interface PoolAlarmsProps extends PoolAlarmsOptions {
  /** The endpoint whose instance types are watched. */
  readonly endpoint: ICapacityAwareEndpoint;
}

/**
 * CloudWatch alarms per instance type of an endpoint with instance pools, plus one "running on fallback
 * hardware" alarm, raised while fallback pools have instances (their `CPUUtilization` samples, counted at the
 * endpoint's publish frequency). Every alarm treats missing data as not breaching: fallback pools are normally
 * empty, and an instance type that runs no instances has no data.
 *
 * Alarm names are deterministic and collision-free: `<prefix>-<endpointName>-<variant>-<instanceType>-<metric>`
 * with metric `ModelLatencyP99`, `Invocation5XXErrorRate` or `ConcurrencyAboveMax`, and
 * `<prefix>-<endpointName>-<variant>-RunningOnFallback`. Construct IDs are the instance type, then the metric
 * (`ml.g6.48xlarge/ModelLatencyP99`), so reordering pools never replaces an alarm.
 */
export class PoolAlarms extends Construct {
  /** p99 `ModelLatency` alarms, in priority order (empty without `modelLatencyThreshold`). */
  public readonly latencyAlarms: cloudwatch.Alarm[] = [];
  /** 5XX error-rate alarms, in priority order. */
  public readonly errorRateAlarms: cloudwatch.Alarm[] = [];
  /** Concurrency alarms of the pools that have `maxConcurrency`, in priority order. */
  public readonly concurrencyAlarms: cloudwatch.Alarm[] = [];
  /** The "running on fallback hardware" alarm; undefined for a single pool. */
  public readonly fallbackAlarm?: cloudwatch.Alarm;
  /** The first part of every alarm name. */
  public readonly alarmNamePrefix: string;

  /**
   * @throws `[MissingRequiredProp]` without `endpoint`; `[InvalidName]` for a prefix or alarm name CloudWatch would
   * not take; `[OutOfRange]` for thresholds and periods outside CloudWatch's ranges (a token
   * threshold is compared in its own unit); at synth time `[DuplicatePhysicalName]`
   */
  constructor(scope: Construct, id: string, props: PoolAlarmsProps) {
    super(scope, checkScopeAndId(scope, id));
    props = requireObject('props', props);
    checkConstruct('endpoint', props.endpoint, 'a capacity-aware endpoint');
    const endpoint = props.endpoint;
    this.alarmNamePrefix = props.alarmNamePrefix ?? 'SageMaker';
    const invocationInterval = metricCadence(endpoint).invocationSeconds;
    const period = props.period ?? alignedPeriod(Duration.minutes(1), invocationInterval);
    const evaluationPeriods = props.evaluationPeriods ?? 5;
    const datapointsToAlarm = props.datapointsToAlarm ?? 3;
    const errorRate = props.errorRateThresholdPercent ?? 5;
    const concurrencyPercent = props.concurrencyThresholdPercent ?? 100;
    const fallbackAfter = props.fallbackAlarmAfter ?? Duration.hours(1);
    validateProps(props, this.alarmNamePrefix, period, evaluationPeriods, datapointsToAlarm, fallbackAfter);
    if (period.toSeconds() % invocationInterval !== 0) {
      Annotations.of(this).addWarningV2('cdk-sagemaker-instance-pools:alarmPeriodBelowPublishInterval',
        `period: ${period.toSeconds()} s holds no whole publish interval of the endpoint's invocation metrics (every ${invocationInterval} s with `
        + 'enhanced metrics), so some periods have no data and the alarms see fewer datapoints than evaluationPeriods. Use a multiple of the interval.');
    }
    const namePrefix = `${this.alarmNamePrefix}-${metricEndpointName(endpoint)}-${endpoint.variantName}`;
    checkAlarmNames(namePrefix, endpoint.pools);

    const common = {
      evaluationPeriods, datapointsToAlarm, treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    };
    for (const pool of endpoint.pools) {
      const type = pool.instanceType;
      const group = new Construct(this, type.isUnresolved ? `Pool${pool.priority}` : type.name);
      const name = (metric: string) => `${namePrefix}-${type.name}-${metric}`;
      const where = `${type.name} (priority ${pool.priority}) of ${endpoint.variantName}`;
      if (props.modelLatencyThreshold) {
        const threshold = latencyThreshold(props.modelLatencyThreshold);
        this.latencyAlarms.push(new cloudwatch.Alarm(group, 'ModelLatencyP99', {
          ...common, alarmName: name('ModelLatencyP99'), threshold: threshold.value,
          metric: new cloudwatch.MathExpression({
            // ModelLatency is in microseconds; the alarm compares milliseconds (a token threshold: its own unit).
            expression: `latency / ${threshold.microseconds}`, period, label: `p99 ModelLatency (${threshold.label}) ${type.name}`,
            usingMetrics: { latency: invocationMetric(endpoint, 'ModelLatency', 'p99', period, type) },
          }),
          alarmDescription: `p99 ModelLatency on ${where} above ${human(props.modelLatencyThreshold)}.`,
        }));
      }
      this.errorRateAlarms.push(new cloudwatch.Alarm(group, 'Invocation5XXErrorRate', {
        ...common, alarmName: name('Invocation5XXErrorRate'), threshold: errorRate,
        metric: new cloudwatch.MathExpression({
          expression: '100 * errors / invocations', period, label: `5XX error rate (%) ${type.name}`,
          usingMetrics: {
            errors: invocationMetric(endpoint, 'Invocation5XXErrors', 'Sum', period, type),
            invocations: invocationMetric(endpoint, 'Invocations', 'Sum', period, type),
          },
        }),
        alarmDescription: `More than ${Tokenization.stringifyNumber(errorRate)} % of the invocations on ${where} failed with a 5XX error.`,
      }));
      if (pool.maxConcurrency !== undefined) {
        this.concurrencyAlarms.push(new cloudwatch.Alarm(group, 'ConcurrencyAboveMax', {
          ...common, alarmName: name('ConcurrencyAboveMax'), threshold: concurrencyPercent,
          metric: new cloudwatch.MathExpression({
            // Utilization in percent of the measured maximum (works for a maxConcurrency token too).
            expression: `100 * concurrency / ${mathConstant(pool.maxConcurrency)}`, period,
            label: `Concurrency (% of ${Tokenization.stringifyNumber(pool.maxConcurrency)}) ${type.name}`,
            usingMetrics: { concurrency: invocationMetric(endpoint, 'ConcurrentRequestsPerModel', 'Average', period, type) },
          }),
          alarmDescription: `Concurrent requests per instance on ${where} above ${Tokenization.stringifyNumber(concurrencyPercent)} % of its measured maximum `
            + `(${Tokenization.stringifyNumber(pool.maxConcurrency)}).`,
        }));
      }
    }

    const fallbacks = endpoint.pools.filter((pool) => pool.priority > 1);
    if (fallbacks.length > 0) {
      const fallbackPeriod = Duration.minutes(5);
      const periods = fallbackAfter.toSeconds() / fallbackPeriod.toSeconds();
      // Instances present, not traffic: fallback instances that serve nothing still hold scarce capacity. Every
      // instance reports one CPUUtilization sample per publish interval (10 to 300 s), so any 5-minute period in
      // which a fallback type has an instance holds a sample, at every publish frequency.
      const interval = metricCadence(endpoint).utilizationSeconds;
      const usingMetrics = Object.fromEntries(fallbacks.map((pool) => [
        `p${pool.priority}`, instanceSamplesMetric(endpoint, pool.instanceType, fallbackPeriod),
      ]));
      const samples = fallbacks.length === 1 ? Object.keys(usingMetrics)[0] : `(${Object.keys(usingMetrics).join(' + ')})`;
      this.fallbackAlarm = new cloudwatch.Alarm(this, 'RunningOnFallback', {
        alarmName: `${namePrefix}-RunningOnFallback`,
        metric: new cloudwatch.MathExpression({
          // Samples × interval / period = instances (averaged over the period). Arithmetic treats a missing series as
          // 0; no data at all (no fallback instances) stays missing.
          expression: `${samples} * ${interval} / ${fallbackPeriod.toSeconds()}`, usingMetrics, period: fallbackPeriod,
          label: 'Instances on fallback pools',
        }),
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: periods,
        datapointsToAlarm: periods,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: `Fallback pools (${fallbacks.map((p) => p.instanceType.name).join(', ')}) of ${endpoint.variantName} `
          + `had instances for ${human(fallbackAfter)}: the preferred capacity (${endpoint.pools[0].instanceType.name}) did not come back.`,
      });
    }

    for (const alarm of this.alarms) {
      alarm.addAlarmAction(...(props.alarmActions ?? []));
      alarm.addOkAction(...(props.okActions ?? []));
      registerPhysicalName(alarm, ALARM_NAME, () => (alarm.node.defaultChild as cloudwatch.CfnAlarm).alarmName);
    }
    // Topics whose key or policy keeps CloudWatch from publishing drop every notification: warn at synth time.
    checkAlarmTopics(this, () => this.alarms);
    if ((props.alarmActions ?? []).length === 0) {
      Annotations.of(this).addWarningV2('cdk-sagemaker-instance-pools:alarmsWithoutActions',
        'alarmActions: none given, so an alarm notifies no one (deployment guardrails still act on the rollback alarms). '
        + 'Pass alarmActions, e.g. [new SnsAction(topic)].');
    }
  }

  /** Every alarm: latency, error-rate and concurrency alarms (each in priority order), then the fallback alarm. */
  public get alarms(): cloudwatch.Alarm[] {
    return [...this.latencyAlarms, ...this.errorRateAlarms, ...this.concurrencyAlarms, ...(this.fallbackAlarm ? [this.fallbackAlarm] : [])];
  }
}

function validateProps(props: PoolAlarmsProps, prefix: string, period: Duration, evaluationPeriods: number,
  datapointsToAlarm: number, fallbackAfter: Duration): void {
  checkDuration('modelLatencyThreshold', props.modelLatencyThreshold);
  checkDuration('period', period, false);
  checkDuration('fallbackAlarmAfter', fallbackAfter, false);
  for (const actions of ['alarmActions', 'okActions'] as const) {
    const list = props[actions];
    if (list !== undefined && (!Array.isArray(list) || list.some((a) => typeof a?.bind !== 'function'))) {
      throw new InstancePoolsError('InvalidEnumValue', actions, 'must be an array of alarm actions (e.g. new SnsAction(topic))', list);
    }
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
  checkInteger('datapointsToAlarm', datapointsToAlarm, 1, Token.isUnresolved(evaluationPeriods) ? MAX_API_INTEGER : evaluationPeriods);
  if (!Token.isUnresolved(evaluationPeriods) && seconds * evaluationPeriods > 86400) {
    throw new InstancePoolsError('OutOfRange', 'evaluationPeriods', `times period (${seconds} s) must not exceed one day (CloudWatch's longest evaluation range)`, evaluationPeriods);
  }
  checkPeriod('fallbackAlarmAfter', fallbackAfter, 300, 86400, 300);
}

/** CloudWatch takes alarm names of at most 255 characters. */
function checkAlarmNames(namePrefix: string, pools: RankedInstancePool[]): void {
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
function latencyThreshold(threshold: Duration): { value: number; microseconds: number; label: string } {
  if (!threshold.isUnresolved()) return { value: threshold.toMilliseconds({ integral: false }), microseconds: 1000, label: 'ms' };
  const [microseconds, label] = MICROSECONDS[threshold.unitLabel()];
  const value = { millis: () => threshold.toMilliseconds(), seconds: () => threshold.toSeconds(), minutes: () => threshold.toMinutes(),
    hours: () => threshold.toHours(), days: () => threshold.toDays() }[threshold.unitLabel()]!();
  return { value, microseconds, label };
}

function human(duration: Duration): string {
  return duration.isUnresolved() ? 'the configured time' : duration.toHumanString();
}
