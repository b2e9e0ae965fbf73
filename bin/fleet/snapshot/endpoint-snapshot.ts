import type { ScalableTarget, ScalingPolicy } from '@aws-sdk/client-application-auto-scaling';
import type { DescribeEndpointConfigOutput, DescribeEndpointOutput, ProductionVariant, Tag } from '@aws-sdk/client-sagemaker';
import { AwsApi } from '../aws';
import { FleetError } from '../errors';
import { unknownMembers } from '../wire-json';

/** A production variant that is an Application Auto Scaling target, with its policies. */
export interface VariantScaling {
  readonly variantName: string;
  /** `endpoint/<endpoint>/variant/<variant>`. */
  readonly resourceId: string;
  readonly target: ScalableTarget;
  readonly policies: readonly ScalingPolicy[];
}

/** Everything `migrate` and `export` read about an endpoint, read once, before anything is written. */
export interface EndpointSnapshot {
  readonly region: string;
  readonly endpoint: DescribeEndpointOutput;
  /** The endpoint config the endpoint runs on now. */
  readonly config: DescribeEndpointConfigOutput;
  /**
   * Members of the DescribeEndpointConfig response that this tool's AWS SDK does not know (and so dropped), as
   * paths like `ProductionVariants[0].SomethingNew`. Empty when there are none or the response was not observable.
   */
  readonly unknownConfigMembers: readonly string[];
  readonly configTags: readonly Tag[];
  readonly endpointTags: readonly Tag[];
  /** The scalable targets among the production variants (none: no autoscaling). */
  readonly scaling: readonly VariantScaling[];
}

export const VARIANT_DIMENSION = 'sagemaker:variant:DesiredInstanceCount';

export function variantResourceId(endpointName: string, variantName: string): string {
  return `endpoint/${endpointName}/variant/${variantName}`;
}

/**
 * Reads DescribeEndpoint, DescribeEndpointConfig (with its raw response), ListTags of both, and the scalable
 * targets and policies of the production variants. Every read is required: a change planned on a partial
 * picture is not safe, so access denied fails the command (exit code 4) instead of degrading.
 */
export async function readEndpointSnapshot(api: AwsApi, region: string, endpointName: string): Promise<EndpointSnapshot> {
  const endpoint = await describeEndpoint(api, region, endpointName);
  const configName = endpoint.EndpointConfigName;
  if (!configName) throw new FleetError('unexpected', `DescribeEndpoint returned no EndpointConfigName for endpoint '${endpointName}'.`);
  const { config, wire } = await describeConfig(api, configName, `endpoint '${endpointName}' runs on endpoint config ${configName}, which`);
  const [configTags, endpointTags, scaling] = await Promise.all([
    config.EndpointConfigArn ? api.listTags(config.EndpointConfigArn) : Promise.resolve([]),
    endpoint.EndpointArn ? api.listTags(endpoint.EndpointArn) : Promise.resolve([]),
    readScaling(api, endpointName, config.ProductionVariants ?? []),
  ]);
  return {
    region, endpoint, config, configTags, endpointTags, scaling,
    unknownConfigMembers: wire === undefined ? [] : unknownMembers(wire, config),
  };
}

/** DescribeEndpointConfig of a config by name, with its raw response; not found is exit code 3 with `what`. */
export async function describeConfig(api: AwsApi, configName: string, what: string): Promise<{ config: DescribeEndpointConfigOutput; wire: unknown }> {
  try {
    return await api.describeEndpointConfigOnWire(configName);
  } catch (error) {
    if (error instanceof FleetError && error.kind === 'not-found') {
      throw new FleetError('not-found', `${what} does not exist (DescribeEndpointConfig: ${error.message}).`, error);
    }
    throw error;
  }
}

/** DescribeEndpoint; not found is exit code 3, with the same message as `status`. */
export async function describeEndpoint(api: AwsApi, region: string, endpointName: string): Promise<DescribeEndpointOutput> {
  try {
    return await api.describeEndpoint(endpointName);
  } catch (error) {
    if (error instanceof FleetError && error.kind === 'not-found') {
      throw new FleetError('not-found', `endpoint '${endpointName}' not found in ${region}: check the name, --region and --profile.`, error);
    }
    throw error;
  }
}

async function readScaling(api: AwsApi, endpointName: string, variants: readonly ProductionVariant[]): Promise<VariantScaling[]> {
  const ids = new Map(variants.flatMap((v) => (v.VariantName ? [[variantResourceId(endpointName, v.VariantName), v.VariantName] as const] : [])));
  if (ids.size === 0) return [];
  const targets = (await api.describeScalableTargets([...ids.keys()]))
    .filter((t) => t.ScalableDimension === VARIANT_DIMENSION && t.ResourceId !== undefined && ids.has(t.ResourceId));
  return Promise.all(targets.map(async (target) => ({
    variantName: ids.get(target.ResourceId!)!,
    resourceId: target.ResourceId!,
    target,
    policies: await api.describeScalingPolicies(target.ResourceId!, VARIANT_DIMENSION),
  })));
}
