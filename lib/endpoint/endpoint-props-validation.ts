import { InstancePoolsError } from '../core/errors';
import { checkDurationSeconds } from '../core/validation';
import { RankedInstancePool } from '../pools/instance-pool';
import { validatePoolEndpointOptions } from '../pools/pool-variant';
import { validateAsyncInference } from './async-inference-config';
import { CapacityAwareEndpointProps } from './capacity-aware-endpoint-props';

/** Validates the props of a `CapacityAwareEndpoint`, before it creates any child. */
export function validateEndpointProps(props: CapacityAwareEndpointProps, pools: RankedInstancePool[], variantName: string): void {
  validatePoolEndpointOptions(props, variantName, props.initialInstanceCount ?? 1);
  checkDurationSeconds('modelDataDownloadTimeout', props.modelDataDownloadTimeout, 60, 3600);
  if (props.encryptionKey) {
    // KmsKeyId is invalid when any instance type has local NVMe storage (`KmsKeyId`,
    // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateEndpointConfig.html).
    const nvme = pools.find((p) => p.instanceType.hasLocalStorage === true);
    if (nvme) {
      throw new InstancePoolsError('KmsWithLocalStorage', 'encryptionKey',
        `SageMaker rejects a KMS key when a pool has local NVMe storage (pools[${nvme.priority - 1}] is ${nvme.instanceType.name}, encrypted by hardware)`,
        'a key');
    }
  }
  if (props.asyncInference) validateAsyncInference(props.asyncInference);
}
