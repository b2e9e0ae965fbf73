import { Token } from 'aws-cdk-lib';
import { CfnEndpointConfig } from 'aws-cdk-lib/aws-sagemaker';
import { IConstruct } from 'constructs';
import { InstancePoolsError } from '../core/errors';
import { checkDurationSeconds, checkInteger, checkSageMakerName, MAX_API_INTEGER } from '../core/validation';
import { IModel } from '../model/model';
import { RankedInstancePool } from '../pools/instance-pool';
import { PoolEndpointOptions } from '../pools/pool-endpoint-options';
import { poolVariant } from '../pools/pool-variant';
import { rankPools } from '../pools/rank-pools';
import { renderCapacityReservation, validateCapacityReservation } from './capacity-reservation';
import { ProductionVariantOptions, VariantSettings } from './production-variant-options';
import { checkVolumeSize } from './volume-size';

/**
 * The production variants of a `CapacityAwareEndpoint`, validated once: the endpoint's own (primary) variant, the
 * further production variants and the shadow variant. Limits from CreateEndpointConfig
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateEndpointConfig.html): 1 to 10 production
 * variants; with `ShadowProductionVariants`, "you can only specify one variant for ProductionVariants and one variant
 * for ShadowProductionVariants"; `InitialVariantWeight` of at least 0
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
  readonly options: PoolEndpointOptions & VariantSettings;
  /** `VolumeSizeInGB`, checked against the pools' instance types. */
  readonly volumeSizeInGb?: number;
}

/** Validates one further or shadow variant (`prop` like `variants[0]`) into its spec. */
export function variantSpec(scope: IConstruct, prop: string, options: ProductionVariantOptions, shadow: boolean): VariantSpec {
  if (options.variantName === undefined || options.variantName === null) {
    throw new InstancePoolsError('InvalidName', `${prop}.variantName`, 'is required: each variant has its own name', 'none');
  }
  checkSageMakerName(`${prop}.variantName`, options.variantName);
  const pools = rankPools(scope, options.pools ?? [], `${prop}.pools`);
  const model = options.model ?? pools[0].model;
  if (!model) {
    throw new InstancePoolsError('MissingModel', `${prop}.model`, `a model for the variant (or on ${prop}.pools[0])`, 'none');
  }
  const initialInstanceCount = options.initialInstanceCount ?? 1;
  checkInteger(`${prop}.initialInstanceCount`, initialInstanceCount, 1, MAX_API_INTEGER);
  checkDurationSeconds(`${prop}.provisioningTimeout`, options.provisioningTimeout, 300, 3600);
  checkDurationSeconds(`${prop}.containerStartupHealthCheckTimeout`, options.containerStartupHealthCheckTimeout, 60, 3600);
  return primarySpec(scope, `${prop}.`, options.variantName, pools, model, initialInstanceCount, options, shadow);
}

/** The spec of a variant whose options are already validated (the primary's are, by the endpoint). */
export function primarySpec(scope: IConstruct, propPrefix: string, variantName: string, pools: RankedInstancePool[], model: IModel, initialInstanceCount: number,
  options: PoolEndpointOptions & VariantSettings, shadow = false): VariantSpec {
  const weight = options.initialVariantWeight ?? 1;
  if (!Token.isUnresolved(weight) && !(Number.isFinite(weight) && weight >= 0)) {
    throw new InstancePoolsError('InvalidVariantWeight', `${propPrefix}initialVariantWeight`, 'must be a number of at least 0', weight);
  }
  checkDurationSeconds(`${propPrefix}modelDataDownloadTimeout`, options.modelDataDownloadTimeout, 60, 3600);
  validateCapacityReservation(scope, `${propPrefix}capacityReservation`, options.capacityReservation);
  const volumeSizeInGb = checkVolumeSize(scope, `${propPrefix}volumeSize`, options.volumeSize, pools, `${propPrefix}pools`);
  return { propPrefix, variantName, pools, model, initialInstanceCount, initialVariantWeight: weight, shadow, options, volumeSizeInGb };
}

/** Rules across variants: count, unique names, weights that are not all 0, the shadow variant's pairing. */
export function validateVariantSet(production: VariantSpec[], shadows: VariantSpec[]): void {
  if (production.length > MAX_PRODUCTION_VARIANTS) {
    throw new InstancePoolsError('VariantCount', 'variants', `at most ${MAX_PRODUCTION_VARIANTS - 1} further production variants (SageMaker takes ${MAX_PRODUCTION_VARIANTS} per endpoint)`,
      production.length - 1);
  }
  if (shadows.length > 1 || (shadows.length === 1 && production.length > 1)) {
    throw new InstancePoolsError('ShadowVariantCount', 'shadowVariants',
      'one shadow variant, next to a single production variant (CreateEndpointConfig ShadowProductionVariants)',
      `${shadows.length} shadow and ${production.length} production variants`);
  }
  const seen = new Map<string, string>();
  for (const spec of [...production, ...shadows]) {
    const prop = `${spec.propPrefix}variantName`;
    const first = seen.get(spec.variantName);
    if (first !== undefined && !Token.isUnresolved(spec.variantName)) {
      throw new InstancePoolsError('DuplicateVariantName', prop, `each variant name at most once per endpoint (already ${first})`, spec.variantName);
    }
    seen.set(spec.variantName, prop);
  }
  const weights = production.map((spec) => spec.initialVariantWeight);
  if (production.length > 1 && weights.every((w) => !Token.isUnresolved(w) && w === 0)) {
    throw new InstancePoolsError('InvalidVariantWeight', 'initialVariantWeight', 'the production variants\' weights must not all be 0 (no variant would get traffic)', weights.join(', '));
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
