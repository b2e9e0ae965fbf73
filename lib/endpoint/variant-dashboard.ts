import { checkScopeAndId, requireObject } from '../core/required';
import { PoolAlarms } from '../monitoring/pool-alarms';
import { PoolDashboard, PoolDashboardOptions } from '../monitoring/pool-dashboard';
import { ICapacityAwareEndpoint } from '../pools/capacity-aware-endpoint-base';
import { EndpointAutoScaling } from '../scaling/endpoint-auto-scaling';

/**
 * `addDashboard(id, options)` of an endpoint and of each of its variants: a per-instance-type dashboard (construct
 * ID `id`, under `variant`) that shows by default the variant's alarms (`addAlarms()`) and its scaling signal against
 * its target (`autoScale()`), when they were created first.
 */
export function createVariantDashboard(variant: ICapacityAwareEndpoint, id: string, options: PoolDashboardOptions,
  alarms: PoolAlarms | undefined, autoScaling: EndpointAutoScaling | undefined): PoolDashboard {
  checkScopeAndId(variant, id);
  options = requireObject('addDashboard options', options, true);
  const scaling = options.scalingSignal === undefined ? autoScaling : undefined;
  return new PoolDashboard(variant, id, {
    ...options,
    alarms: options.alarms ?? alarms?.alarms,
    scalingSignal: options.scalingSignal ?? scaling?.signal,
    scalingTarget: options.scalingTarget ?? scaling?.targetValue,
    endpoint: variant,
  });
}
