import { Annotations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * Warnings of the library that the example stacks acknowledge after review, each with its reason. The example app
 * synthesizes with annotations in its validation report (cdk.json), so an unacknowledged warning fails `cdk synth`.
 */

/**
 * `kmsKeyLocalStorage`: the endpoint config's key covers the ML storage volumes; the pools' local NVMe storage is
 * encrypted at rest by the instance hardware, as the warning says.
 */
export function acknowledgeLocalStorage(endpoint: IConstruct): void {
  Annotations.of(endpoint).acknowledgeWarning('cdk-sagemaker-instance-pools:kmsKeyLocalStorage',
    'Local NVMe instance storage is encrypted at rest by the instance hardware; the KMS key covers the ML storage volumes.');
}

/**
 * `endpointRoleModelAccess`: the endpoint's role got exactly the image pull and artifact read of the component's
 * models (the DJL LMI repository), the same scoped grants as the models' roles.
 */
export function acknowledgeEndpointRoleModelAccess(component: IConstruct): void {
  Annotations.of(component).acknowledgeWarning('cdk-sagemaker-instance-pools:endpointRoleModelAccess',
    'The endpoint role holds the same scoped image pull as the models\' roles; which of them SageMaker uses is not documented.');
}
