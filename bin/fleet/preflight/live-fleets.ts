import type { ScalableTarget } from '@aws-sdk/client-application-auto-scaling';
import type { ProductionVariant, ProductionVariantSummary } from '@aws-sdk/client-sagemaker';
import { FleetNeed } from './fleet-need';
import { AwsApi } from '../aws';
import { configuredPools } from '../collect/pools';
import { variantResource } from '../collect/scaling';
import { FleetError } from '../errors';

export interface LiveFleets {
  readonly fleets: readonly FleetNeed[];
  readonly notes: readonly string[];
}

/**
 * The variants of a deployed endpoint as fleets to check: pools and InitialInstanceCount from its endpoint config,
 * managed instance scaling and the desired count from DescribeEndpoint, MaxCapacity from its scalable targets.
 * Without permission to read the scalable targets the check goes on with the other bounds, and says so.
 */
export async function liveFleets(api: AwsApi, endpointName: string, region: string): Promise<LiveFleets> {
  const notes: string[] = [];
  const endpoint = await api.describeEndpoint(endpointName).catch((error: unknown) => {
    if (error instanceof FleetError && error.kind === 'not-found') {
      throw new FleetError('not-found', `endpoint '${endpointName}' not found in ${region}: check the name, --region and --profile.`, error);
    }
    throw error;
  });
  if (!endpoint.EndpointConfigName) throw new FleetError('unexpected', `DescribeEndpoint of '${endpointName}' names no endpoint config.`);
  const config = await api.describeEndpointConfig(endpoint.EndpointConfigName);
  if (endpoint.PendingDeploymentSummary?.EndpointConfigName) {
    notes.push(`endpoint ${endpointName} is being updated to endpoint config ${endpoint.PendingDeploymentSummary.EndpointConfigName}; `
      + `this check is of the live one, ${endpoint.EndpointConfigName}`);
  }

  const production = config.ProductionVariants ?? [];
  let targets: ScalableTarget[] = [];
  let targetsRead = true;
  const resourceIds = production.map((v) => variantResource(endpointName, v.VariantName ?? '', null).resourceId);
  try {
    targets = resourceIds.length > 0 ? await api.describeScalableTargets(resourceIds) : [];
  } catch (error) {
    if (!(error instanceof FleetError && error.kind === 'access-denied')) throw error;
    targetsRead = false;
    notes.push(`autoscaling not read (${error.message}): the most instances counts InitialInstanceCount, managed instance scaling and the desired count only`);
  }

  const fleet = (v: ProductionVariant, role: FleetNeed['role'], summary: ProductionVariantSummary | undefined): FleetNeed[] => {
    if (v.ServerlessConfig) {
      notes.push(`variant ${v.VariantName} is serverless: no instances, no instance quota`);
      return [];
    }
    const resourceId = variantResource(endpointName, v.VariantName ?? '', null).resourceId;
    const target = role === 'production' ? targets.find((t) => t.ResourceId === resourceId && t.ScalableDimension === 'sagemaker:variant:DesiredInstanceCount') : undefined;
    const scaling = summary?.ManagedInstanceScaling ?? v.ManagedInstanceScaling;
    return [{
      endpoint: endpointName,
      endpointName,
      logicalId: null,
      variant: v.VariantName ?? '(unnamed)',
      role,
      inferenceComponents: !v.ModelName,
      pools: (configuredPools(v) ?? []).sort((a, b) => a.priority - b.priority).map((p) => ({ priority: p.priority, instanceType: p.instanceType })),
      bounds: {
        initialInstanceCount: v.InitialInstanceCount ?? null,
        scalableTargetMax: target?.MaxCapacity ?? null,
        managedInstanceScalingMax: scaling?.Status === 'ENABLED' ? scaling.MaxInstanceCount ?? null : null,
        desiredInstanceCount: summary?.DesiredInstanceCount ?? null,
      },
      boundsResolved: targetsRead || role === 'shadow',
      unresolved: [],
    }];
  };
  const summaryOf = (list: readonly ProductionVariantSummary[] | undefined, name: string | undefined) => list?.find((s) => s.VariantName === name);
  return {
    fleets: [
      ...production.flatMap((v) => fleet(v, 'production', summaryOf(endpoint.ProductionVariants, v.VariantName))),
      ...(config.ShadowProductionVariants ?? []).flatMap((v) => fleet(v, 'shadow', summaryOf(endpoint.ShadowProductionVariants, v.VariantName))),
    ],
    notes,
  };
}
