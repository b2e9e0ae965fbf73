import { AsyncInferenceOptions } from './async-inference';
import { DataCaptureOptions } from './data-capture';
import { ExistingEndpoint } from './existing-endpoint';
import { ProductionVariantOptions, VariantSettings } from './production-variant-options';
import { DeploymentStrategy } from '../deployment/deployment-strategy';
import { IModel } from '../model/model';
import { InstancePool } from '../pools/instance-pool';
import { PoolEndpointOptions } from '../pools/pool-endpoint-options';

/**
 * Properties of a `CapacityAwareEndpoint`. The pools, model and variant settings given here are the endpoint's own
 * (primary) production variant, named `variantName`; `variants` and `shadowVariants` add more.
 */
export interface CapacityAwareEndpointProps extends PoolEndpointOptions, VariantSettings {
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
   * Further production variants, each with its own pools and model, sharing the traffic by `initialVariantWeight`
   * (an A/B test). Together with the endpoint's own variant at most 10; names unique. Each is reachable as
   * `endpoint.variant(name)` for its own autoscaling, alarms and dashboards. Rolling deployments are not supported
   * with several variants (`RollingNotSupported`).
   * @default - only the endpoint's own variant
   */
  readonly variants?: ProductionVariantOptions[];
  /**
   * A shadow variant (`ShadowProductionVariants`): it receives a copy of a share of the production variant's requests
   * (its `initialVariantWeight` relative to the production variant's) and its responses are not returned to
   * clients; to test a new model on a fallback-capable fleet. SageMaker takes one shadow variant next to a single
   * production variant (`ShadowVariantCount`).
   * @default - no shadow variant
   */
  readonly shadowVariants?: ProductionVariantOptions[];
  /**
   * Capture a sample of requests and responses to S3 for SageMaker Model Monitor (`DataCaptureConfig`). The execution
   * roles of every variant's models get exactly the writes it takes.
   * @default - no data capture
   */
  readonly dataCapture?: DataCaptureOptions;
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
