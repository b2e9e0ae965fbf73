import { Duration, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { CfnEndpoint } from 'aws-cdk-lib/aws-sagemaker';
import { described, InstancePoolsError } from '../core/errors';
import { checkBoolean, checkDuration, checkEnumLike, requireObject } from '../core/required';
import { checkDurationSeconds, checkPercent } from '../core/validation';
import { CapacitySize } from './capacity-size';
import { MAX_ROLLBACK_ALARMS } from './deployment-limits';
import { TrafficShift } from './traffic-shift';

/** The kind of guarded deployment. */
export enum DeploymentType {
  /** Replace the fleet in batches, on the same capacity. */
  ROLLING = 'ROLLING',
  /** Provision a new fleet next to the old one, shift traffic, then terminate the old fleet. */
  BLUE_GREEN = 'BLUE_GREEN',
}

/** Options every guarded deployment takes. */
export interface GuardedDeploymentOptions {
  /**
   * The longest the whole deployment may take before SageMaker rolls it back (10 minutes to 8 hours).
   * @default - not set: SageMaker's own maximum applies
   */
  readonly maximumExecutionTimeout?: Duration;
  /**
   * Further alarms that roll the deployment back when any of them goes into ALARM while it runs. Together with
   * the endpoint's own alarms at most 10 (`AutoRollbackConfiguration`). An alarm on the endpoint's own metrics
   * must not reference the endpoint resource (give the endpoint an `endpointName` and build the metric with
   * `endpoint.metric...()`), otherwise CloudFormation sees a circular dependency.
   * @default - only the endpoint's own alarms
   */
  readonly autoRollbackAlarms?: cloudwatch.IAlarm[];
  /**
   * Roll back on the endpoint's own per-instance-type ModelLatency and 5XX error-rate alarms, as created by
   * `endpoint.addAlarms()`. They name the endpoint, so the endpoint needs a fixed `endpointName`.
   * @default true
   */
  readonly rollbackOnEndpointAlarms?: boolean;
}

/** Options of a rolling deployment. */
export interface RollingDeploymentOptions extends GuardedDeploymentOptions {
  /** The instances replaced per batch: 5–50 % of the variant's instances, or an instance count. */
  readonly maximumBatchSize: CapacitySize;
  /** How long each batch bakes (serves traffic while the alarms are watched) before the next one, 0 to 60 minutes. */
  readonly waitInterval: Duration;
  /**
   * The instances brought back per batch when the deployment rolls back (`RollbackMaximumBatchSize`). Without it
   * SageMaker brings the whole old fleet back at once, blue/green, which needs capacity for the whole fleet
   * again and can itself fail with insufficient capacity on scarce hardware. `CapacitySize.percent(100)` asks
   * for that all-at-once rollback explicitly.
   * @default - on an endpoint with any GPU, AWS accelerator or unknown instance type: `maximumBatchSize` (the
   * rollback moves in the batches the rollout used); on CPU-only pools: the whole fleet at once (SageMaker's default)
   */
  readonly rollbackMaximumBatchSize?: CapacitySize;
}

/** Options of a blue/green deployment. */
export interface BlueGreenDeploymentOptions extends GuardedDeploymentOptions {
  /**
   * How traffic moves to the new fleet.
   * @default TrafficShift.allAtOnce()
   */
  readonly trafficShift?: TrafficShift;
  /**
   * How long the old fleet is kept after all traffic moved, for a fast rollback (0 to 60 minutes).
   * @default - SageMaker's default: the old fleet is terminated right away
   */
  readonly terminationWait?: Duration;
}

/**
 * How SageMaker moves an endpoint to a new endpoint config (deployment guardrails): in rolling batches or
 * blue/green, baking each step while CloudWatch alarms are watched, and rolling back automatically when one of
 * them goes into ALARM. Every range of the SageMaker API is validated where the strategy is built.
 */
export class DeploymentStrategy {
  /**
   * Replace the fleet in batches on the same capacity; each batch of new instances is provisioned through the
   * instance pools (capacity-aware fallback applies per batch). SageMaker rejects rolling updates for
   * multi-variant and serverless endpoints.
   */
  public static rolling(options: RollingDeploymentOptions): DeploymentStrategy {
    options = requireObject('rolling.options', options);
    checkEnumLike('rolling.maximumBatchSize', options.maximumBatchSize, ['_render'], 'CapacitySize.percent() or CapacitySize.instanceCount()');
    checkDuration('rolling.waitInterval', options.waitInterval, false);
    checkDuration('rolling.maximumExecutionTimeout', options.maximumExecutionTimeout);
    checkEnumLike('rolling.rollbackMaximumBatchSize', options.rollbackMaximumBatchSize, ['_render'], 'CapacitySize.percent() or CapacitySize.instanceCount()', true);
    if (options.maximumBatchSize.isPercent) {
      checkPercent('rolling.maximumBatchSize', options.maximumBatchSize.value, 5, 50);
    }
    const wait = checkDurationSeconds('rolling.waitInterval', options.waitInterval, 0, 3600);
    const timeout = checkDurationSeconds('rolling.maximumExecutionTimeout', options.maximumExecutionTimeout, 600, 28800);
    return new DeploymentStrategy('rolling', DeploymentType.ROLLING, options, {
      rollingUpdatePolicy: {
        maximumBatchSize: options.maximumBatchSize._render(),
        waitIntervalInSeconds: wait!,
        maximumExecutionTimeoutInSeconds: timeout,
        rollbackMaximumBatchSize: options.rollbackMaximumBatchSize?._render(),
      },
    });
  }

  /**
   * Provision a new fleet next to the old one, shift traffic all at once, as a canary or linearly, and
   * terminate the old fleet after `terminationWait`. Needs capacity (and quota) for both fleets at once.
   */
  public static blueGreen(options: BlueGreenDeploymentOptions = {}): DeploymentStrategy {
    options = requireObject('blueGreen.options', options, true);
    checkEnumLike('blueGreen.trafficShift', options.trafficShift, ['_render'], 'TrafficShift.allAtOnce(), .canary() or .linear()', true);
    checkDuration('blueGreen.terminationWait', options.terminationWait);
    checkDuration('blueGreen.maximumExecutionTimeout', options.maximumExecutionTimeout);
    const shift = options.trafficShift ?? TrafficShift.allAtOnce();
    const termination = checkDurationSeconds('blueGreen.terminationWait', options.terminationWait, 0, 3600);
    const timeout = checkDurationSeconds('blueGreen.maximumExecutionTimeout', options.maximumExecutionTimeout, 600, 28800);
    const waits = (termination ?? 0) + shift._waitSeconds;
    if (timeout !== undefined && !Token.isUnresolved(timeout) && !Token.isUnresolved(waits) && timeout <= waits) {
      throw new InstancePoolsError('InvalidDeploymentConfig', 'blueGreen.maximumExecutionTimeout',
        `must exceed terminationWait plus the traffic shift's waitInterval (${waits} s)`, timeout);
    }
    return new DeploymentStrategy('blueGreen', DeploymentType.BLUE_GREEN, options, {
      blueGreenUpdatePolicy: {
        trafficRoutingConfiguration: shift._render(),
        terminationWaitInSeconds: termination,
        maximumExecutionTimeoutInSeconds: timeout,
      },
    });
  }

  /** Rolling or blue/green. */
  public readonly kind: DeploymentType;
  /** The instances replaced per batch of a rolling deployment; undefined for blue/green. */
  public readonly maximumBatchSize?: CapacitySize;
  /** The rollback batch given to a rolling deployment; undefined when not given (see `RollingDeploymentOptions`). */
  public readonly rollbackMaximumBatchSize?: CapacitySize;
  /** The alarms given in `autoRollbackAlarms`. */
  public readonly autoRollbackAlarms: cloudwatch.IAlarm[];
  /** Whether the endpoint's own latency and 5XX alarms roll the deployment back. */
  public readonly rollbackOnEndpointAlarms: boolean;
  private readonly policy: CfnEndpoint.DeploymentConfigProperty;

  private constructor(factory: string, kind: DeploymentType, options: GuardedDeploymentOptions, policy: CfnEndpoint.DeploymentConfigProperty) {
    checkBoolean(`${factory}.rollbackOnEndpointAlarms`, options.rollbackOnEndpointAlarms);
    const alarms = options.autoRollbackAlarms ?? [];
    if (!Array.isArray(alarms)) {
      throw new InstancePoolsError('MissingRequiredProp', `${factory}.autoRollbackAlarms`, 'must be an array of CloudWatch alarms', alarms);
    }
    alarms.forEach((alarm, i) => {
      if (typeof alarm?.alarmName !== 'string') {
        throw new InstancePoolsError('MissingRequiredProp', `${factory}.autoRollbackAlarms[${i}]`, 'must be a CloudWatch alarm (cloudwatch.IAlarm)', alarm ?? described(String(alarm)));
      }
    });
    if (alarms.length > MAX_ROLLBACK_ALARMS) {
      throw new InstancePoolsError('TooManyRollbackAlarms', `${factory}.autoRollbackAlarms`, `at most ${MAX_ROLLBACK_ALARMS} alarms`, alarms.length);
    }
    this.kind = kind;
    const batches = options as RollingDeploymentOptions;
    this.maximumBatchSize = kind === DeploymentType.ROLLING ? batches.maximumBatchSize : undefined;
    this.rollbackMaximumBatchSize = kind === DeploymentType.ROLLING ? batches.rollbackMaximumBatchSize : undefined;
    this.autoRollbackAlarms = alarms;
    this.rollbackOnEndpointAlarms = options.rollbackOnEndpointAlarms ?? true;
    this.policy = policy;
  }

  /**
   * SageMaker's rules for the variants the strategy deploys (https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-exclusions.html):
   * rolling updates support neither several variants nor serverless ones. Returns the broken rules.
   * @internal
   */
  public _targetErrors(variantCount: number, serverless: boolean): InstancePoolsError[] {
    if (this.kind !== DeploymentType.ROLLING) return [];
    const errors: InstancePoolsError[] = [];
    if (variantCount > 1) {
      errors.push(new InstancePoolsError('RollingNotSupported', 'deployment',
        'SageMaker supports rolling updates only for endpoints with one production variant; use DeploymentStrategy.blueGreen()', described(`${variantCount} variants`)));
    }
    if (serverless) {
      errors.push(new InstancePoolsError('RollingNotSupported', 'deployment',
        'SageMaker supports no rolling updates for serverless variants; use DeploymentStrategy.blueGreen()', described('ServerlessConfig')));
    }
    return errors;
  }

  /**
   * The endpoint's `DeploymentConfig`, rolling back on `alarms` (omitted when there are none: SageMaker takes
   * 1 to 10). On `scarceCapacity` (GPU, AWS accelerator or unknown instance types), a rolling deployment without
   * a rollback batch rolls back in its rollout batches: an absent `RollbackMaximumBatchSize` brings "the whole
   * capacity of the old fleet at once" (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_RollingUpdatePolicy.html),
   * which scarce hardware may not have. The endpoint updates `DeploymentConfig` in place (CloudFormation
   * `RollbackMaximumBatchSize`: "Update requires: No interruption").
   * @internal
   */
  public _render(alarms: cloudwatch.IAlarm[], scarceCapacity = false): CfnEndpoint.DeploymentConfigProperty {
    const rolling = this.policy.rollingUpdatePolicy as CfnEndpoint.RollingUpdatePolicyProperty | undefined;
    const policy = rolling && this.rollbackMaximumBatchSize === undefined && scarceCapacity
      ? { rollingUpdatePolicy: { ...rolling, rollbackMaximumBatchSize: rolling.maximumBatchSize } }
      : this.policy;
    return {
      ...policy,
      autoRollbackConfiguration: alarms.length > 0 ? { alarms: alarms.map((alarm) => ({ alarmName: alarm.alarmName })) } : undefined,
    };
  }
}
