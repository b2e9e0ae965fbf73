import { EndpointQuota } from './endpoint-quotas';
import { FleetBounds } from './fleet-need';

/**
 * What `preflight` prints as text and, unchanged, as `--json`. Field names are part of the JSON contract (bump
 * `schemaVersion` on a breaking change); "unknown" is `null`, never a missing key.
 */
export const PREFLIGHT_SCHEMA_VERSION = 1;

/**
 * ok: the pool can take the whole fleet · short: priority 1 cannot reach the fleet's maximum · partial: a fallback
 * pool can take only part of it · quota-zero / no-quota: the account may not run the type on endpoints at all ·
 * unknown: the fleet's maximum is unknown · unresolved: the template's instance type could not be resolved.
 */
export type Verdict = 'ok' | 'short' | 'partial' | 'quota-zero' | 'no-quota' | 'unknown' | 'unresolved';

/** How the text output and the failure lines name each verdict. */
export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  'ok': 'ok',
  'short': 'SHORT',
  'partial': 'partial',
  'quota-zero': 'QUOTA 0',
  'no-quota': 'NO QUOTA',
  'unknown': 'unknown',
  'unresolved': 'unresolved',
};

export interface PoolCheck {
  readonly priority: number;
  readonly instanceType: string | null;
  /** The most instances the fleet can reach: all of them may land on this pool when the pools above it have no capacity. */
  readonly needed: number | null;
  readonly quota: EndpointQuota | null;
  /** Instances of this type running now in the account and region (for a live endpoint, on its other endpoints). */
  readonly inUse: number | null;
  /** quota − in use; negative when the account is over its quota. */
  readonly headroom: number | null;
  readonly verdict: Verdict;
  /** True when this pool fails the preflight (and the exit code is 1). */
  readonly fails: boolean;
  readonly message: string;
}

export interface FleetCheck {
  readonly endpoint: string;
  readonly endpointName: string | null;
  readonly logicalId: string | null;
  readonly variant: string;
  readonly role: 'production' | 'shadow';
  readonly inferenceComponents: boolean;
  readonly bounds: FleetBounds;
  readonly needed: number | null;
  /** The bounds that give `needed`, e.g. ['scalable target MaxCapacity']. */
  readonly neededFrom: readonly string[];
  /** False when a bound could not be resolved: `needed` is then a lower bound. */
  readonly boundsResolved: boolean;
  readonly pools: readonly PoolCheck[];
  readonly unresolved: readonly string[];
}

export interface PreflightReport {
  readonly schemaVersion: typeof PREFLIGHT_SCHEMA_VERSION;
  readonly observedAt: string;
  readonly region: string;
  readonly source: { readonly kind: 'template'; readonly path: string } | { readonly kind: 'endpoint'; readonly name: string };
  /** False when any pool fails: exit code 1. */
  readonly passed: boolean;
  readonly fleets: readonly FleetCheck[];
  /** One line per failing pool. */
  readonly failures: readonly string[];
  /** What could not be resolved outside any one fleet. */
  readonly unresolved: readonly string[];
  readonly usage: { readonly endpointsCounted: number; readonly instancesByType: Readonly<Record<string, number>> };
  readonly notes: readonly string[];
}
