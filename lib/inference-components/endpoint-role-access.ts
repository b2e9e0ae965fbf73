import { Annotations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';
import { IModel, Model } from '../model/model';
import { IInstancePoolEndpoint } from '../pools/instance-pool-endpoint';

/**
 * Which role fetches an inference component's image and model artifacts is not documented:
 * - CreateModel gives the model's role that job: the role "that SageMaker can assume to access model artifacts and
 *   docker image for deployment on ML compute instances"
 *   (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateModel.html).
 * - The endpoint config of an inference-component endpoint has a role of its own, "an IAM role that Amazon SageMaker AI
 *   can assume to perform actions on your behalf" (`ExecutionRoleArn`,
 *   https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateEndpointConfig.html), and a component may run
 *   a container and artifacts without any model (`Specification.Container`,
 *   https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_InferenceComponentSpecification.html), which only
 *   that role can fetch.
 * The safe reading: the endpoint's role gets exactly the pull and read each model's role gets (never more), and the
 * component warns until the integration suite settles the question.
 */
export function grantModelsToEndpointRole(component: IConstruct, endpoint: IInstancePoolEndpoint, models: IModel[]): void {
  const endpointRole = roleOf(endpoint);
  const known = models.filter((m): m is Model => m instanceof Model);
  const unknown = models.filter((m) => !(m instanceof Model)).map((m) => m.node.path);
  if (endpointRole) known.forEach((model) => model.grantContainerAccess(endpointRole));
  const granted = endpointRole && known.length > 0
    ? `The endpoint's execution role gets the same scoped image pull and artifact read as the roles of ${known.map((m) => m.node.path).join(', ')}. `
    : '';
  const yours = [
    ...(endpointRole ? [] : ["the endpoint's execution role is not known here (an imported endpoint): grant it the image pull and artifact read of the component's models yourself"]),
    ...(unknown.length > 0 ? [`the container of ${unknown.join(', ')} is not known here (imported models): grant the endpoint's role their image pull and artifact read yourself`] : []),
  ];
  Annotations.of(component).addWarningV2('cdk-sagemaker-instance-pools:endpointRoleModelAccess',
    'SageMaker does not document which role pulls an inference component\'s image and reads its model artifacts: the model\'s '
    + 'execution role (CreateModel) or the endpoint config\'s (ExecutionRoleArn), which it assumes for the endpoint\'s components. '
    + granted + (yours.length > 0 ? `Also: ${yours.join('; ')}. ` : '')
    + 'Acknowledge this warning once you have checked the grants.');
}

/**
 * The execution role of an endpoint that has one in sight: `InferenceComponentEndpoint.role` (an endpoint imported
 * with `fromEndpointAttributes` has none). Read by shape, since the endpoint class builds on this folder's component.
 */
function roleOf(endpoint: IInstancePoolEndpoint): iam.IRole | undefined {
  const role = (endpoint as { role?: Partial<iam.IRole> }).role;
  return role && typeof role.roleArn === 'string' && typeof role.addToPrincipalPolicy === 'function' ? role as iam.IRole : undefined;
}
