import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { AcceleratorKind } from '../instance-types/accelerator-kind';
import { InstanceType } from '../instance-types/instance-type';

/**
 * Building blocks shared by the per-instance-type widgets of endpoints (`PoolWidgets`) and inference components
 * (`InferenceComponentWidgets`): the row header, the graph, the latency percentiles and the choice between GPU
 * and CPU graphs. Pure: creates no constructs.
 */

/** Width of one graph in a per-type row: six graphs fill the 24-unit dashboard width. */
const GRAPH_WIDTH = 4;

/** The full-width, one-unit-high markdown header of a per-type row. */
export function rowHeader(markdown: string): cloudwatch.TextWidget {
  return new cloudwatch.TextWidget({ markdown, width: 24, height: 1 });
}

/** The metrics each graph was created with (`graphWidget`), left and right. */
const graphMetrics = new WeakMap<cloudwatch.IWidget, cloudwatch.IMetric[]>();

/** A graph that remembers the metrics it was created with (see `metricEntriesBound`). */
export function graphWidget(props: cloudwatch.GraphWidgetProps): cloudwatch.GraphWidget {
  const graph = new cloudwatch.GraphWidget(props);
  graphMetrics.set(graph, [...(props.left ?? []), ...(props.right ?? [])]);
  return graph;
}

/**
 * At most how many metric and expression entries `widget` renders, counted without rendering it: a graph made by
 * `graphWidget` renders each metric once, and each expression with the metrics it uses, which aws-cdk-lib may
 * share between expressions (so this is a bound, not the count); text and alarm-status widgets render none.
 * Undefined for any other widget. Only for widgets nothing else can change after creation (`addLeftMetric`).
 */
export function metricEntriesBound(widget: cloudwatch.IWidget): number | undefined {
  if (widget instanceof cloudwatch.TextWidget || widget instanceof cloudwatch.AlarmStatusWidget) return 0;
  const metrics = graphMetrics.get(widget);
  return metrics && metrics.reduce((sum, metric) => sum + entriesOf(metric), 0);
}

function entriesOf(metric: cloudwatch.IMetric): number {
  if (metric instanceof cloudwatch.Metric) return 1;
  const using = metric instanceof cloudwatch.MathExpression ? metric.usingMetrics : metric.toMetricConfig().mathExpression?.usingMetrics ?? {};
  return 1 + Object.values(using).reduce((sum, m) => sum + entriesOf(m), 0);
}

/**
 * One graph of a per-type row, `height` units high. The left axis starts at 0 without units unless `extra`
 * sets `leftYAxis`; `extra` overrides any other prop as well.
 */
export function typeGraph(title: string, height: number, left: cloudwatch.IMetric[], extra: Partial<cloudwatch.GraphWidgetProps> = {}): cloudwatch.GraphWidget {
  return graphWidget({ title, width: GRAPH_WIDTH, height, left, leftYAxis: { min: 0, showUnits: false }, ...extra });
}

/**
 * `ModelLatency` p50, p90 and p99 in milliseconds (SageMaker publishes microseconds). `latency(statistic)`
 * returns the `ModelLatency` metric with that statistic; each percentile gets its own id, as ids are unique
 * within a graph.
 */
export function latencyPercentiles(period: Duration, latency: (statistic: string) => cloudwatch.IMetric): cloudwatch.MathExpression[] {
  return ['p50', 'p90', 'p99'].map((stat) => new cloudwatch.MathExpression({
    expression: `latency_${stat} / 1000`, period, label: stat, usingMetrics: { [`latency_${stat}`]: latency(stat) },
  }));
}

/**
 * Whether to graph GPU rather than CPU metrics for `type`. Known CPU types and other accelerators (Inferentia,
 * Trainium, Gaudi: they publish no `GPUUtilization`) get CPU graphs; NVIDIA GPU types get GPU graphs, and so do
 * types the catalog does not know, which might have GPUs.
 */
export function showsGpuMetrics(type: InstanceType): boolean {
  const kind = type.acceleratorKind;
  return kind === undefined || kind === AcceleratorKind.NVIDIA_GPU;
}
