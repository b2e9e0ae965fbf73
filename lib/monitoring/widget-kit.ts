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

/**
 * One graph of a per-type row, `height` units high. The left axis starts at 0 without units unless `extra`
 * sets `leftYAxis`; `extra` overrides any other prop as well.
 */
export function typeGraph(title: string, height: number, left: cloudwatch.IMetric[], extra: Partial<cloudwatch.GraphWidgetProps> = {}): cloudwatch.GraphWidget {
  return new cloudwatch.GraphWidget({ title, width: GRAPH_WIDTH, height, left, leftYAxis: { min: 0, showUnits: false }, ...extra });
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
