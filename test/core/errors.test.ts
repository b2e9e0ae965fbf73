import { InstancePoolsError } from '../../lib/core/errors';

describe('InstancePoolsError', () => {
  test.each<[string, unknown, string]>([
    ['a number', 6, 'pools: at most 5 instance pools, got 6 [PoolCount]'],
    ['zero (not mistaken for no value)', 0, 'pools: at most 5 instance pools, got 0 [PoolCount]'],
    ['NaN', NaN, 'pools: at most 5 instance pools, got NaN [PoolCount]'],
    ['a string, quoted', 'six', "pools: at most 5 instance pools, got 'six' [PoolCount]"],
    ['an empty string, quoted', '', "pools: at most 5 instance pools, got '' [PoolCount]"],
    ['a boolean', false, 'pools: at most 5 instance pools, got false [PoolCount]'],
    ['null', null, 'pools: at most 5 instance pools, got null [PoolCount]'],
    ['no value: no "got" part', undefined, 'pools: at most 5 instance pools [PoolCount]'],
  ])('message `prop: rule, got VALUE [Code]` with %s', (_, received, message) => {
    expect(new InstancePoolsError('PoolCount', 'pools', 'at most 5 instance pools', received).message).toBe(message);
  });

  test('a string value is quoted as it is, not escaped or re-quoted', () => {
    expect(new InstancePoolsError('InvalidName', 'endpointName', 'only letters', "it's").message)
      .toBe("endpointName: only letters, got 'it's' [InvalidName]");
    expect(new InstancePoolsError('InvalidName', 'endpointName', 'only letters', '12').message)
      .toBe("endpointName: only letters, got '12' [InvalidName]");
  });

  test('carries the code and the prop path as fields', () => {
    const error = new InstancePoolsError('InvalidMaxConcurrency', 'pools[2].maxConcurrency', 'must be a number greater than 0', -1);
    expect(error.code).toBe('InvalidMaxConcurrency');
    expect(error.prop).toBe('pools[2].maxConcurrency');
    expect(error.name).toBe('InstancePoolsError');
    expect(String(error)).toBe('InstancePoolsError: pools[2].maxConcurrency: must be a number greater than 0, got -1 [InvalidMaxConcurrency]');
  });

  test('is an Error and an InstancePoolsError, with a stack trace', () => {
    const error = new InstancePoolsError('OutOfRange', 'n', 'must be an integer', 1.5);
    expect(error).toBeInstanceOf(InstancePoolsError);
    expect(error).toBeInstanceOf(Error);
    expect(Object.getPrototypeOf(error)).toBe(InstancePoolsError.prototype);
    expect(error.stack).toContain('n: must be an integer, got 1.5 [OutOfRange]');
  });

  test('can be caught by class, and matched on its code', () => {
    const thrower = () => {
      throw new InstancePoolsError('DashboardLimit', 'dashboard', 'at most 500 widgets', 501);
    };
    expect(thrower).toThrow(InstancePoolsError);
    expect(thrower).toThrow(/\[DashboardLimit\]$/);
    try {
      thrower();
    } catch (e) {
      expect(e instanceof InstancePoolsError && e.code).toBe('DashboardLimit');
    }
    expect.assertions(3);
  });
});
