import { Stack } from 'aws-cdk-lib';
import { CfnEndpointConfig } from 'aws-cdk-lib/aws-sagemaker';
import { Token } from 'aws-cdk-lib';
import { described, InstancePoolsError } from '../core/errors';
import { parseInstanceTypeName } from '../instance-types/instance-catalog';
import { MAX_POOLS } from './rank-pools';

/**
 * Checks of an endpoint config as CloudFormation will receive it, escape-hatch overrides included
 * (`addPropertyOverride`, `addOverride`). Constructs run them from `node.addValidation`, so a broken override
 * fails `cdk synth` with the same kind of message as a broken prop.
 */

/** What the endpoint serves: decides which variant members SageMaker accepts. */
export enum EndpointKind {
  /** One model per variant (`ModelName`, pools may override it). */
  SINGLE_MODEL = 'SINGLE_MODEL',
  /** Inference components: the variant carries no model. */
  INFERENCE_COMPONENTS = 'INFERENCE_COMPONENTS',
}

/** The production variants of `config` as rendered, overrides applied. */
export function renderedVariants(config: CfnEndpointConfig): any[] {
  return renderedVariantSets(config).variants;
}

/** Production and shadow variants of `config` as rendered, overrides applied, from one rendering of the config. */
export function renderedVariantSets(config: CfnEndpointConfig): { variants: any[]; shadows: any[] } {
  const rendered = Stack.of(config).resolve((config as any)._toCloudFormation());
  const resources: any[] = Object.values(rendered.Resources ?? {});
  const member = (name: string) => resources.flatMap((r: any) => r.Properties?.[name] ?? []);
  return { variants: member('ProductionVariants'), shadows: member('ShadowProductionVariants') };
}

/**
 * A weighted signal reads one metric per pool instance type: a variant whose pools an escape hatch removed
 * would leave the policy tracking metrics SageMaker never publishes, so the scaler would never act.
 */
export function scalingWithoutPoolsErrors(variants: any[], variantName: string): string[] {
  const variant = variants.find((v) => v.VariantName === variantName) ?? variants[0];
  if (variant && !(Array.isArray(variant.InstancePools) && variant.InstancePools.length > 0)) {
    return [new InstancePoolsError('ScalingNeedsPools', 'autoScale.signal',
      'the weighted signal tracks each pool\'s per-instance-type metrics; the rendered variant has no InstancePools (removed by an escape hatch), '
      + 'so the policy would track metrics SageMaker never publishes. Keep the pools or scale on ScalingSignal.concurrentRequestsPerModel()',
      described(variant.ServerlessConfig ? 'ServerlessConfig' : 'no InstancePools')).message];
  }
  return [];
}

/**
 * The rules SageMaker applies to rendered variants (`renderedVariants`) of an endpoint of `kind`
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/realtime-endpoints-heterogeneous.html, https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProductionVariant.html): no `ServerlessConfig` or `InstanceType` next to pools, `ManagedInstanceScaling`
 * only for inference components, and no variant model for inference components.
 */
export function variantErrors(variants: any[], kind: EndpointKind, list = 'ProductionVariants'): string[] {
  const errors: string[] = [];
  variants.forEach((variant, i) => {
    const at = (member: string) => `${list}[${i}].${member}`;
    if (kind === EndpointKind.SINGLE_MODEL && variant.ManagedInstanceScaling) {
      errors.push(new InstancePoolsError('ManagedScalingNeedsComponents', at('ManagedInstanceScaling'),
        'SageMaker supports managed instance scaling only for inference component endpoints (use InferenceComponentEndpoint)',
        described('ManagedInstanceScaling')).message);
    }
    if (kind === EndpointKind.INFERENCE_COMPONENTS && variant.ModelName) {
      errors.push(new InstancePoolsError('VariantModelWithComponents', at('ModelName'),
        'an endpoint for inference components has no variant model; each component names its own', variant.ModelName).message);
    }
    if (!variant.InstancePools) {
      // Every variant this library renders has pools: an escape hatch removed them. Replacing them with an InstanceType
      // (or a ServerlessConfig) is the user's call; leaving nothing, SageMaker would reject the variant at deploy time.
      if (!variant.InstanceType && !variant.ServerlessConfig) {
        errors.push(new InstancePoolsError('PoolCount', at('InstancePools'),
          `between 1 and ${MAX_POOLS} instance pools (or, replacing them, an InstanceType or a ServerlessConfig)`, described('none')).message);
      }
      return;
    }
    const pools = variant.InstancePools;
    if (Array.isArray(pools) && (pools.length < 1 || pools.length > MAX_POOLS)) {
      errors.push(new InstancePoolsError('PoolCount', at('InstancePools'), `between 1 and ${MAX_POOLS} instance pools`, pools.length).message);
    }
    (Array.isArray(pools) ? pools : []).forEach((pool: any, j: number) => {
      const type = pool?.InstanceType;
      if (typeof type === 'string' && !Token.isUnresolved(type) && !parseInstanceTypeName(type)) {
        errors.push(new InstancePoolsError('InvalidInstanceType', at(`InstancePools[${j}].InstanceType`),
          "a SageMaker instance type: lower-case 'ml.<family>.<size>'", type).message);
      }
    });
    if (variant.ServerlessConfig) {
      errors.push(new InstancePoolsError('ServerlessWithPools', at('ServerlessConfig'), 'serverless inference has no instance types and cannot use instance pools', described('ServerlessConfig')).message);
    }
    if (variant.InstanceType) {
      errors.push(new InstancePoolsError('InstanceTypeWithPools', at('InstanceType'), 'InstancePools replaces InstanceType; set only one', variant.InstanceType).message);
    }
  });
  return errors;
}
