import type { CreateEndpointConfigInput, UpdateEndpointInput } from '@aws-sdk/client-sagemaker';
import { buildCreateRequest } from './build-create-request';
import { newConfigName } from './config-name';
import { MigrateCommand, PoolsMigration, RevertMigration } from './migrate-args';
import { MigrationPlan } from './plan-text';
import { buildUpdateRequest } from './update-request';
import { AwsApi } from '../aws';
import { TRANSITIONAL_STATES } from '../commands/context';
import { FleetError } from '../errors';
import { Runtime } from '../runtime';
import { chooseVariant } from '../snapshot/choose-variant';
import { describeConfig, EndpointSnapshot } from '../snapshot/endpoint-snapshot';

/** States an update back can start from: UpdateRollbackFailed is remedied by an update (AWS's rolling-deployment docs). */
const REVERTIBLE_STATES: ReadonlySet<string> = new Set(['InService', 'UpdateRollbackFailed']);

/** A migration ready to show and to run: the plan, and the requests that carry it out. */
export interface PreparedMigration {
  readonly plan: MigrationPlan;
  /** Absent for a revert (the config exists). */
  readonly create?: CreateEndpointConfigInput;
  readonly update: UpdateEndpointInput;
  /** What `--json` prints: the CreateEndpointConfig request, or for a revert the UpdateEndpoint request. */
  readonly json: CreateEndpointConfigInput | UpdateEndpointInput;
}

/** `--pools`: a new endpoint config copied from the current one, then an update to it. Reads nothing more. */
export function preparePools(command: MigrateCommand, change: PoolsMigration, snapshot: EndpointSnapshot, runtime: Runtime): PreparedMigration {
  const { endpoint } = snapshot;
  requireState(snapshot, endpoint.EndpointStatus === 'InService' && !endpoint.PendingDeploymentSummary,
    `it is ${endpoint.EndpointStatus}${endpoint.PendingDeploymentSummary ? ' with a deployment in progress' : ''}; migrate starts from an InService endpoint`);
  const name = newConfigName(command.endpointName, runtime.now(), () => runtime.random());
  const built = buildCreateRequest(snapshot, change, command.variantName, name);
  const update = buildUpdateRequest(snapshot, name, command.rollingPercent);
  return {
    plan: {
      change: 'pools',
      endpointName: command.endpointName,
      region: snapshot.region,
      fromConfig: snapshot.config.EndpointConfigName ?? '?',
      toConfig: name,
      toConfigIsNew: true,
      before: built.before,
      after: built.after,
      live: endpoint.ProductionVariants?.find((v) => v.VariantName === built.variantName),
      copied: built.copied,
      tagCount: built.request.Tags?.length ?? 0,
      otherVariants: built.otherVariants,
      reservedTags: built.reservedTags,
      notes: built.notes,
      scaling: snapshot.scaling,
      update,
    },
    create: built.request,
    update: update.request,
    json: built.request,
  };
}

/** `--revert CONFIG`: an update back to an existing endpoint config. Reads that config. */
export async function prepareRevert(command: MigrateCommand, change: RevertMigration, snapshot: EndpointSnapshot, api: AwsApi): Promise<PreparedMigration> {
  const { endpoint } = snapshot;
  const state = endpoint.EndpointStatus ?? 'Unknown';
  requireState(snapshot, !TRANSITIONAL_STATES.has(state) && !endpoint.PendingDeploymentSummary,
    `it is ${state}; wait until the deployment in progress ends (sagemaker-fleet status ${command.endpointName} --watch)`);
  requireState(snapshot, REVERTIBLE_STATES.has(state), state === 'Failed'
    ? 'it is Failed, and AWS allows only DeleteEndpoint on a Failed endpoint (see the EndpointStatus of DescribeEndpoint)'
    : `it is ${state}; an update starts from InService or UpdateRollbackFailed`);
  if (endpoint.EndpointConfigName === change.configName) {
    throw new FleetError('refused', `endpoint '${command.endpointName}' already runs on endpoint config ${change.configName}: nothing to revert.`);
  }
  const { config: target } = await describeConfig(api, change.configName, `endpoint config ${change.configName}`);
  const before = chooseVariant(snapshot.config.ProductionVariants ?? [], command.variantName, command.endpointName);
  const after = target.ProductionVariants?.find((v) => v.VariantName === before.VariantName)
    ?? chooseVariant(target.ProductionVariants ?? [], undefined, command.endpointName);
  const update = buildUpdateRequest(snapshot, change.configName, command.rollingPercent);
  return {
    plan: {
      change: 'revert',
      endpointName: command.endpointName,
      region: snapshot.region,
      fromConfig: snapshot.config.EndpointConfigName ?? '?',
      toConfig: change.configName,
      toConfigIsNew: false,
      before,
      after,
      live: endpoint.ProductionVariants?.find((v) => v.VariantName === before.VariantName),
      copied: [],
      tagCount: 0,
      otherVariants: [],
      reservedTags: [],
      notes: [],
      scaling: snapshot.scaling,
      update,
    },
    update: update.request,
    json: update.request,
  };
}

function requireState(snapshot: EndpointSnapshot, ok: boolean, why: string): void {
  if (!ok) throw new FleetError('refused', `not changing endpoint '${snapshot.endpoint.EndpointName}': ${why}. Nothing was changed.`);
}
