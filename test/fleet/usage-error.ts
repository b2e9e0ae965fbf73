import { FleetError } from '../../bin/fleet/errors';

/**
 * The usage error (kind `usage`, exit code 2) that `fn` throws. Fails the test when `fn` throws nothing, or
 * throws anything else.
 */
export function usageErrorOf(fn: () => unknown): FleetError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FleetError);
    expect((error as FleetError).kind).toBe('usage');
    return error as FleetError;
  }
  throw new Error('expected a usage error, got none');
}
