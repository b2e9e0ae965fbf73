import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { PoolWidgetOptions, PoolWidgets } from './pool-widgets';
import { ICapacityAwareEndpoint } from '../endpoint/endpoint-base';
import { InstancePoolsError } from '../private/errors';
import { dashboardLimitErrors, parseDashboardBody } from '../private/limits';

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

  constructor(scope: Construct, id: string, props: PoolDashboardProps) {
    super(scope, id);
    if (props.dashboard && (props.dashboardName !== undefined || props.defaultInterval !== undefined)) {
      const prop = props.dashboardName !== undefined ? 'dashboardName' : 'defaultInterval';
      throw new InstancePoolsError('ConflictingOptions', prop, 'applies to a new dashboard only; not with dashboard', props.dashboard.node.path);
    }
    this.factory = new PoolWidgets(props.endpoint, props);
    const rows = this.factory.widgets();
    // Check the limits before creating anything: the widgets added now plus what a given dashboard holds.
    const ours: any[] = Stack.of(this).resolve(rows.map((row) => row.toJson())).flat();
    const existing = props.dashboard ? renderedWidgets(props.dashboard) : [];
    const [error] = dashboardLimitErrors('dashboard', [...existing, ...ours]);
    if (error) throw error;

    this.dashboard = props.dashboard ?? new cloudwatch.Dashboard(this, 'Resource', {
      dashboardName: props.dashboardName, defaultInterval: props.defaultInterval,
    });
    rows.forEach((row) => this.dashboard.addWidgets(row));
    this.node.addValidation({ validate: () => dashboardLimitErrors('dashboard', renderedWidgets(this.dashboard)).map((e) => e.message) });
  }

  /** New copies of the widgets, for other dashboards (see `PoolWidgets.widgets()`). */
  public widgets(): cloudwatch.IWidget[] {
    return this.factory.widgets();
  }
}

/** The widgets a dashboard renders right now, flat, with tokens replaced by placeholders. */
function renderedWidgets(dashboard: cloudwatch.Dashboard): any[] {
  const body = (dashboard.node.defaultChild as cloudwatch.CfnDashboard).dashboardBody;
  return parseDashboardBody(Stack.of(dashboard).resolve(body)).widgets ?? [];
}
