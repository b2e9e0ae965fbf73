import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CfnEndpoint, CfnEndpointConfig } from 'aws-cdk-lib/aws-sagemaker';
import { Construct } from 'constructs';
import { described, InstancePoolsError } from '../core/errors';
import { createExecutionRole } from '../core/execution-role';
import { ENDPOINT_CONFIG_NAME, ENDPOINT_NAME, registerPhysicalName } from '../core/physical-names';
import { checkConstruct, checkScopeAndId, requireArray, requireNumber, requireObject } from '../core/required';
import { watchStackLimits } from '../core/stack-limits';
import { checkCapacityRange } from '../core/validation';
import { InstancePool, RankedInstancePool } from '../pools/instance-pool';
import { checkEndpointAttributes } from '../pools/endpoint-attributes';
import { CapacityAwareEndpointAttributes } from '../pools/instance-pool-endpoint';
import { PoolEndpointOptions } from '../pools/pool-endpoint-options';
import { renderMetricsConfig } from '../pools/metric-publishing';
import { applyTags, endpointArnForName, poolVariant, validatePoolEndpointOptions, warnOnKeyWithLocalStorage } from '../pools/pool-variant';
import { rankPools } from '../pools/rank-pools';
import { EndpointKind, renderedVariants, variantErrors } from '../pools/rendered-variants';
import { InferenceComponentEndpointBase } from './inference-component-endpoint-base';
import { IInferenceComponentEndpoint } from './pooled-inference-component';

/**
 * Managed instance scaling: SageMaker adds instances (from the pools, in priority order) when component copies
 * need room, and removes instances that host no copies.
 */
export interface ManagedInstanceScaling {
  /**
   * The fewest instances (`MinInstanceCount`); 0 lets an endpoint without copies release every instance.
   * @default 1
   */
  readonly minInstanceCount?: number;
  /** The most instances across all pools (`MaxInstanceCount`, at least 1). */
  readonly maxInstanceCount: number;
}

/** Properties of an `InferenceComponentEndpoint`. */
export interface InferenceComponentEndpointProps extends PoolEndpointOptions {
  /**
   * The ranked instance pools, preferred first (priority 1) and at most five. Pools carry no model here: each
   * inference component names its model per instance type (`InferenceComponentSpecification.perInstanceType`).
   */
  readonly pools: InstancePool[];
  /**
   * The execution role of the endpoint config (`ExecutionRoleArn`), which SageMaker assumes to run the
   * endpoint's inference components. Each model keeps its own role for its image and artifacts; since SageMaker
   * does not document which of the two roles fetches a component's image and artifacts, each component also grants
   * this role exactly the image pull and artifact read of its models, and warns
   * (`cdk-sagemaker-instance-pools:endpointRoleModelAccess`).
   * @default - a role that may write logs and publish metrics under `/aws/sagemaker/`, plus the image pull and
   * artifact read of the components' models
   */
  readonly role?: iam.IRole;
  /**
   * Let SageMaker add and remove instances as component copies come and go.
   * @default - the instance count stays at `initialInstanceCount`
   */
  readonly managedInstanceScaling?: ManagedInstanceScaling;
}

/**
 * A SageMaker AI real-time endpoint for inference components whose production variant runs on a ranked list
 * of instance types (instance pools). The endpoint config has an execution role and pools but no model; add
 * components with `addInferenceComponent(...)`.
 *
 * Construct IDs are a public contract: the endpoint config is `EndpointConfig`, the endpoint `Resource` and a
 * created role `ExecutionRole`.
 */
export class InferenceComponentEndpoint extends InferenceComponentEndpointBase {
  /** An inference-component endpoint deployed elsewhere (e.g. another stack), to add components to it. */
  public static fromEndpointAttributes(scope: Construct, id: string, attrs: CapacityAwareEndpointAttributes): IInferenceComponentEndpoint {
    attrs = checkEndpointAttributes(scope, id, attrs);
    requireArray('pools', attrs.pools, 'instance pools ({ instanceType: InstanceType.of(...) })');
    rejectPoolModels(attrs.pools);
    if (attrs.asyncInference === true) {
      throw new InstancePoolsError('ConflictingOptions', 'asyncInference', 'inference-component endpoints serve in real time; leave asyncInference unset', true);
    }
    class Imported extends InferenceComponentEndpointBase {
      public readonly endpointName = attrs.endpointName;
      public readonly variantName = attrs.variantName ?? 'AllTraffic';
      public readonly metricPublishFrequency = attrs.metricPublishFrequency;
      public readonly enhancedMetrics = attrs.enhancedMetrics;
      public readonly pools = rankPools(this, attrs.pools);
      public readonly endpointArn = endpointArnForName(this, attrs.endpointName);
    }
    return new Imported(scope, id);
  }

  public readonly endpointName: string;
  public readonly endpointArn: string;
  public readonly variantName: string;
  public readonly pools: RankedInstancePool[];
  /** How often SageMaker publishes the endpoint's metrics, if set (`metricPublishFrequency`). */
  public readonly metricPublishFrequency?: Duration;
  /** Whether the endpoint publishes enhanced metrics, if set. */
  public readonly enhancedMetrics?: boolean;
  /** The execution role of the endpoint config. */
  public readonly role: iam.IRole;
  /** Instances launched when the endpoint is created. */
  public readonly initialInstanceCount: number;
  /** The managed instance scaling, with its defaults applied, if enabled. */
  public readonly managedInstanceScaling?: ManagedInstanceScaling;
  /** The underlying `AWS::SageMaker::EndpointConfig`. */
  public readonly cfnEndpointConfig: CfnEndpointConfig;
  /** The underlying `AWS::SageMaker::Endpoint`. */
  public readonly cfnEndpoint: CfnEndpoint;

  /**
   * @throws `[MissingRequiredProp]` without `pools` (or `managedInstanceScaling.maxInstanceCount`); the pool errors
   * of `CapacityAwareEndpoint`; `[ModelOnComponentPool]` for a pool with a model; `[InvalidCapacity]` for managed
   * instance scaling outside the API's range; at synth time `[DuplicatePhysicalName]` and the escape-hatch checks
   */
  constructor(scope: Construct, id: string, props: InferenceComponentEndpointProps) {
    super(scope, checkScopeAndId(scope, id), { physicalName: requireObject('props', props).endpointName ?? undefined });
    // Validate everything before any child exists.
    requireArray('pools', props.pools, 'instance pools ({ instanceType: InstanceType.of(...) })');
    rejectPoolModels(props.pools);
    checkConstruct('role', props.role, 'an IAM role (iam.IRole)', true);
    if (props.managedInstanceScaling !== undefined && props.managedInstanceScaling !== null) {
      requireObject('managedInstanceScaling', props.managedInstanceScaling);
      requireNumber('managedInstanceScaling.maxInstanceCount', props.managedInstanceScaling.maxInstanceCount, 'the most instances across all pools', 'InvalidCapacity');
    }
    this.pools = rankPools(this, props.pools);
    this.variantName = props.variantName ?? 'AllTraffic';
    this.initialInstanceCount = props.initialInstanceCount ?? 1;
    this.managedInstanceScaling = props.managedInstanceScaling && {
      minInstanceCount: props.managedInstanceScaling.minInstanceCount ?? 1,
      maxInstanceCount: props.managedInstanceScaling.maxInstanceCount,
    };
    validateProps(props, this.variantName, this.initialInstanceCount, this.managedInstanceScaling);
    this.metricPublishFrequency = props.metricPublishFrequency;
    this.enhancedMetrics = props.enhancedMetrics;
    warnOnKeyWithLocalStorage(this, props, this.pools);

    this.role = props.role ?? createExecutionRole(this, 'ExecutionRole', `Execution role of SageMaker endpoint ${this.node.path}`);
    const scaling = this.managedInstanceScaling;
    this.cfnEndpointConfig = new CfnEndpointConfig(this, 'EndpointConfig', {
      executionRoleArn: this.role.roleArn,
      metricsConfig: renderMetricsConfig(props),
      kmsKeyId: props.encryptionKey?.keyArn,
      productionVariants: [{
        ...poolVariant(props, this.variantName, this.initialInstanceCount, this.pools),
        managedInstanceScaling: scaling && {
          status: 'ENABLED', minInstanceCount: scaling.minInstanceCount, maxInstanceCount: scaling.maxInstanceCount,
        },
      }],
    });
    // SageMaker checks the role when it creates the endpoint: its policies must exist first.
    this.cfnEndpointConfig.node.addDependency(this.role);

    this.cfnEndpoint = new CfnEndpoint(this, 'Resource', {
      endpointName: this.physicalName,
      endpointConfigName: this.cfnEndpointConfig.attrEndpointConfigName,
      // With managed instance scaling, SageMaker sets the instance count: a config change must keep it rather than
      // reset the fleet to initialInstanceCount (`RetainAllVariantProperties`,
      // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UpdateEndpoint.html, aws/aws-cdk#23151).
      retainAllVariantProperties: scaling ? true : undefined,
    });
    this.endpointName = this.getResourceNameAttribute(this.cfnEndpoint.attrEndpointName);
    this.endpointArn = this.cfnEndpoint.ref;
    applyTags(this, props.tags);
    registerPhysicalName(this, ENDPOINT_NAME, this.cfnEndpoint, 'EndpointName');
    registerPhysicalName(this, ENDPOINT_CONFIG_NAME, this.cfnEndpointConfig, 'EndpointConfigName');
    this.node.addValidation({ validate: () => variantErrors(renderedVariants(this.cfnEndpointConfig), EndpointKind.INFERENCE_COMPONENTS) });
    watchStackLimits(this);
  }
}

/** In IC mode the model is chosen per component and instance type, never per pool:
 * per-instance-type `Specifications` replace `ModelNameOverride` there (https://docs.aws.amazon.com/sagemaker/latest/dg/realtime-endpoints-heterogeneous.html). */
function rejectPoolModels(pools: InstancePool[]): void {
  pools.forEach((pool, i) => {
    if (pool?.model) {
      throw new InstancePoolsError('ModelOnComponentPool', `pools[${i}].model`,
        'pools of an inference-component endpoint carry no model; give each component a model per instance type '
        + '(InferenceComponentSpecification.perInstanceType)', described(pool.model.node?.path ?? 'a model'));
    }
  });
}

function validateProps(props: InferenceComponentEndpointProps, variantName: string, initial: number, scaling?: ManagedInstanceScaling): void {
  validatePoolEndpointOptions(props, variantName, initial);
  // Ranges from the SageMaker API ProductionVariantManagedInstanceScaling shape.
  if (scaling) {
    const min = scaling.minInstanceCount!;
    const max = scaling.maxInstanceCount;
    checkCapacityRange({
      minProp: 'managedInstanceScaling.minInstanceCount', minLabel: 'minInstanceCount', min, minFloor: 0,
      maxProp: 'managedInstanceScaling.maxInstanceCount', maxLabel: 'maxInstanceCount', max,
      valueProp: 'initialInstanceCount', value: initial,
    });
  }
}
