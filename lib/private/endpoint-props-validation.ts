import { CapacityAwareEndpointProps } from '../endpoint/capacity-aware-endpoint';
import { RankedInstancePool } from '../instance-pool';
import { validateAsyncInference } from './async-inference-config';
import { InstancePoolsError } from './errors';
import { validatePoolEndpointOptions } from './pool-endpoint';
import { checkDurationSeconds } from './validation';

/** Validates the props of a `CapacityAwareEndpoint`, before it creates any child. */
export function validateEndpointProps(props: CapacityAwareEndpointProps, pools: RankedInstancePool[], variantName: string): void {
  validatePoolEndpointOptions(props, variantName, props.initialInstanceCount ?? 1);
  checkDurationSeconds('modelDataDownloadTimeout', props.modelDataDownloadTimeout, 60, 3600);
  if (props.encryptionKey) {
    // KmsKeyId is invalid when any instance type has local NVMe storage (DOMAIN.md section 8).
    const nvme = pools.find((p) => p.instanceType.hasLocalStorage === true);
    if (nvme) {
      throw new InstancePoolsError('KmsWithLocalStorage', 'encryptionKey',
        `SageMaker rejects a KMS key when a pool has local NVMe storage (pools[${nvme.priority - 1}] is ${nvme.instanceType.name}, encrypted by hardware)`,
        'a key');
    }
  }
  if (props.asyncInference) validateAsyncInference(props.asyncInference);
}
