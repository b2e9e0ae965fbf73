import { StandardRetryStrategy } from '@smithy/core/retry';

/**
 * How the CLI retries AWS calls: with the AWS SDK's own standard retry strategy, passed to every client as
 * `retryStrategy`. It retries throttling (ThrottlingException, HTTP 429, ...) and transient failures (HTTP
 * 500/502/503/504, connection resets and timeouts, DNS failures) with exponential backoff and full jitter, honours
 * a Retry-After hint, and keeps a retry quota per client so that a failing service is not hammered. Everything
 * else (access denied, validation errors, not found) fails at once.
 *
 * This tool asks for 6 attempts instead of the SDK's default 3: a command-line run that gives up after a second
 * of throttling is of no use to an operator. With the SDK's 2026 retry parameters, a throttled call waits a random
 * time below 1, 2, 4, 8 and 16 s between its attempts (at most 31 s in total, about 15.5 s on average), a transient
 * failure below 50, 100, 200, 400 and 800 ms (at most 1.55 s); a Retry-After header may add up to 5 s per wait.
 * test/fleet/retry.test.ts pins these numbers, so an SDK upgrade that changes them fails until the README follows.
 */
export const MAX_ATTEMPTS = 6;

/** A fresh strategy (and retry quota) for one client. */
export function retryStrategy(): StandardRetryStrategy {
  return new StandardRetryStrategy(MAX_ATTEMPTS);
}

/** How many attempts the SDK made before an error left it (the retry middleware records it on the error). */
export function attemptsOf(error: unknown): number {
  const metadata = (error as { $metadata?: { attempts?: unknown } } | null)?.$metadata;
  return typeof metadata?.attempts === 'number' && metadata.attempts >= 1 ? metadata.attempts : 1;
}
