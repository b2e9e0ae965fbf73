import { Construct } from 'constructs';
import { CapacityAwareEndpointBase, ICapacityAwareEndpoint } from '../pools/capacity-aware-endpoint-base';
import { checkEndpointAttributes } from '../pools/endpoint-attributes';
import { CapacityAwareEndpointAttributes } from '../pools/instance-pool-endpoint';
import { endpointArnForName } from '../pools/pool-variant';
import { rankPools } from '../pools/rank-pools';

/**
 * A capacity-aware endpoint deployed elsewhere (`CapacityAwareEndpoint.fromEndpointAttributes`), for metrics,
 * dashboards, alarms, autoscaling and grants. The construct is created at `scope`/`id`.
 */
export function importEndpoint(scope: Construct, id: string, attrs: CapacityAwareEndpointAttributes): ICapacityAwareEndpoint {
  attrs = checkEndpointAttributes(scope, id, attrs);
  class Imported extends CapacityAwareEndpointBase {
    public readonly endpointName = attrs.endpointName;
    public readonly variantName = attrs.variantName ?? 'AllTraffic';
    public readonly metricPublishFrequency = attrs.metricPublishFrequency;
    public readonly enhancedMetrics = attrs.enhancedMetrics;
    public readonly asyncInference = attrs.asyncInference === true;
    public readonly pools = rankPools(this, attrs.pools);
    public readonly endpointArn = endpointArnForName(this, attrs.endpointName);
  }
  return new Imported(scope, id);
}
