import { CfnEndpoint } from 'aws-cdk-lib/aws-sagemaker';
import { requireNumber } from '../core/required';
import { checkInteger, checkPercent, MAX_API_INTEGER } from '../core/validation';

/** How a `CapacitySize` counts: instances, or a percentage of the variant's instances. */
export enum CapacitySizeType {
  /** A number of instances. */
  INSTANCE_COUNT = 'INSTANCE_COUNT',
  /** A percentage of the variant's current instance count. */
  CAPACITY_PERCENT = 'CAPACITY_PERCENT',
}

/**
 * A part of the fleet, as SageMaker's deployment guardrails take it (`CapacitySize`): rolling batches,
 * rollback batches, canary and linear traffic steps.
 *
 * The percentage is of the variant's instance count at deployment time, across all instance pools.
 */
export class CapacitySize {
  /**
   * A percentage of the variant's instances (an integer from 1 to 100). Where it is used narrows the range:
   * rolling batches take 5–50 %, canaries at most 50 %, linear steps 10–50 %.
   */
  public static percent(percent: number): CapacitySize {
    requireNumber('CapacitySize.percent', percent, 'a percentage from 1 to 100');
    checkPercent('CapacitySize.percent', percent, 1, 100);
    return new CapacitySize(CapacitySizeType.CAPACITY_PERCENT, percent);
  }

  /** A number of instances (an integer, at least 1, within the API's 32-bit integer range). */
  public static instanceCount(count: number): CapacitySize {
    requireNumber('CapacitySize.instanceCount', count, 'a number of instances');
    checkInteger('CapacitySize.instanceCount', count, 1, MAX_API_INTEGER);
    return new CapacitySize(CapacitySizeType.INSTANCE_COUNT, count);
  }

  /** Whether `value` counts instances or percent. */
  public readonly kind: CapacitySizeType;
  /** The number of instances or the percentage. */
  public readonly value: number;

  private constructor(kind: CapacitySizeType, value: number) {
    this.kind = kind;
    this.value = value;
  }

  /** Whether this is a percentage. */
  public get isPercent(): boolean {
    return this.kind === CapacitySizeType.CAPACITY_PERCENT;
  }

  /** @internal */
  public _render(): CfnEndpoint.CapacitySizeProperty {
    return { type: this.kind, value: this.value };
  }
}
