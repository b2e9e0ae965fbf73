import { checkDuration, checkEnumLike, requireObject } from '../core/required';
import { checkDurationSeconds } from '../core/validation';
import { validatePoolEndpointOptions } from '../pools/pool-variant';
import { validateAsyncInference } from './async-inference-config';
import { CapacityAwareEndpointProps } from './capacity-aware-endpoint-props';
import { validateDataCapture } from './data-capture-config';

/** Validates the props of a `CapacityAwareEndpoint`, before it creates any child. */
export function validateEndpointProps(props: CapacityAwareEndpointProps, variantName: string): void {
  validatePoolEndpointOptions(props, variantName, props.initialInstanceCount ?? 1);
  checkDurationSeconds('modelDataDownloadTimeout', checkDuration('modelDataDownloadTimeout', props.modelDataDownloadTimeout), 60, 3600);
  checkEnumLike('deployment', props.deployment, ['_render'], 'DeploymentStrategy.rolling() or DeploymentStrategy.blueGreen()', true);
  if (props.asyncInference !== undefined && props.asyncInference !== null) {
    validateAsyncInference(requireObject('asyncInference', props.asyncInference));
  }
  if (props.dataCapture !== undefined && props.dataCapture !== null) validateDataCapture(props.dataCapture);
}
