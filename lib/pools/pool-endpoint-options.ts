import { Duration } from 'aws-cdk-lib';

/** How SageMaker routes requests among the instances of a variant. */
export enum RoutingStrategy {
  /** Send each request to the instance with the fewest requests in flight; recommended for mixed fleets. */
  LEAST_OUTSTANDING_REQUESTS = 'LEAST_OUTSTANDING_REQUESTS',
  /** Send each request to a random instance (SageMaker's own default). */
  RANDOM = 'RANDOM',
}

/** Options every endpoint with instance pools takes: single-model and inference-component endpoints alike. */
export interface PoolEndpointOptions {
  /**
   * A fixed endpoint name (at most 63 characters). Changing it replaces the endpoint.
   * @default - CloudFormation generates a name
   */
  readonly endpointName?: string;
  /**
   * The production variant name.
   * @default 'AllTraffic'
   */
  readonly variantName?: string;
  /**
   * Instances to launch when the endpoint is created.
   * @default 1
   */
  readonly initialInstanceCount?: number;
  /**
   * How requests are routed among instances.
   * @default RoutingStrategy.LEAST_OUTSTANDING_REQUESTS
   */
  readonly routingStrategy?: RoutingStrategy;
  /**
   * How long SageMaker tries to provision capacity across the pools before the operation fails
   * (`VariantInstanceProvisionTimeoutInSeconds`, 5 to 60 minutes). Covers capacity provisioning only, not model
   * download or container start-up.
   * @default - not set: SageMaker applies its own limit, which it does not document
   */
  readonly provisioningTimeout?: Duration;
  /**
   * How long a container may take to pass its health check (1 to 60 minutes).
   * @default - not set: SageMaker's default health-check timeout applies
   */
  readonly containerStartupHealthCheckTimeout?: Duration;
  /**
   * Tags for the endpoint config and the endpoint (and an inference-component endpoint's components).
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}
