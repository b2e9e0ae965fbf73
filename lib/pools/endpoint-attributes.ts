import { IConstruct } from 'constructs';
import { checkBoolean, checkScopeAndId, requireObject, requireValue } from '../core/required';
import { checkSageMakerName } from '../core/validation';
import { CapacityAwareEndpointAttributes } from './instance-pool-endpoint';
import { checkMetricPublishFrequency } from './metric-publishing';

/**
 * The checks both endpoint kinds' `fromEndpointAttributes` make before creating the imported construct: the scope
 * and id, the attributes object, a valid `endpointName` and `variantName`, the publish frequency and a boolean
 * `asyncInference`. Returns the attributes (an object, for callers without a type checker).
 */
export function checkEndpointAttributes(scope: IConstruct, id: string, attrs: CapacityAwareEndpointAttributes): CapacityAwareEndpointAttributes {
  checkScopeAndId(scope, id);
  attrs = requireObject('attrs', attrs);
  requireValue('endpointName', attrs.endpointName, 'the name of the deployed endpoint');
  checkSageMakerName('endpointName', attrs.endpointName);
  checkSageMakerName('variantName', attrs.variantName);
  checkMetricPublishFrequency('metricPublishFrequency', attrs.metricPublishFrequency);
  checkBoolean('asyncInference', attrs.asyncInference);
  return attrs;
}
