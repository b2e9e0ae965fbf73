import { Duration, Tokenization } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { checkConstruct, checkDuration, requireObject } from '../core/required';
import { checkInteger, checkPeriod } from '../core/validation';
import { latencyPercentiles, rowHeader, showsGpuMetrics, typeGraph } from '../monitoring/widget-kit';
import { alignedPeriod, metricCadence } from '../pools/metric-publishing';
import { checkTypeInPools } from '../pools/pool-instance-types';
import { checkInstanceType } from '../pools/rank-pools';
import { IInferenceComponent } from './inference-component-base';
import { InstanceTypePlacement } from './inference-component-specification';

/** Options of the per-instance-type widgets of an inference component. */
export interface InferenceComponentWidgetOptions {
  /**
   * Period of the graphs: a whole number of minutes. A metric the endpoint publishes less often than this (a
   * `metricPublishFrequency` of 2 to 5 minutes) is graphed over whole publish intervals instead.
   * @default Duration.minutes(1)
   */
  readonly period?: Duration;
  /**
   * Height of the graphs, in grid units.
   * @default 6
   */
  readonly widgetHeight?: number;
}

/**
 * The dashboard rows of an inference component, without a dashboard: put them in your own dashboards. Pure:
 * creates no constructs, and returns new widgets on every call.
 *
 * One row per instance type the component runs on, in priority order: a header, then ModelLatency p50/p90/p99,
 * ConcurrentRequestsPerCopy against the type's `maxConcurrencyPerCopy`, GPU and GPU memory utilization of the
 * copies (`/aws/sagemaker/InferenceComponents`, 0–100 % of what each copy reserved; CPU and memory for CPU-only
 * types), invocations, and errors.
 */
export class InferenceComponentWidgets {
  private readonly component: IInferenceComponent;
  private readonly period: Duration;
  private readonly height: number;

  /** @throws `[MissingRequiredProp]` without `component`; `[OutOfRange]` for a period or height CloudWatch would not take */
  constructor(component: IInferenceComponent, options: InferenceComponentWidgetOptions = {}) {
    checkConstruct('component', component, 'an inference component');
    options = requireObject('options', options, true);
    checkDuration('period', options.period);
    this.component = component;
    this.period = options.period ?? Duration.minutes(1);
    this.height = options.widgetHeight ?? 6;
    checkPeriod('period', this.period, 60, 86400);
    checkInteger('widgetHeight', this.height, 1, 24);
  }

  /** One `cloudwatch.Row` per instance type, in priority order. */
  public widgets(): cloudwatch.IWidget[] {
    return this.component.placements.map((placement) => new cloudwatch.Row(...this.typeWidgets(placement)));
  }

  /**
   * The widgets of one instance type: a header, then six graphs.
   * @throws `[MissingRequiredProp]` without `placement`; `[InstanceTypeNotInPools]` for a type the component does not run on
   */
  public typeWidgets(placement: InstanceTypePlacement): cloudwatch.IWidget[] {
    const c = this.component;
    const type = requireObject('placement', placement).instanceType;
    checkInstanceType('placement.instanceType', type);
    checkTypeInPools('placement.instanceType', type, { types: c.placements.map((p) => p.instanceType), source: "the component's specification" });
    const cadence = metricCadence(c.endpoint);
    const period = alignedPeriod(this.period, cadence.invocationSeconds);
    const utilization = alignedPeriod(this.period, cadence.utilizationSeconds);
    const opts = (statistic: string, label: string) => ({ instanceType: type, statistic, period, label });
    const utilizationOpts = (label: string) => ({ instanceType: type, statistic: 'Average', period: utilization, label });
    const graph = (what: string, left: cloudwatch.IMetric[], extra: Partial<cloudwatch.GraphWidgetProps> = {}) =>
      typeGraph(`${type.name}: ${what}`, this.height, left, extra);
    const latency = latencyPercentiles(period, (stat) => c.metric('ModelLatency', { instanceType: type, statistic: stat, period }));
    const max = placement.maxConcurrencyPerCopy;
    const gpu = showsGpuMetrics(type);
    const percent = { min: 0, max: 100, label: '%', showUnits: false };
    return [
      rowHeader(this.header(placement)),
      graph('ModelLatency (ms)', latency, { leftYAxis: { min: 0, label: 'ms', showUnits: false } }),
      graph('ConcurrentRequestsPerCopy', [c.metric('ConcurrentRequestsPerCopy', opts('Average', 'average'))], {
        leftAnnotations: max === undefined ? undefined : [{ value: max, label: `max concurrency per copy ${Tokenization.stringifyNumber(max)}` }],
      }),
      gpu
        ? graph('GPUUtilizationNormalized', [c.metricUtilization('GPUUtilizationNormalized', utilizationOpts('GPU utilization of reserved'))], { leftYAxis: percent })
        : graph('CPUUtilizationNormalized', [c.metricUtilization('CPUUtilizationNormalized', utilizationOpts('CPU utilization of reserved'))], { leftYAxis: percent }),
      gpu
        ? graph('GPUMemoryUtilizationNormalized', [c.metricUtilization('GPUMemoryUtilizationNormalized', utilizationOpts('GPU memory of reserved'))], { leftYAxis: percent })
        : graph('MemoryUtilizationNormalized', [c.metricUtilization('MemoryUtilizationNormalized', utilizationOpts('memory of reserved'))], { leftYAxis: percent }),
      graph('Invocations', [c.metric('Invocations', opts('Sum', 'invocations')), c.metric('InvocationsPerCopy', opts('Sum', 'per copy'))]),
      graph('Invocation errors', [
        c.metric('Invocation4XXErrors', opts('Sum', '4XX')),
        c.metric('Invocation5XXErrors', opts('Sum', '5XX')),
        c.metric('InvocationModelErrors', opts('Sum', 'model errors')),
      ]),
    ];
  }

  /** One line on the type: its rank in the endpoint, its hardware, its model and measured capacity. */
  private header(placement: InstanceTypePlacement): string {
    const type = placement.instanceType;
    const pool = this.component.endpoint.pools.find((p) => p.instanceType.name === type.name);
    const rank = pool === undefined ? '' : `Priority ${pool.priority}: `;
    const role = pool === undefined ? '' : pool.priority === 1 ? 'preferred, ' : 'fallback, ';
    const gpus = type.gpuCount === undefined ? '' : `${type.gpuCount} GPUs, `;
    const max = placement.maxConcurrencyPerCopy === undefined ? '' : `, max concurrency per copy ${Tokenization.stringifyNumber(placement.maxConcurrencyPerCopy)}`;
    return `### ${rank}${type.name} (${role}${gpus}model ${placement.model.node.path}${max})`;
  }
}
