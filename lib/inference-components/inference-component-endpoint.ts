import { ArnFormat, Duration, Stack, Tags, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CfnEndpoint, CfnEndpointConfig } from 'aws-cdk-lib/aws-sagemaker';
import { Construct } from 'constructs';
import { IInferenceComponentEndpoint, InferenceComponentEndpointBase } from './inference-component-endpoint-base';
import { CapacityAwareEndpointAttributes, RoutingStrategy } from '../endpoint/capacity-aware-endpoint';
import { InstancePool, RankedInstancePool } from '../instance-pool';
import { InstancePoolsError } from '../private/errors';
import { createExecutionRole } from '../private/execution-role';
import { rankPools } from '../private/fleet';
import { watchStackLimits } from '../private/stack-limits';
import { EndpointKind, renderedVariants, variantErrors } from '../private/rendered-variants';
import { checkDurationSeconds, checkInteger, checkMinMax, checkSageMakerName, checkWithinRange } from '../private/validation';

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
export interface InferenceComponentEndpointProps {
  /**
   * The ranked instance pools, preferred first (priority 1) and at most five. Pools carry no model here: each
   * inference component names its model per instance type (`InferenceComponentSpecification.perInstanceType`).
   */
  readonly pools: InstancePool[];
  /**
   * The execution role of the endpoint config (`ExecutionRoleArn`), which SageMaker assumes to run the
   * endpoint's inference components. Each model keeps its own role for its image and artifacts.
   * @default - a role that may write logs under `/aws/sagemaker/` and SageMaker metrics, nothing more
   */
  readonly role?: iam.IRole;
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
   * Let SageMaker add and remove instances as component copies come and go.
   * @default - the instance count stays at `initialInstanceCount`
   */
  readonly managedInstanceScaling?: ManagedInstanceScaling;
  /**
   * How requests are routed among instances.
   * @default RoutingStrategy.LEAST_OUTSTANDING_REQUESTS
   */
  readonly routingStrategy?: RoutingStrategy;
  /**
   * How long SageMaker tries to provision capacity across the pools before the operation fails
   * (`VariantInstanceProvisionTimeoutInSeconds`, 5 to 60 minutes).
   * @default - SageMaker's default
   */
  readonly provisioningTimeout?: Duration;
  /**
   * How long a container may take to pass its health check (1 to 60 minutes). Components can set their own.
   * @default - SageMaker's default
   */
  readonly containerStartupHealthCheckTimeout?: Duration;
  /**
   * Tags for the endpoint config, the endpoint and its components.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
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
    checkSageMakerName('endpointName', attrs.endpointName);
    rejectPoolModels(attrs.pools);
    class Imported extends InferenceComponentEndpointBase {
      public readonly endpointName = attrs.endpointName;
      public readonly variantName = attrs.variantName ?? 'AllTraffic';
      public readonly pools = rankPools(this, attrs.pools);
      public readonly endpointArn = Stack.of(this).formatArn({
        service: 'sagemaker', resource: 'endpoint', arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
        resourceName: Token.isUnresolved(attrs.endpointName) ? attrs.endpointName : attrs.endpointName.toLowerCase(),
      });
    }
    return new Imported(scope, id);
  }

  public readonly endpointName: string;
  public readonly endpointArn: string;
  public readonly variantName: string;
  public readonly pools: RankedInstancePool[];
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

  constructor(scope: Construct, id: string, props: InferenceComponentEndpointProps) {
    super(scope, id, { physicalName: props.endpointName });
    // Validate everything before any child exists.
    rejectPoolModels(props.pools);
    this.pools = rankPools(this, props.pools);
    this.variantName = props.variantName ?? 'AllTraffic';
    this.initialInstanceCount = props.initialInstanceCount ?? 1;
    this.managedInstanceScaling = props.managedInstanceScaling && {
      minInstanceCount: props.managedInstanceScaling.minInstanceCount ?? 1,
      maxInstanceCount: props.managedInstanceScaling.maxInstanceCount,
    };
    validateProps(props, this.variantName, this.initialInstanceCount, this.managedInstanceScaling);

    this.role = props.role ?? createExecutionRole(this, 'ExecutionRole', `Execution role of SageMaker endpoint ${this.node.path}`);
    const scaling = this.managedInstanceScaling;
    this.cfnEndpointConfig = new CfnEndpointConfig(this, 'EndpointConfig', {
      executionRoleArn: this.role.roleArn,
      productionVariants: [{
        variantName: this.variantName,
        initialInstanceCount: this.initialInstanceCount,
        instancePools: this.pools.map((pool) => ({ instanceType: pool.instanceType.name, priority: pool.priority })),
        routingConfig: { routingStrategy: props.routingStrategy ?? RoutingStrategy.LEAST_OUTSTANDING_REQUESTS },
        managedInstanceScaling: scaling && {
          status: 'ENABLED', minInstanceCount: scaling.minInstanceCount, maxInstanceCount: scaling.maxInstanceCount,
        },
        variantInstanceProvisionTimeoutInSeconds: props.provisioningTimeout?.toSeconds(),
        containerStartupHealthCheckTimeoutInSeconds: props.containerStartupHealthCheckTimeout?.toSeconds(),
      }],
    });
    // SageMaker checks the role when it creates the endpoint: its policies must exist first.
    this.cfnEndpointConfig.node.addDependency(this.role);

    this.cfnEndpoint = new CfnEndpoint(this, 'Resource', {
      endpointName: this.physicalName,
      endpointConfigName: this.cfnEndpointConfig.attrEndpointConfigName,
      // With managed instance scaling, SageMaker sets the instance count: a config change must keep it rather than
      // reset the fleet to initialInstanceCount (DOMAIN.md 2.4).
      retainAllVariantProperties: scaling ? true : undefined,
    });
    this.endpointName = this.getResourceNameAttribute(this.cfnEndpoint.attrEndpointName);
    this.endpointArn = this.cfnEndpoint.ref;
    for (const [key, value] of Object.entries(props.tags ?? {})) {
      Tags.of(this).add(key, value);
    }
    this.node.addValidation({ validate: () => variantErrors(renderedVariants(this.cfnEndpointConfig), EndpointKind.INFERENCE_COMPONENTS) });
    watchStackLimits(this);
  }
}

/** In IC mode the model is chosen per component and instance type, never per pool (DOMAIN.md 1.4). */
function rejectPoolModels(pools: InstancePool[]): void {
  pools.forEach((pool, i) => {
    if (pool.model) {
      throw new InstancePoolsError('ModelOnComponentPool', `pools[${i}].model`,
        'pools of an inference-component endpoint carry no model; give each component a model per instance type '
        + '(InferenceComponentSpecification.perInstanceType)', pool.model.node.path);
    }
  });
}

function validateProps(props: InferenceComponentEndpointProps, variantName: string, initial: number, scaling?: ManagedInstanceScaling): void {
  checkSageMakerName('endpointName', props.endpointName);
  checkSageMakerName('variantName', variantName);
  checkInteger('initialInstanceCount', initial, 1, Number.MAX_SAFE_INTEGER);
  // Ranges from the SageMaker API ProductionVariant and ProductionVariantManagedInstanceScaling shapes.
  checkDurationSeconds('provisioningTimeout', props.provisioningTimeout, 300, 3600);
  checkDurationSeconds('containerStartupHealthCheckTimeout', props.containerStartupHealthCheckTimeout, 60, 3600);
  if (scaling) {
    const min = scaling.minInstanceCount!;
    const max = scaling.maxInstanceCount;
    checkInteger('managedInstanceScaling.minInstanceCount', min, 0, Number.MAX_SAFE_INTEGER, 'InvalidCapacity');
    checkInteger('managedInstanceScaling.maxInstanceCount', max, 1, Number.MAX_SAFE_INTEGER, 'InvalidCapacity');
    checkMinMax('managedInstanceScaling.minInstanceCount', min, 'maxInstanceCount', max, 'InvalidCapacity');
    checkWithinRange('initialInstanceCount', initial, 'minInstanceCount', min, 'maxInstanceCount', max, 'InvalidCapacity');
  }
}
