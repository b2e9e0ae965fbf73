import { Duration, IResource, Resource } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { described, InstancePoolsError } from '../core/errors';
import { InstancePool, RankedInstancePool } from './instance-pool';

/**
 * Any SageMaker endpoint whose production variant runs on a ranked list of instance pools: a single-model
 * endpoint (`ICapacityAwareEndpoint`) or an inference-component endpoint (`IInferenceComponentEndpoint`).
 */
export interface IInstancePoolEndpoint extends IResource {
  /** The endpoint name. @attribute */
  readonly endpointName: string;
  /** The endpoint ARN. @attribute */
  readonly endpointArn: string;
  /** The production variant that carries the pools. */
  readonly variantName: string;
  /** The validated pools, in priority order. */
  readonly pools: RankedInstancePool[];
  /**
   * How often SageMaker publishes the endpoint's utilization metrics (and, with `enhancedMetrics`, its invocation
   * metrics). Dashboards, alarms and weighted scaling signals count samples at this rate.
   * @default - every 60 seconds, SageMaker's default
   */
  readonly metricPublishFrequency?: Duration;
  /**
   * Whether the endpoint publishes enhanced metrics, which puts its invocation metrics on `metricPublishFrequency` too.
   * @default false
   */
  readonly enhancedMetrics?: boolean;
  /** Grants `grantee` permission to invoke the endpoint (real-time, streaming and asynchronous). */
  grantInvoke(grantee: iam.IGrantable): iam.Grant;
}

/** Grants shared by every endpoint with instance pools. */
export abstract class InstancePoolEndpointBase extends Resource implements IInstancePoolEndpoint {
  public abstract readonly endpointName: string;
  public abstract readonly endpointArn: string;
  public abstract readonly variantName: string;
  public abstract readonly pools: RankedInstancePool[];
  /**
   * How often SageMaker publishes the endpoint's metrics. Subclasses that know it override it.
   * @default - every 60 seconds, SageMaker's default
   */
  public readonly metricPublishFrequency?: Duration;
  /**
   * Whether the endpoint publishes enhanced metrics. Subclasses that know it override it.
   * @default false
   */
  public readonly enhancedMetrics?: boolean;

  public grantInvoke(grantee: iam.IGrantable): iam.Grant {
    if (typeof grantee?.grantPrincipal?.addToPrincipalPolicy !== 'function') {
      throw new InstancePoolsError('MissingRequiredProp', 'grantInvoke.grantee', 'required: a grantable (an IAM role, user or function)', grantee ?? described(String(grantee)));
    }
    return iam.Grant.addToPrincipal({
      grantee,
      actions: ['sagemaker:InvokeEndpoint', 'sagemaker:InvokeEndpointAsync', 'sagemaker:InvokeEndpointWithResponseStream'],
      resourceArns: [this.endpointArn],
    });
  }
}

/** Attributes of an endpoint with instance pools that exists outside this construct tree. */
export interface CapacityAwareEndpointAttributes {
  /** The endpoint name. */
  readonly endpointName: string;
  /** The pools of its variant, in priority order. */
  readonly pools: InstancePool[];
  /**
   * The variant that carries the pools.
   * @default 'AllTraffic'
   */
  readonly variantName?: string;
  /**
   * The endpoint's `MetricPublishFrequencyInSeconds` (10, 30, 60, 120, 180, 240 or 300 seconds), so that dashboards,
   * alarms and scaling signals count its samples right.
   * @default - every 60 seconds, SageMaker's default
   */
  readonly metricPublishFrequency?: Duration;
  /**
   * Whether the endpoint publishes enhanced metrics (then its invocation metrics follow `metricPublishFrequency`).
   * @default false
   */
  readonly enhancedMetrics?: boolean;
  /**
   * Whether the endpoint serves asynchronously (`AsyncInferenceConfig`), so that alarms, dashboards and autoscaling
   * read the metrics it publishes. Inference-component endpoints are real-time: `true` is rejected there.
   * @default false
   */
  readonly asyncInference?: boolean;
}
