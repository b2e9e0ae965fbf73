import { checkFleets } from '../../../bin/fleet/preflight/check-fleets';
import { EndpointQuota } from '../../../bin/fleet/preflight/endpoint-quotas';
import { EndpointUsage } from '../../../bin/fleet/preflight/endpoint-usage';
import { FleetNeed } from '../../../bin/fleet/preflight/fleet-need';

const quota = (instanceType: string, value: number, source: EndpointQuota['source'] = 'applied'): EndpointQuota =>
  ({ instanceType, value, source, quotaName: `${instanceType} for endpoint usage`, quotaCode: 'L-1', adjustable: true });
const quotas = (...list: EndpointQuota[]) => new Map(list.map((q) => [q.instanceType, q]));

function usage(byEndpoint: Record<string, Record<string, number>> = {}): EndpointUsage {
  const perEndpoint = new Map(Object.entries(byEndpoint).map(([name, counts]) => [name, new Map(Object.entries(counts))]));
  const byInstanceType = new Map<string, number>();
  for (const counts of perEndpoint.values()) for (const [t, n] of counts) byInstanceType.set(t, (byInstanceType.get(t) ?? 0) + n);
  return { endpointsCounted: perEndpoint.size, byInstanceType, byEndpoint: perEndpoint, notes: [] };
}

function fleet(endpoint: string, types: Array<string | null>, max: number | null, extra: Partial<FleetNeed> = {}): FleetNeed {
  return {
    endpoint, endpointName: null, logicalId: null, variant: 'AllTraffic', role: 'production', inferenceComponents: false,
    pools: types.map((instanceType, i) => ({ priority: i + 1, instanceType })),
    bounds: { initialInstanceCount: 1, scalableTargetMax: max, managedInstanceScalingMax: null, desiredInstanceCount: null },
    boundsResolved: true, unresolved: [], ...extra,
  };
}

const check = (fleets: FleetNeed[], q: Map<string, EndpointQuota>, u = usage(), ownEndpoint: string | null = null) =>
  checkFleets({ fleets, quotas: q, usage: u, region: 'us-east-1', ownEndpoint });

describe('checkFleets', () => {
  test('every pool needs the whole fleet; headroom is quota minus what the account runs now', () => {
    const result = check([fleet('llm', ['ml.p5.48xlarge', 'ml.g6.48xlarge'], 10)], quotas(quota('ml.p5.48xlarge', 16), quota('ml.g6.48xlarge', 20)),
      usage({ other: { 'ml.p5.48xlarge': 4, 'ml.g6.48xlarge': 12 } }));
    expect(result.failures).toEqual([]);
    expect(result.fleets[0]).toMatchObject({ needed: 10, neededFrom: ['scalable target MaxCapacity'] });
    expect(result.fleets[0].pools.map((p) => [p.instanceType, p.needed, p.quota?.value, p.inUse, p.headroom, p.verdict, p.fails, p.message])).toEqual([
      ['ml.p5.48xlarge', 10, 16, 4, 12, 'ok', false, 'room for all 10'],
      ['ml.g6.48xlarge', 10, 20, 12, 8, 'partial', false, 'takes 8 of 10 if the pools above have no capacity'],
    ]);
  });

  test('priority 1 short of the maximum fails, with the quota to ask for', () => {
    const result = check([fleet('llm', ['ml.p5.48xlarge'], 10)], quotas(quota('ml.p5.48xlarge', 8)), usage({ other: { 'ml.p5.48xlarge': 2 } }));
    expect(result.fleets[0].pools[0]).toMatchObject({ verdict: 'short', fails: true, headroom: 6, message: 'reaches 6 of 10 instances; request a quota of at least 12' });
    expect(result.failures).toEqual(['llm variant AllTraffic: priority 1 ml.p5.48xlarge: SHORT: reaches 6 of 10 instances; request a quota of at least 12']);
  });

  test('an account over its quota has negative headroom and reaches 0', () => {
    const result = check([fleet('llm', ['ml.p5.48xlarge'], 2)], quotas(quota('ml.p5.48xlarge', 4)), usage({ other: { 'ml.p5.48xlarge': 6 } }));
    expect(result.fleets[0].pools[0]).toMatchObject({ headroom: -2, message: 'reaches 0 of 2 instances; request a quota of at least 8' });
  });

  test('a quota of 0 or no quota fails wherever the pool is; the safe reading is noted', () => {
    const result = check([fleet('llm', ['ml.p5.48xlarge', 'ml.g6.24xlarge', 'ml.g7.48xlarge'], 4)], quotas(quota('ml.p5.48xlarge', 8), quota('ml.g6.24xlarge', 0, 'default')));
    expect(result.fleets[0].pools.map((p) => [p.verdict, p.fails])).toEqual([['ok', false], ['quota-zero', true], ['no-quota', true]]);
    expect(result.failures).toEqual([
      'llm variant AllTraffic: priority 2 ml.g6.24xlarge: QUOTA 0: this account cannot run ml.g6.24xlarge on endpoints; request an increase or drop the pool',
      "llm variant AllTraffic: priority 3 ml.g7.48xlarge: NO QUOTA: Service Quotas lists no 'ml.g7.48xlarge for endpoint usage' quota in us-east-1; the type may not be offered for endpoints here",
    ]);
    expect(result.fleets[0].pools[1].quota).toMatchObject({ value: 0, source: 'default' });
    expect(result.notes).toEqual([
      expect.stringMatching(/^AWS does not document whether SageMaker tries the next pool after a quota error .* this check assumes it does not/),
    ]);
  });

  test('fleets starting on the same type must fit in its headroom together', () => {
    const result = check([fleet('a', ['ml.p5.48xlarge'], 6), fleet('b', ['ml.p5.48xlarge', 'ml.g6.48xlarge'], 6), fleet('c', ['ml.g6.48xlarge'], 1)],
      quotas(quota('ml.p5.48xlarge', 10), quota('ml.g6.48xlarge', 20)));
    expect(result.fleets.map((f) => f.pools[0].verdict)).toEqual(['short', 'short', 'ok']);
    expect(result.fleets[0].pools[0].message).toBe('room for 6 alone, but a/AllTraffic, b/AllTraffic start on this type and need 12 together (headroom 10)');
    expect(result.failures).toHaveLength(2);
  });

  test('a live endpoint: its own instances are part of its fleet, not in use by others', () => {
    const result = check([fleet('llm', ['ml.p5.48xlarge'], 6)], quotas(quota('ml.p5.48xlarge', 8)),
      usage({ llm: { 'ml.p5.48xlarge': 4 }, other: { 'ml.p5.48xlarge': 2 } }), 'llm');
    expect(result.fleets[0].pools[0]).toMatchObject({ inUse: 2, headroom: 6, verdict: 'ok' });
    expect(result.notes).toEqual(['in use leaves out the instances llm runs itself (4 × ml.p5.48xlarge): they are part of its fleet']);
  });

  test('a template endpoint whose fixed name runs now: its instances count as in use, and that is said', () => {
    const result = check([fleet('llm', ['ml.p5.48xlarge'], 2, { endpointName: 'llm' })], quotas(quota('ml.p5.48xlarge', 8)), usage({ llm: { 'ml.p5.48xlarge': 4 } }));
    expect(result.fleets[0].pools[0]).toMatchObject({ inUse: 4, headroom: 4 });
    expect(result.notes).toEqual([expect.stringMatching(/^endpoint llm is deployed and runs 4 × ml.p5.48xlarge: counted as in use/)]);
  });

  test('an unresolved type or an unknown maximum is not compared and does not fail; a lower bound is noted', () => {
    const result = check([
      fleet('a', [null, 'ml.g6.48xlarge'], 4),
      fleet('b', ['ml.g6.48xlarge'], null, { bounds: { initialInstanceCount: null, scalableTargetMax: null, managedInstanceScalingMax: null, desiredInstanceCount: null }, boundsResolved: false }),
    ], quotas(quota('ml.g6.48xlarge', 20)));
    expect(result.fleets[0].pools.map((p) => p.verdict)).toEqual(['unresolved', 'ok']);
    expect(result.fleets[1].pools[0]).toMatchObject({ verdict: 'unknown', fails: false });
    expect(result.failures).toEqual([]);
    expect(result.notes).toEqual(['b variant AllTraffic: a bound could not be resolved, so its maximum is unknown']);
  });

  test('no fleet at all (everything unresolved) fails: nothing checked is nothing passed', () => {
    expect(check([], quotas()).failures).toEqual([
      'nothing could be checked: no endpoint variant with instance pools was read (see what could not be resolved)',
    ]);
  });
});
