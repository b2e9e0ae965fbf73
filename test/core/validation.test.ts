import { Duration, Size, Token } from 'aws-cdk-lib';
import { InstancePoolsError } from '../../lib/core/errors';
import { checkCapacityRange, checkFraction, checkGibibytes, checkMinMax, checkWithinRange, MAX_API_FLOAT, MAX_API_INTEGER } from '../../lib/core/validation';
import { checkDurationSeconds, checkInteger, checkPercent, checkPeriod, checkPositive, checkSageMakerName } from '../../lib/core/validation';

describe('shared validation', () => {
  test('errors carry code, prop and value', () => {
    const error = new InstancePoolsError('PoolCount', 'pools', 'at most 5 instance pools', 6);
    expect(error.message).toBe('pools: at most 5 instance pools, got 6 [PoolCount]');
    expect(error.code).toBe('PoolCount');
    expect(error.prop).toBe('pools');
    expect(error).toBeInstanceOf(InstancePoolsError);
    expect(error).toBeInstanceOf(Error);
  });

  test('checkInteger rejects fractions and out-of-range values', () => {
    expect(() => checkInteger('n', 1.5, 1, 10)).toThrow('n: must be an integer from 1 to 10, got 1.5 [OutOfRange]');
    expect(() => checkInteger('n', 11, 1, 10)).toThrow(/got 11/);
    expect(() => checkInteger('n', 0, 1, 10)).toThrow(/got 0/);
    expect(() => checkInteger('n', 10, 1, 10)).not.toThrow();
  });

  test.each([
    ['a string', '1', "n: must be a number, an integer of at least 1 (and at most 2147483647, the API's integer range), got '1' [InvalidCapacity]"],
    ['a fraction', 1.5, "n: must be an integer of at least 1 (and at most 2147483647, the API's integer range), got 1.5 [InvalidCapacity]"],
    ['NaN', NaN, "n: must be an integer of at least 1 (and at most 2147483647, the API's integer range), got NaN [InvalidCapacity]"],
    ['above the range', 3e9, "n: must be an integer of at least 1 (and at most 2147483647, the API's integer range), got 3000000000 [InvalidCapacity]"],
    ['below the floor', 0, "n: must be an integer of at least 1 (and at most 2147483647, the API's integer range): 0 needs X, got 0 [InvalidCapacity]"],
  ])('checkInteger gives the floor\'s reason only for a number below the floor: %s', (_what, value, message) => {
    expect(() => checkInteger('n', value as number, 1, MAX_API_INTEGER, 'InvalidCapacity', ': 0 needs X')).toThrow(message);
  });

  test('checkPercent says that a string is not a number', () => {
    expect(() => checkPercent('p', '5' as any, 0, 100)).toThrow("p: must be a number, a whole percentage from 0 to 100, got '5' [OutOfRange]");
    expect(() => checkPercent('p', 101, 0, 100)).toThrow('p: must be a whole percentage from 0 to 100, got 101 [OutOfRange]');
  });

  test('checkPositive rejects zero, negatives and NaN', () => {
    expect(() => checkPositive('x', 0)).toThrow(/greater than 0, got 0/);
    expect(() => checkPositive('x', -2)).toThrow(/got -2/);
    expect(() => checkPositive('x', NaN)).toThrow(/got NaN/);
    expect(() => checkPositive('x', 0.5)).not.toThrow();
  });

  test('checkDurationSeconds enforces whole seconds in range', () => {
    expect(() => checkDurationSeconds('t', Duration.seconds(299), 300, 3600)).toThrow('t: must be a whole number of seconds from 300 to 3600, got 299 [OutOfRange]');
    expect(() => checkDurationSeconds('t', Duration.hours(2), 300, 3600)).toThrow(/got 7200 /);
    expect(() => checkDurationSeconds('t', Duration.millis(300500), 300, 3600)).toThrow(/got 300.5 /);
    expect(checkDurationSeconds('t', Duration.minutes(5), 300, 3600)).toBe(300);
  });

  test('checkSageMakerName enforces length and characters', () => {
    expect(() => checkSageMakerName('name', 'a'.repeat(64))).toThrow(/at most 63 characters, got 'a{40}…' \(64 characters\)/);
    expect(() => checkSageMakerName('name', 'my_model')).toThrow(/got 'my_model' \[InvalidName\]/);
    expect(() => checkSageMakerName('name', '-lead')).toThrow(/InvalidName/);
    expect(() => checkSageMakerName('name', 'trail-')).toThrow(/InvalidName/);
    expect(() => checkSageMakerName('name', 'Qwen3-4B-int4')).not.toThrow();
  });

  test('tokens are never rejected', () => {
    expect(() => checkInteger('n', Token.asNumber({ Ref: 'N' }), 1, 10)).not.toThrow();
    expect(() => checkPositive('x', Token.asNumber({ Ref: 'X' }))).not.toThrow();
    expect(() => checkDurationSeconds('t', Duration.seconds(Token.asNumber({ Ref: 'T' })), 300, 3600)).not.toThrow();
    expect(() => checkSageMakerName('name', Token.asString({ Ref: 'Name' }))).not.toThrow();
  });

  test('checkPercent enforces the range, and whole numbers unless fractions are allowed', () => {
    expect(() => checkPercent('p', 51, 5, 50)).toThrow('p: must be a whole percentage from 5 to 50, got 51 [OutOfRange]');
    expect(() => checkPercent('p', 12.5, 5, 50)).toThrow(/got 12.5/);
    expect(() => checkPercent('p', 0, 0.01, 100, true)).toThrow('p: must be a percentage from 0.01 to 100, got 0 [OutOfRange]');
    expect(() => checkPercent('p', 2.5, 0.01, 100, true)).not.toThrow();
    expect(() => checkPercent('p', Token.asNumber({ Ref: 'P' }), 5, 50)).not.toThrow();
  });

  test('checkGibibytes takes whole GiB within range, and a token only in GiB', () => {
    expect(checkGibibytes('v', Size.gibibytes(512), 1, 512)).toBe(512);
    expect(checkGibibytes('v', Size.mebibytes(2048), 1, 512)).toBe(2);
    expect(checkGibibytes('v', undefined, 1, 512)).toBeUndefined();
    expect(() => checkGibibytes('v', Size.mebibytes(1536), 1, 512)).toThrow('v: must be a whole number of GiB from 1 to 512, got 1.5 GiB [OutOfRange]');
    expect(() => checkGibibytes('v', Size.gibibytes(513), 1, 512)).toThrow(/got 513 GiB \[OutOfRange\]/);
    const token = Token.asNumber({ Ref: 'V' });
    expect(Token.isUnresolved(checkGibibytes('v', Size.gibibytes(token), 1, 512))).toBe(true);
    expect(() => checkGibibytes('v', Size.tebibytes(token), 1, 512)).toThrow(/^v: a token size must be given in gibibytes.*got a token in TiB \[TokenUnit\]$/);
  });

  test('MAX_API_FLOAT is the largest 32-bit float', () => {
    expect(MAX_API_FLOAT).toBe(new Float32Array([3.4028234663852886e38])[0]);
    expect(new Float32Array([MAX_API_FLOAT * 1.0000001])[0]).toBe(Infinity);
  });

  test('checkPeriod takes whole steps within range, and no tokens (aws-cdk-lib metrics reject them)', () => {
    expect(checkPeriod('t', Duration.minutes(2), 60, 3600)).toBe(120);
    expect(checkPeriod('t', undefined, 60, 3600)).toBeUndefined();
    expect(() => checkPeriod('t', Duration.seconds(90), 60, 3600)).toThrow('t: must be a whole number of minutes, got 90 [OutOfRange]');
    expect(() => checkPeriod('t', Duration.minutes(7), 300, 3600, 300)).toThrow('t: must be a whole number of 5-minute periods, got 420 [OutOfRange]');
    expect(() => checkPeriod('t', Duration.seconds(30), 60, 3600)).toThrow(/from 60 to 3600, got 30/);
    expect(() => checkPeriod('t', Duration.seconds(Token.asNumber({ Ref: 'T' })), 60, 3600)).toThrow(/^t: must be known at synth time/);
  });
});

describe('shared validation: ranges between props', () => {
  test('checkFraction accepts (0, 1] only', () => {
    expect(() => checkFraction('target', 0)).toThrow('target: must be a number greater than 0 and at most 1, got 0 [OutOfRange]');
    expect(() => checkFraction('target', 1.01)).toThrow(/got 1.01/);
    expect(() => checkFraction('target', NaN)).toThrow(/got NaN/);
    expect(() => checkFraction('target', 1)).not.toThrow();
    expect(() => checkFraction('target', Token.asNumber({ Ref: 'T' }))).not.toThrow();
  });

  test('checkMinMax: the lower bound must not exceed the upper bound', () => {
    expect(() => checkMinMax('min', 3, 'max', 2, 'InvalidCapacity')).toThrow('min: must not exceed max (2), got 3 [InvalidCapacity]');
    expect(() => checkMinMax('min', 2, 'max', 2)).not.toThrow();
    expect(() => checkMinMax('min', Token.asNumber({ Ref: 'Min' }), 'max', 2)).not.toThrow();
  });

  test('checkWithinRange: a value between two other props', () => {
    expect(() => checkWithinRange('initial', 5, 'min', 1, 'max', 4)).toThrow('initial: must lie within min..max (1..4), got 5 [OutOfRange]');
    expect(() => checkWithinRange('initial', 0, 'min', 1, 'max', 4, 'InvalidCapacity')).toThrow(/got 0 \[InvalidCapacity\]/);
    expect(() => checkWithinRange('initial', undefined, 'min', 1, 'max', 4)).not.toThrow();
    expect(() => checkWithinRange('initial', 5, 'min', 1, 'max', Token.asNumber({ Ref: 'Max' }))).not.toThrow();
  });

  test('checkCapacityRange: floor, whole numbers, min <= max, start value within, labels in messages', () => {
    const range = { minProp: 'scaling.min', minLabel: 'min', min: 1, minFloor: 1, maxProp: 'scaling.max', maxLabel: 'max', max: 4 };
    expect(() => checkCapacityRange({ ...range, min: 0 })).toThrow('scaling.min: must be an integer of at least 1 (and at most 2147483647, the API\'s integer range), got 0 [InvalidCapacity]');
    expect(() => checkCapacityRange({ ...range, minFloor: 0, min: 0 })).not.toThrow();
    expect(() => checkCapacityRange({ ...range, max: 2.5 })).toThrow(/scaling\.max: must be an integer.*got 2\.5 \[InvalidCapacity\]/);
    expect(() => checkCapacityRange({ ...range, min: 5 })).toThrow('scaling.min: must not exceed max (4), got 5 [InvalidCapacity]');
    expect(() => checkCapacityRange({ ...range, valueProp: 'start', value: 6 })).toThrow('start: must lie within min..max (1..4), got 6 [InvalidCapacity]');
    expect(() => checkCapacityRange({ ...range, valueProp: 'start', value: 3 })).not.toThrow();
  });
});
