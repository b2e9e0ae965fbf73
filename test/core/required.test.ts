import { Duration, Size, Stack, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { describeValue, described } from '../../lib/core/errors';
import {
  checkBoolean, checkDuration, checkEnumLike, checkEnumValue, checkScopeAndId, checkSize, requireArray, requireObject, requireString,
} from '../../lib/core/required';
import { testStack } from '../util';

enum Color { RED = 'RED', BLUE = 'BLUE' }

describe('required props and enum checks', () => {
  test('requireObject: missing, not an object, optional', () => {
    expect(() => requireObject('props', undefined)).toThrow('props: required: an object of properties, got undefined [MissingRequiredProp]');
    expect(() => requireObject('props', [] as any)).toThrow('props: must be an object of properties, got an array of 0 [MissingRequiredProp]');
    expect(requireObject('props', null, true)).toEqual({});
  });

  test('requireArray names the empty entry', () => {
    expect(() => requireArray('pools', [1, null], 'pools')).toThrow('pools[1]: required: pools, got null [MissingRequiredProp]');
    expect(() => requireArray('pools', 'x' as any, 'pools')).toThrow("pools: must be an array of pools, got 'x' [MissingRequiredProp]");
    // eslint-disable-next-line no-sparse-arrays
    expect(() => requireArray('pools', [, 1] as any, 'pools')).toThrow('pools[0]: required: pools, got undefined [MissingRequiredProp]');
  });

  test('requireString takes tokens, and the code for a wrong type', () => {
    expect(requireString('n', Token.asString({ Ref: 'N' }), 'a name')).toBeDefined();
    expect(() => requireString('n', 42 as any, 'a name', 'InvalidName')).toThrow('n: must be a string: a name, got 42 [InvalidName]');
  });

  test('checkEnumValue lists the members; tokens pass', () => {
    expect(() => checkEnumValue('color', 'GREEN' as any, Color, 'Color')).toThrow("color: must be one of Color.RED, Color.BLUE, got 'GREEN' [InvalidEnumValue]");
    expect(checkEnumValue('color', Color.RED, Color, 'Color')).toBe('RED');
    expect(checkEnumValue('color', Token.asString({ Ref: 'C' }) as any, Color, 'Color')).toBeDefined();
  });

  test('checkEnumLike wants the methods the library calls', () => {
    expect(() => checkEnumLike('signal', {}, ['bind'], 'ScalingSignal.x()')).toThrow('signal: must be made by ScalingSignal.x(), got an object (Object) [InvalidEnumValue]');
    expect(checkEnumLike('signal', undefined, ['bind'], 'x', true)).toBeUndefined();
  });

  test('Duration, Size and boolean types', () => {
    expect(() => checkDuration('t', 60 as any)).toThrow(/t: must be a Duration/);
    expect(checkDuration('t', Duration.seconds(1))).toBeDefined();
    expect(() => checkSize('s', 1024 as any)).toThrow(/s: must be a Size/);
    expect(checkSize('s', Size.mebibytes(1))).toBeDefined();
    expect(() => checkBoolean('b', 'yes' as any)).toThrow("b: must be true or false, got 'yes' [InvalidEnumValue]");
  });

  test('checkScopeAndId: a scope, a non-empty id, not taken', () => {
    const stack: Stack = testStack();
    new Construct(stack, 'Taken');
    expect(() => checkScopeAndId(undefined as any, 'x')).toThrow(/scope: required/);
    expect(() => checkScopeAndId(stack, '')).toThrow("id: required: a non-empty construct id, got '' [MissingRequiredProp]");
    expect(() => checkScopeAndId(stack, 'Taken')).toThrow("id: construct ids are unique within a scope; TestStack already has a child with this id, got 'Taken' [DuplicateConstructId]");
    expect(checkScopeAndId(stack, 'Free')).toBe('Free');
  });

  test('describeValue: one quoting style', () => {
    expect(describeValue('a'.repeat(49))).toBe(`'${'a'.repeat(40)}…' (49 characters)`);
    expect(describeValue("it's\n")).toBe("'it's\\n'");
    expect(describeValue(described('a token'))).toBe('a token');
    expect(describeValue(() => 1)).toBe('a function');
  });
});
