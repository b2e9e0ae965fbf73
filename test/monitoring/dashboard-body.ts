import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';

/**
 * Renders a CloudFormation value that may be an `Fn::Join` into a plain string: `Ref` becomes `{Ref:X}` and
 * `Fn::GetAtt` becomes `{GetAtt:X.Y}` (tokens of dashboard bodies sit inside JSON strings).
 */
export function renderJoin(value: any): string {
  if (typeof value === 'string') return value;
  if (value?.['Fn::Join']) return value['Fn::Join'][1].map(renderJoin).join(value['Fn::Join'][0]);
  if (value?.Ref) return `{Ref:${value.Ref}}`;
  if (value?.['Fn::GetAtt']) return `{GetAtt:${value['Fn::GetAtt'].join('.')}}`;
  throw new Error(`cannot render ${JSON.stringify(value)}`);
}

/** The widgets of every dashboard in the synthesized template, parsed from `DashboardBody`. */
export function templateWidgets(stack: Stack): any[] {
  const dashboards = Object.values(Template.fromStack(stack).findResources('AWS::CloudWatch::Dashboard'));
  return dashboards.flatMap((d: any) => JSON.parse(renderJoin(d.Properties.DashboardBody)).widgets);
}

/** Widgets as CloudWatch receives them, without a dashboard. */
export function renderWidgets(stack: Stack, widgets: cloudwatch.IWidget[]): any[] {
  return (stack.resolve(widgets.map((w) => w.toJson())) as any[][]).flat();
}

/** A graph's metric lines (not expressions), as `[namespace, name, dims...]` without the options object. */
export function metricLines(widget: any): string[][] {
  return (widget.properties.metrics as any[])
    .filter((m) => typeof m[0] === 'string')
    .map((m) => m.filter((part: unknown) => typeof part !== 'object'));
}

/** A graph's lines by option: expressions and metrics with their render options. */
export function lineOptions(widget: any): any[] {
  return (widget.properties.metrics as any[]).map((m) => m[m.length - 1]);
}

/** The `InstanceType` dimension of a metric line, if any. */
export function instanceTypeOf(line: string[]): string | undefined {
  const i = line.indexOf('InstanceType');
  return i < 0 ? undefined : line[i + 1];
}
