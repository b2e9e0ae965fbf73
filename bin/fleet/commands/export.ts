import { AwsApi } from '../aws';
import { ExitCode, ExitCodeValue } from '../errors';
import { ExportCommand } from '../export/export-args';
import { exportStack } from '../export/stack-source';
import { Runtime } from '../runtime';
import { describeStack } from '../snapshot/cloudformation-stack';
import { readEndpointSnapshot } from '../snapshot/endpoint-snapshot';

/** What `export` needs besides its arguments. */
export interface ExportContext {
  readonly runtime: Runtime;
  readonly api: AwsApi;
  readonly region: string;
}

/**
 * `export ENDPOINT`: reads the endpoint (the same reads as migrate, no write) and prints a TypeScript CDK stack
 * that reproduces it. stdout carries only the module, so that `> endpoint-stack.ts` works; how many NOTEs it
 * holds goes to stderr.
 */
export async function exportCommand(command: ExportCommand, ctx: ExportContext): Promise<ExitCodeValue> {
  const snapshot = await readEndpointSnapshot(ctx.api, ctx.region, command.endpointName);
  const exported = exportStack(snapshot, command.variantName, ctx.runtime.now());
  ctx.runtime.stdout.write(exported.source);
  const notes = exported.notes.length;
  const stack = exported.stack
    ? `; the endpoint belongs to ${describeStack(exported.stack)}: take it over there with existingEndpoint, as the module's header says`
    : '';
  ctx.runtime.stderr.write(`sagemaker-fleet: exported endpoint ${command.endpointName} as ${exported.className}${stack}`
    + `${notes > 0 ? `; read its ${notes === 1 ? 'NOTE' : `${notes} NOTEs`} before the first deploy` : ''}.\n`);
  return ExitCode.OK;
}
