import { Annotations, Duration, Tokenization } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { ALARM_NAME, registerPhysicalName } from '../core/physical-names';
import { checkScopeAndId, requireObject } from '../core/required';
import { checkCapacityAwareEndpoint, ICapacityAwareEndpoint } from '../pools/capacity-aware-endpoint-base';
import { mathConstant } from '../pools/concurrency';
import { instanceSamplesMetric } from '../pools/instance-samples';
import { alignedPeriod, metricCadence } from '../pools/metric-publishing';
import { checkAlarmTopics } from './alarm-topic-checks';
import { PoolAlarmsOptions } from './pool-alarm-options';
import { checkAlarmNames, human, latencyThreshold, validateProps } from './pool-alarm-rules';
import { warnAlarmsWithoutActions } from './alarms-without-actions';
import { invocationMetric, metricEndpointName } from './pool-metrics';

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
 * The 5XX error rate is the average of `Invocation5XXErrors` (1 per failed request, 0 per other), which both endpoint
 * kinds publish; an asynchronous endpoint publishes no concurrency, so it gets no `ConcurrencyAboveMax` alarms.
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
  /** Concurrency alarms of the pools that have `maxConcurrency`, in priority order (none on an asynchronous endpoint). */
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
    checkCapacityAwareEndpoint('endpoint', props.endpoint);
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
    if (endpoint.asyncInference && props.concurrencyThresholdPercent !== undefined && props.concurrencyThresholdPercent !== null) {
      Annotations.of(this).addWarningV2('cdk-sagemaker-instance-pools:asyncConcurrencyAlarm',
        'concurrencyThresholdPercent: an asynchronous endpoint publishes no ConcurrentRequestsPerModel, so it gets no concurrency alarms and '
        + 'the threshold is ignored (https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-monitor.html). Leave it unset.');
    }

    const common = {
      evaluationPeriods, datapointsToAlarm, treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    };
    // The same for every pool: computed once.
    const latency = props.modelLatencyThreshold ? latencyThreshold(props.modelLatencyThreshold) : undefined;
    const latencyText = props.modelLatencyThreshold ? human(props.modelLatencyThreshold) : undefined;
    const errorRateText = Tokenization.stringifyNumber(errorRate);
    const concurrencyPercentText = Tokenization.stringifyNumber(concurrencyPercent);
    for (const pool of endpoint.pools) {
      const type = pool.instanceType;
      const group = new Construct(this, type.isUnresolved ? `Pool${pool.priority}` : type.name);
      const name = (metric: string) => `${namePrefix}-${type.name}-${metric}`;
      const where = `${type.name} (priority ${pool.priority}) of ${endpoint.variantName}`;
      if (latency) {
        this.latencyAlarms.push(new cloudwatch.Alarm(group, 'ModelLatencyP99', {
          ...common, alarmName: name('ModelLatencyP99'), threshold: latency.value,
          metric: new cloudwatch.MathExpression({
            // ModelLatency is in microseconds; the alarm compares milliseconds (a token threshold: its own unit).
            expression: `latency / ${latency.microseconds}`, period, label: `p99 ModelLatency (${latency.label}) ${type.name}`,
            usingMetrics: { latency: invocationMetric(endpoint, 'ModelLatency', 'p99', period, type) },
          }),
          alarmDescription: `p99 ModelLatency on ${where} above ${latencyText}.`,
        }));
      }
      this.errorRateAlarms.push(new cloudwatch.Alarm(group, 'Invocation5XXErrorRate', {
        ...common, alarmName: name('Invocation5XXErrorRate'), threshold: errorRate,
        metric: new cloudwatch.MathExpression({
          // "For each 5xx response, 1 is sent; otherwise, 0 is sent" (https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html),
          // so the Average of Invocation5XXErrors is the share of requests that failed. Asynchronous endpoints publish
          // it too, but no Invocations (https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-monitor.html),
          // so errors / invocations never had data there; the average reads the same rate on both endpoint kinds.
          expression: '100 * errors', period, label: `5XX error rate (%) ${type.name}`,
          usingMetrics: { errors: invocationMetric(endpoint, 'Invocation5XXErrors', 'Average', period, type) },
        }),
        alarmDescription: `More than ${errorRateText} % of the invocations on ${where} failed with a 5XX error.`,
      }));
      // Asynchronous endpoints publish no ConcurrentRequestsPerModel: such an alarm would never have data.
      if (pool.maxConcurrency !== undefined && !endpoint.asyncInference) {
        this.concurrencyAlarms.push(new cloudwatch.Alarm(group, 'ConcurrencyAboveMax', {
          ...common, alarmName: name('ConcurrencyAboveMax'), threshold: concurrencyPercent,
          metric: new cloudwatch.MathExpression({
            // Utilization in percent of the measured maximum (works for a maxConcurrency token too).
            expression: `100 * concurrency / ${mathConstant(pool.maxConcurrency)}`, period,
            label: `Concurrency (% of ${Tokenization.stringifyNumber(pool.maxConcurrency)}) ${type.name}`,
            usingMetrics: { concurrency: invocationMetric(endpoint, 'ConcurrentRequestsPerModel', 'Average', period, type) },
          }),
          alarmDescription: `Concurrent requests per instance on ${where} above ${concurrencyPercentText} % of its measured maximum `
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

    const alarmActions = props.alarmActions ?? [];
    const okActions = props.okActions ?? [];
    for (const alarm of this.alarms) {
      // Each call of an L2 method records construct metadata: none for an empty list.
      if (alarmActions.length > 0) alarm.addAlarmAction(...alarmActions);
      if (okActions.length > 0) alarm.addOkAction(...okActions);
      registerPhysicalName(alarm, ALARM_NAME, alarm.node.defaultChild as cloudwatch.CfnAlarm, 'AlarmName');
    }
    // Topics whose key or policy keeps CloudWatch from publishing drop every notification: warn at synth time.
    checkAlarmTopics(this, () => this.alarms);
    if (alarmActions.length === 0) warnAlarmsWithoutActions(this, endpoint);
  }

  /** Every alarm: latency, error-rate and concurrency alarms (each in priority order), then the fallback alarm. */
  public get alarms(): cloudwatch.Alarm[] {
    return [...this.latencyAlarms, ...this.errorRateAlarms, ...this.concurrencyAlarms, ...(this.fallbackAlarm ? [this.fallbackAlarm] : [])];
  }
}
