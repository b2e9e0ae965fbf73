import { CommandContext, FAILED_STATES } from './context';
import { watchCommand } from './watch';
import { StatusCommand } from '../args';
import { ExitCode, ExitCodeValue } from '../errors';
import { renderJson } from '../render/json';
import { renderText } from '../render/text';

/**
 * `status ENDPOINT`: one report, as text or `--json`. Exit code 0 unless the endpoint is in a failed state
 * (1); with `--watch`, follows the deployment instead (see watch.ts).
 */
export async function statusCommand(command: StatusCommand, ctx: CommandContext): Promise<ExitCodeValue> {
  if (command.watch) return watchCommand(command, ctx);
  const status = await ctx.source.collect(command.endpointName);
  ctx.runtime.stdout.write(command.json ? renderJson(status, 'document') : renderText(status, ctx.runtime.now()));
  return FAILED_STATES.has(status.endpoint.status) ? ExitCode.ENDPOINT_FAILED : ExitCode.OK;
}
