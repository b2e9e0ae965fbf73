import { Duration } from 'aws-cdk-lib';
import { CfnEndpoint } from 'aws-cdk-lib/aws-sagemaker';
import { checkDuration, checkEnumLike } from '../core/required';
import { checkDurationSeconds, checkPercent } from '../core/validation';
import { CapacitySize } from './capacity-size';

/** How a blue/green deployment moves traffic to the new fleet (`TrafficRoutingConfig.Type`). */
export enum TrafficShiftType {
  /** All traffic at once. */
  ALL_AT_ONCE = 'ALL_AT_ONCE',
  /** A canary first, then the rest. */
  CANARY = 'CANARY',
  /** Equal steps. */
  LINEAR = 'LINEAR',
}

/**
 * How a blue/green deployment shifts traffic from the old fleet to the new one. After each step SageMaker
 * waits `waitInterval` (the baking period) while it watches the rollback alarms.
 *
 * Ranges from the SageMaker API `TrafficRoutingConfig`
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_TrafficRoutingConfig.html): waits 0–3600 s, canary at most 50 %
 * of the variant's instances, linear steps 10–50 %. A canary or step given as an instance count must not
 * exceed those shares at deployment time either; SageMaker checks that, as the count depends on scaling.
 */
export class TrafficShift {
  /**
   * Shift all traffic at once, then bake for `waitInterval`.
   * @param waitInterval baking period after the shift, 0 to 60 minutes; default no baking
   */
  public static allAtOnce(waitInterval?: Duration): TrafficShift {
    checkDuration('TrafficShift.allAtOnce.waitInterval', waitInterval);
    return new TrafficShift('TrafficShift.allAtOnce', TrafficShiftType.ALL_AT_ONCE, waitInterval ?? Duration.seconds(0));
  }

  /**
   * Shift a canary share first, bake for `waitInterval`, then shift the rest.
   * @param size the canary: at most 50 % of the variant's instances
   * @param waitInterval baking period after the canary, 0 to 60 minutes
   */
  public static canary(size: CapacitySize, waitInterval: Duration): TrafficShift {
    checkEnumLike('TrafficShift.canary.size', size, ['_render'], 'CapacitySize.percent() or CapacitySize.instanceCount()');
    checkDuration('TrafficShift.canary.waitInterval', waitInterval, false);
    if (size.isPercent) checkPercent('TrafficShift.canary.size', size.value, 1, 50);
    return new TrafficShift('TrafficShift.canary', TrafficShiftType.CANARY, waitInterval, size);
  }

  /**
   * Shift traffic in equal steps, baking `waitInterval` after each.
   * @param step the step: 10 to 50 % of the variant's instances
   * @param waitInterval baking period after each step, 0 to 60 minutes
   */
  public static linear(step: CapacitySize, waitInterval: Duration): TrafficShift {
    checkEnumLike('TrafficShift.linear.step', step, ['_render'], 'CapacitySize.percent() or CapacitySize.instanceCount()');
    checkDuration('TrafficShift.linear.waitInterval', waitInterval, false);
    if (step.isPercent) checkPercent('TrafficShift.linear.step', step.value, 10, 50);
    return new TrafficShift('TrafficShift.linear', TrafficShiftType.LINEAR, waitInterval, step);
  }

  /** How traffic moves. */
  public readonly kind: TrafficShiftType;
  /** The baking period after each shift. */
  public readonly waitInterval: Duration;
  /** The canary or the linear step; undefined for all at once. */
  public readonly size?: CapacitySize;
  /** The baking period in seconds, validated (a token only as `Duration.seconds(token)`). */
  private readonly waitSeconds: number;

  private constructor(factory: string, kind: TrafficShiftType, waitInterval: Duration, size?: CapacitySize) {
    this.waitSeconds = checkDurationSeconds(`${factory}.waitInterval`, waitInterval, 0, 3600)!;
    this.kind = kind;
    this.waitInterval = waitInterval;
    this.size = size;
  }

  /** The baking period in seconds. @internal */
  public get _waitSeconds(): number {
    return this.waitSeconds;
  }

  /** @internal */
  public _render(): CfnEndpoint.TrafficRoutingConfigProperty {
    return {
      type: this.kind,
      waitIntervalInSeconds: this.waitSeconds,
      canarySize: this.kind === TrafficShiftType.CANARY ? this.size?._render() : undefined,
      linearStepSize: this.kind === TrafficShiftType.LINEAR ? this.size?._render() : undefined,
    };
  }
}
