import { Annotations, Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { described, InstancePoolsError } from '../core/errors';
import { DASHBOARD_NAME, registerPhysicalName } from '../core/physical-names';
import { checkConstruct, checkDuration, checkScopeAndId, requireObject } from '../core/required';
import { checkDashboardName } from '../core/string-rules';
import { ICapacityAwareEndpoint } from '../pools/capacity-aware-endpoint-base';
import { DEFAULT_METRIC_PUBLISH_SECONDS, metricCadence } from '../pools/metric-publishing';
import { dashboardLimitErrors, parseDashboardBody } from './cloudwatch-limits';
import { PoolWidgetOptions, PoolWidgets } from './pool-widgets';

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
   * @throws `[MissingRequiredProp]` without `endpoint`; `[InvalidName]` for a dashboard name CloudWatch would not
   * take; `[ConflictingOptions]`; `[DashboardLimit]`; at synth time `[DuplicatePhysicalName]`
   */
  constructor(scope: Construct, id: string, props: PoolDashboardProps) {
    super(scope, checkScopeAndId(scope, id));
    props = requireObject('props', props);
    checkConstruct('endpoint', props.endpoint, 'a capacity-aware endpoint');
    checkConstruct('dashboard', props.dashboard, 'a CloudWatch dashboard (cloudwatch.Dashboard)', true);
    checkDashboardName('dashboardName', props.dashboardName);
    checkDuration('defaultInterval', props.defaultInterval);
    if (props.dashboard && (props.dashboardName !== undefined || props.defaultInterval !== undefined)) {
      const prop = props.dashboardName !== undefined ? 'dashboardName' : 'defaultInterval';
      throw new InstancePoolsError('ConflictingOptions', prop, 'applies to a new dashboard only; not with dashboard', described(props.dashboard.node.path));
    }
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
    // Check the limits before creating anything: the widgets added now plus what a given dashboard holds.
    // Counting needs the widgets' structure only, not their resolved values: no token resolution here. The rows'
    // JSON is kept for the synth-time check, so that each synthesis renders these widgets once more only, in the body.
    rows.forEach((row) => ownRowsJson.set(row, row.toJson()));
    const ours: any[] = rows.flatMap((row) => ownRowsJson.get(row)!);
    const existing = props.dashboard ? renderedWidgets(props.dashboard) : [];
    const [error] = dashboardLimitErrors('dashboard', [...existing, ...ours]);
    if (error) throw error;

    this.dashboard = props.dashboard ?? new cloudwatch.Dashboard(this, 'Resource', {
      dashboardName: props.dashboardName, defaultInterval: props.defaultInterval,
    });
    rows.forEach((row) => this.dashboard.addWidgets(row));
    if (!props.dashboard) {
      registerPhysicalName(this.dashboard, DASHBOARD_NAME, () => (this.dashboard.node.defaultChild as cloudwatch.CfnDashboard).dashboardName);
    }
    this.node.addValidation({ validate: () => dashboardLimitErrors('dashboard', renderedWidgets(this.dashboard)).map((e) => e.message) });
  }

  /** New copies of the widgets, for other dashboards (see `PoolWidgets.widgets()`). */
  public widgets(): cloudwatch.IWidget[] {
    return this.factory.widgets();
  }
}

/**
 * The JSON of the rows a `PoolDashboard` added, rendered once when it checked them. Nothing outside the library holds
 * these rows (`widgets()` returns new copies), so they cannot change after the check.
 */
const ownRowsJson = new WeakMap<cloudwatch.IWidget, any[]>();

/**
 * The widgets a dashboard renders right now, flat. Reads the widgets the dashboard holds (aws-cdk-lib keeps them
 * in `rows`) without resolving the body, which would render every widget's tokens a second time per synthesis, and
 * takes the rows a `PoolDashboard` added from their first rendering; falls back to rendering the body, with tokens
 * replaced by placeholders, if that field ever changes shape.
 */
function renderedWidgets(dashboard: cloudwatch.Dashboard): any[] {
  const held: unknown = (dashboard as any).rows;
  const rows = Array.isArray(held) ? held : typeof (held as any)?.get === 'function' ? (held as any).get() : undefined;
  if (Array.isArray(rows) && rows.every((row) => typeof row?.toJson === 'function')) {
    return rows.flatMap((row: cloudwatch.IWidget) => ownRowsJson.get(row) ?? row.toJson());
  }
  const body = (dashboard.node.defaultChild as cloudwatch.CfnDashboard).dashboardBody;
  return parseDashboardBody(Stack.of(dashboard).resolve(body)).widgets ?? [];
}
