import { InstancePoolsError } from '../core/errors';
import { InstanceType } from '../instance-types/instance-type';

/**
 * The instance types a metric, widget or alarm of an endpoint (or inference component) may be narrowed to. SageMaker
 * publishes a metric with the `InstanceType` dimension for the instance types the variant runs on, its pools
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/realtime-endpoints-heterogeneous.html), and a component's for the
 * types it has copies on: a metric, graph or alarm of any other type has no data, and an alarm on it never fires.
 */
export interface PoolInstanceTypes {
  /** The types, in priority order. */
  readonly types: readonly InstanceType[];
  /** Where they come from, as messages name it: `pools`, `variants[0].pools`, `the component's specification`. */
  readonly source: string;
}

/**
 * `type` must be one of `pools.types`: `[InstanceTypeNotInPools]` otherwise, naming `prop`, the types and the value.
 * A token type, or a list holding a token, cannot be compared at synth time and passes.
 */
export function checkTypeInPools(prop: string, type: InstanceType, pools: PoolInstanceTypes): void {
  // The library's own metrics pass the pool's own InstanceType: found at once, without reading any name.
  if (pools.types.includes(type) || type.isUnresolved || pools.types.length === 0 || pools.types.some((t) => t.isUnresolved)) return;
  if (pools.types.some((t) => t.name === type.name)) return;
  throw new InstancePoolsError('InstanceTypeNotInPools', prop,
    `one of the instance types of ${pools.source} (${pools.types.map((t) => t.name).join(', ')}): SageMaker publishes per-InstanceType `
    + 'metrics only for the types the endpoint runs on, so a metric of another type has no data', type.name);
}
