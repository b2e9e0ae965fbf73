import type { ProductionVariant } from '@aws-sdk/client-sagemaker';
import { FleetError } from '../errors';

/**
 * The production variant a command works on: the one `--variant` names, or the only one. Several variants and
 * no `--variant`, or a name the config does not have, is a usage error that lists the names.
 */
export function chooseVariant(variants: readonly ProductionVariant[], requested: string | undefined, endpointName: string): ProductionVariant {
  const names = variants.map((v) => v.VariantName ?? '?');
  if (requested !== undefined) {
    const found = variants.find((v) => v.VariantName === requested);
    if (!found) throw new FleetError('usage', `endpoint '${endpointName}' has no production variant '${requested}' (it has ${names.join(', ')}).`);
    return found;
  }
  if (variants.length === 1) return variants[0];
  if (variants.length === 0) throw new FleetError('unexpected', `the endpoint config of '${endpointName}' lists no production variant.`);
  throw new FleetError('usage', `endpoint '${endpointName}' has ${variants.length} production variants (${names.join(', ')}): pass --variant NAME.`);
}
