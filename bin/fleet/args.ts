import { parseArgs } from 'node:util';
import { commandName, integerOption } from './command-line';
import { FleetError } from './errors';
import { ExportCommand, parseExportCommand } from './export/export-args';
import { MigrateCommand, parseMigrateCommand } from './migrate/migrate-args';
import { parsePreflightCommand, PreflightCommand } from './preflight/preflight-args';
import { parseRecommendCommand, RecommendCommand } from './recommend/recommend-args';

export const USAGE = `Usage: sagemaker-fleet status ENDPOINT [options]
       sagemaker-fleet recommend JOB_NAME [options]
       sagemaker-fleet preflight (--template FILE | ENDPOINT) [options]
       sagemaker-fleet migrate ENDPOINT (--pools TYPE[,TYPE...] | --revert CONFIG_NAME) [options]
       sagemaker-fleet export ENDPOINT [options]

  status      which hardware a SageMaker AI endpoint runs on: each variant's instance pools in priority
              order with instance counts and share of the fleet, whether any of it is on fallback hardware,
              inference-component copies per instance type, and what autoscaling is doing
  recommend   the recommendations of a SageMaker AI recommendation job (or an Inference Recommender job)
              as ranked instance pools: TypeScript for this library, one model per instance type
  preflight   before deploy: per pool, the most instances the fleet can reach against the account's
              "ml.TYPE for endpoint usage" quota and what its running endpoints use
  migrate     moves a live endpoint from one instance type onto instance pools without downtime: copies
              its endpoint config, shows the plan, asks, updates and follows the update
  export      TypeScript for this library that reproduces a live endpoint, to bring it under CDK

'sagemaker-fleet COMMAND --help' (or -h) lists the options and exit codes of that command.

Options of every command:
      --region REGION    AWS region (default: AWS_REGION or the profile's region)
      --profile NAME     named profile from the AWS config files (default: AWS_PROFILE or default)
      --debug            print the stack trace with an error
  -h, --help             show this help (after a command: that command's help)
      --version          show the version
`;

export const STATUS_USAGE = `Usage: sagemaker-fleet status ENDPOINT [options]

Which hardware a SageMaker AI endpoint runs on: each variant's instance pools in priority order with
instance counts and share of the fleet, whether any of it is on fallback hardware, inference-component
copies per instance type, and what autoscaling is doing.

Options:
  -w, --watch            refresh while the endpoint is Creating or Updating, until it is InService
                         or Failed (exit code 1 when the deployment fails or is rolled back)
      --interval SECS    refresh interval of --watch (default 10, 2..3600)
      --activities N     recent scaling activities to show per scalable target (default 5, 0..50)
      --json             machine-readable output (with --watch: one JSON object per line)
      --region REGION    AWS region (default: AWS_REGION or the profile's region)
      --profile NAME     named profile from the AWS config files (default: AWS_PROFILE or default)
      --debug            print the stack trace with an error
  -h, --help             show this help
      --version          show the version

Exit codes: 0 report printed, the endpoint is not failed (after --watch: it ended InService)
            1 the endpoint is Failed, UpdateRollbackFailed or OutOfService, or the watched deployment
              failed or rolled back
            2 bad arguments or no region configured
            3 endpoint not found · 4 no credentials, credentials rejected, or access denied
            5 AWS unreachable, or still throttling or failing after retries · 6 unexpected error
`;

export interface StatusCommand {
  readonly kind: 'status';
  readonly endpointName: string;
  readonly watch: boolean;
  readonly json: boolean;
  readonly region?: string;
  readonly profile?: string;
  readonly intervalSeconds: number;
  readonly activityCount: number;
  readonly debug: boolean;
}

/** `--help` (with the help text of a command that has its own) and `--version`, or a command. */
export type Command = { readonly kind: 'help'; readonly text?: string } | { readonly kind: 'version' }
  | StatusCommand | RecommendCommand | PreflightCommand | MigrateCommand | ExportCommand;

/** Commands that parse their own options (each in its own module). */
const COMMAND_PARSERS: ReadonlyMap<string, (argv: readonly string[]) => Command> = new Map<string, (argv: readonly string[]) => Command>([
  ['recommend', parseRecommendCommand],
  ['preflight', parsePreflightCommand],
  ['migrate', parseMigrateCommand],
  ['export', parseExportCommand],
]);

/** SageMaker's EndpointName pattern (and at most 63 characters). */
const ENDPOINT_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** Parses `process.argv.slice(2)`. Throws a 'usage' FleetError with a one-line message on anything wrong. */
export function parseCommandLine(argv: readonly string[]): Command {
  const delegated = COMMAND_PARSERS.get(commandName(argv) ?? '');
  if (delegated) return delegated(argv);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        watch: { type: 'boolean', short: 'w' },
        json: { type: 'boolean' },
        region: { type: 'string' },
        profile: { type: 'string' },
        interval: { type: 'string' },
        activities: { type: 'string' },
        debug: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (error) {
    // Node's messages run on with advice about '--'; the first sentence is the useful part.
    // (Duck-typed: Node's own errors may come from another realm, where instanceof Error is false.)
    const raw = (error as { message?: unknown } | null)?.message;
    const message = typeof raw === 'string' ? raw.split(/\.\s/)[0].replace(/\.$/, '') : String(error);
    throw new FleetError('usage', `${message}. Run 'sagemaker-fleet --help'.`, error);
  }
  const { values, positionals } = parsed;
  const [command, endpointName, ...extra] = positionals;
  if (values.help) return command === 'status' ? { kind: 'help', text: STATUS_USAGE } : { kind: 'help' };
  if (values.version) return { kind: 'version' };

  if (command === undefined) throw new FleetError('usage', "missing command: try 'sagemaker-fleet status ENDPOINT'.");
  if (command !== 'status') {
    throw new FleetError('usage', `unknown command '${command}': the commands are ${['status', ...COMMAND_PARSERS.keys()].join(', ')}.`);
  }
  if (endpointName === undefined) throw new FleetError('usage', "missing endpoint name: 'sagemaker-fleet status ENDPOINT'.");
  if (extra.length > 0) throw new FleetError('usage', `unexpected argument '${extra[0]}': one endpoint per call.`);
  if (!ENDPOINT_NAME.test(endpointName) || endpointName.length > 63) {
    throw new FleetError('usage', `'${endpointName}' is not a SageMaker endpoint name (letters, digits and hyphens, at most 63).`);
  }
  if (values.region !== undefined && !REGION.test(values.region)) {
    throw new FleetError('usage', `--region '${values.region}' is not an AWS region name (e.g. us-east-1).`);
  }
  if (values.profile !== undefined && values.profile.trim() === '') throw new FleetError('usage', '--profile needs a profile name.');

  return {
    kind: 'status',
    endpointName,
    watch: values.watch === true,
    json: values.json === true,
    region: values.region,
    profile: values.profile,
    intervalSeconds: integerOption('--interval', values.interval, 10, 2, 3600),
    activityCount: integerOption('--activities', values.activities, 5, 0, 50),
    debug: values.debug === true,
  };
}
