import { IResource, Resource } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
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
  /** Grants `grantee` permission to invoke the endpoint (real-time, streaming and asynchronous). */
  grantInvoke(grantee: iam.IGrantable): iam.Grant;
}

/** Grants shared by every endpoint with instance pools. */
export abstract class InstancePoolEndpointBase extends Resource implements IInstancePoolEndpoint {
  public abstract readonly endpointName: string;
  public abstract readonly endpointArn: string;
  public abstract readonly variantName: string;
  public abstract readonly pools: RankedInstancePool[];

  public grantInvoke(grantee: iam.IGrantable): iam.Grant {
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
}
