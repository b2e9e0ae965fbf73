import { EndpointQuota } from './endpoint-quotas';
import { EndpointUsage } from './endpoint-usage';
import { FleetNeed, neededInstances } from './fleet-need';
import { FleetCheck, PoolCheck, Verdict, VERDICT_LABELS } from './preflight-report';

export interface CheckInputs {
  readonly fleets: readonly FleetNeed[];
  readonly quotas: ReadonlyMap<string, EndpointQuota>;
  readonly usage: EndpointUsage;
  readonly region: string;
  /** A live endpoint being checked: its own instances are part of its fleet, not of what others use. */
  readonly ownEndpoint: string | null;
}

export interface Checks {
  readonly fleets: readonly FleetCheck[];
  readonly failures: readonly string[];
  readonly notes: readonly string[];
}

type MutablePoolCheck = { -readonly [K in keyof PoolCheck]: PoolCheck[K] };

/**
 * Compares each pool's need with the account's room for it. Any pool may have to take the whole fleet (fallback
 * moves all of it when the pools above have no capacity), so each pool needs the fleet's maximum. Fails: a
 * priority-1 pool that cannot reach it (alone, or with the other fleets of the input whose priority-1 pool is the
 * same type), and any pool whose quota is 0 or missing. A fallback pool with some room but not enough is a warning.
 *
 * AWS does not document whether SageMaker tries the next pool after a quota error (it does after a capacity
 * error); the safe reading is that it does not, so a quota of 0 fails wherever the pool is in the list.
 */
export function checkFleets(inputs: CheckInputs): Checks {
  const { quotas, usage } = inputs;
  const own = inputs.ownEndpoint ? usage.byEndpoint.get(inputs.ownEndpoint) : undefined;
  const inUse = (type: string) => Math.max(0, (usage.byInstanceType.get(type) ?? 0) - (own?.get(type) ?? 0));

  const fleets = inputs.fleets.map((fleet) => {
    const { count: needed, from } = neededInstances(fleet.bounds);
    const pools = fleet.pools.map((pool, i): MutablePoolCheck => {
      const type = pool.instanceType;
      const quota = type ? quotas.get(type) ?? null : null;
      const used = type ? inUse(type) : null;
      const headroom = quota && used !== null ? quota.value - used : null;
      const [verdict, message] = judge({ type, first: i === 0, needed, quota, used, headroom, region: inputs.region });
      return { priority: pool.priority, instanceType: type, needed, quota, inUse: used, headroom, verdict, fails: FAILING.has(verdict), message };
    });
    const check: FleetCheck = {
      endpoint: fleet.endpoint, endpointName: fleet.endpointName, logicalId: fleet.logicalId, variant: fleet.variant, role: fleet.role,
      inferenceComponents: fleet.inferenceComponents, bounds: fleet.bounds, needed, neededFrom: from, boundsResolved: fleet.boundsResolved,
      pools, unresolved: fleet.unresolved,
    };
    return check;
  });
  checkSharedPriorityOne(fleets);

  const failures = fleets.flatMap((f) => f.pools.filter((p) => p.fails)
    .map((p) => `${f.endpoint} variant ${f.variant}: priority ${p.priority} ${p.instanceType}: ${VERDICT_LABELS[p.verdict]}: ${p.message}`));
  // Nothing that could be read is nothing that passed.
  if (fleets.length === 0) failures.push('nothing could be checked: no endpoint variant with instance pools was read (see what could not be resolved)');
  return { fleets, failures, notes: notes(inputs, fleets, own) };
}

const FAILING: ReadonlySet<Verdict> = new Set(['short', 'quota-zero', 'no-quota']);

interface PoolFacts {
  readonly type: string | null;
  readonly first: boolean;
  readonly needed: number | null;
  readonly quota: EndpointQuota | null;
  readonly used: number | null;
  readonly headroom: number | null;
  readonly region: string;
}

function judge(f: PoolFacts): [Verdict, string] {
  if (!f.type) return ['unresolved', 'instance type not resolved, not checked'];
  if (!f.quota) return ['no-quota', `Service Quotas lists no '${f.type} for endpoint usage' quota in ${f.region}; the type may not be offered for endpoints here`];
  if (f.quota.value === 0) return ['quota-zero', `this account cannot run ${f.type} on endpoints; request an increase or drop the pool`];
  if (f.needed === null || f.headroom === null) return ['unknown', 'the most instances the fleet can reach is unknown, not compared'];
  if (f.headroom >= f.needed) return ['ok', `room for all ${f.needed}`];
  const room = Math.max(0, f.headroom);
  if (f.first) return ['short', `reaches ${room} of ${f.needed} instances; request a quota of at least ${(f.used ?? 0) + f.needed}`];
  return ['partial', `takes ${room} of ${f.needed} if the pools above have no capacity`];
}

/** Fleets whose priority-1 pools are of one type all start there: together they must fit in its headroom. */
function checkSharedPriorityOne(fleets: readonly FleetCheck[]): void {
  const byType = new Map<string, Array<{ fleet: FleetCheck; pool: MutablePoolCheck }>>();
  for (const fleet of fleets) {
    const pool = fleet.pools[0] as MutablePoolCheck | undefined;
    if (!pool?.instanceType || pool.verdict !== 'ok' || pool.needed === null) continue;
    byType.set(pool.instanceType, [...(byType.get(pool.instanceType) ?? []), { fleet, pool }]);
  }
  for (const group of byType.values()) {
    if (group.length < 2) continue;
    const total = group.reduce((sum, g) => sum + g.pool.needed!, 0);
    const headroom = group[0].pool.headroom!;
    if (total <= headroom) continue;
    const names = group.map((g) => `${g.fleet.endpoint}/${g.fleet.variant}`).join(', ');
    for (const { pool } of group) {
      pool.verdict = 'short';
      pool.fails = true;
      pool.message = `room for ${pool.needed} alone, but ${names} start on this type and need ${total} together (headroom ${Math.max(0, headroom)})`;
    }
  }
}

function notes(inputs: CheckInputs, fleets: readonly FleetCheck[], own: ReadonlyMap<string, number> | undefined): string[] {
  const result: string[] = [];
  const pools = fleets.flatMap((f) => f.pools);
  if (pools.some((p) => p.verdict === 'quota-zero' || p.verdict === 'no-quota' || p.verdict === 'partial')) {
    result.push('AWS does not document whether SageMaker tries the next pool after a quota error (it does after a capacity error): '
      + 'this check assumes it does not, so a pool without quota fails wherever it is in the list');
  }
  if (inputs.ownEndpoint && own && own.size > 0) {
    result.push(`in use leaves out the instances ${inputs.ownEndpoint} runs itself (${[...own].map(([t, n]) => `${n} × ${t}`).join(', ')}): they are part of its fleet`);
  }
  if (!inputs.ownEndpoint) {
    for (const name of new Set(fleets.map((f) => f.endpointName).filter((n): n is string => Boolean(n)))) {
      const running = inputs.usage.byEndpoint.get(name);
      if (running && running.size > 0) {
        result.push(`endpoint ${name} is deployed and runs ${[...running].map(([t, n]) => `${n} × ${t}`).join(', ')}: counted as in use, `
          + 'as an update that provisions the new fleet next to the old one needs both');
      }
    }
  }
  for (const f of fleets.filter((x) => !x.boundsResolved)) {
    result.push(`${f.endpoint} variant ${f.variant}: a bound could not be resolved, so `
      + `${f.needed === null ? 'its maximum is unknown' : `it may reach more than ${f.needed} instances`}`);
  }
  return [...result, ...inputs.usage.notes];
}
