import { Annotations, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { described, InstancePoolsError } from '../core/errors';
import { requireArray, requireObject } from '../core/required';
import { InstanceType } from '../instance-types/instance-type';
import { isModel } from '../model/model-check';
import { didYouMean, nearestInstanceTypes } from '../instance-types/instance-type-suggestions';
import { checkConcurrency } from './concurrency';
import { InstancePool, RankedInstancePool } from './instance-pool';

/** SageMaker accepts 1 to 5 instance pools per production variant (`InstancePools`, https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProductionVariant.html). */
export const MAX_POOLS = 5;

/**
 * Validates a ranked pool list (the prop `prop`, e.g. `variants[1].pools`) once and freezes it. Everything the library emits (InstancePools, scaling
 * queries, dashboard rows, alarms, inference-component specifications) reads this one value.
 */
export function rankPools(scope: IConstruct, pools: InstancePool[], prop = 'pools'): RankedInstancePool[] {
  requireArray(prop, pools, 'instance pools ({ instanceType: InstanceType.of(...) })');
  if (pools.length === 0 || pools.length > MAX_POOLS) {
    throw new InstancePoolsError('PoolCount', prop, `between 1 and ${MAX_POOLS} instance pools`, pools.length);
  }
  const seen = new Map<string, number>();
  pools.forEach((pool, i) => {
    requireObject(`${prop}[${i}]`, pool);
    const name = checkInstanceType(`${prop}[${i}].instanceType`, pool.instanceType);
    checkConcurrency(`${prop}[${i}].maxConcurrency`, pool.maxConcurrency);
    if (pool.model !== undefined && !isModel(pool.model)) {
      throw new InstancePoolsError('MissingModel', `${prop}[${i}].model`, 'must be a model (Model, or Model.fromModelName(...))', pool.model);
    }
    if (Token.isUnresolved(name)) return;
    const first = seen.get(name);
    if (first !== undefined) {
      throw new InstancePoolsError('DuplicateInstanceType', `${prop}[${i}].instanceType`, `each instance type at most once (already ${prop}[${first}])`, name);
    }
    seen.set(name, i);
  });
  warnUncatalogued(scope, prop, pools.map((p) => p.instanceType));

  const burstable = pools.filter((p) => p.instanceType.isBurstable).map((p) => p.instanceType.name);
  const accelerated = pools.filter((p) => p.instanceType.isAccelerated).map((p) => p.instanceType.name);
  if (burstable.length > 0 && accelerated.length > 0) {
    Annotations.of(scope).addWarningV2('cdk-sagemaker-instance-pools:burstableWithAccelerated',
      `${prop}: burstable ${burstable.join(', ')} next to accelerated ${accelerated.join(', ')}; a model built for `
      + 'GPUs rarely serves acceptably on a burstable CPU instance. Use a CPU build of the model (pool model) or drop the pool.');
  }
  return Object.freeze(pools.map((pool, i) => Object.freeze({ ...pool, priority: i + 1 }))) as RankedInstancePool[];
}

/**
 * `type` must be an `InstanceType` (from its constants or `InstanceType.of`), not a plain string or a look-alike
 * object; its name must be well-formed. Returns the name.
 */
export function checkInstanceType(prop: string, type: InstanceType | undefined): string {
  if (type === undefined || type === null) {
    throw new InstancePoolsError('MissingRequiredProp', prop, "required: an InstanceType (InstanceType.ML_G6_48XLARGE or InstanceType.of('ml.g6.48xlarge'))", described(String(type)));
  }
  if (typeof type === 'string') {
    // Suggest the call that works: instance type names are lower-case, without whitespace.
    const name = (type as string).trim().toLowerCase();
    const hint = name === type ? '' : ' (names are lower-case, without whitespace)';
    throw new InstancePoolsError('InvalidInstanceType', prop, `must be an InstanceType: InstanceType.of('${name}')${hint}`, type);
  }
  if (!(type instanceof InstanceType)) {
    // A look-alike object ({ name: 'ml.g5.xlarge' } from JavaScript) lacks the traits the checks read (catalog,
    // accelerators, local storage): name the call that makes the real one.
    const name = (type as { name?: unknown }).name;
    const call = typeof name === 'string' && !Token.isUnresolved(name) ? `InstanceType.of('${name.trim().toLowerCase()}')` : "InstanceType.of('ml.g6.48xlarge')";
    throw new InstancePoolsError('InvalidInstanceType', prop, `must be an InstanceType, made by its constants or ${call}`, type);
  }
  return type.name;
}

/**
 * Warns once per scope about well-formed types the catalog does not list: a typo (`ml.g6x.48xlarge`) as likely as a
 * type newer than this version of the library. Either way the checks that read their traits (local storage,
 * accelerators, memory) cannot run for them; the warning suggests the nearest catalogued types.
 */
export function warnUncatalogued(scope: IConstruct, prop: string, types: InstanceType[]): void {
  const unknown = types.filter((t) => !t.isUnresolved && !t.isInCatalog).map((t) => t.name);
  if (unknown.length === 0) return;
  const named = unknown.map((name) => `${name}${didYouMean(nearestInstanceTypes(name))}`).join(', ');
  Annotations.of(scope).addWarningV2('cdk-sagemaker-instance-pools:instanceTypeNotInCatalog',
    `${prop}: ${named} ${unknown.length === 1 ? 'is' : 'are'} not in this library's catalog of instance types (a typo, or a type newer than `
    + 'this version); the accelerators, local storage and memory of such a type are unknown, so the checks that need them are skipped. '
    + 'Fix the name, or update the library if the type is new.');
}
