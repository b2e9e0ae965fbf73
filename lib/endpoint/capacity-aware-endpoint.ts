import { Duration } from 'aws-cdk-lib';
import { CfnEndpoint, CfnEndpointConfig } from 'aws-cdk-lib/aws-sagemaker';
import { Construct } from 'constructs';
import { described, InstancePoolsError } from '../core/errors';
import { ENDPOINT_CONFIG_NAME, ENDPOINT_NAME, registerPhysicalName } from '../core/physical-names';
import { checkScopeAndId, requireObject, requireValue } from '../core/required';
import { watchStackLimits } from '../core/stack-limits';
import { DeploymentStrategy } from '../deployment/deployment-strategy';
import { EndpointRollbackAlarms, rollbackAlarms } from '../deployment/guarded-deployment';
import { IModel } from '../model/model';
import { checkModelEnvironments } from '../model/model-check';
import { PoolAlarmsOptions } from '../monitoring/pool-alarm-options';
import { PoolAlarms } from '../monitoring/pool-alarms';
import { PoolDashboard, PoolDashboardOptions } from '../monitoring/pool-dashboard';
import { CapacityAwareEndpointBase, ICapacityAwareEndpoint } from '../pools/capacity-aware-endpoint-base';
import { RankedInstancePool } from '../pools/instance-pool';
import { CapacityAwareEndpointAttributes } from '../pools/instance-pool-endpoint';
import { renderMetricsConfig } from '../pools/metric-publishing';
import { applyTags, warnOnKeyWithLocalStorage } from '../pools/pool-variant';
import { rankPools } from '../pools/rank-pools';
import { AutoScalingOptions, EndpointAutoScaling } from '../scaling/endpoint-auto-scaling';
import { bindAsyncInference } from './async-inference-config';
import { CapacityAwareEndpointProps } from './capacity-aware-endpoint-props';
import { bindDataCapture } from './data-capture-config';
import { checkDeploymentExclusions } from './deployment-exclusions';
import { validateEndpointProps } from './endpoint-props-validation';
import { modelRoles } from './endpoint-roles';
import { ICapacityAwareVariant } from './capacity-aware-variant';
import { EndpointVariant } from './endpoint-variant';
import { ExistingEndpoint } from './existing-endpoint';
import { importEndpoint } from './imported-endpoint';
import { editedNameErrors, renderedConfigErrors } from './rendered-config-checks';
import { createVariantDashboard } from './variant-dashboard';
import { takenLogicalIdErrors, takeOverEndpoint, takeOverScalableTarget, validateExistingEndpoint, warnUntakenScalableTarget } from './existing-endpoint-takeover';
import { furtherVariantSpecs, primarySpec, renderVariant, validateVariantSet, VariantSpec, variantModel } from './variant-specs';

/**
 * A SageMaker AI real-time or asynchronous endpoint whose production variant runs on a ranked list of instance
 * types (instance pools) with capacity-aware fallback.
 *
 * Construct IDs are a public contract: the endpoint config is `EndpointConfig` and the endpoint `Resource`.
 * A change of pools or models replaces the endpoint config only and updates the endpoint in place.
 */
export class CapacityAwareEndpoint extends CapacityAwareEndpointBase implements ICapacityAwareVariant {
  /**
   * An endpoint deployed elsewhere, for metrics, dashboards and grants.
   * @throws `[MissingRequiredProp]` without `endpointName` or `pools`; the pool errors of the constructor
   */
  public static fromEndpointAttributes(scope: Construct, id: string, attrs: CapacityAwareEndpointAttributes): ICapacityAwareEndpoint {
    return importEndpoint(scope, id, attrs);
  }

  public readonly endpointName: string;
  public readonly endpointArn: string;
  public readonly variantName: string;
  public readonly pools: RankedInstancePool[];
  /** How often SageMaker publishes the endpoint's metrics, if set (`metricPublishFrequency`). */
  public readonly metricPublishFrequency?: Duration;
  /** Whether the endpoint publishes enhanced metrics, if set. */
  public readonly enhancedMetrics?: boolean;
  /** The variant's model. */
  public readonly model: IModel;
  /** Every distinct model the endpoint serves: the variants' and the pools' own. */
  public readonly models: IModel[];
  /** The endpoint's own variant is a production variant. */
  public readonly shadow = false;
  /** The names of every variant: the endpoint's own, the further production variants, then the shadow variant. */
  public readonly variantNames: string[];
  /** The underlying `AWS::SageMaker::EndpointConfig`. */
  public readonly cfnEndpointConfig: CfnEndpointConfig;
  /** The underlying `AWS::SageMaker::Endpoint`. */
  public readonly cfnEndpoint: CfnEndpoint;
  /** Instances launched when the endpoint is created. */
  public readonly initialInstanceCount: number;
  /** Whether the endpoint serves asynchronously. */
  public readonly asyncInference: boolean;
  /** How updates roll out, if set. */
  public readonly deployment?: DeploymentStrategy;
  private _autoScaling?: EndpointAutoScaling;
  private _alarms?: PoolAlarms;
  private readonly fixedName?: string;
  private readonly existing?: ExistingEndpoint;
  private readonly further: EndpointVariant[] = [];
  /** Whether any pool runs scarce hardware: GPUs, AWS accelerators, or a type the library does not know. */
  private readonly scarceCapacity: boolean;

  /**
   * @throws `[MissingRequiredProp]` without `pools` (or with an empty entry), or any other required prop of a struct;
   * `[MissingModel]` without a model; `[CrossEnvironmentModel]` for a model in another account or region; `[PoolCount]`, `[InvalidInstanceType]`, `[DuplicateInstanceType]`,
   * `[InvalidMaxConcurrency]` for the pools of every variant; `[InvalidName]`, `[OutOfRange]`, `[InvalidEnumValue]`,
   * `[InvalidTag]`, `[TokenUnit]`, `[InvalidAsyncConfig]`, `[InvalidS3Location]`, `[InvalidDataCapture]`,
   * `[InvalidCapacityReservation]`, `[ReservationWithFallbackPools]`, `[MultipleCapacityReservations]`, `[VolumeSizeWithLocalStorage]`, `[InvalidLogicalId]`, `[ExistingEndpointMismatch]`
   * for the other props; `[VariantCount]`, `[DuplicateVariantName]`, `[InvalidVariantWeight]`, `[ShadowVariantCount]`
   * for the variants; `[DeploymentOnInf1]` for a deployment next to an Inf1 pool; at synth time `[DuplicatePhysicalName]`, `[InvalidLogicalId]` and the escape-hatch checks
   * (`[EndpointNameEdited]` for an `endpointName` edited on the L1)
   */
  constructor(scope: Construct, id: string, props: CapacityAwareEndpointProps) {
    super(scope, checkScopeAndId(scope, id), { physicalName: requireObject('props', props).endpointName ?? undefined });
    // A jsii caller's None arrives as null: no name, as when unset.
    if (props.endpointName === null) props = { ...props, endpointName: undefined };
    // Validate everything before any child exists.
    this.pools = rankPools(this, props.pools);
    const model = variantModel('', props.model, this.pools);
    this.model = model;
    this.variantName = props.variantName ?? 'AllTraffic';
    this.initialInstanceCount = props.initialInstanceCount ?? 1;
    this.asyncInference = props.asyncInference !== undefined && props.asyncInference !== null;
    validateEndpointProps(props, this.variantName);
    if (props.existingEndpoint !== undefined && props.existingEndpoint !== null) validateExistingEndpoint(props.existingEndpoint, props.endpointName, this.variantName);
    this.existing = props.existingEndpoint;
    const primary = primarySpec(this, '', this.variantName, this.pools, model, this.initialInstanceCount, props);
    const production = [primary, ...furtherVariantSpecs(this, 'variants', props.variants, false)];
    const shadows = furtherVariantSpecs(this, 'shadowVariants', props.shadowVariants, true);
    validateVariantSet(this, production, shadows);
    checkDeploymentExclusions(this, props.deployment, [...production, ...shadows]);
    const specs = [...production, ...shadows];
    this.variantNames = specs.map((spec) => spec.variantName);
    specs.forEach((spec) => warnOnKeyWithLocalStorage(this, props, spec.pools, `${spec.propPrefix}pools`));

    this.metricPublishFrequency = props.metricPublishFrequency;
    this.enhancedMetrics = props.enhancedMetrics;

    this.models = [...new Set(specs.flatMap((spec) => [spec.model, ...spec.pools.map((p) => p.model ?? spec.model)]))];
    checkModelEnvironments('model', this.models, this);
    const roles = modelRoles(this, props, this.models);

    this.cfnEndpointConfig = new CfnEndpointConfig(this, 'EndpointConfig', {
      kmsKeyId: props.encryptionKey?.keyArn,
      metricsConfig: renderMetricsConfig(props),
      asyncInferenceConfig: props.asyncInference ? bindAsyncInference(props.asyncInference, roles) : undefined,
      dataCaptureConfig: props.dataCapture ? bindDataCapture(props.dataCapture, roles) : undefined,
      productionVariants: production.map((spec) => renderVariant(this, spec)),
      shadowProductionVariants: shadows.length > 0 ? shadows.map((spec) => renderVariant(this, spec)) : undefined,
    });

    this.fixedName = props.endpointName;
    this.deployment = props.deployment;
    this.scarceCapacity = this.pools.some((pool) => onScarceHardware(pool));
    this.cfnEndpoint = new CfnEndpoint(this, 'Resource', {
      endpointName: this.physicalName,
      endpointConfigName: this.cfnEndpointConfig.attrEndpointConfigName,
      deploymentConfig: this.deployment?._render(rollbackAlarms(this.deployment, undefined), this.scarceCapacity),
    });
    if (this.existing) takeOverEndpoint(this.cfnEndpoint, this.existing);
    // Permissions granted above (async output, topics, keys) must be in place before the endpoint starts.
    roles.forEach((role) => this.cfnEndpoint.node.addDependency(role));

    this.endpointName = this.getResourceNameAttribute(this.cfnEndpoint.attrEndpointName);
    this.endpointArn = this.cfnEndpoint.ref;
    this.createVariants(specs.slice(1));
    applyTags(this, props.tags);
    registerPhysicalName(this, ENDPOINT_NAME, this.cfnEndpoint, 'EndpointName');
    registerPhysicalName(this, ENDPOINT_CONFIG_NAME, this.cfnEndpointConfig, 'EndpointConfigName');
    this.node.addValidation({ validate: () => this.validateRenderedConfig() });
    if (this.existing) {
      const existing = this.existing;
      this.node.addValidation({ validate: () => {
        warnUntakenScalableTarget(this, existing, this._autoScaling !== undefined);
        return takenLogicalIdErrors([this.cfnEndpoint, ...(this._autoScaling ? [this._autoScaling.scalableTarget] : [])], existing);
      } });
    }
    watchStackLimits(this);
  }

  /** The autoscaling attached by `autoScale()`, if any. */
  public get autoScaling(): EndpointAutoScaling | undefined {
    return this._autoScaling;
  }

  /**
   * Scales the variant's instance count with a target-tracking policy, by default on the weighted utilization
   * of the pools (construct ID `AutoScaling`). The endpoint then keeps its live instance count on updates
   * (`RetainAllVariantProperties`), so a deploy never resets the fleet to `initialInstanceCount`.
   */
  public autoScale(options: AutoScalingOptions): EndpointAutoScaling {
    if (this._autoScaling) {
      throw new InstancePoolsError('AutoScalingExists', 'autoScale', 'a variant has one scalable target; autoScale() was already called', described(this.node.path));
    }
    this._autoScaling = new EndpointAutoScaling(this, 'AutoScaling', {
      ...options,
      endpoint: this,
      initialInstanceCount: this.initialInstanceCount,
      asyncInference: this.asyncInference,
    });
    // Registering a target for an endpoint that does not exist yet fails (awslabs/generative-ai-cdk-constructs#432).
    this._autoScaling.scalableTarget.node.addDependency(this.cfnEndpoint);
    if (this.existing) takeOverScalableTarget(this._autoScaling.scalableTarget, this.existing);
    this.retainInstanceCounts();
    return this._autoScaling;
  }

  /** The per-instance-type alarms created by `addAlarms()`, if any. */
  public get alarms(): PoolAlarms | undefined {
    return this._alarms;
  }

  /**
   * Creates the per-instance-type alarms and the "running on fallback hardware" alarm (construct ID `Alarms`).
   * With a `deployment`, the latency and 5XX alarms also roll deployments back.
   */
  public addAlarms(options: PoolAlarmsOptions = {}): PoolAlarms {
    if (this._alarms) {
      throw new InstancePoolsError('AlarmsExist', 'addAlarms', 'alarm names are unique per endpoint; addAlarms() was already called', described(this.node.path));
    }
    this._alarms = new PoolAlarms(this, 'Alarms', { ...requireObject('addAlarms options', options, true), endpoint: this });
    this.renderDeployment();
    return this._alarms;
  }

  /**
   * A variant of the endpoint by name: the endpoint itself for its own variant, else the further production or
   * shadow variant (construct `Variants/NAME`), with its own metrics, `autoScale()`, `addAlarms()` and
   * `addDashboard()`. Throws `MissingRequiredProp` without a name and `UnknownVariant` for any other name.
   */
  public variant(variantName: string): ICapacityAwareVariant {
    requireValue('variantName', variantName, `the name of one of this endpoint's variants (${this.variantNames.join(', ')})`);
    if (variantName === this.variantName) return this;
    const found = this.further.find((v) => v.variantName === variantName);
    if (!found) {
      throw new InstancePoolsError('UnknownVariant', 'variantName', `one of this endpoint's variants (${this.variantNames.join(', ')})`, variantName);
    }
    return found;
  }

  /**
   * Creates a per-instance-type dashboard (construct ID `id`). By default it shows the alarms of an earlier
   * `addAlarms()` and the signal of an earlier `autoScale()` against its target.
   */
  public addDashboard(id: string, options: PoolDashboardOptions = {}): PoolDashboard {
    return createVariantDashboard(this, id, options, this._alarms, this._autoScaling);
  }

  /** The plain name when one is given, so that the endpoint's own alarms can guard its deployments. */
  protected get metricEndpointName(): string {
    return this.fixedName ?? this.endpointName;
  }

  /** The further and shadow variants, each a construct under `Variants` whose ID is its name (never its position). */
  private createVariants(specs: VariantSpec[]): void {
    if (specs.length === 0) return;
    const scope = new Construct(this, 'Variants');
    const host = {
      endpointName: this.endpointName, endpointArn: this.endpointArn, cfnEndpoint: this.cfnEndpoint,
      asyncInference: this.asyncInference, metricPublishFrequency: this.metricPublishFrequency, enhancedMetrics: this.enhancedMetrics,
      metricEndpointNameForVariants: this.metricEndpointName,
      variantChanged: () => { this.retainInstanceCounts(); this.renderDeployment(); },
    };
    for (const spec of specs) {
      this.further.push(new EndpointVariant(scope, spec, host));
    }
  }

  /**
   * Once any variant autoscales, updates keep the live instance counts (`RetainAllVariantProperties`), so a deploy
   * never resets a fleet to `initialInstanceCount`. With several variants the weights stay those of the endpoint
   * config (`ExcludeRetainedVariantProperties: DesiredWeight`): an A/B split changed in code must take effect
   * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UpdateEndpoint.html).
   */
  private retainInstanceCounts(): void {
    if (!this._autoScaling && !this.further.some((v) => v.autoScaling)) return;
    this.cfnEndpoint.retainAllVariantProperties = true;
    if (this.further.length > 0) this.cfnEndpoint.excludeRetainedVariantProperties = [{ variantPropertyType: 'DesiredWeight' }];
  }

  /** Every variant's own latency and 5XX alarms, for the deployment's rollback. */
  private ownAlarms(): EndpointRollbackAlarms | undefined {
    const all = [this._alarms, ...this.further.map((v) => v.alarms)].filter((a): a is PoolAlarms => a !== undefined);
    if (all.length === 0) return undefined;
    return { latencyAlarms: all.flatMap((a) => a.latencyAlarms), errorRateAlarms: all.flatMap((a) => a.errorRateAlarms) };
  }

  private renderDeployment(): void {
    if (this.deployment) this.cfnEndpoint.deploymentConfig = this.deployment._render(rollbackAlarms(this.deployment, this.ownAlarms()), this.scarceCapacity);
  }

  /** Guards escape-hatch edits of the L1 config and of the endpoint's name (see `renderedConfigErrors`, `editedNameErrors`). */
  private validateRenderedConfig(): string[] {
    const maxInstances = this._autoScaling ? this._autoScaling.maxCapacity : undefined;
    return [...editedNameErrors(this.cfnEndpoint, this.fixedName), ...renderedConfigErrors(this, this.cfnEndpointConfig, {
      deployment: this.deployment, ownAlarms: this.ownAlarms(), fixedName: this.fixedName !== undefined, maxInstances,
      perInstanceTypeScaling: this._autoScaling?._perInstanceType === true, variantName: this.variantName,
    })];
  }
}

/**
 * GPU and AWS-accelerator capacity is the scarce kind that instance pools exist for; a type the library does not
 * know (no catalog entry, or a token) may be one, so it counts as scarce too.
 */
function onScarceHardware(pool: RankedInstancePool): boolean {
  const type = pool.instanceType;
  const known = type.hasLocalStorage !== undefined;
  return type.isAccelerated || !known;
}
