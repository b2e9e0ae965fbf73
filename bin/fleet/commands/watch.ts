import { CommandContext, FAILED_STATES, TRANSITIONAL_STATES } from './context';
import { StatusCommand } from '../args';
import { ExitCode, ExitCodeValue, FleetError } from '../errors';
import { FleetStatus } from '../model';
import { duration } from '../render/format';
import { renderJson } from '../render/json';
import { progressLine } from '../render/progress';
import { renderText } from '../render/text';

/** Clear the terminal and home the cursor before each frame of the live view. */
export const CLEAR_SCREEN = '\x1b[H\x1b[2J';
/** Without a terminal, an unchanged line is still repeated this often, so CI does not take the job for hung. */
const HEARTBEAT_SECONDS = 300;
/** A deployment can take an hour: this many refreshes in a row may be lost (after retries) before the watch gives up. */
export const MAX_FAILED_REFRESHES = 5;
/** Failures that say nothing about the endpoint, only about the way to it. */
const RETRYABLE_KINDS: ReadonlySet<string> = new Set(['network', 'throttled', 'service']);

/**
 * `status ENDPOINT --watch`: refreshes every `--interval` seconds while the endpoint is Creating, Updating,
 * SystemUpdating, RollingBack or Deleting, then prints a verdict.
 * - terminal: the full report redrawn in place, with the elapsed time on top;
 * - not a terminal: one progress line whenever something changes (and a heartbeat), the full report at the end;
 * - `--json`: one JSON object per refresh and line; the verdict goes to stderr.
 * Exit code 0 when the endpoint ends InService, 1 when it ends Failed (or another failed state) or when the
 * update was rolled back (RollingBack seen, or the endpoint ends on another config than the one deployed).
 * After the first refresh, a refresh lost to the network or throttling (after retries) is reported on stderr
 * and tried again, up to MAX_FAILED_REFRESHES in a row.
 */
export async function watchCommand(command: StatusCommand, ctx: CommandContext): Promise<ExitCodeValue> {
  const { runtime } = ctx;
  const out = runtime.stdout;
  const live = !command.json && out.isTTY === true;
  const started = runtime.now();
  let sawTransition = false;
  let sawRollback = false;
  let deployedConfig: string | null = null;
  let deploymentStartMs: number | null = null;
  let lastLine = '';
  let lastLineAt = -Infinity;
  let failedInARow = 0;

  for (let refresh = 0; ; refresh++) {
    let status: FleetStatus;
    try {
      status = await ctx.source.collect(command.endpointName);
      failedInARow = 0;
    } catch (error) {
      if (refresh === 0 || !(error instanceof FleetError)) throw error;
      if (error.kind === 'not-found') {
        throw new FleetError('not-found', `endpoint '${command.endpointName}' was deleted while watching.`, error);
      }
      if (!RETRYABLE_KINDS.has(error.kind) || ++failedInARow >= MAX_FAILED_REFRESHES) throw error;
      runtime.stderr.write(`sagemaker-fleet: refresh failed (${failedInARow} of ${MAX_FAILED_REFRESHES} in a row), `
        + `trying again in ${command.intervalSeconds}s: ${error.message}\n`);
      await runtime.sleep(command.intervalSeconds * 1000);
      continue;
    }
    const now = runtime.now();
    const elapsed = (now - started) / 1000;
    const state = status.endpoint.status;
    const done = !TRANSITIONAL_STATES.has(state);
    if (!done) {
      sawTransition = true;
      const start = deploymentStart(status);
      // Creating then Updating counts as one deployment from the creation time: keep the earliest start seen.
      if (start !== null) deploymentStartMs = Math.min(start, deploymentStartMs ?? start);
      deployedConfig = status.pendingDeployment?.endpointConfigName ?? deployedConfig;
    }
    if (state === 'RollingBack') sawRollback = true;
    const watched: FleetStatus = {
      ...status,
      watch: {
        elapsedSeconds: Math.round(elapsed),
        deploymentElapsedSeconds: deploymentStartMs === null ? null : Math.round((now - deploymentStartMs) / 1000),
      },
    };

    if (command.json) {
      out.write(renderJson(watched, 'stream'));
    } else if (done && !sawTransition) {
      out.write(renderText(watched, now)); // nothing in progress: a plain report, no screen clearing
    } else if (live) {
      out.write(CLEAR_SCREEN + frameHeader(command, watched, done) + renderText(watched, now));
    } else {
      const line = progressLine(watched, elapsed);
      const change = line.replace(/^\[[^\]]*\] /, '');
      if (change !== lastLine || elapsed - lastLineAt >= HEARTBEAT_SECONDS) {
        out.write(line + '\n');
        lastLine = change;
        lastLineAt = elapsed;
      }
      if (done) out.write('\n' + renderText(watched, now));
    }

    if (done) {
      const rolledBack = sawRollback || (deployedConfig !== null && status.endpoint.endpointConfigName !== deployedConfig);
      return verdict(command, watched, { sawTransition, rolledBack, ctx });
    }
    await runtime.sleep(command.intervalSeconds * 1000);
  }
}

function frameHeader(command: StatusCommand, status: FleetStatus, done: boolean): string {
  const w = status.watch;
  const deployment = w?.deploymentElapsedSeconds != null ? ` · deployment running ${duration(w.deploymentElapsedSeconds)}` : '';
  const hint = done ? '' : ' · Ctrl-C stops watching (not the deployment)';
  return `Watching ${command.endpointName} every ${command.intervalSeconds}s · elapsed ${duration(w?.elapsedSeconds ?? 0)}${deployment}${hint}\n\n`;
}

interface WatchFacts {
  readonly sawTransition: boolean;
  readonly rolledBack: boolean;
  readonly ctx: CommandContext;
}

function verdict(command: StatusCommand, status: FleetStatus, facts: WatchFacts): ExitCodeValue {
  const { endpoint } = status;
  const took = status.watch?.deploymentElapsedSeconds ?? status.watch?.elapsedSeconds ?? 0;
  const reason = endpoint.failureReason ?? 'SageMaker gave no failure reason';
  let message: string;
  let code: ExitCodeValue;
  if (FAILED_STATES.has(endpoint.status)) {
    message = `Deployment failed: endpoint ${endpoint.name} is ${endpoint.status} (deployment took ${duration(took)}): ${reason}`;
    code = ExitCode.ENDPOINT_FAILED;
  } else if (facts.rolledBack) {
    message = `Deployment rolled back: endpoint ${endpoint.name} is ${endpoint.status} on config ${endpoint.endpointConfigName ?? '?'}: ${reason}`;
    code = ExitCode.ENDPOINT_FAILED;
  } else if (facts.sawTransition) {
    message = `Deployment complete: endpoint ${endpoint.name} is ${endpoint.status} (deployment took ${duration(took)})`;
    code = ExitCode.OK;
  } else {
    message = `Endpoint ${endpoint.name} is ${endpoint.status}: no deployment in progress`;
    code = ExitCode.OK;
  }
  // stdout stays pure JSON with --json; the verdict is for the human or the CI log.
  (command.json ? facts.ctx.runtime.stderr : facts.ctx.runtime.stdout).write(`${command.json ? 'sagemaker-fleet: ' : '\n'}${message}\n`);
  return code;
}

/** When the deployment in progress started: the creation time while Creating, else the pending deployment's start. */
function deploymentStart(status: FleetStatus): number | null {
  const e = status.endpoint;
  const when = e.status === 'Creating' ? e.creationTime : status.pendingDeployment?.startTime ?? null;
  return when ? new Date(when).getTime() : null;
}
