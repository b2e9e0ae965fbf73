import { Annotations, Stack, Token } from 'aws-cdk-lib';
import { CfnEndpointConfig } from 'aws-cdk-lib/aws-sagemaker';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { IConstruct } from 'constructs';
import { InstancePoolsError } from '../core/errors';
import { checkEnumValue, requireObject, requireString } from '../core/required';
import { RankedInstancePool } from '../pools/instance-pool';

/** Where SageMaker may launch a variant's instances (`CapacityReservationPreference`). */
export enum CapacityReservationPreference {
  /** Only into the ML capacity reservation: with no reserved capacity left, instances fail to launch. */
  CAPACITY_RESERVATIONS_ONLY = 'capacity-reservations-only',
}

/**
 * An ML capacity reservation (a SageMaker training plan that reserves capacity for inference) for one production
 * variant: the variant's `CapacityReservationConfig`
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProductionVariantCapacityReservationConfig.html).
 */
export interface CapacityReservation {
  /**
   * The ARN of the ML capacity reservation (`MlReservationArn`), e.g.
   * `arn:aws:sagemaker:us-east-1:111122223333:ml-reservation/my-plan`: 20 to 258 characters.
   */
  readonly mlReservationArn: string;
  /**
   * Where instances may launch.
   * @default - not set: SageMaker's behaviour without a preference is not documented
   */
  readonly preference?: CapacityReservationPreference;
}

/** `MlReservationArn`: length 20 to 258 and this pattern, from the API reference above. */
const RESERVATION_ARN = /^arn:(aws[a-z-]*):sagemaker:([a-z0-9-]*):[0-9]{12}:[a-z0-9-]{1,14}\/.*$/;

/**
 * Validates a reservation; `prop` names it (`capacityReservation`, `variants[1].capacityReservation`). Beyond the API's
 * pattern (whose name part is `.*`): an ARN names one reservation, so it holds no whitespace, control or non-ASCII
 * characters and no `*` or `?`; and an ML capacity reservation is a resource of one partition and region, so in a
 * stack whose region is known its partition and region must be the stack's.
 */
export function validateCapacityReservation(scope: IConstruct, prop: string, reservation: CapacityReservation | undefined): void {
  if (reservation === undefined || reservation === null) return;
  requireObject(prop, reservation);
  const arn = requireString(`${prop}.mlReservationArn`, reservation.mlReservationArn, 'the ARN of the ML capacity reservation');
  checkEnumValue(`${prop}.preference`, reservation.preference, CapacityReservationPreference, 'CapacityReservationPreference');
  if (Token.isUnresolved(arn)) return;
  const match = RESERVATION_ARN.exec(arn);
  if (arn.length < 20 || arn.length > 258 || !match) {
    throw new InstancePoolsError('InvalidCapacityReservation', `${prop}.mlReservationArn`,
      'an ML reservation ARN like arn:aws:sagemaker:REGION:ACCOUNT:ml-reservation/NAME, 20 to 258 characters', arn);
  }
  if (/[^\x21-\x7e]|[*?]/.test(arn)) {
    throw new InstancePoolsError('InvalidCapacityReservation', `${prop}.mlReservationArn`,
      "the ARN of one reservation: printable ASCII without whitespace, '*' or '?'", arn);
  }
  const region = Stack.of(scope).region;
  if (Token.isUnresolved(region)) return;
  const [, partition, arnRegion] = match;
  const stackPartition = RegionInfo.get(region).partition;
  if ((stackPartition !== undefined && partition !== stackPartition) || (arnRegion !== '' && arnRegion !== region)) {
    throw new InstancePoolsError('InvalidCapacityReservation', `${prop}.mlReservationArn`,
      `the ARN of a reservation in the stack's partition and region (${stackPartition ?? 'an unknown partition'}, ${region}), where the endpoint is created`, arn);
  }
}

/**
 * The variant's `CapacityReservationConfig`, warning when the variant has fallback pools: the reservation belongs
 * to the variant, not to a pool, and neither the instance-pools guide
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/realtime-endpoints-heterogeneous.html) nor the API reference says how
 * SageMaker combines the two. With `capacity-reservations-only`, "SageMaker AI launches instances only into an ML
 * capacity reservation", so the fallback pools can launch nothing outside it.
 */
export function renderCapacityReservation(scope: IConstruct, prop: string, reservation: CapacityReservation | undefined,
  pools: RankedInstancePool[]): CfnEndpointConfig.CapacityReservationConfigProperty | undefined {
  if (reservation === undefined || reservation === null) return undefined;
  if (pools.length > 1) {
    const fallbacks = pools.slice(1).map((pool) => pool.instanceType.name).join(', ');
    const only = reservation.preference === CapacityReservationPreference.CAPACITY_RESERVATIONS_ONLY;
    Annotations.of(scope).addWarningV2('cdk-sagemaker-instance-pools:capacityReservationWithPools',
      `${prop}: a capacity reservation applies to the whole variant, and AWS does not document how it combines with instance pools. `
      + (only
        ? `With capacity-reservations-only, SageMaker launches instances only into the reservation, so the fallback pools (${fallbacks}) `
          + 'cannot take on-demand capacity. Drop the preference to let them try, or drop the fallback pools.'
        : `Reserved capacity for ${pools[0].instanceType.name} (priority 1) with on-demand fallback to ${fallbacks} is the intended reading, `
          + 'not a documented one: verify it in your account before relying on it.'));
  }
  return { mlReservationArn: reservation.mlReservationArn, capacityReservationPreference: reservation.preference };
}
