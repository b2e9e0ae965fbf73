import { InstanceType } from '../instance-types/instance-type';
import { ICapacityAwareEndpoint } from './capacity-aware-endpoint-base';

/**
 * The dimensions of an endpoint's metrics (`EndpointName`, `VariantName`, and `InstanceType` when given), as its own
 * metric helpers build them. Read once per endpoint and instance type: asking the endpoint builds a whole metric,
 * and dashboards, alarms and scaling signals ask for every graph and query. An endpoint's name and variant are
 * fixed when it is created, so its dimensions never change.
 */
export function endpointDimensions(endpoint: ICapacityAwareEndpoint, instanceType?: InstanceType): { [name: string]: string } {
  let byType = cache.get(endpoint);
  if (!byType) {
    byType = new Map();
    cache.set(endpoint, byType);
  }
  let dimensions = byType.get(instanceType);
  if (!dimensions) {
    dimensions = { ...endpoint.metric('Invocations', { instanceType }).dimensions } as { [name: string]: string };
    byType.set(instanceType, dimensions);
  }
  return { ...dimensions };
}

const cache = new WeakMap<ICapacityAwareEndpoint, Map<InstanceType | undefined, { [name: string]: string }>>();
