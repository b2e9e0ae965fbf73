import { CustomResource, Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';

/**
 * DescribeEndpoint's ARN and creation time as text. integ-tests-alpha flattens an API response before it compares
 * it, and the flattening drops `Date` values such as `CreationTime`; this function returns them as strings.
 * Invoked directly (`{"EndpointName": ...}`) it answers `{"EndpointArn": ..., "CreationTime": ...}`; as the
 * handler of a custom resource it records them when the resource is created and refuses any update, since a
 * recorded identity must never be overwritten.
 */
const HANDLER = `
const { SageMakerClient, DescribeEndpointCommand } = require('@aws-sdk/client-sagemaker');
const sagemaker = new SageMakerClient({});
async function identity(endpointName) {
  const endpoint = await sagemaker.send(new DescribeEndpointCommand({ EndpointName: endpointName }));
  return { EndpointArn: endpoint.EndpointArn, CreationTime: endpoint.CreationTime.toISOString() };
}
exports.handler = async (event) => {
  if (event.RequestType === undefined) return identity(event.EndpointName);
  const name = event.ResourceProperties.EndpointName;
  if (event.RequestType === 'Create') return { PhysicalResourceId: name, Data: await identity(name) };
  if (event.RequestType === 'Update') throw new Error('the identity recorded for endpoint ' + event.OldResourceProperties.EndpointName + ' must not change');
  return { PhysicalResourceId: event.PhysicalResourceId };
};
`;

/** Reads and records the identity (ARN, creation time) of one endpoint by its fixed name. */
export class EndpointIdentity extends Construct {
  /** The function; invoke it with `{"EndpointName": NAME}`. */
  public readonly function: lambda.Function;
  /** The identity recorded when this construct was first deployed: attributes `EndpointArn`, `CreationTime`. */
  public readonly recorded: CustomResource;

  constructor(scope: Construct, id: string, endpointName: string) {
    super(scope, id);
    this.function = new lambda.Function(this, 'Function', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(HANDLER),
      timeout: Duration.minutes(1),
    });
    this.function.addToRolePolicy(new iam.PolicyStatement({
      actions: ['sagemaker:DescribeEndpoint'],
      // SageMaker ARNs carry the name in lower case.
      resources: [Stack.of(this).formatArn({ service: 'sagemaker', resource: 'endpoint', resourceName: endpointName.toLowerCase() })],
    }));
    const provider = new cr.Provider(this, 'Provider', { onEventHandler: this.function });
    this.recorded = new CustomResource(this, 'Recorded', {
      serviceToken: provider.serviceToken,
      properties: { EndpointName: endpointName },
    });
  }
}
