import { Annotations, Stack, Token } from 'aws-cdk-lib';
import { CfnEndpointConfig } from 'aws-cdk-lib/aws-sagemaker';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { IConstruct } from 'constructs';
import { described, InstancePoolsError } from '../core/errors';
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
 * A reservation serves one instance type: "The `InstanceType` field set in the `ProductionVariants` section of the
 * `CreateEndpointConfig` request must match the `InstanceType` of your training plan", and "You can use exactly one
 * plan per inference endpoint"
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/use-training-plan-for-inference-endpoints-using-api-cli-sdk.html).
 * Fallback pools of other instance types can match no plan, so a reservation takes a variant of one pool.
 */
export function checkReservationPools(prop: string, reservation: CapacityReservation | undefined, pools: RankedInstancePool[], poolsProp: string): void {
  if (reservation === undefined || reservation === null || pools.length <= 1) return;
  throw new InstancePoolsError('ReservationWithFallbackPools', prop,
    "a capacity reservation (training plan) serves one instance type, which must match the variant's, and an endpoint uses exactly one plan "
    + '(https://docs.aws.amazon.com/sagemaker/latest/dg/use-training-plan-for-inference-endpoints-using-api-cli-sdk.html): '
    + `give the variant a single pool of the plan's instance type, or drop the reservation to keep the fallback pools (${poolsProp})`,
    described(`${pools.length} pools (${pools.map((pool) => pool.instanceType.name).join(', ')})`));
}

/**
 * The variant's `CapacityReservationConfig` (one pool, see `checkReservationPools`), warning that a variant naming its
 * type through a one-entry `InstancePools` rather than `InstanceType` is not what the training-plan guide shows: it
 * documents the `InstanceType` field only, and the instance-pools guide
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/realtime-endpoints-heterogeneous.html) does not mention
 * reservations.
 */
export function renderCapacityReservation(scope: IConstruct, prop: string, reservation: CapacityReservation | undefined,
  pools: RankedInstancePool[]): CfnEndpointConfig.CapacityReservationConfigProperty | undefined {
  if (reservation === undefined || reservation === null) return undefined;
  Annotations.of(scope).addWarningV2('cdk-sagemaker-instance-pools:capacityReservationWithPools',
    `${prop}: the variant names ${pools[0].instanceType.name} through InstancePools (one pool), while the training-plan guide documents `
    + "a reservation on the variant's InstanceType field only; whether SageMaker matches the plan against a one-pool list is an open "
    + 'question: verify the first deploy in your account before relying on it.');
  return { mlReservationArn: reservation.mlReservationArn, capacityReservationPreference: reservation.preference };
}
