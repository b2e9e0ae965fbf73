import { StatusSource } from './context';
import { AwsApi } from '../aws';
import { ExitCode, ExitCodeValue, FleetError } from '../errors';
import { awsMessage, createEndpointConfigOnce, updateEndpointOnce } from '../migrate/apply-migration';
import { confirm, Prompt } from '../migrate/confirm';
import { followUpdate } from '../migrate/follow-update';
import { updateAccepted, updateDidNotFinish, updateRefused, updateUncertain } from '../migrate/guidance';
import { MigrateCommand } from '../migrate/migrate-args';
import { renderPlan, revertCommand } from '../migrate/plan-text';
import { PreparedMigration, preparePools, prepareRevert } from '../migrate/prepare-migration';
import { Runtime } from '../runtime';
import { cloudFormationStack, describeStack, STACK_NAME_TAG, takeoverAdvice } from '../snapshot/cloudformation-stack';
import { readEndpointSnapshot } from '../snapshot/endpoint-snapshot';

/** SageMaker said no to a write (ValidationException and the like): nothing changed; exit code 1, as a failed update. */
function rejectedByAws(error: unknown): error is FleetError {
  return error instanceof FleetError && error.kind === 'unexpected' && (error.original as { $fault?: unknown } | undefined)?.$fault === 'client';
}

function refusedByAws(runtime: Runtime, operation: string, error: FleetError, after: string): ExitCodeValue {
  runtime.stderr.write(`sagemaker-fleet: SageMaker refused ${operation}: ${awsMessage(error)} Nothing was changed: ${after}\n`);
  return ExitCode.ENDPOINT_FAILED;
}

/** Failures after which nobody knows whether the request was taken. */
const UNCLEAR_FAILURES: ReadonlySet<string> = new Set(['network', 'throttled', 'service']);

/** What `migrate` needs besides its arguments. */
export interface MigrateContext {
  readonly runtime: Runtime;
  readonly api: AwsApi;
  readonly region: string;
  readonly prompt: Prompt;
  /** Reports for following the update (FleetStatusCollector). */
  readonly source: StatusSource;
}

/**
 * `migrate ENDPOINT --pools ...` / `--revert CONFIG`: read everything, print the plan, stop for `--dry-run`, ask,
 * then CreateEndpointConfig (not for a revert) and UpdateEndpoint, and follow the update unless `--no-watch`.
 * With `--json`, stdout carries only the request as JSON and everything for the operator goes to stderr.
 * Exit code 0 when the endpoint ends InService on the new config (or the plan was printed, or the update was
 * accepted with --no-watch), 1 when the update failed or was rolled back; refusals exit 2 before any write.
 */
export async function migrateCommand(command: MigrateCommand, ctx: MigrateContext): Promise<ExitCodeValue> {
  const { runtime, api } = ctx;
  const operator = command.json ? runtime.stderr : runtime.stdout;
  const snapshot = await readEndpointSnapshot(api, ctx.region, command.endpointName);
  const stack = cloudFormationStack(snapshot.endpointTags);
  if (stack && !command.ignoreStack) {
    throw new FleetError('refused', `not changing endpoint '${command.endpointName}': it belongs to ${describeStack(stack)} `
      + `(tag ${STACK_NAME_TAG}), and a change made outside the stack is drift that the next update of the stack puts back; `
      + `${takeoverAdvice(stack)}. If no stack manages it any more, run again with --ignore-stack. Nothing was changed.`);
  }
  const prepared: PreparedMigration = command.change.kind === 'pools'
    ? preparePools(command, command.change, snapshot, runtime)
    : await prepareRevert(command, command.change, snapshot, api);
  const plan = stack
    ? { ...prepared.plan, notes: [...prepared.plan.notes, `endpoint ${command.endpointName} carries the tags of ${describeStack(stack)}; `
      + 'changed outside it (--ignore-stack): if that stack still manages it, its next update puts the old config back'] }
    : prepared.plan;

  operator.write(renderPlan(plan));
  if (command.json) runtime.stdout.write(`${JSON.stringify(prepared.json, null, 2)}\n`);
  if (command.dryRun) {
    operator.write('\nDry run: nothing was changed.\n');
    return ExitCode.OK;
  }
  await confirm(ctx.prompt, command.yes, plan.toConfigIsNew
    ? `Create endpoint config ${plan.toConfig} and update endpoint ${plan.endpointName} to it?`
    : `Update endpoint ${plan.endpointName} to endpoint config ${plan.toConfig}?`);

  if (prepared.create) {
    let outcome;
    try {
      outcome = await createEndpointConfigOnce(api, prepared.create);
    } catch (error) {
      if (!rejectedByAws(error)) throw error;
      return refusedByAws(runtime, 'CreateEndpointConfig', error, `endpoint ${plan.endpointName} is unchanged.`);
    }
    operator.write(`\nCreated endpoint config ${plan.toConfig}${outcome === 'found-own' ? ' (found in place after a retried request)' : ''}.\n`);
  }
  try {
    await updateEndpointOnce(api, prepared.update);
  } catch (error) {
    const unclear = error instanceof FleetError && UNCLEAR_FAILURES.has(error.kind);
    operator.write(unclear ? updateUncertain(plan) : updateRefused(plan));
    if (!rejectedByAws(error)) throw error;
    return refusedByAws(runtime, 'UpdateEndpoint', error, 'see above.');
  }
  if (!command.watch) {
    operator.write(`\n${updateAccepted(plan)}`);
    return ExitCode.OK;
  }
  operator.write(`UpdateEndpoint accepted; following the update (Ctrl-C stops watching, not the update).\n\n`);
  const followed = await followUpdate(command, command.json ? { ...runtime, stdout: runtime.stderr } : runtime, ctx.source, plan.toConfig);
  if (followed.code === ExitCode.OK) {
    operator.write(`\nEndpoint ${plan.endpointName} runs on ${plan.toConfig}. Going back, if ever needed: ${revertCommand(plan)}\n`);
    return ExitCode.OK;
  }
  operator.write(updateDidNotFinish(plan, followed.last));
  return ExitCode.ENDPOINT_FAILED;
}
