import { Duration, Token } from 'aws-cdk-lib';
import { InstancePoolsError } from '../../lib/private/errors';
import { checkDurationSeconds, checkInteger, checkPositive, checkSageMakerName } from '../../lib/private/validation';

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
    expect(() => checkSageMakerName('name', 'a'.repeat(64))).toThrow(/at most 63 characters.*64 characters/);
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
});
