import type { ScalableDimension, ScalableTarget } from '@aws-sdk/client-application-auto-scaling';
import { activityReport, policyReport } from './policies';
import { AwsApi } from '../aws';
import { FleetError } from '../errors';
import { ScalingInfo } from '../model';

/** Something Application Auto Scaling can scale: a variant's instance count or an inference component's copies. */
export interface ScalableResource {
  readonly resourceId: string;
  readonly dimension: ScalableDimension;
  /** The desired count SageMaker reports for it (the scalable target itself has none). */
  readonly desiredCapacity: number | null;
}

export function variantResource(endpointName: string, variantName: string, desired: number | null): ScalableResource {
  return { resourceId: `endpoint/${endpointName}/variant/${variantName}`, dimension: 'sagemaker:variant:DesiredInstanceCount', desiredCapacity: desired };
}

export function componentResource(componentName: string, desired: number | null): ScalableResource {
  return { resourceId: `inference-component/${componentName}`, dimension: 'sagemaker:inference-component:DesiredCopyCount', desiredCapacity: desired };
}

/**
 * Scalable target, policies and recent activities for each resource, keyed by resource id. Access denied on
 * any of these calls degrades that part of the report (with a warning) instead of failing the command.
 */
export async function collectScaling(
  api: AwsApi,
  resources: readonly ScalableResource[],
  activityCount: number,
  warnings: string[],
): Promise<Map<string, ScalingInfo>> {
  const result = new Map<string, ScalingInfo>();
  if (resources.length === 0) return result;

  let targets: ScalableTarget[];
  try {
    targets = await api.describeScalableTargets(resources.map((r) => r.resourceId));
  } catch (error) {
    const reason = degradable(error);
    warnings.push(`autoscaling not shown: ${reason}`);
    for (const r of resources) result.set(r.resourceId, { state: 'unknown', reason });
    return result;
  }

  await Promise.all(resources.map(async (resource) => {
    const target = targets.find((t) => t.ResourceId === resource.resourceId && t.ScalableDimension === resource.dimension);
    if (!target) {
      result.set(resource.resourceId, { state: 'none' });
      return;
    }
    const [policies, activities] = await Promise.all([
      readOrNull(() => api.describeScalingPolicies(resource.resourceId, resource.dimension), `scaling policies of ${resource.resourceId}`, warnings),
      activityCount > 0
        ? readOrNull(() => api.describeScalingActivities(resource.resourceId, resource.dimension, activityCount), `scaling activities of ${resource.resourceId}`, warnings)
        : Promise.resolve([]),
    ]);
    const suspended = target.SuspendedState ?? {};
    result.set(resource.resourceId, {
      state: 'registered',
      resourceId: resource.resourceId,
      scalableDimension: resource.dimension,
      minCapacity: target.MinCapacity ?? null,
      maxCapacity: target.MaxCapacity ?? null,
      desiredCapacity: resource.desiredCapacity,
      suspended: [
        ...(suspended.DynamicScalingInSuspended ? ['scale-in'] : []),
        ...(suspended.DynamicScalingOutSuspended ? ['scale-out'] : []),
        ...(suspended.ScheduledScalingSuspended ? ['scheduled'] : []),
      ],
      policies: policies?.map(policyReport) ?? null,
      activities: activities
        ? [...activities].sort((a, b) => (b.StartTime?.getTime() ?? 0) - (a.StartTime?.getTime() ?? 0)).slice(0, activityCount).map(activityReport)
        : null,
    });
  }));
  return result;
}

async function readOrNull<T>(read: () => Promise<T>, what: string, warnings: string[]): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    warnings.push(`${what} not shown: ${degradable(error)}`);
    return null;
  }
}

/** Access denied is worth a warning; anything else (network, throttling after retries, bugs) fails the command. */
function degradable(error: unknown): string {
  if (error instanceof FleetError && error.kind === 'access-denied') return error.message;
  throw error;
}
