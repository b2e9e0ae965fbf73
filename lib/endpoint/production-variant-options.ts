import { Duration, Size } from 'aws-cdk-lib';
import { IModel } from '../model/model';
import { InstancePool } from '../pools/instance-pool';
import { RoutingStrategy } from '../pools/pool-endpoint-options';
import { CapacityReservation } from './capacity-reservation';

/** Settings of one production variant beyond its pools, model and timeouts; the endpoint's own variant takes them too. */
export interface VariantSettings {
  /**
   * The variant's share of the traffic, relative to the other production variants' weights (`InitialVariantWeight`, 0
   * or more, at most the API's float range; the weights of an endpoint's production variants must not all be 0). For a shadow variant, the share of
   * the production variant's requests copied to it, relative to the production variant's weight.
   * @default 1
   */
  readonly initialVariantWeight?: number;
  /**
   * How long downloading the model artifacts may take (1 to 60 minutes).
   * @default - not set: SageMaker's default download timeout applies
   */
  readonly modelDataDownloadTimeout?: Duration;
  /**
   * Run the variant on an ML capacity reservation (`CapacityReservationConfig`), such as a training plan for inference.
   * A plan serves one instance type, which must match the variant's, and an endpoint uses exactly one plan
   * (https://docs.aws.amazon.com/sagemaker/latest/dg/use-training-plan-for-inference-endpoints-using-api-cli-sdk.html):
   * the variant must have a single pool, of the plan's type, else `ReservationWithFallbackPools`. Whether SageMaker
   * matches the plan against a one-pool `InstancePools` (the guide shows `InstanceType`) is not documented: the
   * endpoint warns (`cdk-sagemaker-instance-pools:capacityReservationWithPools`). Throws `InvalidCapacityReservation`
   * for a malformed ARN, or one of another partition or region than a stack whose region is known;
   * `InvalidEnumValue` for another preference.
   * @default - no reservation: on-demand capacity
   */
  readonly capacityReservation?: CapacityReservation;
  /**
   * The size of the EBS (gp2) ML storage volume attached to each instance of the variant (`VolumeSizeInGB`, 1 to 512
   * GiB, whole gibibytes). SageMaker takes it only for instance types without local NVMe storage: a pool with local
   * storage (g4dn, g5, g6, g6e, p4d, p5, m5d, ...) fails with `VolumeSizeWithLocalStorage`, and a pool type the library
   * does not know warns (https://docs.aws.amazon.com/sagemaker/latest/dg/host-instance-storage.html). A token size is
   * given in gibibytes (`Size.gibibytes(param)`, else `TokenUnit`) and is checked against the pools too.
   * @default - not set: SageMaker's default volume for the instance type
   */
  readonly volumeSize?: Size;
}

/**
 * A further production variant of a `CapacityAwareEndpoint` (an A/B test), or its shadow variant, each with its own
 * ranked pools and model.
 */
export interface ProductionVariantOptions extends VariantSettings {
  /**
   * The variant's name, unique in the endpoint (at most 63 letters, digits and inner hyphens). A token name is allowed;
   * two variants named by the same expression are the same name twice (`DuplicateVariantName`).
   */
  readonly variantName: string;
  /** The variant's ranked instance pools, preferred first, at most five. */
  readonly pools: InstancePool[];
  /**
   * The variant's model; pools with a model of their own serve that one instead.
   * @default - the first pool's model
   */
  readonly model?: IModel;
  /**
   * Instances to launch when the endpoint is created.
   * @default 1
   */
  readonly initialInstanceCount?: number;
  /**
   * How requests are routed among the variant's instances.
   * @default RoutingStrategy.LEAST_OUTSTANDING_REQUESTS
   */
  readonly routingStrategy?: RoutingStrategy;
  /**
   * How long SageMaker tries to provision capacity across the variant's pools (5 to 60 minutes).
   * @default - not set: SageMaker applies its own limit
   */
  readonly provisioningTimeout?: Duration;
  /**
   * How long a container may take to pass its health check (1 to 60 minutes).
   * @default - not set: SageMaker's default health-check timeout applies
   */
  readonly containerStartupHealthCheckTimeout?: Duration;
}
