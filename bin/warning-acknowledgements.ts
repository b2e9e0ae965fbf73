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
