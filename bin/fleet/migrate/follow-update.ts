import { MigrateCommand } from './migrate-args';
import { StatusCommand } from '../args';
import { StatusSource } from '../commands/context';
import { watchCommand } from '../commands/watch';
import { ExitCode, ExitCodeValue } from '../errors';
import { FleetStatus } from '../model';
import { Runtime } from '../runtime';

/** How many refreshes to wait for an accepted UpdateEndpoint to show in DescribeEndpoint before watching anyway. */
export const SETTLE_REFRESHES = 6;

/** Where the followed update ended. */
export interface FollowOutcome {
  /** 0 when the endpoint ended InService on the new config, 1 otherwise. */
  readonly code: ExitCodeValue;
  /** The last report (null if none was taken). */
  readonly last: FleetStatus | null;
}

/**
 * Follows the update with the display of `status --watch` (commands/watch.ts) until the endpoint is InService or
 * the update failed or was rolled back. Success means more than "InService": the endpoint must run on
 * `targetConfig`, so an update that SageMaker rolled back quietly, or that never showed, is not reported as done.
 */
export async function followUpdate(command: MigrateCommand, runtime: Runtime, source: StatusSource, targetConfig: string): Promise<FollowOutcome> {
  const recording = new SettlingSource(source, runtime, command.intervalSeconds, targetConfig);
  const watch: StatusCommand = {
    kind: 'status',
    endpointName: command.endpointName,
    watch: true,
    json: false,
    region: command.region,
    profile: command.profile,
    intervalSeconds: command.intervalSeconds,
    activityCount: 5,
    debug: command.debug,
  };
  const code = await watchCommand(watch, { runtime, source: recording });
  const last = recording.last;
  const arrived = last !== null && last.endpoint.status === 'InService' && last.endpoint.endpointConfigName === targetConfig;
  return { code: code === ExitCode.OK && arrived ? ExitCode.OK : ExitCode.ENDPOINT_FAILED, last };
}

/**
 * A status source that remembers the last report, and on its first call waits (a few refreshes) until the
 * accepted update shows: DescribeEndpoint may still report the old state for a moment after UpdateEndpoint, and
 * the watch would then see nothing in progress.
 */
class SettlingSource implements StatusSource {
  public last: FleetStatus | null = null;
  private settled = false;

  constructor(private readonly inner: StatusSource, private readonly runtime: Runtime, private readonly intervalSeconds: number,
    private readonly targetConfig: string) {}

  public async collect(endpointName: string): Promise<FleetStatus> {
    let status = await this.inner.collect(endpointName);
    for (let i = 0; !this.settled && i < SETTLE_REFRESHES && !this.underway(status); i++) {
      await this.runtime.sleep(this.intervalSeconds * 1000);
      status = await this.inner.collect(endpointName);
    }
    this.settled = true;
    this.last = status;
    return status;
  }

  private underway(status: FleetStatus): boolean {
    return status.endpoint.status !== 'InService'
      || status.pendingDeployment?.endpointConfigName === this.targetConfig
      || status.endpoint.endpointConfigName === this.targetConfig;
  }
}
