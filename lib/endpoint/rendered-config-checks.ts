import { CfnEndpoint, CfnEndpointConfig } from 'aws-cdk-lib/aws-sagemaker';
import { IConstruct } from 'constructs';
import { described, InstancePoolsError } from '../core/errors';
import { renderedName } from '../core/physical-names';
import { DeploymentStrategy } from '../deployment/deployment-strategy';
import { deploymentErrors, EndpointRollbackAlarms } from '../deployment/guarded-deployment';
import { EndpointKind, renderedVariantSets, scalingWithoutPoolsErrors, variantErrors } from '../pools/rendered-variants';

/** What the checks of a rendered endpoint config need to know of its endpoint. */
export interface RenderedConfigContext {
  readonly deployment?: DeploymentStrategy;
  readonly ownAlarms?: EndpointRollbackAlarms;
  readonly fixedName: boolean;
  /** The autoscaling maximum, if the endpoint autoscales; else the rendered initial count is used. */
  readonly maxInstances?: number;
  readonly perInstanceTypeScaling: boolean;
  readonly variantName: string;
}

/**
 * Guards escape-hatch edits of a capacity-aware endpoint's L1 config: SageMaker rejects a variant with pools that
 * also sets `InstanceType` or `ServerlessConfig` (https://docs.aws.amazon.com/sagemaker/latest/dg/realtime-endpoints-heterogeneous.html),
 * `ManagedInstanceScaling`, which only inference component endpoints take (hashicorp/terraform-provider-aws#45926 shows
 * SageMaker's ValidationException), and rolling updates of several or serverless variants.
 */
export function renderedConfigErrors(scope: IConstruct, config: CfnEndpointConfig, context: RenderedConfigContext): string[] {
  const { variants, shadows } = renderedVariantSets(config);
  // No ServerlessConfig or InstanceType next to pools; no ManagedInstanceScaling (inference components only).
  const errors: string[] = [
    ...variantErrors(variants, EndpointKind.SINGLE_MODEL),
    ...variantErrors(shadows, EndpointKind.SINGLE_MODEL, 'ShadowProductionVariants'),
  ];
  if (context.deployment) {
    const maxInstances = context.maxInstances ?? variants[0]?.InitialInstanceCount;
    // A shadow variant is a second variant of the endpoint for the deployment rules (rolling takes one).
    errors.push(...deploymentErrors(scope, context.deployment, [...variants, ...shadows], context.ownAlarms, context.fixedName, maxInstances));
  }
  if (context.perInstanceTypeScaling) errors.push(...scalingWithoutPoolsErrors(variants, context.variantName));
  return errors;
}

/**
 * The endpoint's metrics, and with them its alarms, dashboard and weighted scaling policy, name it by `endpointName`
 * when one is given (the plain name, so that its own alarms can guard its deployments). A name edited on the L1
 * (`cfnEndpoint.endpointName = ...`, `addPropertyOverride('EndpointName', ...)`) would leave all of them watching an
 * endpoint that does not exist: the scaler would never act and the rollback alarms never fire.
 */
export function editedNameErrors(endpoint: CfnEndpoint, fixedName: string | undefined): string[] {
  if (fixedName === undefined) return [];
  const rendered = renderedName(endpoint, 'EndpointName');
  if (rendered === fixedName) return [];
  return [new InstancePoolsError('EndpointNameEdited', 'cfnEndpoint.EndpointName',
    `the endpoint's metrics, alarms, dashboard and scaling policy name it by endpointName ('${fixedName}'), so they would watch an `
    + 'endpoint that does not exist; set endpointName instead of editing the L1', rendered ?? described('no name (removed)')).message];
}
