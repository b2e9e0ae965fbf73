import { version } from '../../package.json';
import { parseCommandLine, USAGE } from './args';
import { AwsApi, ClientFactory, createClients } from './aws';
import { FleetStatusCollector } from './collect/fleet-status';
import { exportCommand } from './commands/export';
import { migrateCommand } from './commands/migrate';
import { preflightCommand, readPreflightTemplate, templateRegionError } from './commands/preflight';
import { recommendCommand } from './commands/recommend';
import { statusCommand } from './commands/status';
import { ExitCode, FleetError } from './errors';
import { NO_TERMINAL, processPrompt, Prompt } from './migrate/confirm';
import { processRuntime, Runtime } from './runtime';

/** What `main` takes from the outside world; tests pass their own. */
export interface MainDependencies {
  readonly runtime: Runtime;
  readonly createClients: ClientFactory;
  /** Where `migrate` asks for confirmation (default: no terminal, so it needs --yes). */
  readonly prompt?: Prompt;
}

/**
 * `sagemaker-fleet`: parses the command line, runs the command and turns every failure into one line on
 * stderr and an exit code (see ExitCode). Never throws.
 */
export async function main(argv: readonly string[], deps: MainDependencies): Promise<number> {
  const { runtime } = deps;
  try {
    const command = parseCommandLine(argv);
    if (command.kind === 'help') {
      runtime.stdout.write(command.text ?? USAGE);
      return ExitCode.OK;
    }
    if (command.kind === 'version') {
      runtime.stdout.write(`${version}\n`);
      return ExitCode.OK;
    }
    // A template is read first: a missing file is the error even without a region, and its stack may name the region.
    const template = command.kind === 'preflight' ? readPreflightTemplate(command) : undefined;
    const connection = { region: command.region ?? template?.environment?.region, profile: command.profile };
    const api = new AwsApi(deps.createClients(connection), connection);
    const region = await api.region().catch((error: unknown) => {
      throw command.kind === 'preflight' ? templateRegionError(command, template, error) : error;
    });
    if (command.kind === 'recommend') return await recommendCommand(command, { runtime, api, region });
    if (command.kind === 'preflight') return await preflightCommand(command, { runtime, api, region, template });
    if (command.kind === 'export') return await exportCommand(command, { runtime, api, region });
    if (command.kind === 'migrate') {
      const source = new FleetStatusCollector(api, region, { activityCount: 5, now: runtime.now });
      return await migrateCommand(command, { runtime, api, region, source, prompt: deps.prompt ?? NO_TERMINAL });
    }
    const source = new FleetStatusCollector(api, region, { activityCount: command.activityCount, now: runtime.now });
    return await statusCommand(command, { runtime, source });
  } catch (error) {
    const failure = error instanceof FleetError
      ? error
      : new FleetError('unexpected', `unexpected error: ${describeUnexpected(error)} (run again with --debug for details)`, error);
    runtime.stderr.write(`sagemaker-fleet: ${failure.message}\n`);
    if (argv.includes('--debug')) {
      const original = failure.original ?? failure;
      const stack = (original as { stack?: unknown } | null)?.stack;
      runtime.stderr.write(`${typeof stack === 'string' ? stack : String(original)}\n`);
    }
    return failure.exitCode;
  }
}

/** "TypeError: boom" for anything thrown (duck-typed: errors may come from another realm). */
function describeUnexpected(error: unknown): string {
  const e = (error ?? {}) as { name?: unknown; message?: unknown };
  return typeof e.message === 'string' ? `${typeof e.name === 'string' ? e.name : 'Error'}: ${e.message}` : String(error);
}

/** Runs when this file is the program (the bundled `dist-cli/fleet.js`, or `npx tsx bin/fleet/main.ts`). */
function run(): void {
  // The SDK warns about Node 20's end of support on every run; this tool's own engines field covers that.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // `sagemaker-fleet status x | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  void main(process.argv.slice(2), { runtime: processRuntime(), createClients, prompt: processPrompt() }).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) run();
