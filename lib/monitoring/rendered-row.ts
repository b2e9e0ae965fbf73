import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';

/**
 * A row of widgets that the library built for one of its own dashboards and never hands out, rendered once per
 * position rather than once per resolution.
 *
 * aws-cdk-lib renders a dashboard's body each time the template is resolved: three times per synthesis (cross-stack
 * references, the template, the construct tree's attributes; two with tree metadata off), and with it every widget's
 * metrics. The JSON of these rows cannot change after their creation: nothing outside the library holds them or their
 * widgets (`addLeftMetric` and the like cannot reach them), what they were built from does not change (the alarm list
 * is a copy taken when the widgets are created; metrics and math expressions have no setters, and a props object
 * mutated after it was passed to one is outside aws-cdk-lib's contract), and what they render holds tokens, never
 * resolved values, so the same JSON serves every resolution. Should the row's position change, its JSON is rendered
 * again.
 *
 * `widgets` holds the row, so that aws-cdk-lib, which walks a dashboard's widgets for their warnings, still finds
 * them.
 */
export class RenderedRow implements cloudwatch.IWidget {
  /** The wrapped row, as its one widget. */
  public readonly widgets: cloudwatch.IWidget[];
  private x?: number;
  private y?: number;
  /** The row's JSON at the current position; dropped when the position changes. */
  private json?: any[];

  constructor(public readonly row: cloudwatch.Row) {
    this.widgets = [row];
  }

  /** The row's width, in grid units. */
  public get width(): number {
    return this.row.width;
  }

  /** The row's height, in grid units. */
  public get height(): number {
    return this.row.height;
  }

  /** Places the row (and so its widgets) at `x`, `y`, in grid units. */
  public position(x: number, y: number): void {
    this.row.position(x, y);
    if (x !== this.x || y !== this.y) this.json = undefined;
    this.x = x;
    this.y = y;
  }

  /** The row's widgets as dashboard-body JSON: rendered at the first call for a position, then the same array. */
  public toJson(): any[] {
    this.json ??= this.row.toJson();
    return this.json;
  }
}
