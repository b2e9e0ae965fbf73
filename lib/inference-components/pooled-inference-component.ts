import { Annotations, CfnResource, Names, Tags } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { CfnInferenceComponent } from 'aws-cdk-lib/aws-sagemaker';
import { Construct } from 'constructs';
import { described, InstancePoolsError } from '../core/errors';
import { useRoleLogsBroadly } from '../core/execution-role';
import { INFERENCE_COMPONENT_NAME, registerPhysicalName } from '../core/physical-names';
import { checkConstruct, checkEnumLike, checkScopeAndId, requireObject } from '../core/required';
import { checkTags } from '../core/string-rules';
import { checkInteger, checkSageMakerName, MAX_API_INTEGER } from '../core/validation';
import { IModel } from '../model/model';
import { checkModelEnvironments } from '../model/model-check';
import { IInstancePoolEndpoint } from '../pools/instance-pool-endpoint';
import { ComponentDeployment } from './component-deployment';
import { warnCopiesBeyondFleet } from './copy-fit';
import { grantModelsToEndpointRole } from './endpoint-role-access';
import { InferenceComponentAutoScaling, CopyAutoScalingOptions } from './inference-component-auto-scaling';
import { InferenceComponentBase } from './inference-component-base';
import { InferenceComponentSpecification, InstanceTypePlacement } from './inference-component-specification';
import { InferenceComponentWidgetOptions, InferenceComponentWidgets } from './inference-component-widgets';

/** Options of an inference component, as taken by `endpoint.addInferenceComponent(id, options)`. */
export interface InferenceComponentOptions {
  /**
   * What the component runs on each of the endpoint's pool types:
   * `InferenceComponentSpecification.forAllInstanceTypes({...})` or `.perInstanceType([...])`.
   */
  readonly specification: InferenceComponentSpecification;
  /**
   * Copies of the model to run when the component is created (`RuntimeConfig.CopyCount`, a whole number, 0 or
   * more, within the API's 32-bit integer range). 0 is accepted but warned about: the component then answers no
   * request until its copy count is raised. To release every copy when idle, keep at least 1 here and call
   * `autoScale({ minCopyCount: 0 })`. More copies than the endpoint's `managedInstanceScaling.maxInstanceCount`
   * instances can hold (by the accelerators and memory a copy reserves) are warned about (`copiesExceedFleet`).
   * @default 1
   */
  readonly copyCount?: number;
  /**
   * A fixed name (at most 63 characters), used to invoke the component. Changing it replaces the component.
   * @default - a name derived from the construct path, unique per stack
   */
  readonly inferenceComponentName?: string;
  /**
   * Tags for the component.
   * @default - no tags (besides those of its scope)
   */
  readonly tags?: { [key: string]: string };
  /**
   * How a change of the component's specification rolls out: `ComponentDeployment.rolling({...})`, in batches of
   * copies, rolled back on the given alarms (`DeploymentConfig`).
   * @default - SageMaker's default update of the component
   */
  readonly deployment?: ComponentDeployment;
}

/**
 * An endpoint with instance pools that hosts inference components: its variant carries pools but no model,
 * and each component says what it runs on each pool type.
 */
export interface IInferenceComponentEndpoint extends IInstancePoolEndpoint {
  /** Adds an inference component to the endpoint's variant (construct `id` under the endpoint). */
  addInferenceComponent(id: string, options: InferenceComponentOptions): PooledInferenceComponent;
}

/** Properties of a `PooledInferenceComponent`. */
export interface PooledInferenceComponentProps extends InferenceComponentOptions {
  /** The endpoint that hosts the component. */
  readonly endpoint: IInferenceComponentEndpoint;
}

/**
 * A SageMaker AI inference component (`AWS::SageMaker::InferenceComponent`) on an endpoint with instance pools,
 * with one specification for every pool type or one per type. Every model it names and its endpoint exist
 * before it. The resource is the construct `Resource` (a public contract).
 */
export class PooledInferenceComponent extends InferenceComponentBase {
  public readonly inferenceComponentName: string;
  public readonly inferenceComponentArn: string;
  public readonly endpoint: IInferenceComponentEndpoint;
  public readonly placements: InstanceTypePlacement[];
  /** Every distinct model the component runs. */
  public readonly models: IModel[];
  /** Copies run when the component is created. */
  public readonly copyCount: number;
  /** The underlying `AWS::SageMaker::InferenceComponent`. */
  public readonly cfnInferenceComponent: CfnInferenceComponent;
  private _autoScaling?: InferenceComponentAutoScaling;

  /**
   * @throws `[MissingRequiredProp]` without `endpoint` or `specification`; `[InvalidEnumValue]` for a
   * specification not made by `InferenceComponentSpecification` or a deployment not made by `ComponentDeployment`; `[InvalidName]`, `[InvalidCapacity]`,
   * `[InvalidTag]` for the other props; the specification's errors; `[CrossEnvironmentModel]` for a model in another
   * account or region; at synth time `[DuplicatePhysicalName]`
   */
  constructor(scope: Construct, id: string, props: PooledInferenceComponentProps) {
    super(scope, checkScopeAndId(scope, id));
    // Validate everything before any child exists.
    props = requireObject('props', props);
    checkConstruct('endpoint', props.endpoint, 'an inference-component endpoint');
    checkEnumLike('specification', props.specification, ['bind'], 'InferenceComponentSpecification.forAllInstanceTypes() or .perInstanceType()');
    checkSageMakerName('inferenceComponentName', props.inferenceComponentName);
    this.copyCount = props.copyCount ?? 1;
    checkInteger('copyCount', this.copyCount, 0, MAX_API_INTEGER, 'InvalidCapacity');
    checkTags('tags', props.tags);
    checkEnumLike('deployment', props.deployment, ['_render'], 'ComponentDeployment.rolling()', true);
    if (this.copyCount === 0) {
      // The API takes 0 (`InferenceComponentRuntimeConfig.CopyCount`, "Minimum value of 0",
      // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_InferenceComponentRuntimeConfig.html; CloudFormation
      // `CopyCount` "Minimum: 0"), so it is no error. The documented path to zero copies is autoscaling with a minimum
      // of 0 (https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-auto-scaling-zero-instances.html).
      Annotations.of(this).addWarningV2('cdk-sagemaker-instance-pools:zeroCopyCount',
        'copyCount: 0 creates the component without a copy, so it answers no request until its copy count is raised. '
        + 'To release every copy when idle, start with copyCount of at least 1 and call autoScale({ minCopyCount: 0 }): '
        + 'autoscaling scales in to zero and brings the first copy back when requests arrive.');
    }
    const config = props.specification.bind(props.endpoint, this);
    this.endpoint = props.endpoint;
    this.placements = config.placements;
    warnCopiesBeyondFleet(this, 'copyCount', this.copyCount, this.endpoint, this.placements);
    this.models = [...new Set(config.placements.map((p) => p.model))];
    checkModelEnvironments('placements.model', this.models, this);
    // SageMaker documents neither the log group of an inference component nor the role that writes it: the
    // models' roles keep their logs under /aws/sagemaker/ even if an endpoint of the library serves them too.
    this.models.forEach((model) => useRoleLogsBroadly(model.role));
    grantModelsToEndpointRole(this, props.endpoint, this.models);

    // Application Auto Scaling and CloudWatch address the component by name, and SageMaker lower-cases the
    // name in the ARN: the name is always set (never generated by CloudFormation) so both stay exact.
    this.inferenceComponentName = props.inferenceComponentName ?? Names.uniqueResourceName(this, { maxLength: 63, separator: '-' });
    this.cfnInferenceComponent = new CfnInferenceComponent(this, 'Resource', {
      inferenceComponentName: this.inferenceComponentName,
      endpointName: props.endpoint.endpointName,
      variantName: props.endpoint.variantName,
      specification: config.specification,
      specifications: config.specifications,
      runtimeConfig: { copyCount: this.copyCount },
      deploymentConfig: props.deployment?._render(),
    });
    this.inferenceComponentArn = this.cfnInferenceComponent.attrInferenceComponentArn;
    registerPhysicalName(this, INFERENCE_COMPONENT_NAME, this.cfnInferenceComponent, 'InferenceComponentName');
    // Models named by a fixed name and endpoints with a fixed name are not referenced through GetAtt.
    this.models.forEach((model) => this.cfnInferenceComponent.node.addDependency(model));
    const endpointResource = props.endpoint.node.defaultChild;
    if (endpointResource instanceof CfnResource) this.cfnInferenceComponent.node.addDependency(endpointResource);
    for (const [key, value] of Object.entries(props.tags ?? {})) {
      Tags.of(this).add(key, value);
    }
  }

  /** The autoscaling attached by `autoScale()`, if any. */
  public get autoScaling(): InferenceComponentAutoScaling | undefined {
    return this._autoScaling;
  }

  /**
   * Scales the copy count with a target-tracking policy, by default on the weighted utilization of the copies
   * per instance type (construct ID `AutoScaling`). A later deploy that changes `copyCount` sets the live copy
   * count back to it; leave `copyCount` alone once autoscaling runs.
   */
  public autoScale(options: CopyAutoScalingOptions): InferenceComponentAutoScaling {
    if (this._autoScaling) {
      throw new InstancePoolsError('AutoScalingExists', 'autoScale', 'a component has one scalable target; autoScale() was already called', described(this.node.path));
    }
    this._autoScaling = new InferenceComponentAutoScaling(this, 'AutoScaling', { ...options, component: this, copyCount: this.copyCount });
    // Registering a target for a component that does not exist yet fails (awslabs/generative-ai-cdk-constructs#432).
    this._autoScaling.scalableTarget.node.addDependency(this.cfnInferenceComponent);
    return this._autoScaling;
  }

  /** Dashboard rows of this component, one per instance type (see `InferenceComponentWidgets`). */
  public widgets(options: InferenceComponentWidgetOptions = {}): cloudwatch.IWidget[] {
    return new InferenceComponentWidgets(this, options).widgets();
  }
}
