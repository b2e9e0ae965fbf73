import { Duration } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';

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
   * Key that encrypts the ML storage volumes attached to the instances (`KmsKeyId` of the endpoint config). It does
   * not encrypt local NVMe instance storage (g4dn, g5, g6, g6e, p4d, p5, ...): the instance hardware encrypts
   * that, and a warning (`cdk-sagemaker-instance-pools:kmsKeyLocalStorage`) names the pools concerned.
   * The key policy must let the principal that deploys the stack use the key
   * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateEndpointConfig.html, `KmsKeyId`).
   * @default - AWS-managed encryption
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * Tags for the endpoint config and the endpoint (and an inference-component endpoint's components).
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
  /**
   * Publish enhanced metrics (`MetricsConfig.EnableEnhancedMetrics`): utilization and invocation metrics per
   * instance (`InstanceId` dimension), per inference-component container (`ContainerId`) and per GPU
   * (`AcceleratorId`), and the invocation metrics at `metricPublishFrequency` instead of every minute.
   *
   * Cost: one more CloudWatch series per instance, container and GPU. AWS states that of these metrics only the
   * utilization metrics generate CloudWatch charges
   * (https://aws.amazon.com/blogs/machine-learning/enhanced-metrics-for-amazon-sagemaker-ai-endpoints-deeper-visibility-for-better-performance);
   * reading any of them in dashboards, alarms or `GetMetricData` is billed as usual (https://aws.amazon.com/cloudwatch/pricing/).
   * Changing it replaces the endpoint config (the endpoint is updated in place).
   * @default - not set: SageMaker's default, off
   */
  readonly enhancedMetrics?: boolean;
  /**
   * Publish detailed observability (`MetricsConfig.EnableDetailedObservability`): OpenTelemetry metrics scraped
   * from the containers' Prometheus endpoints, per-GPU metrics, per-instance host metrics (CPU, memory, disk) and
   * the placement of inference-component copies, at `metricPublishFrequency`, queried with PromQL in CloudWatch
   * (the library's dashboards and alarms do not read them).
   *
   * Cost: metrics ingested into CloudWatch on top of the standard ones, billed under CloudWatch's pricing
   * (https://aws.amazon.com/cloudwatch/pricing/); the SageMaker documentation states no price of its own. SageMaker
   * turns it on by default for endpoint configs created since the feature exists (`EnableDetailedObservability`,
   * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_MetricsConfig.html): `false` publishes none of it.
   * @default - not set: SageMaker's default, on for new endpoint configs
   */
  readonly detailedObservability?: boolean;
  /**
   * How often SageMaker publishes the endpoint's utilization metrics, and with `enhancedMetrics` its invocation
   * metrics too (`MetricsConfig.MetricPublishFrequencyInSeconds`): 10, 30, 60, 120, 180, 240 or 300 seconds, known
   * at synth time. The library's dashboards, alarms and weighted scaling signals count samples at this rate.
   *
   * Cost: every 10 seconds is six times the datapoints of the default minute; AWS advises starting at 60 seconds
   * and using 10 seconds selectively, for CloudWatch costs (blog above). An alarm on a period under a minute is a
   * high-resolution alarm, billed higher (https://aws.amazon.com/cloudwatch/pricing/); the library's alarms keep
   * periods of a minute or more. Slower than a minute costs less, but the weighted scaling signal then sees idle
   * pools only once per interval (synthesis warns).
   *
   * Throws `OutOfRange` for any other value, or a token.
   * @default - not set: SageMaker publishes every 60 seconds
   */
  readonly metricPublishFrequency?: Duration;
}
