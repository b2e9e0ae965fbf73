import { retryClass } from './errors';

/**
 * Retry with exponential backoff and jitter. The SDK clients are created with `maxAttempts: 1`, so this is the
 * only retry layer: one policy, visible in one place, and testable without real waiting.
 */
export interface RetryPolicy {
  /** Attempts in total when AWS throttles (ThrottlingException, HTTP 429 ...). */
  readonly throttlingAttempts: number;
  /** Attempts in total for transient faults (HTTP 5xx, connection reset, socket timeout). */
  readonly transientAttempts: number;
  /** First delay; doubles with every attempt. */
  readonly baseDelayMs: number;
  /** Upper bound of one delay. */
  readonly maxDelayMs: number;
  sleep(ms: number): Promise<void>;
  /** A number in [0, 1). */
  random(): number;
}

export const DEFAULT_RETRY = {
  throttlingAttempts: 6,
  transientAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
} as const;

/** Thrown when a call failed for good: carries the last error and how many attempts were made. */
export class AttemptsExhausted extends Error {
  constructor(public readonly lastError: unknown, public readonly attempts: number) {
    super(`gave up after ${attempts} attempt(s)`);
    this.name = 'AttemptsExhausted';
  }
}

export async function withRetry<T>(call: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const kind = retryClass(error);
      const limit = kind === 'throttling' ? policy.throttlingAttempts : kind === 'transient' ? policy.transientAttempts : 1;
      if (attempt >= limit) throw new AttemptsExhausted(error, attempt);
      await policy.sleep(backoffDelay(attempt, policy));
    }
  }
}

/** "Equal jitter": half of the exponential step is fixed, half is random, so retries spread but always wait. */
export function backoffDelay(attempt: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(step / 2 + policy.random() * (step / 2));
}
