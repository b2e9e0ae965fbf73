import { Duration, Token, Tokenization } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { described, InstancePoolsError } from '../core/errors';
import { checkDuration, requireObject } from '../core/required';
import { checkInteger, checkPeriod, checkPositive } from '../core/validation';
import { CapacityAwareEndpointBase, checkCapacityAwareEndpoint, ICapacityAwareEndpoint } from '../pools/capacity-aware-endpoint-base';
import { RankedInstancePool } from '../pools/instance-pool';
import { alignedPeriod, metricCadence } from '../pools/metric-publishing';
import { checkTypeInPools } from '../pools/pool-instance-types';
import { checkInstanceType } from '../pools/rank-pools';
import { asyncFleetGraphs } from './async-fleet-widgets';
import { instanceCountMetric, instanceMetric, invocationMetric, invocationsPerInstanceOfType, perGpuMetric } from './pool-metrics';
import { graphWidget, latencyPercentiles, rowHeader, showsGpuMetrics, typeGraph } from './widget-kit';

/** Options of the per-instance-type widgets. */
export interface PoolWidgetOptions {
  /**
   * Period of the graphs: a whole number of minutes (not a token). A metric published less often than this (a
   * `metricPublishFrequency` of 2 to 5 minutes) is graphed over whole publish intervals instead.
   * @default Duration.minutes(1)
   */
  readonly period?: Duration;
  /**
   * Alarms to show in an alarm status widget on top: those in the list when the widgets are created (the list is
   * copied, so an alarm pushed to it later is not shown).
   * @default - no alarm status widget
   */
  readonly alarms?: cloudwatch.IAlarm[];
  /**
   * The signal the autoscaling policy tracks (e.g. the weighted utilization across pools), drawn on top.
   * @default - no scaling widget
   */
  readonly scalingSignal?: cloudwatch.IMetric;
  /**
   * The policy's target value, drawn as a line on the scaling signal. Needs `scalingSignal`.
   * @default - no target line
   */
  readonly scalingTarget?: number;
  /**
   * Height of the graphs, in grid units.
   * @default 6
   */
  readonly widgetHeight?: number;
}

/**
 * The widgets of a mixed fleet, without a dashboard: put them in your own dashboards (or in
 * cdk-monitoring-constructs). Pure: creates no constructs, and returns new widgets on every call.
 *
 * On top, the fleet: instances per instance type (stacked; estimated, as SageMaker documents no instance-count
 * metric: CPUUtilization samples per publish interval), invocations per type (stacked), the scaling signal against its
 * target and the alarms' state. Then one row per pool in priority order: ModelLatency p50/p90/p99,
 * ConcurrentRequestsPerModel against the pool's `maxConcurrency`, GPU and GPU memory utilization per GPU (CPU
 * and memory for CPU-only types), invocations per instance of that type, and 4XX/5XX errors.
 *
 * An asynchronous endpoint publishes neither invocations nor concurrency
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-monitor.html): its fleet row shows the backlog
 * (and per instance), `TimeInBacklog`, and `InvocationsProcesssed` against `InvocationFailures` instead of the
 * invocations per type, and its pool rows leave out the concurrency and invocation graphs.
 */
export class PoolWidgets {
  private readonly endpoint: ICapacityAwareEndpoint;
  private readonly options: PoolWidgetOptions;
  private readonly period: Duration;
  private readonly height: number;

  /**
   * @throws `[MissingRequiredProp]` without `endpoint` (or with another kind of construct); `[OutOfRange]` for a period
   * or height CloudWatch would not take, or a token height; `[InvalidEnumValue]` for alarms or a signal of the wrong kind
   */
  constructor(endpoint: ICapacityAwareEndpoint, options: PoolWidgetOptions = {}) {
    checkCapacityAwareEndpoint('endpoint', endpoint);
    options = requireObject('options', options, true);
    checkDuration('period', options.period);
    // An alarm is recognized by its methods: reading alarmArn of an aws-cdk-lib alarm creates a new token every time.
    if (options.alarms !== undefined && (!Array.isArray(options.alarms) || options.alarms.some((a) => typeof a?.renderAlarmRule !== 'function' || !('alarmArn' in a)))) {
      throw new InstancePoolsError('InvalidEnumValue', 'alarms', 'must be an array of CloudWatch alarms (cloudwatch.IAlarm)', options.alarms);
    }
    if (options.scalingSignal !== undefined && typeof options.scalingSignal?.toMetricConfig !== 'function') {
      throw new InstancePoolsError('InvalidEnumValue', 'scalingSignal', 'must be a CloudWatch metric or math expression (cloudwatch.IMetric)', options.scalingSignal);
    }
    this.endpoint = endpoint;
    // A copy: a dashboard renders its rows once (RenderedRow), so a list changed later must not change what they show.
    this.options = options.alarms ? { ...options, alarms: [...options.alarms] } : options;
    this.period = options.period ?? Duration.minutes(1);
    this.height = options.widgetHeight ?? 6;
    validateOptions(options, this.period);
  }

  /** The graphs' period over whole publish intervals of the utilization metrics. */
  private get utilizationPeriod(): Duration {
    return alignedPeriod(this.period, metricCadence(this.endpoint).utilizationSeconds);
  }

  /** The graphs' period over whole publish intervals of the invocation metrics. */
  private get invocationPeriod(): Duration {
    return alignedPeriod(this.period, metricCadence(this.endpoint).invocationSeconds);
  }

  /** Every widget: the fleet row on top, then a row per pool in priority order (each a `cloudwatch.Row`). */
  public widgets(): cloudwatch.IWidget[] {
    return [
      new cloudwatch.Row(...this.fleetWidgets()),
      ...this.endpoint.pools.map((pool) => new cloudwatch.Row(...this.widgetsForPool(pool))),
    ];
  }

  /**
   * The fleet widgets: composition, traffic (per type on a real-time endpoint; the queue, the wait in it and the
   * outcome on an asynchronous one), scaling signal and alarm state (the last two when given).
   */
  public fleetWidgets(): cloudwatch.IWidget[] {
    const pools = this.endpoint.pools;
    const scaling = this.options.scalingSignal;
    const alarms = this.options.alarms ?? [];
    const traffic = this.endpoint.asyncInference ? 3 : 1;
    const width = Math.floor(24 / (1 + traffic + (scaling ? 1 : 0) + (alarms.length > 0 ? 1 : 0)));
    const interval = metricCadence(this.endpoint).utilizationSeconds;
    const widgets: cloudwatch.IWidget[] = [
      graphWidget({
        title: `Instances per type (estimated: CPUUtilization samples per ${interval === 60 ? 'minute' : `${interval} s`})`,
        width, height: this.height, stacked: true,
        left: pools.map((pool) => instanceCountMetric(this.endpoint, pool, this.period)),
        leftYAxis: { min: 0, label: 'instances', showUnits: false },
      }),
      ...(this.endpoint.asyncInference ? asyncFleetGraphs(this.endpoint, width, this.height, this.invocationPeriod) : [graphWidget({
        title: 'Invocations per instance type', width, height: this.height, stacked: true,
        left: pools.map((pool) => invocationMetric(this.endpoint, 'Invocations', 'Sum', this.invocationPeriod, pool.instanceType, pool.instanceType.name)),
        leftYAxis: { min: 0, showUnits: false },
      })]),
    ];
    if (scaling) {
      const target = this.options.scalingTarget;
      widgets.push(graphWidget({
        title: 'Scaling signal vs target', width, height: this.height, left: [scaling],
        leftAnnotations: target === undefined ? undefined : [{ value: target, label: `target ${Tokenization.stringifyNumber(target)}` }],
        leftYAxis: { min: 0, showUnits: false },
      }));
    }
    if (alarms.length > 0) {
      widgets.push(new cloudwatch.AlarmStatusWidget({ title: 'Alarms', width, height: this.height, alarms }));
    }
    return widgets;
  }

  /**
   * The widgets of one pool: a header, then the graphs of that instance type (six on a real-time endpoint; four on
   * an asynchronous one, which publishes no concurrency and no invocation counts).
   * @throws `[MissingRequiredProp]` without `pool`; `[InvalidEnumValue]` for a pool without a priority (the props of a
   * pool rather than one of `endpoint.pools`); `[InstanceTypeNotInPools]` for a type that is none of the endpoint's pools
   */
  public widgetsForPool(pool: RankedInstancePool): cloudwatch.IWidget[] {
    const e = this.endpoint;
    const type = requireObject('pool', pool).instanceType;
    if (!Number.isInteger(pool.priority)) {
      // The props of a pool (as written in `pools`) carry no priority: the rows would read "Priority undefined".
      throw new InstancePoolsError('InvalidEnumValue', 'pool', "must be one of the endpoint's ranked pools (endpoint.pools[i]), which carry their priority",
        described(`a pool without a priority (${String(pool.priority)})`));
    }
    checkInstanceType('pool.instanceType', type);
    checkTypeInPools('pool.instanceType', type, { types: e.pools.map((p) => p.instanceType), source: poolsProp(e) });
    const p = this.invocationPeriod;
    const u = this.utilizationPeriod;
    const graph = (what: string, left: cloudwatch.IMetric[], extra: Partial<cloudwatch.GraphWidgetProps> = {}) =>
      typeGraph(`P${pool.priority} ${type.name}: ${what}`, this.height, left, extra);
    const latency = latencyPercentiles(p, (stat) => invocationMetric(e, 'ModelLatency', stat, p, type));
    const max = pool.maxConcurrency;
    const gpu = showsGpuMetrics(type);
    const percentAxis = { min: 0, max: type.gpuCount !== undefined || !gpu ? 100 : undefined, label: '%', showUnits: false };
    const realTime = !e.asyncInference;
    return [
      rowHeader(header(pool)),
      graph('ModelLatency (ms)', latency, { leftYAxis: { min: 0, label: 'ms', showUnits: false } }),
      ...(realTime ? [graph('ConcurrentRequestsPerModel', [invocationMetric(e, 'ConcurrentRequestsPerModel', 'Average', p, type, 'average')], {
        leftAnnotations: max === undefined ? undefined : [{ value: max, label: `max concurrency ${Tokenization.stringifyNumber(max)}` }],
      })] : []),
      gpu
        ? graph('GPUUtilization', [perGpuMetric(e, 'GPUUtilization', pool, u, 'GPU utilization')], { leftYAxis: percentAxis })
        : graph('CPUUtilization', [instanceMetric(e, 'CPUUtilization', 'Average', u, type, 'CPU utilization (summed over vCPUs)')], { leftYAxis: { min: 0, label: '%', showUnits: false } }),
      gpu
        ? graph('GPUMemoryUtilization', [perGpuMetric(e, 'GPUMemoryUtilization', pool, u, 'GPU memory')], { leftYAxis: percentAxis })
        : graph('MemoryUtilization', [instanceMetric(e, 'MemoryUtilization', 'Average', u, type, 'memory utilization')], { leftYAxis: percentAxis }),
      // Not SageMaker's InvocationsPerInstance, normalized by the whole variant's instances (see the metric).
      ...(realTime ? [graph('Invocations per instance of this type', [invocationsPerInstanceOfType(e, pool, this.period)])] : []),
      graph('Invocation errors', [
        invocationMetric(e, 'Invocation4XXErrors', 'Sum', p, type, '4XX'),
        invocationMetric(e, 'Invocation5XXErrors', 'Sum', p, type, '5XX'),
      ]),
    ];
  }
}

/** The prop that holds the endpoint's pools, for messages (`variants[0].pools` for a further variant). */
function poolsProp(endpoint: ICapacityAwareEndpoint): string {
  return endpoint instanceof CapacityAwareEndpointBase ? endpoint._poolsProp : 'pools';
}

/** One line on the pool: its rank, its hardware and its measured capacity. */
function header(pool: RankedInstancePool): string {
  const role = pool.priority === 1 ? 'preferred' : 'fallback';
  const gpus = pool.instanceType.gpuCount === undefined ? '' : `, ${pool.instanceType.gpuCount} GPUs`;
  const max = pool.maxConcurrency === undefined ? '' : `, max concurrency ${Tokenization.stringifyNumber(pool.maxConcurrency)}`;
  return `### Priority ${pool.priority}: ${pool.instanceType.name} (${role}${gpus}${max})`;
}

function validateOptions(options: PoolWidgetOptions, period: Duration): void {
  checkPeriod('period', period, 60, 86400);
  if (options.scalingTarget !== undefined && !options.scalingSignal) {
    throw new InstancePoolsError('ConflictingOptions', 'scalingTarget', 'is drawn on scalingSignal; set both', options.scalingTarget);
  }
  checkPositive('scalingTarget', options.scalingTarget);
  if (options.widgetHeight !== undefined && options.widgetHeight !== null && Token.isUnresolved(options.widgetHeight)) {
    // The rows are laid out at synth time from the heights: a token would stack them on top of each other.
    throw new InstancePoolsError('OutOfRange', 'widgetHeight', 'must be known at synth time (the dashboard is laid out from it)', described('a token'));
  }
  checkInteger('widgetHeight', options.widgetHeight, 1, 24);
}
