import { fullDiff, ResourceImpact } from '@aws-cdk/cloudformation-diff';

/**
 * What a deploy from `before` to `after` does to each resource, computed offline with
 * `@aws-cdk/cloudformation-diff`, the library `cdk diff` itself uses (it knows from the CloudFormation resource
 * specification which property changes replace a resource).
 */
export interface ResourceChange {
  readonly logicalId: string;
  readonly type: string;
  readonly impact: ResourceImpact;
}

/** Every resource that changes, with its impact. */
export function changeImpact(before: object, after: object): ResourceChange[] {
  const changes: ResourceChange[] = [];
  fullDiff(before as any, after as any).resources.forEachDifference((logicalId, change) => {
    changes.push({ logicalId, type: change.newResourceType ?? change.oldResourceType ?? 'unknown', impact: change.changeImpact });
  });
  return changes;
}

/** Resources that must never be lost on an upgrade or a documented migration: the live fleet and its guards. */
export const PRESERVED_TYPES = ['AWS::SageMaker::Endpoint', 'AWS::ApplicationAutoScaling::ScalableTarget', 'AWS::CloudWatch::Alarm'];

/** Impacts that lose a live resource (a replacement deletes the old one; "may replace" is not safe either). */
const LOSING = new Set<ResourceImpact>([ResourceImpact.WILL_REPLACE, ResourceImpact.MAY_REPLACE, ResourceImpact.WILL_DESTROY]);

/** The changes that would replace or destroy an endpoint, a scalable target or an alarm: must be empty. */
export function losses(before: object, after: object): string[] {
  return changeImpact(before, after)
    .filter((c) => PRESERVED_TYPES.includes(c.type) && LOSING.has(c.impact))
    .map((c) => `${c.type} ${c.logicalId}: ${c.impact}`);
}

export { ResourceImpact };
