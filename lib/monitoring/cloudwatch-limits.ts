import { InstancePoolsError } from '../core/errors';

/** CloudWatch alarm names: 1 to 255 characters (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html). */
export const MAX_ALARM_NAME_LENGTH = 255;
/** A dashboard body holds at most 500 widgets (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html). */
export const MAX_WIDGETS_PER_DASHBOARD = 500;
/** A graph holds at most 500 metrics and expressions (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html). */
export const MAX_METRICS_PER_WIDGET = 500;
/**
 * A dashboard holds at most 2500 metrics, counting those used only inside math expressions
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html).
 */
export const MAX_METRICS_PER_DASHBOARD = 2500;

/**
 * Placeholder for the tokens of a rendered dashboard body. Tokens sit inside JSON strings (region, names) or
 * stand for numbers, and `0` is valid JSON in both places.
 */
const TOKEN_PLACEHOLDER = '0';

/**
 * Parses a resolved `DashboardBody` (a plain string, or the `Fn::Join` CloudFormation renders when it holds
 * tokens) into its JSON, with tokens replaced by a placeholder.
 */
export function parseDashboardBody(resolved: unknown): any {
  if (typeof resolved === 'string') return JSON.parse(resolved);
  const join = (resolved as any)?.['Fn::Join'];
  if (!Array.isArray(join) || join[0] !== '') {
    throw new Error(`Unexpected dashboard body: ${JSON.stringify(resolved)}`);
  }
  const parts: unknown[] = join[1];
  return JSON.parse(parts.map((part) => (typeof part === 'string' ? part : TOKEN_PLACEHOLDER)).join(''));
}

/** Counts of one rendered widget: its metrics (including those only used inside math) and its expressions. */
export function countWidgetMetrics(widget: any): { metrics: number; expressions: number } {
  const entries: unknown[] = Array.isArray(widget?.properties?.metrics) ? widget.properties.metrics : [];
  let metrics = 0;
  let expressions = 0;
  for (const entry of entries) {
    const first = Array.isArray(entry) ? entry[0] : undefined;
    if (first !== null && typeof first === 'object' && 'expression' in first) {
      expressions++;
    } else {
      metrics++;
    }
  }
  return { metrics, expressions };
}

/**
 * Checks rendered widgets (flat: one JSON object per dashboard widget) against CloudWatch's dashboard limits.
 * Returns the broken rules, for `prop`.
 */
export function dashboardLimitErrors(prop: string, widgets: any[]): InstancePoolsError[] {
  const errors: InstancePoolsError[] = [];
  if (widgets.length > MAX_WIDGETS_PER_DASHBOARD) {
    errors.push(new InstancePoolsError('DashboardLimit', prop, `a dashboard holds at most ${MAX_WIDGETS_PER_DASHBOARD} widgets`, widgets.length));
  }
  let total = 0;
  widgets.forEach((widget, i) => {
    const { metrics, expressions } = countWidgetMetrics(widget);
    total += metrics;
    if (metrics + expressions > MAX_METRICS_PER_WIDGET) {
      const title = widget?.properties?.title ? ` '${widget.properties.title}'` : '';
      errors.push(new InstancePoolsError('DashboardLimit', prop,
        `a graph holds at most ${MAX_METRICS_PER_WIDGET} metrics and expressions (widgets[${i}]${title})`, metrics + expressions));
    }
  });
  if (total > MAX_METRICS_PER_DASHBOARD) {
    errors.push(new InstancePoolsError('DashboardLimit', prop,
      `a dashboard holds at most ${MAX_METRICS_PER_DASHBOARD} metrics, including those only used inside math expressions`, total));
  }
  return errors;
}
