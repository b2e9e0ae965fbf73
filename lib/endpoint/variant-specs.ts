import { Stack, Token } from 'aws-cdk-lib';
import { CfnEndpointConfig } from 'aws-cdk-lib/aws-sagemaker';
import { IConstruct } from 'constructs';
import { described, InstancePoolsError } from '../core/errors';
import { checkDuration, requireArray, requireObject, requireValue } from '../core/required';
import { checkDurationSeconds, MAX_API_FLOAT } from '../core/validation';
import { IModel } from '../model/model';
import { isModel } from '../model/model-check';
import { InstancePool, RankedInstancePool } from '../pools/instance-pool';
import { PoolEndpointOptions } from '../pools/pool-endpoint-options';
import { poolVariant, validateVariantOptions, VariantRenderOptions } from '../pools/pool-variant';
import { rankPools } from '../pools/rank-pools';
import { checkReservationPools, renderCapacityReservation, validateCapacityReservation } from './capacity-reservation';
import { ProductionVariantOptions, VariantSettings } from './production-variant-options';
import { checkVolumeSize } from './volume-size';

/**
 * The production variants of a `CapacityAwareEndpoint`, validated once: the endpoint's own (primary) variant, the
 * further production variants and the shadow variant. Every variant is checked by the same rules, with its prop
 * path in the messages. Limits from CreateEndpointConfig
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateEndpointConfig.html): 1 to 10 production
 * variants; with `ShadowProductionVariants`, "you can only specify one variant for ProductionVariants and one variant
 * for ShadowProductionVariants"; `InitialVariantWeight` a Float of at least 0
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProductionVariant.html).
 */
export const MAX_PRODUCTION_VARIANTS = 10;

/** One variant, validated, with what rendering, monitoring and autoscaling read. */
export interface VariantSpec {
  /** The prop the variant's options come from, for messages: '' for the primary, else `variants[1].`. */
  readonly propPrefix: string;
  readonly variantName: string;
  readonly pools: RankedInstancePool[];
  readonly model: IModel;
  readonly initialInstanceCount: number;
  readonly initialVariantWeight: number;
  readonly shadow: boolean;
  readonly options: VariantRenderOptions & VariantSettings;
  /** `VolumeSizeInGB`, checked against the pools' instance types. */
  readonly volumeSizeInGb?: number;
}

/** Validates the further production variants (`prop` `variants`) or the shadow variants (`shadowVariants`). */
export function furtherVariantSpecs(scope: IConstruct, prop: string, list: ProductionVariantOptions[] | undefined, shadow: boolean): VariantSpec[] {
  if (list === undefined || list === null) return [];
  requireArray(prop, list, 'variants ({ variantName, pools, model, ... })');
  return list.map((options, i) => variantSpec(scope, `${prop}[${i}]`, options, shadow));
}

/** Validates one further or shadow variant (`prop` like `variants[0]`) into its spec. */
function variantSpec(scope: IConstruct, prop: string, options: ProductionVariantOptions, shadow: boolean): VariantSpec {
  options = requireObject(prop, options);
  const variantName = requireValue(`${prop}.variantName`, options.variantName, "the variant's name, unique in the endpoint");
  const initialInstanceCount = options.initialInstanceCount ?? 1;
  validateVariantOptions(`${prop}.`, options, variantName, initialInstanceCount);
  const pools = rankPools(scope, options.pools, `${prop}.pools`);
  const model = variantModel(`${prop}.`, options.model, pools);
  return primarySpec(scope, `${prop}.`, variantName, pools, model, initialInstanceCount, options, shadow);
}

/**
 * The variant's model: `model`, else the first pool's. Throws `MissingModel` without one, or for a value that is not a
 * model (a model name from JavaScript, say).
 */
export function variantModel(propPrefix: string, model: IModel | undefined, pools: InstancePool[]): IModel {
  const chosen = model ?? pools[0].model;
  if (chosen === undefined || chosen === null) {
    throw new InstancePoolsError('MissingModel', `${propPrefix}model`, `a model for the variant (or on ${propPrefix}pools[0])`, described('none'));
  }
  if (!isModel(chosen)) {
    throw new InstancePoolsError('MissingModel', `${propPrefix}model`, 'must be a model (Model, or Model.fromModelName(...))', chosen);
  }
  return chosen;
}

/** The spec of a variant whose name, pools, model and options are validated; checks its `VariantSettings`. */
export function primarySpec(scope: IConstruct, propPrefix: string, variantName: string, pools: RankedInstancePool[], model: IModel, initialInstanceCount: number,
  options: (PoolEndpointOptions | ProductionVariantOptions) & VariantSettings, shadow = false): VariantSpec {
  const weight = options.initialVariantWeight ?? 1;
  if (!Token.isUnresolved(weight) && !(typeof weight === 'number' && weight >= 0 && weight <= MAX_API_FLOAT)) {
    throw new InstancePoolsError('InvalidVariantWeight', `${propPrefix}initialVariantWeight`,
      `must be a number of at least 0 (and at most ${MAX_API_FLOAT}, the API's float range)`, weight);
  }
  const download = `${propPrefix}modelDataDownloadTimeout`;
  checkDurationSeconds(download, checkDuration(download, options.modelDataDownloadTimeout), 60, 3600);
  validateCapacityReservation(scope, `${propPrefix}capacityReservation`, options.capacityReservation);
  checkReservationPools(`${propPrefix}capacityReservation`, options.capacityReservation, pools, `${propPrefix}pools`);
  const volumeSizeInGb = checkVolumeSize(scope, `${propPrefix}volumeSize`, options.volumeSize, pools, `${propPrefix}pools`);
  return { propPrefix, variantName, pools, model, initialInstanceCount, initialVariantWeight: weight, shadow, options, volumeSizeInGb };
}

/** Rules across variants: count, unique names, weights that are not all 0, the shadow variant's pairing. */
export function validateVariantSet(scope: IConstruct, production: VariantSpec[], shadows: VariantSpec[]): void {
  if (production.length > MAX_PRODUCTION_VARIANTS) {
    throw new InstancePoolsError('VariantCount', 'variants', `at most ${MAX_PRODUCTION_VARIANTS - 1} further production variants (SageMaker takes ${MAX_PRODUCTION_VARIANTS} per endpoint)`,
      production.length - 1);
  }
  if (shadows.length > 1 || (shadows.length === 1 && production.length > 1)) {
    throw new InstancePoolsError('ShadowVariantCount', 'shadowVariants',
      'one shadow variant, next to a single production variant (CreateEndpointConfig ShadowProductionVariants)',
      described(`${shadows.length} shadow and ${production.length} production variants`));
  }
  const seen = new Map<string, string>();
  for (const spec of [...production, ...shadows]) {
    const prop = `${spec.propPrefix}variantName`;
    // Two tokens that resolve to the same expression name the same variant at deploy time.
    const key = Token.isUnresolved(spec.variantName) ? JSON.stringify(Stack.of(scope).resolve(spec.variantName)) : spec.variantName;
    const first = seen.get(key);
    if (first !== undefined) {
      throw new InstancePoolsError('DuplicateVariantName', prop, `each variant name at most once per endpoint (already ${first})`, spec.variantName);
    }
    seen.set(key, prop);
  }
  // "You can use exactly one plan per inference endpoint"
  // (https://docs.aws.amazon.com/sagemaker/latest/dg/use-training-plan-for-inference-endpoints-using-api-cli-sdk.html).
  const plans = new Set([...production, ...shadows].map((spec) => spec.options.capacityReservation?.mlReservationArn)
    .filter((arn): arn is string => arn !== undefined && arn !== null && !Token.isUnresolved(arn)));
  if (plans.size > 1) {
    throw new InstancePoolsError('MultipleCapacityReservations', 'capacityReservation',
      'an endpoint uses exactly one capacity reservation (training plan) across its variants', described([...plans].join(', ')));
  }
  const weights = production.map((spec) => spec.initialVariantWeight);
  if (production.length > 1 && weights.every((w) => !Token.isUnresolved(w) && w === 0)) {
    throw new InstancePoolsError('InvalidVariantWeight', 'initialVariantWeight', 'the production variants\' weights must not all be 0 (no variant would get traffic)',
      described(weights.join(', ')));
  }
}

/** The `ProductionVariant` of a spec: pools, pool models, routing, timeouts, weight, reservation. */
export function renderVariant(scope: IConstruct, spec: VariantSpec): CfnEndpointConfig.ProductionVariantProperty {
  const model = spec.model;
  return {
    ...poolVariant(spec.options, spec.variantName, spec.initialInstanceCount, spec.pools,
      (pool) => (pool.model && pool.model !== model ? pool.model.modelName : undefined)),
    modelName: model.modelName,
    initialVariantWeight: spec.initialVariantWeight,
    modelDataDownloadTimeoutInSeconds: spec.options.modelDataDownloadTimeout?.toSeconds(),
    volumeSizeInGb: spec.volumeSizeInGb,
    capacityReservationConfig: renderCapacityReservation(scope, `${spec.propPrefix}capacityReservation`, spec.options.capacityReservation, spec.pools),
  };
}
