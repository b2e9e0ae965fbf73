import { Duration, Size, SizeRoundingBehavior, Token } from 'aws-cdk-lib';
import { described, ErrorCode, InstancePoolsError } from './errors';

/**
 * Shared, token-aware validation rules. Every check silently accepts unresolved tokens: their value is only
 * known at deploy time, and a false positive at synth time would block a valid app.
 */

/**
 * The largest value of the API's `Integer` shapes (SageMaker, Application Auto Scaling, CloudWatch): a 32-bit
 * signed integer (Smithy `Integer`, https://smithy.io/2.0/spec/simple-types.html#integer). Counts without a
 * documented maximum are held to it, so a value the API cannot take fails synthesis rather than the deploy.
 */
export const MAX_API_INTEGER = 2147483647;

/**
 * The largest value of the API's `Float` shapes (a variant's `InitialVariantWeight`): a 32-bit IEEE 754 float
 * (Smithy `Float`, https://smithy.io/2.0/spec/simple-types.html#float). A larger number cannot reach the service as
 * what the template says.
 */
export const MAX_API_FLOAT = 3.4028234663852886e38;

/**
 * Integer in [min, max]; a `max` of `MAX_API_INTEGER` is named as the API's integer range. `belowMinReason` says why
 * the floor is what it is, and is given only for a number below it: a string (`'1'` from plain JavaScript), a fraction
 * or a number above the range broke another rule, which the message names instead.
 */
export function checkInteger(prop: string, value: number | undefined, min: number, max: number, code: ErrorCode = 'OutOfRange', belowMinReason = ''): void {
  if (value === undefined || value === null || Token.isUnresolved(value)) return;
  const range = max === MAX_API_INTEGER ? `of at least ${min} (and at most ${MAX_API_INTEGER}, the API's integer range)` : `from ${min} to ${max}`;
  if (typeof value !== 'number') {
    throw new InstancePoolsError(code, prop, `must be a number, an integer ${range}`, value);
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    const reason = Number.isInteger(value) && value < min ? belowMinReason : '';
    throw new InstancePoolsError(code, prop, `must be an integer ${range}${reason}`, value);
  }
}

/** Finite number strictly greater than zero. */
export function checkPositive(prop: string, value: number | undefined, code: ErrorCode = 'OutOfRange'): void {
  if (value === undefined || value === null || Token.isUnresolved(value)) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InstancePoolsError(code, prop, 'must be a number greater than 0', value);
  }
}

/** Finite number of at least `min`. */
export function checkAtLeast(prop: string, value: number | undefined, min: number): void {
  if (value === undefined || value === null || Token.isUnresolved(value)) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new InstancePoolsError('OutOfRange', prop, `must be a number of at least ${min}`, value);
  }
}

/**
 * A size in whole mebibytes, at least `minMebibytes` and at most `MAX_API_INTEGER`. Returns the mebibytes, or
 * undefined for none and for tokens. A token is accepted only as `Size.mebibytes(token)`: aws-cdk-lib cannot
 * convert a token between units, and the API takes mebibytes.
 */
export function checkMebibytes(prop: string, size: Size | undefined, minMebibytes: number): number | undefined {
  if (size === undefined || size === null) return undefined;
  if (size.isUnresolved()) {
    if (!size.toHumanString().endsWith(' MiB')) {
      throw new InstancePoolsError('TokenUnit', prop,
        'a token size must be given in mebibytes, the API\'s unit: Size.mebibytes(token) (aws-cdk-lib cannot convert a token between units)',
        described(`a token in ${size.toHumanString().split(' ').pop()}`));
    }
    return undefined;
  }
  const mib = size.toMebibytes({ rounding: SizeRoundingBehavior.NONE });
  if (!Number.isInteger(mib) || mib < minMebibytes || mib > MAX_API_INTEGER) {
    throw new InstancePoolsError('OutOfRange', prop, `must be a whole number of mebibytes from ${minMebibytes} to ${MAX_API_INTEGER}`, described(`${mib} MiB`));
  }
  return mib;
}

/**
 * A size in whole gibibytes within [minGibibytes, maxGibibytes]. Returns the gibibytes (the token, for a token). A
 * token is accepted only as `Size.gibibytes(token)`: aws-cdk-lib cannot convert a token between units, and the API
 * takes gibibytes (`VolumeSizeInGB`).
 */
export function checkGibibytes(prop: string, size: Size | undefined, minGibibytes: number, maxGibibytes: number): number | undefined {
  if (size === undefined || size === null) return undefined;
  if (size.isUnresolved()) {
    if (!size.toHumanString().endsWith(' GiB')) {
      throw new InstancePoolsError('TokenUnit', prop,
        'a token size must be given in gibibytes, the API\'s unit: Size.gibibytes(token) (aws-cdk-lib cannot convert a token between units)',
        described(`a token in ${size.toHumanString().split(' ').pop()}`));
    }
    return size.toGibibytes();
  }
  const gib = size.toGibibytes({ rounding: SizeRoundingBehavior.NONE });
  if (!Number.isInteger(gib) || gib < minGibibytes || gib > maxGibibytes) {
    throw new InstancePoolsError('OutOfRange', prop, `must be a whole number of GiB from ${minGibibytes} to ${maxGibibytes}`, described(`${gib} GiB`));
  }
  return gib;
}

/**
 * The seconds of a duration, token or not. A token is accepted only as `Duration.seconds(token)`: aws-cdk-lib
 * cannot convert a token between units, and the API takes seconds.
 */
export function durationSeconds(prop: string, value: Duration): number {
  if (value.isUnresolved() && value.unitLabel() !== 'seconds') {
    throw new InstancePoolsError('TokenUnit', prop,
      'a token duration must be given in seconds, the API\'s unit: Duration.seconds(token) (aws-cdk-lib cannot convert a token between units)',
      described(`a token in ${value.unitLabel()}`));
  }
  return value.isUnresolved() ? value.toSeconds() : value.toSeconds({ integral: false });
}

/** A duration in whole seconds within [minSeconds, maxSeconds]. Returns the seconds (or undefined). */
export function checkDurationSeconds(prop: string, value: Duration | undefined, minSeconds: number, maxSeconds: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  const seconds = durationSeconds(prop, value);
  if (value.isUnresolved()) return seconds;
  if (!Number.isInteger(seconds) || seconds < minSeconds || seconds > maxSeconds) {
    throw new InstancePoolsError('OutOfRange', prop, `must be a whole number of seconds from ${minSeconds} to ${maxSeconds}`, seconds);
  }
  return seconds;
}

/**
 * SageMaker resource names (models, endpoints, variants): at most 63 characters of
 * `[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?` (the `ModelName` shape,
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateModel.html).
 */
export function checkSageMakerName(prop: string, value: string | undefined): void {
  if (value === undefined || value === null || Token.isUnresolved(value)) return;
  if (typeof value !== 'string') {
    throw new InstancePoolsError('InvalidName', prop, 'must be a string', value);
  }
  if (value.length > 63) {
    throw new InstancePoolsError('InvalidName', prop, 'at most 63 characters', value);
  }
  if (!/^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/.test(value)) {
    throw new InstancePoolsError('InvalidName', prop, 'only letters, digits and inner hyphens (pattern [a-zA-Z0-9](-*[a-zA-Z0-9])*)', value);
  }
}

/** A percentage in [min, max]; whole numbers only unless `fractions` is set. */
export function checkPercent(prop: string, value: number | undefined, min: number, max: number, fractions = false): void {
  if (value === undefined || value === null || Token.isUnresolved(value)) return;
  const whole = fractions || Number.isInteger(value);
  if (typeof value !== 'number' || !Number.isFinite(value) || !whole || value < min || value > max) {
    const kind = fractions ? 'a percentage' : 'a whole percentage';
    // A string ('5' from plain JavaScript) reads like a percentage in range: say that a number is required.
    throw new InstancePoolsError('OutOfRange', prop, `must be ${typeof value === 'number' ? '' : 'a number, '}${kind} from ${min} to ${max}`, value);
  }
}

/**
 * A CloudWatch period, or a span of periods: a whole number of `stepSeconds` within [minSeconds, maxSeconds].
 * aws-cdk-lib takes no token periods for metrics, so a token is rejected here, with a clear message.
 */
export function checkPeriod(prop: string, value: Duration | undefined, minSeconds: number, maxSeconds: number, stepSeconds = 60): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (value.isUnresolved()) {
    throw new InstancePoolsError('OutOfRange', prop, 'must be known at synth time (CloudWatch metric periods in aws-cdk-lib cannot be tokens)', described('a token'));
  }
  const seconds = checkDurationSeconds(prop, value, minSeconds, maxSeconds)!;
  if (seconds % stepSeconds !== 0) {
    const unit = stepSeconds === 60 ? 'minutes' : `${stepSeconds / 60}-minute periods`;
    throw new InstancePoolsError('OutOfRange', prop, `must be a whole number of ${unit}`, seconds);
  }
  return seconds;
}

/** A fraction greater than 0 and at most 1 (a utilization target). */
export function checkFraction(prop: string, value: number | undefined): void {
  if (value === undefined || value === null || Token.isUnresolved(value)) return;
  if (typeof value !== 'number' || !(value > 0 && value <= 1)) {
    throw new InstancePoolsError('OutOfRange', prop, 'must be a number greater than 0 and at most 1', value);
  }
}

/** The lower bound `min` (prop `minProp`) must not exceed the upper bound `max` (prop `maxProp`). */
export function checkMinMax(minProp: string, min: number | undefined, maxProp: string, max: number | undefined, code: ErrorCode = 'OutOfRange'): void {
  if (min === undefined || max === undefined || min === null || max === null || Token.isUnresolved(min) || Token.isUnresolved(max)) return;
  if (min > max) {
    throw new InstancePoolsError(code, minProp, `must not exceed ${maxProp} (${max})`, min);
  }
}

/** `value` must lie within the range set by two other props, `minProp`..`maxProp`. */
export function checkWithinRange(prop: string, value: number | undefined, minProp: string, min: number, maxProp: string, max: number,
  code: ErrorCode = 'OutOfRange'): void {
  if (value === undefined || value === null || [value, min, max].some((v) => v === null || Token.isUnresolved(v))) return;
  if (value < min || value > max) {
    throw new InstancePoolsError(code, prop, `must lie within ${minProp}..${maxProp} (${min}..${max})`, value);
  }
}

/** A capacity range (instances or copies) and, optionally, a starting value that must lie within it. */
export interface CapacityRange {
  /** Prop of the lower bound, and how it is named in the range messages. */
  readonly minProp: string;
  readonly minLabel?: string;
  readonly min: number;
  /** The lowest lower bound allowed (0 where scale to zero is supported, else 1). */
  readonly minFloor: number;
  /** Why the floor is what it is, appended to the rule (e.g. why 0 needs an asynchronous endpoint). */
  readonly minFloorReason?: string;
  /** Prop of the upper bound, and how it is named in the range messages. */
  readonly maxProp: string;
  readonly maxLabel?: string;
  readonly max: number;
  /** Prop and value of a starting count that must lie within the range. */
  readonly valueProp?: string;
  readonly value?: number;
}

/**
 * Whole numbers, `minFloor <= min <= max`, `max >= 1`, and the starting value within `min..max`, all reported with
 * `InvalidCapacity`: the rule every autoscaling range and managed instance scaling shares.
 */
export function checkCapacityRange(range: CapacityRange): void {
  const minLabel = range.minLabel ?? range.minProp;
  const maxLabel = range.maxLabel ?? range.maxProp;
  checkInteger(range.minProp, range.min, range.minFloor, MAX_API_INTEGER, 'InvalidCapacity', range.minFloorReason);
  checkInteger(range.maxProp, range.max, 1, MAX_API_INTEGER, 'InvalidCapacity');
  checkMinMax(range.minProp, range.min, maxLabel, range.max, 'InvalidCapacity');
  if (range.valueProp !== undefined) {
    checkWithinRange(range.valueProp, range.value, minLabel, range.min, maxLabel, range.max, 'InvalidCapacity');
  }
}
