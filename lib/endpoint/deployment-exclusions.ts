import { Annotations, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { described, InstancePoolsError } from '../core/errors';
import { DeploymentStrategy } from '../deployment/deployment-strategy';
import { IModel } from '../model/model';
import { VariantSpec } from './variant-specs';

const EXCLUSIONS = 'https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-exclusions.html';

/**
 * Deployment guardrails exclude "Endpoints that use Inf1 (Inferentia-based) instances" and "Marketplace containers":
 * such an endpoint "will fall back to using a blue/green deployment with all at once traffic shifting and no final
 * baking period" (https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-exclusions.html). A
 * `deployment` there would promise baking and rollback that SageMaker does not do, so a pool of an `ml.inf1.*` type
 * next to one is refused, and a model-package container next to one is a warning (see `warnOnModelPackages`).
 */
export function checkDeploymentExclusions(scope: IConstruct, deployment: DeploymentStrategy | undefined, specs: VariantSpec[]): void {
  if (deployment === undefined || deployment === null) return;
  for (const spec of specs) {
    const inf1 = spec.pools.filter((pool) => pool.instanceType.family === 'inf1');
    if (inf1.length > 0) {
      throw new InstancePoolsError('DeploymentOnInf1', `${spec.propPrefix}pools`,
        'deployment guardrails (rolling or blue/green with baking and rollback) do not support Inf1 instances, which fall back to an '
        + `all-at-once blue/green update (${EXCLUSIONS}): leave deployment unset, or use Inf2 or other types`,
        described(inf1.map((pool) => pool.instanceType.name).join(', ')));
    }
  }
  warnOnModelPackages(scope, specs);
}

/**
 * Whether a model package comes from AWS Marketplace cannot be told for sure at synth time: a subscribed package
 * lives in its seller's account, but a package in another account may as well be a Model Registry package shared with
 * this one, and a package of this account may run a Marketplace container (one created from a Marketplace algorithm,
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateModelPackage.html `SourceAlgorithmSpecification`).
 * So every model-package container next to a `deployment` is a warning, which names the packages of another account.
 */
function warnOnModelPackages(scope: IConstruct, specs: VariantSpec[]): void {
  const models = new Set<IModel>();
  specs.forEach((spec) => [spec.model, ...spec.pools.map((pool) => pool.model)].forEach((m) => { if (m?.modelPackageName !== undefined) models.add(m); }));
  if (models.size === 0) return;
  const account = Stack.of(scope).account;
  const packages = [...models].map((m) => {
    const name = m.modelPackageName!;
    if (Token.isUnresolved(name)) return `${m.node.path} (a package given as a token)`;
    const owner = /^arn:[^:]+:sagemaker:[^:]*:(\d{12}):/.exec(name)?.[1];
    const foreign = owner !== undefined && !Token.isUnresolved(account) && owner !== account;
    return `${m.node.path} (${name}${foreign ? `, in account ${owner}, not this stack's: a subscribed AWS Marketplace package lives in its seller's account` : ''})`;
  });
  Annotations.of(scope).addWarningV2('cdk-sagemaker-instance-pools:deploymentWithModelPackage',
    `deployment: ${packages.join(', ')} run a model package. Deployment guardrails do not support AWS Marketplace containers: an endpoint `
    + 'that runs one falls back to a blue/green update with all-at-once traffic shifting and no final baking period, so nothing rolls '
    + `out gradually or rolls back on alarms (${EXCLUSIONS}). A package of your own Model Registry is fine unless its container comes `
    + 'from AWS Marketplace (for example a package created from a Marketplace algorithm); for a Marketplace package, leave deployment '
    + 'unset or acknowledge this warning.');
}
