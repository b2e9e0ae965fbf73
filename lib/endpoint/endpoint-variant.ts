import { createHash } from 'crypto';
import { Duration, Stack, Token } from 'aws-cdk-lib';
import { CfnEndpoint } from 'aws-cdk-lib/aws-sagemaker';
import { Construct, IConstruct } from 'constructs';
import { described, InstancePoolsError } from '../core/errors';
import { requireObject } from '../core/required';
import { IModel } from '../model/model';
import { PoolAlarmsOptions } from '../monitoring/pool-alarm-options';
import { PoolAlarms } from '../monitoring/pool-alarms';
import { PoolDashboard, PoolDashboardOptions } from '../monitoring/pool-dashboard';
import { CapacityAwareEndpointBase } from '../pools/capacity-aware-endpoint-base';
import { RankedInstancePool } from '../pools/instance-pool';
import { AutoScalingOptions, EndpointAutoScaling } from '../scaling/endpoint-auto-scaling';
import { ICapacityAwareVariant } from './capacity-aware-variant';
import { createVariantDashboard } from './variant-dashboard';
import { VariantSpec } from './variant-specs';

/** What a further variant needs of its endpoint. */
export interface VariantHost {
  readonly endpointName: string;
  readonly endpointArn: string;
  readonly cfnEndpoint: CfnEndpoint;
  readonly asyncInference: boolean;
  readonly metricPublishFrequency?: Duration;
  readonly enhancedMetrics?: boolean;
  /** The endpoint name the metrics carry (the plain name when it is fixed). */
  readonly metricEndpointNameForVariants: string;
  /** Called when a variant got autoscaling or alarms, so the endpoint renders what depends on them. */
  variantChanged(): void;
}

/**
 * A further or shadow variant, as a construct under the endpoint's `Variants`. Its ID is the variant name, so that
 * reordering variants moves no resource; a token name (a parameter, say) is named by the expression it resolves to,
 * since the text of a token changes with every token created before it.
 */
export class EndpointVariant extends CapacityAwareEndpointBase implements ICapacityAwareVariant {
  public readonly endpointName: string;
  public readonly endpointArn: string;
  public readonly metricPublishFrequency?: Duration;
  public readonly enhancedMetrics?: boolean;
  public readonly asyncInference: boolean;
  public readonly variantName: string;
  public readonly pools: RankedInstancePool[];
  public readonly model: IModel;
  public readonly initialInstanceCount: number;
  public readonly shadow: boolean;
  private readonly poolsProp: string;
  private _autoScaling?: EndpointAutoScaling;
  private _alarms?: PoolAlarms;

  constructor(scope: Construct, spec: VariantSpec, private readonly host: VariantHost) {
    super(scope, variantConstructId(scope, spec.variantName));
    this.variantName = spec.variantName;
    this.pools = spec.pools;
    this.model = spec.model;
    this.initialInstanceCount = spec.initialInstanceCount;
    this.shadow = spec.shadow;
    this.poolsProp = `${spec.propPrefix}pools`;
    this.endpointName = host.endpointName;
    this.endpointArn = host.endpointArn;
    this.metricPublishFrequency = host.metricPublishFrequency;
    this.enhancedMetrics = host.enhancedMetrics;
    this.asyncInference = host.asyncInference;
  }

  public get autoScaling(): EndpointAutoScaling | undefined {
    return this._autoScaling;
  }

  public get alarms(): PoolAlarms | undefined {
    return this._alarms;
  }

  public autoScale(options: AutoScalingOptions): EndpointAutoScaling {
    if (this._autoScaling) {
      throw new InstancePoolsError('AutoScalingExists', 'autoScale', 'a variant has one scalable target; autoScale() was already called', described(this.node.path));
    }
    this._autoScaling = new EndpointAutoScaling(this, 'AutoScaling', {
      ...requireObject('autoScale options', options), endpoint: this, initialInstanceCount: this.initialInstanceCount, asyncInference: this.host.asyncInference,
    });
    this._autoScaling.scalableTarget.node.addDependency(this.host.cfnEndpoint);
    this.host.variantChanged();
    return this._autoScaling;
  }

  public addAlarms(options: PoolAlarmsOptions = {}): PoolAlarms {
    if (this._alarms) {
      throw new InstancePoolsError('AlarmsExist', 'addAlarms', 'alarm names are unique per variant; addAlarms() was already called', described(this.node.path));
    }
    this._alarms = new PoolAlarms(this, 'Alarms', { ...requireObject('addAlarms options', options, true), endpoint: this });
    this.host.variantChanged();
    return this._alarms;
  }

  public addDashboard(id: string, options: PoolDashboardOptions = {}): PoolDashboard {
    return createVariantDashboard(this, id, options, this._alarms, this._autoScaling);
  }

  /** @internal */
  public get _poolsProp(): string {
    return this.poolsProp;
  }

  protected get metricEndpointName(): string {
    return this.host.metricEndpointNameForVariants;
  }
}

/**
 * The construct ID of a variant: its name, or for a token name `Token` and the letters and digits of the expression
 * it resolves to, with a hash of that expression (deterministic across syntheses, unique per expression).
 */
export function variantConstructId(scope: IConstruct, variantName: string): string {
  if (!Token.isUnresolved(variantName)) return variantName;
  const expression = JSON.stringify(Stack.of(scope).resolve(variantName));
  const hash = createHash('sha256').update(expression).digest('hex').slice(0, 8).toUpperCase();
  return `Token${expression.replace(/[^A-Za-z0-9]/g, '').slice(0, 40)}${hash}`;
}
