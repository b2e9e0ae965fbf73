import { Annotations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';
import { useRoleLogsForEndpoint } from '../core/execution-role';
import { IModel } from '../model/model';
import { CapacityAwareEndpointProps } from './capacity-aware-endpoint-props';

/**
 * The execution roles of the endpoint's models, with what every one of them needs on this endpoint: its log group,
 * and warnings for models whose role the library cannot see but which must write async results or captured data.
 */
export function modelRoles(scope: IConstruct, props: CapacityAwareEndpointProps, models: IModel[]): iam.IRole[] {
  const roles = [...new Set(models.map((m) => m.role).filter((r): r is iam.IRole => r !== undefined))];
  // Container logs go to /aws/sagemaker/Endpoints/NAME: the models' roles write there only (a generated name
  // cannot be referenced by their policies, which the endpoint depends on: /aws/sagemaker/Endpoints/* then).
  roles.forEach((role) => useRoleLogsForEndpoint(role, props.endpointName));
  const roleless = models.filter((m) => !m.role).map((m) => m.node.path);
  if (props.asyncInference && roleless.length > 0) {
    Annotations.of(scope).addWarningV2('cdk-sagemaker-instance-pools:asyncRoleUnknown',
      `asyncInference: models ${roleless.join(', ')} have no known execution role; grant them write access to the output location and publish on the topics yourself.`);
  }
  if (props.asyncInference && !props.asyncInference.inputBucket) {
    Annotations.of(scope).addWarningV2('cdk-sagemaker-instance-pools:asyncInputUnknown',
      'asyncInference.inputBucket: not set, so the model roles get no read access to request payloads (SageMaker reads the InputLocation '
      + 'of each InvokeEndpointAsync request with the execution role). Set inputBucket and inputPrefix, or grant s3:GetObject on model.role.');
  }
  if (props.dataCapture && roleless.length > 0) {
    Annotations.of(scope).addWarningV2('cdk-sagemaker-instance-pools:dataCaptureRoleUnknown',
      `dataCapture: models ${roleless.join(', ')} have no known execution role; grant them s3:PutObject under the capture prefix (and the key) yourself.`);
  }
  return roles;
}
