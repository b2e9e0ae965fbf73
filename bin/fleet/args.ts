import { FleetError } from './errors';
import { EXPORT_VALUE_OPTIONS, ExportCommand, parseExportCommand } from './export/export-args';
import { MIGRATE_VALUE_OPTIONS, MigrateCommand, parseMigrateCommand } from './migrate/migrate-args';
import { checkConnection, checkEndpointName, integerOption, parseOptions } from './options';

export const USAGE = `Usage: sagemaker-fleet COMMAND ENDPOINT [options]

Commands:
  status ENDPOINT                   which hardware the endpoint runs on (options below)
  migrate ENDPOINT --pools T1,T2    move the endpoint onto instance pools without downtime
  export ENDPOINT                   print TypeScript (this library) that reproduces the endpoint
'sagemaker-fleet migrate --help' and 'sagemaker-fleet export --help' describe those two.

sagemaker-fleet status ENDPOINT [options]

Shows which hardware a SageMaker AI endpoint runs on: each variant's instance pools in priority
order with instance counts and share of the fleet, whether any of it is on fallback hardware,
inference-component copies per instance type, and what autoscaling is doing.

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

Exit codes: 0 ok · 1 endpoint failed / deployment failed · 2 usage or no region · 3 endpoint not found
            4 no credentials / access denied · 5 network, throttling or AWS-side failure · 6 unexpected
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

/** `--help` (with the help text of a command other than status) and `--version`. */
export type Command = { readonly kind: 'help'; readonly text?: string } | { readonly kind: 'version' } | StatusCommand | MigrateCommand | ExportCommand;

const COMMANDS = ['status', 'migrate', 'export'];
/** Options that take a value, of every command: the word after them is not the command. */
const VALUE_OPTIONS = new Set(['--region', '--profile', '--interval', '--activities', ...MIGRATE_VALUE_OPTIONS, ...EXPORT_VALUE_OPTIONS]);

/** Parses `process.argv.slice(2)`. Throws a 'usage' FleetError with a one-line message on anything wrong. */
export function parseCommandLine(argv: readonly string[]): Command {
  const name = commandName(argv);
  if (name === 'migrate') return parseMigrateCommand(argv);
  if (name === 'export') return parseExportCommand(argv);
  const { values, positionals } = parseOptions(argv, {
    watch: { type: 'boolean', short: 'w' },
    json: { type: 'boolean' },
    region: { type: 'string' },
    profile: { type: 'string' },
    interval: { type: 'string' },
    activities: { type: 'string' },
    debug: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' },
  });
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };

  const [command, endpointName, ...extra] = positionals;
  if (command === undefined) throw new FleetError('usage', "missing command: try 'sagemaker-fleet status ENDPOINT'.");
  if (command !== 'status') throw new FleetError('usage', `unknown command '${command}': the commands are ${COMMANDS.join(', ')}.`);
  checkEndpointName('status', endpointName, extra);
  checkConnection(values);

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

/** The command word: the first argument that is neither an option nor an option's value. */
function commandName(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') return argv[i + 1];
    if (!argv[i].startsWith('-')) return argv[i];
    if (VALUE_OPTIONS.has(argv[i])) i++;
  }
  return undefined;
}
