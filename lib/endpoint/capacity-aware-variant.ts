import { IModel } from '../model/model';
import { PoolAlarmsOptions } from '../monitoring/pool-alarm-options';
import { PoolAlarms } from '../monitoring/pool-alarms';
import { PoolDashboard, PoolDashboardOptions } from '../monitoring/pool-dashboard';
import { ICapacityAwareEndpoint } from '../pools/capacity-aware-endpoint-base';
import { AutoScalingOptions, EndpointAutoScaling } from '../scaling/endpoint-auto-scaling';

/**
 * One production or shadow variant of a `CapacityAwareEndpoint`, with its own pools, metrics (its `VariantName`
 * dimension), autoscaling, alarms and dashboards. `endpoint.variant(name)` returns it; for the endpoint's own variant
 * that is the endpoint itself.
 */
export interface ICapacityAwareVariant extends ICapacityAwareEndpoint {
  /** Whether this is a shadow variant (it receives copies of the production variant's requests). */
  readonly shadow: boolean;
  /** The variant's model. */
  readonly model: IModel;
  /** Instances launched when the endpoint is created. */
  readonly initialInstanceCount: number;
  /** The autoscaling attached by `autoScale()`, if any. */
  readonly autoScaling?: EndpointAutoScaling;
  /** The per-instance-type alarms created by `addAlarms()`, if any. */
  readonly alarms?: PoolAlarms;
  /** Scales the variant's instance count (construct ID `AutoScaling` under the variant). */
  autoScale(options: AutoScalingOptions): EndpointAutoScaling;
  /** Creates the variant's per-instance-type alarms (construct ID `Alarms` under the variant). */
  addAlarms(options?: PoolAlarmsOptions): PoolAlarms;
  /** Creates a per-instance-type dashboard of the variant (construct ID `id` under the variant). */
  addDashboard(id: string, options?: PoolDashboardOptions): PoolDashboard;
}
