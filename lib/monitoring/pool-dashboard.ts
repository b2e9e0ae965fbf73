import { Annotations, Duration, Stack, Token, TokenComparison } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { described, InstancePoolsError } from '../core/errors';
import { DASHBOARD_NAME, registerPhysicalName } from '../core/physical-names';
import { checkConstruct, checkDuration, checkScopeAndId, requireObject } from '../core/required';
import { checkDashboardName } from '../core/string-rules';
import { checkCapacityAwareEndpoint, ICapacityAwareEndpoint } from '../pools/capacity-aware-endpoint-base';
import { DEFAULT_METRIC_PUBLISH_SECONDS, metricCadence } from '../pools/metric-publishing';
import {
  countWidgetMetrics, dashboardLimitErrors, MAX_METRICS_PER_DASHBOARD, MAX_METRICS_PER_WIDGET, MAX_WIDGETS_PER_DASHBOARD, parseDashboardBody,
} from './cloudwatch-limits';
import { PoolWidgetOptions, PoolWidgets } from './pool-widgets';
import { RenderedRow } from './rendered-row';
import { metricEntriesBound } from './widget-kit';

/** Options of a per-instance-type dashboard, as taken by `endpoint.addDashboard(id, ...)`. */
export interface PoolDashboardOptions extends PoolWidgetOptions {
  /**
   * An existing dashboard to add the widgets to (below what it already shows).
   * @default - a new dashboard
   */
  readonly dashboard?: cloudwatch.Dashboard;
  /**
   * Name of the new dashboard (letters, digits, `-` and `_`). Not with `dashboard`.
   * @default - CloudFormation generates a name
   */
  readonly dashboardName?: string;
  /**
   * Time range the new dashboard opens with. Not with `dashboard`.
   * @default - CloudWatch's default (3 hours)
   */
  readonly defaultInterval?: Duration;
}

/** Properties of `PoolDashboard`. */
export interface PoolDashboardProps extends PoolDashboardOptions {
  /** The endpoint to show. */
  readonly endpoint: ICapacityAwareEndpoint;
}

/**
 * A CloudWatch dashboard of an endpoint with instance pools: the fleet on top (instances and invocations per
 * instance type, scaling signal, alarms), then one row per pool in priority order (see `PoolWidgets`).
 *
 * CloudWatch's limits are checked, counting what the dashboard already holds: 500 widgets, 500 metrics and
 * expressions per graph, 2500 metrics per dashboard (including metrics only used inside math). Widgets added to
 * the dashboard later are checked again at synth time. The new dashboard's construct ID is `Resource`.
 */
export class PoolDashboard extends Construct {
  /** The dashboard the widgets were added to. */
  public readonly dashboard: cloudwatch.Dashboard;
  private readonly factory: PoolWidgets;

  /**
   * @throws `[MissingRequiredProp]` without `endpoint`, or for an endpoint or `dashboard` of another kind; `[InvalidName]`
   * for a dashboard name CloudWatch would not take; `[ConflictingOptions]`; `[CrossEnvironmentDashboard]` for a
   * dashboard in another account or region than the endpoint; `[DashboardLimit]`; at synth time `[DuplicatePhysicalName]`
   */
  constructor(scope: Construct, id: string, props: PoolDashboardProps) {
    super(scope, checkScopeAndId(scope, id));
    props = requireObject('props', props);
    checkCapacityAwareEndpoint('endpoint', props.endpoint);
    checkConstruct('dashboard', props.dashboard, 'a CloudWatch dashboard (cloudwatch.Dashboard)', true);
    if (props.dashboard && typeof (props.dashboard as any).addWidgets !== 'function') {
      // A stack, an L1 CfnDashboard or a topic is a construct too: name what is needed before it fails raw.
      throw new InstancePoolsError('MissingRequiredProp', 'dashboard', 'must be a CloudWatch dashboard (cloudwatch.Dashboard)', props.dashboard);
    }
    checkDashboardName('dashboardName', props.dashboardName);
    checkDuration('defaultInterval', props.defaultInterval);
    if (props.dashboard && (props.dashboardName !== undefined || props.defaultInterval !== undefined)) {
      const prop = props.dashboardName !== undefined ? 'dashboardName' : 'defaultInterval';
      throw new InstancePoolsError('ConflictingOptions', prop, 'applies to a new dashboard only; not with dashboard', described(props.dashboard.node.path));
    }
    checkSameEnvironment(Stack.of(props.dashboard ?? this), Stack.of(props.endpoint));
    this.factory = new PoolWidgets(props.endpoint, props);
    const interval = metricCadence(props.endpoint).utilizationSeconds;
    if (interval !== DEFAULT_METRIC_PUBLISH_SECONDS) {
      // MetricsConfig says the frequency applies to utilization metrics; that it applies to the per-InstanceType
      // series too is not stated anywhere (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_MetricsConfig.html).
      Annotations.of(this).addWarningV2('cdk-sagemaker-instance-pools:instanceEstimateAtFrequency',
        `metricPublishFrequency: the instances-per-type graph counts one CPUUtilization sample per instance every ${interval} s, as MetricsConfig `
        + 'documents for utilization metrics. That the per-InstanceType series follows the frequency is not documented: if it kept one sample a '
        + `minute, the graph would read ${interval < 60 ? `${interval}/60 of` : `${interval / 60} times`} the instances (scaling and alarms only test for a sample, and are unaffected).`);
    }
    const rows = this.factory.widgets();
    // Check the limits before creating anything: the widgets added now plus what a given dashboard holds. Nothing
    // outside this construct holds these rows, so they are counted from what they were created with, not rendered.
    rows.forEach((row) => ownRows.add(row));
    const [error] = limitErrors([...(props.dashboard ? heldRows(props.dashboard) ?? [renderedBody(props.dashboard)] : []), ...rows]);
    if (error) throw error;

    this.dashboard = props.dashboard ?? new cloudwatch.Dashboard(this, 'Resource', {
      dashboardName: props.dashboardName, defaultInterval: props.defaultInterval,
    });
    // Rendered once per position, not at each of the two or three resolutions of a synthesis (see RenderedRow).
    rows.forEach((row) => this.dashboard.addWidgets(row instanceof cloudwatch.Row ? new RenderedRow(row) : row));
    if (!props.dashboard) {
      registerPhysicalName(this.dashboard, DASHBOARD_NAME, this.dashboard.node.defaultChild as cloudwatch.CfnDashboard, 'DashboardName');
    }
    this.node.addValidation({ validate: () => limitErrors(heldRows(this.dashboard) ?? [renderedBody(this.dashboard)]).map((e) => e.message) });
  }

  /** New copies of the widgets, for other dashboards (see `PoolWidgets.widgets()`). */
  public widgets(): cloudwatch.IWidget[] {
    return this.factory.widgets();
  }
}

/**
 * The widgets' metrics carry no account or region, so CloudWatch reads them in the dashboard's own: a dashboard in
 * another account or region than the endpoint would graph nothing. Accounts and regions that are tokens
 * (environment-agnostic stacks) cannot be compared and pass.
 */
function checkSameEnvironment(dashboard: Stack, endpoint: Stack): void {
  for (const [what, here, there] of [['region', dashboard.region, endpoint.region], ['account', dashboard.account, endpoint.account]] as const) {
    if (Token.compareStrings(here, there) === TokenComparison.DIFFERENT) {
      throw new InstancePoolsError('CrossEnvironmentDashboard', 'dashboard',
        `in the endpoint's ${what} (${there}): the widgets' metrics name no ${what}, so CloudWatch would read them in the dashboard's and graph nothing`, here);
    }
  }
}

/** The rows `PoolDashboard`s created: nothing outside the library holds them (`widgets()` returns new copies). */
const ownRows = new WeakSet<cloudwatch.IWidget>();

/**
 * CloudWatch's dashboard limits over `rows` (a dashboard's rows, in order). The rows a `PoolDashboard` created are
 * counted without rendering them when an upper bound of their entries (`metricEntriesBound`) keeps every limit;
 * only if the bound reaches one are all rows rendered and counted exactly, so the errors are those of the widgets
 * as rendered. These widgets are rendered once, in the dashboard's body (`RenderedRow`).
 */
function limitErrors(rows: (cloudwatch.IWidget | RenderedBody)[]): InstancePoolsError[] {
  const bounds: number[] = [];
  const rendered: any[] = [];
  for (const row of rows) {
    const own = row instanceof RenderedBody ? undefined : ownBounds(row);
    if (own) bounds.push(...own); else rendered.push(...render(row));
  }
  if (bounds.length === 0) return dashboardLimitErrors('dashboard', rendered);
  // Entries bound metrics and expressions per widget, and metrics per dashboard.
  const entries = [...bounds, ...rendered.map((widget) => countWidgetMetrics(widget)).map((c) => c.metrics + c.expressions)];
  const withinLimits = entries.length <= MAX_WIDGETS_PER_DASHBOARD && entries.every((n) => n <= MAX_METRICS_PER_WIDGET)
    && entries.reduce((sum, n) => sum + n, 0) <= MAX_METRICS_PER_DASHBOARD;
  return withinLimits ? [] : dashboardLimitErrors('dashboard', rows.flatMap(render));
}

/** The bounds of the widgets of a row a `PoolDashboard` created, or undefined for any other row. */
function ownBounds(widget: cloudwatch.IWidget): number[] | undefined {
  const row = widget instanceof RenderedRow ? widget.row : widget;
  if (!ownRows.has(row) || !(row instanceof cloudwatch.Row)) return undefined;
  const bounds = row.widgets.map((widget) => metricEntriesBound(widget));
  return bounds.every((b) => b !== undefined) ? bounds as number[] : undefined;
}

function render(row: cloudwatch.IWidget | RenderedBody): any[] {
  return row instanceof RenderedBody ? row.widgets : row.toJson();
}

/** A dashboard's widgets from its rendered body, when its rows cannot be read. */
class RenderedBody {
  constructor(public readonly widgets: any[]) {}
}

/**
 * The rows a dashboard holds (aws-cdk-lib keeps them in `rows`), read without resolving the body, which would
 * render every widget's tokens once more per synthesis; undefined if that field ever changes shape.
 */
function heldRows(dashboard: cloudwatch.Dashboard): cloudwatch.IWidget[] | undefined {
  const held: unknown = (dashboard as any).rows;
  const rows = Array.isArray(held) ? held : typeof (held as any)?.get === 'function' ? (held as any).get() : undefined;
  return Array.isArray(rows) && rows.every((row) => typeof row?.toJson === 'function') ? rows : undefined;
}

/** The widgets of a dashboard's body, rendered with tokens replaced by placeholders. */
function renderedBody(dashboard: cloudwatch.Dashboard): RenderedBody {
  const body = (dashboard.node.defaultChild as cloudwatch.CfnDashboard).dashboardBody;
  return new RenderedBody(parseDashboardBody(Stack.of(dashboard).resolve(body)).widgets ?? []);
}
