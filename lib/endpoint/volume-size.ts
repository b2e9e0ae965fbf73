import { Annotations, Size, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { described, InstancePoolsError } from '../core/errors';
import { checkSize } from '../core/required';
import { checkGibibytes } from '../core/validation';
import { RankedInstancePool } from '../pools/instance-pool';

/**
 * `VolumeSizeInGB` of a production variant: 1 to 512 (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-sagemaker-endpointconfig-productionvariant.html),
 * an EBS gp2 volume ("Currently only Amazon EBS gp2 storage volumes are supported", ProductionVariant). Instance types
 * with local NVMe instance storage get that storage instead of a configurable volume
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/host-instance-storage.html), so a variant whose pools include one
 * cannot take a volume size. With pools the variant's volume size applies to every pool type; whether SageMaker rejects
 * it for a mix of EBS-only and NVMe types or ignores it on the NVMe ones is not documented, and the safe side is to
 * reject it, whatever the size (a token size too). Returns the size in GiB (a token for a token), or undefined when not
 * set.
 */
export function checkVolumeSize(scope: IConstruct, prop: string, size: Size | undefined, pools: RankedInstancePool[], poolsProp: string): number | undefined {
  if (size === undefined || size === null) return undefined;
  checkSize(prop, size);
  const gib = checkGibibytes(prop, size, 1, 512);
  // A token size is checked against the pools too: its value is unknown, but any value is refused by a local-storage pool.
  const shown = described(Token.isUnresolved(gib) ? 'a token size' : `${gib} GiB`);
  pools.forEach((pool) => {
    if (pool.instanceType.hasLocalStorage === true) {
      throw new InstancePoolsError('VolumeSizeWithLocalStorage', prop,
        `${poolsProp}[${pool.priority - 1}] (${pool.instanceType.name}) has local NVMe instance storage and takes no volume size; drop volumeSize or that pool`,
        shown);
    }
  });
  const unknown = pools.filter((pool) => pool.instanceType.hasLocalStorage === undefined).map((pool) => pool.instanceType.name);
  if (unknown.length > 0) {
    Annotations.of(scope).addWarningV2('cdk-sagemaker-instance-pools:volumeSizeUnknownStorage',
      `${prop}: the library does not know whether ${unknown.join(', ')} has local NVMe storage, which takes no volume size; `
      + 'check the instance type before deploying.');
  }
  return gib;
}
