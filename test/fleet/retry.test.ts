import { awsError, instantRetry, networkError } from './scenario';
import { AttemptsExhausted, backoffDelay, DEFAULT_RETRY, withRetry } from '../../bin/fleet/retry';

/** A call that fails with the given errors in order, then returns 'ok'. */
function failing(...errors: unknown[]): jest.Mock<Promise<string>, []> {
  const queue = [...errors];
  return jest.fn(async () => {
    if (queue.length > 0) throw queue.shift();
    return 'ok';
  });
}

describe('withRetry', () => {
  test('retries throttling with growing delays until the call succeeds', async () => {
    const sleeps: number[] = [];
    const call = failing(awsError('ThrottlingException', 'x'), awsError('ThrottlingException', 'x'), awsError('ThrottlingException', 'x'));
    await expect(withRetry(call, instantRetry(sleeps))).resolves.toBe('ok');
    expect(call).toHaveBeenCalledTimes(4);
    expect(sleeps).toEqual([375, 750, 1500]);
  });

  test('gives up on throttling after throttlingAttempts, reporting the attempts and the last error', async () => {
    const sleeps: number[] = [];
    const last = awsError('ThrottlingException', 'last');
    const call = failing(...Array.from({ length: 5 }, () => awsError('ThrottlingException', 'x')), last);
    const error = await withRetry(call, instantRetry(sleeps)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AttemptsExhausted);
    expect((error as AttemptsExhausted).attempts).toBe(6);
    expect((error as AttemptsExhausted).lastError).toBe(last);
    expect(sleeps).toHaveLength(5);
  });

  test('transient faults get transientAttempts', async () => {
    const call = failing(networkError('ECONNRESET'), networkError('ECONNRESET'), networkError('ECONNRESET'));
    const error = await withRetry(call, instantRetry()).catch((e: unknown) => e);
    expect((error as AttemptsExhausted).attempts).toBe(3);
    expect(call).toHaveBeenCalledTimes(3);
  });

  test('does not retry what cannot get better', async () => {
    const sleeps: number[] = [];
    const call = failing(awsError('AccessDeniedException', 'no', 403));
    const error = await withRetry(call, instantRetry(sleeps)).catch((e: unknown) => e);
    expect((error as AttemptsExhausted).attempts).toBe(1);
    expect(sleeps).toEqual([]);
  });
});

describe('backoffDelay', () => {
  const policy = { baseDelayMs: 500, maxDelayMs: 20_000 };

  test('half fixed, half jitter, doubling per attempt', () => {
    expect(backoffDelay(1, { ...policy, random: () => 0 })).toBe(250);
    expect(backoffDelay(1, { ...policy, random: () => 0.999999 })).toBe(500);
    expect(backoffDelay(3, { ...policy, random: () => 0 })).toBe(1000);
  });

  test('never exceeds maxDelayMs', () => {
    expect(backoffDelay(20, { ...policy, random: () => 0.999999 })).toBe(20_000);
  });

  test('the default policy waits at most 15.5 s in total before giving up on throttling', () => {
    const worst = Array.from({ length: DEFAULT_RETRY.throttlingAttempts - 1 }, (_, i) => backoffDelay(i + 1, { ...DEFAULT_RETRY, random: () => 0.999999 }));
    expect(worst.reduce((a, b) => a + b, 0)).toBe(15_500);
  });
});
