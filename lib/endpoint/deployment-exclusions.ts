import { described, InstancePoolsError } from '../core/errors';
import { DeploymentStrategy } from '../deployment/deployment-strategy';
import { VariantSpec } from './variant-specs';

/**
 * Deployment guardrails exclude "Endpoints that use Inf1 (Inferentia-based) instances": such an endpoint "will fall
 * back to using a blue/green deployment with all at once traffic shifting and no final baking period"
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-exclusions.html). A `deployment` there would
 * promise baking and rollback that SageMaker does not do, so a pool of an `ml.inf1.*` type next to one is refused.
 */
export function checkDeploymentExclusions(deployment: DeploymentStrategy | undefined, specs: VariantSpec[]): void {
  if (deployment === undefined || deployment === null) return;
  for (const spec of specs) {
    const inf1 = spec.pools.filter((pool) => pool.instanceType.family === 'inf1');
    if (inf1.length > 0) {
      throw new InstancePoolsError('DeploymentOnInf1', `${spec.propPrefix}pools`,
        'deployment guardrails (rolling or blue/green with baking and rollback) do not support Inf1 instances, which fall back to an '
        + 'all-at-once blue/green update (https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-exclusions.html): '
        + 'leave deployment unset, or use Inf2 or other types',
        described(inf1.map((pool) => pool.instanceType.name).join(', ')));
    }
  }
}
