import { Duration } from 'aws-cdk-lib';
import { AsyncInferenceOptions } from './async-inference';
import { ExistingEndpoint } from './existing-endpoint';
import { DeploymentStrategy } from '../deployment/deployment-strategy';
import { IModel } from '../model/model';
import { InstancePool } from '../pools/instance-pool';
import { PoolEndpointOptions } from '../pools/pool-endpoint-options';

/** Properties of a `CapacityAwareEndpoint`. */
export interface CapacityAwareEndpointProps extends PoolEndpointOptions {
  /**
   * The ranked instance pools, preferred first (priority 1) and at most five. SageMaker provisions the first
   * type that has capacity, scales out on the next available one and scales in lowest-priority instances first.
   */
  readonly pools: InstancePool[];
  /**
   * The variant's model; pools with a model of their own serve that one instead (`ModelNameOverride`).
   * @default - the first pool's model (then every pool without a model serves it)
   */
  readonly model?: IModel;
  /**
   * How long downloading the model artifacts may take (1 to 60 minutes).
   * @default - not set: SageMaker's default download timeout applies
   */
  readonly modelDataDownloadTimeout?: Duration;
  /**
   * Serve asynchronously: requests queue up and results are written to S3.
   * @default - a real-time endpoint
   */
  readonly asyncInference?: AsyncInferenceOptions;
  /**
   * How updates roll out (deployment guardrails): rolling batches or blue/green, baked while alarms are
   * watched, rolled back automatically on the endpoint's own latency and 5XX alarms (`addAlarms()`) plus any
   * `autoRollbackAlarms`. Rolling back on the own alarms needs a fixed `endpointName`.
   * @default - SageMaker's default: blue/green, all at once, no baking and no automatic rollback
   */
  readonly deployment?: DeploymentStrategy;
  /**
   * Take over an endpoint this app already manages in the same stack (an L1 `CfnEndpoint`, an
   * `@aws-cdk/aws-sagemaker-alpha` `Endpoint`): this endpoint and, with `autoScale()`, its scalable target take
   * the logical IDs of the deployed ones, so the first deploy creates only a new endpoint config and updates the
   * endpoint in place. Give `endpointName` the name the endpoint has today, or leave it unset if CloudFormation
   * generated it. See the README's "Migrating an existing endpoint".
   * @default - a new endpoint (construct ID `Resource`)
   */
  readonly existingEndpoint?: ExistingEndpoint;
}
