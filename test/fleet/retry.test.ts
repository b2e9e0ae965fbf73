/**
 * Retries are the AWS SDK's standard retry strategy (retry.ts). These tests run real clients, built with the
 * production configuration, against an in-process transport, on jest's fake clock: they prove which failures are
 * retried, how often, and how long the SDK waits in between, without waiting for real.
 */
import { StandardRetryStrategy } from '@smithy/core/retry';
import { awsFault, FakeTransport, transportClients } from './fake-transport';
import { CONFIG, describeEndpoint, endpointConfig, ENDPOINT, fakeRuntime } from './scenario';
import { AwsApi, createClients } from '../../bin/fleet/aws';
import { FleetError } from '../../bin/fleet/errors';
import { main } from '../../bin/fleet/main';
import { attemptsOf, MAX_ATTEMPTS, retryStrategy } from '../../bin/fleet/retry';

/** A transport that answers DescribeEndpoint with the given failures in order, then with the endpoint. */
function failingThen(...failures: Array<[number, unknown]>): FakeTransport {
  const queue = [...failures];
  return new FakeTransport(() => queue.shift() ?? [200, describeEndpoint()]);
}

/** Runs one DescribeEndpoint through the clients, advancing the fake clock until it settles. */
async function describeThrough(transport: FakeTransport): Promise<{ result?: unknown; error?: FleetError; waits: number[] }> {
  const api = new AwsApi(transportClients(transport)({ region: 'us-east-1' }), { region: 'us-east-1' });
  let outcome: { result?: unknown; error?: FleetError } | undefined;
  void api.describeEndpoint(ENDPOINT).then((result) => { outcome = { result }; }, (error: FleetError) => { outcome = { error }; });
  // Advance the virtual clock until the call settles (the SDK sleeps with setTimeout between attempts).
  for (let i = 0; outcome === undefined && i < 600; i++) await jest.advanceTimersByTimeAsync(100);
  if (outcome === undefined) throw new Error('the call did not settle');
  const at = transport.calls.map((c) => c.at);
  return { ...outcome, waits: at.slice(1).map((t, i) => t - at[i]) };
}

const THROTTLED = awsFault('ThrottlingException', 'Rate exceeded');
const UNAVAILABLE = awsFault('ServiceUnavailable', 'try later', 503);

beforeEach(() => {
  jest.useFakeTimers({ now: Date.parse('2026-11-26T10:00:00Z') });
});

afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('the SDK retry strategy, as the clients are configured', () => {
  test('every client gets the standard strategy with 6 attempts, and its own retry quota', async () => {
    const clients = createClients({ region: 'eu-west-1' });
    const strategies = await Promise.all([clients.sagemaker.config.retryStrategy(), clients.autoscaling.config.retryStrategy()]);
    for (const strategy of strategies) {
      expect(strategy).toBeInstanceOf(StandardRetryStrategy);
      await expect((strategy as StandardRetryStrategy).maxAttempts()).resolves.toBe(6);
    }
    expect(strategies[0]).not.toBe(strategies[1]);
    expect(MAX_ATTEMPTS).toBe(6);
  });

  test('throttling is retried with growing waits until the call succeeds', async () => {
    // The jitter is a uniform draw below the exponential step: at 0.5, exactly half of it.
    jest.spyOn(Math, 'random').mockReturnValue(0.5);
    const transport = failingThen(THROTTLED, THROTTLED, THROTTLED);
    const { result, waits } = await describeThrough(transport);
    expect(result).toMatchObject({ EndpointName: ENDPOINT });
    expect(transport.calls).toHaveLength(4);
    expect(waits).toEqual([500, 1000, 2000]);
  });

  test('throttling that does not stop: 6 attempts, at most 31 s of waiting, then a one-line error naming them', async () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.999999);
    const transport = failingThen(...Array.from({ length: 10 }, () => THROTTLED));
    const { error, waits } = await describeThrough(transport);
    expect(transport.calls).toHaveLength(6);
    expect(waits).toEqual([999, 1999, 3999, 7999, 15999]);
    expect(waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(31_000);
    expect(error).toBeInstanceOf(FleetError);
    expect(error?.kind).toBe('throttled');
    expect(error?.message).toBe('AWS kept throttling DescribeEndpoint (6 attempts with backoff): Rate exceeded. Try again in a minute.');
  });

  test('an AWS-side fault gets 6 attempts with short waits (at most 1.55 s)', async () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.999999);
    const transport = failingThen(...Array.from({ length: 10 }, () => UNAVAILABLE));
    const { error, waits } = await describeThrough(transport);
    expect(transport.calls).toHaveLength(6);
    expect(waits).toEqual([49, 99, 199, 399, 799]);
    expect(error?.kind).toBe('service');
    expect(error?.message).toBe('AWS failed on DescribeEndpoint after 6 attempts (ServiceUnavailable): try later');
  });

  test('what cannot get better is not retried', async () => {
    const transport = failingThen(awsFault('AccessDeniedException', 'not authorized to perform: sagemaker:DescribeEndpoint', 403));
    const { error, waits } = await describeThrough(transport);
    expect(transport.calls).toHaveLength(1);
    expect(waits).toEqual([]);
    expect(error?.kind).toBe('access-denied');
  });

  test('Service Quotas throttling (TooManyRequestsException) is retried like any other', async () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.5);
    let left = 1;
    const transport = new FakeTransport(() => (left-- > 0 ? awsFault('TooManyRequestsException', 'Rate exceeded') : [200, { Quotas: [] }]));
    const api = new AwsApi(transportClients(transport)({ region: 'us-east-1' }), { region: 'us-east-1' });
    let quotas: unknown;
    void api.listServiceQuotas('sagemaker').then((q) => { quotas = q; });
    for (let i = 0; quotas === undefined && i < 100; i++) await jest.advanceTimersByTimeAsync(100);
    expect(quotas).toEqual([]);
    expect(transport.targets).toEqual(['ServiceQuotasV20190624.ListServiceQuotas', 'ServiceQuotasV20190624.ListServiceQuotas']);
  });

  test('a validation error is final too', async () => {
    const transport = failingThen(awsFault('ValidationException', 'Could not find endpoint "x".'));
    const { error } = await describeThrough(transport);
    expect(transport.calls).toHaveLength(1);
    expect(error?.kind).toBe('not-found');
  });
});

describe('sagemaker-fleet status, end to end through the SDK retry strategy', () => {
  /** A fake SageMaker that throttles DescribeEndpoint `throttles` times, and has no autoscaling. */
  function throttling(throttles: number): FakeTransport {
    let left = throttles;
    return new FakeTransport((target) => {
      if (target === 'SageMaker.DescribeEndpoint') return left-- > 0 ? awsFault('ThrottlingException', 'Rate exceeded') : [200, describeEndpoint()];
      if (target === 'SageMaker.DescribeEndpointConfig') return [200, endpointConfig(CONFIG)];
      return [200, { ScalableTargets: [], ScalingPolicies: [], ScalingActivities: [] }];
    });
  }

  async function status(transport: FakeTransport) {
    jest.useRealTimers();
    jest.spyOn(Math, 'random').mockReturnValue(0); // no jitter: the SDK waits 0 ms between attempts
    const runtime = fakeRuntime();
    const code = await main(['status', ENDPOINT], { runtime, createClients: transportClients(transport) });
    return { code, out: runtime.stdout.text(), err: runtime.stderr.text() };
  }

  test('throttling is retried and the report follows', async () => {
    const transport = throttling(2);
    const { code, out, err } = await status(transport);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^Endpoint llm-endpoint {2}InService$/m);
    expect(transport.targets.filter((t) => t === 'SageMaker.DescribeEndpoint')).toHaveLength(3);
  });

  test('throttling that does not stop: exit code 5 after 6 attempts, one line on stderr', async () => {
    const transport = throttling(Infinity);
    const { code, out, err } = await status(transport);
    expect(code).toBe(5);
    expect(out).toBe('');
    expect(transport.calls).toHaveLength(6);
    expect(err).toBe('sagemaker-fleet: AWS kept throttling DescribeEndpoint (6 attempts with backoff): Rate exceeded. Try again in a minute.\n');
  });
});

describe('retryStrategy and attemptsOf', () => {
  test('each call makes a new strategy', () => {
    expect(retryStrategy()).not.toBe(retryStrategy());
  });

  test('attemptsOf reads what the retry middleware recorded, 1 otherwise', () => {
    expect(attemptsOf(Object.assign(new Error('x'), { $metadata: { attempts: 4 } }))).toBe(4);
    expect(attemptsOf(new Error('x'))).toBe(1);
    expect(attemptsOf(undefined)).toBe(1);
    expect(attemptsOf({ $metadata: { attempts: 0 } })).toBe(1);
  });
});
