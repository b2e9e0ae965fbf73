import { FleetStatus } from '../model';
import { Runtime } from '../runtime';

/** Produces one report per call: FleetStatusCollector in production, anything in tests. */
export interface StatusSource {
  collect(endpointName: string): Promise<FleetStatus>;
}

/** What a command needs besides its arguments. */
export interface CommandContext {
  readonly runtime: Runtime;
  readonly source: StatusSource;
}

/** Endpoint states that mean "this endpoint does not serve as deployed": exit code 1. */
export const FAILED_STATES: ReadonlySet<string> = new Set(['Failed', 'UpdateRollbackFailed', 'OutOfService']);

/** States a deployment passes through; `--watch` refreshes while the endpoint is in one of them. */
export const TRANSITIONAL_STATES: ReadonlySet<string> = new Set(['Creating', 'Updating', 'SystemUpdating', 'RollingBack', 'Deleting']);
