/**
 * A fleet to check before deploy: one variant of one endpoint, its instance pools in priority order, and every
 * bound on how many instances it can reach. Read from a synthesized template or from a live endpoint.
 */

export interface FleetPool {
  readonly priority: number;
  /** `null` when the template's value could not be resolved (see the fleet's `unresolved`). */
  readonly instanceType: string | null;
}

/** What can make the fleet grow; `null` when there is no such bound (or it could not be resolved). */
export interface FleetBounds {
  readonly initialInstanceCount: number | null;
  /** MaxCapacity of the variant's scalable target (Application Auto Scaling). */
  readonly scalableTargetMax: number | null;
  /** MaxInstanceCount of the variant's managed instance scaling, when enabled. */
  readonly managedInstanceScalingMax: number | null;
  /** A live endpoint's desired instance count now. */
  readonly desiredInstanceCount: number | null;
}

export interface FleetNeed {
  /** How the output names the endpoint: its name, else its CDK path, else its logical ID. */
  readonly endpoint: string;
  /** The endpoint's name when it is known before deploy (a live endpoint, or a name fixed in the template). */
  readonly endpointName: string | null;
  /** The template's logical ID of the endpoint (template input only). */
  readonly logicalId: string | null;
  readonly variant: string;
  readonly role: 'production' | 'shadow';
  /** True for an inference-component endpoint (a variant without a model). */
  readonly inferenceComponents: boolean;
  readonly pools: readonly FleetPool[];
  readonly bounds: FleetBounds;
  /** False when a bound exists but could not be read or resolved: the fleet may reach more than the bounds say. */
  readonly boundsResolved: boolean;
  /** What could not be resolved about this fleet, one sentence each. */
  readonly unresolved: readonly string[];
}

/** The most instances a fleet can reach: the largest bound, and which bounds give it. */
export function neededInstances(bounds: FleetBounds): { readonly count: number | null; readonly from: readonly string[] } {
  const labelled: Array<[string, number | null]> = [
    ['scalable target MaxCapacity', bounds.scalableTargetMax],
    ['managed instance scaling MaxInstanceCount', bounds.managedInstanceScalingMax],
    ['InitialInstanceCount', bounds.initialInstanceCount],
    ['desired instance count now', bounds.desiredInstanceCount],
  ];
  const known = labelled.filter((l): l is [string, number] => l[1] !== null);
  if (known.length === 0) return { count: null, from: [] };
  const count = Math.max(...known.map(([, n]) => n));
  return { count, from: known.filter(([, n]) => n === count).map(([label]) => label) };
}
