import { Annotations, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { InstancePoolsError } from '../core/errors';
import { checkPositive } from '../core/validation';
import { InstancePool, RankedInstancePool } from './instance-pool';

/** SageMaker accepts 1 to 5 instance pools per production variant (`InstancePools`, https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProductionVariant.html). */
export const MAX_POOLS = 5;

/**
 * Validates a ranked pool list (the prop `prop`, e.g. `variants[1].pools`) once and freezes it. Everything the library emits (InstancePools, scaling
 * queries, dashboard rows, alarms, inference-component specifications) reads this one value.
 */
export function rankPools(scope: IConstruct, pools: InstancePool[], prop = 'pools'): RankedInstancePool[] {
  if (pools.length === 0 || pools.length > MAX_POOLS) {
    throw new InstancePoolsError('PoolCount', prop, `between 1 and ${MAX_POOLS} instance pools`, pools.length);
  }
  const seen = new Map<string, number>();
  pools.forEach((pool, i) => {
    checkPositive(`${prop}[${i}].maxConcurrency`, pool.maxConcurrency, 'InvalidMaxConcurrency');
    const name = pool.instanceType.name;
    if (Token.isUnresolved(name)) return;
    if (!name.startsWith('ml.')) {
      throw new InstancePoolsError('InvalidInstanceType', `${prop}[${i}].instanceType`, "a SageMaker instance type starting with 'ml.'", name);
    }
    const first = seen.get(name);
    if (first !== undefined) {
      throw new InstancePoolsError('DuplicateInstanceType', `${prop}[${i}].instanceType`, `each instance type at most once (already ${prop}[${first}])`, name);
    }
    seen.set(name, i);
  });

  const burstable = pools.filter((p) => p.instanceType.isBurstable).map((p) => p.instanceType.name);
  const accelerated = pools.filter((p) => p.instanceType.isAccelerated).map((p) => p.instanceType.name);
  if (burstable.length > 0 && accelerated.length > 0) {
    Annotations.of(scope).addWarningV2('cdk-sagemaker-instance-pools:burstableWithAccelerated',
      `${prop}: burstable ${burstable.join(', ')} next to accelerated ${accelerated.join(', ')}; a model built for `
      + 'GPUs rarely serves acceptably on a burstable CPU instance. Use a CPU build of the model (pool model) or drop the pool.');
  }
  return Object.freeze(pools.map((pool, i) => Object.freeze({ ...pool, priority: i + 1 }))) as RankedInstancePool[];
}
