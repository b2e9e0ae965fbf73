import {
  checkInstanceType, COMMON_OPTIONS, ConnectionArgs, connectionArgs, infoRequest, integerOption, isSageMakerName, strictParse,
} from '../command-line';
import { FleetError } from '../errors';

export const MIGRATE_USAGE = `Usage: sagemaker-fleet migrate ENDPOINT --pools TYPE[,TYPE...] [options]
       sagemaker-fleet migrate ENDPOINT --revert CONFIG_NAME [options]

Moves a live endpoint onto instance pools without downtime: copies its endpoint config field by field
into a new one whose variant lists --pools instead of one InstanceType, shows the plan, asks, then
calls CreateEndpointConfig and UpdateEndpoint and follows the update until it is InService.
A field it cannot copy is an error, never dropped. --revert puts the endpoint back on an earlier config.

Options:
      --pools TYPES          instance types in priority order, comma-separated (1 to 5); the first must be
                             the variant's current instance type
      --force-order          allow --pools not to start with the current instance type
      --variant NAME         the production variant to move (default: the only one)
      --model TYPE=MODEL     serve MODEL on the pool of TYPE (ModelNameOverride); repeat per pool
      --routing STRATEGY     least-outstanding-requests (default) or random
      --provisioning-timeout SECS
                             VariantInstanceProvisionTimeoutInSeconds, 300..3600 (default: SageMaker's)
      --rolling PERCENT      rolling deployment in batches of PERCENT of the instances (5..50), 5-minute
                             bake per batch, rollback in batches of the same size (default: SageMaker's
                             blue/green all at once, or the endpoint's last deployment config)
      --revert CONFIG_NAME   update the endpoint back to CONFIG_NAME (same rules for instance counts)
      --ignore-stack         migrate an endpoint tagged aws:cloudformation:stack-name anyway; without it,
                             such an endpoint is refused, since a CloudFormation stack manages it (use the
                             library's existingEndpoint takeover in that stack instead)
      --dry-run              print the plan and stop: no write call
      --json                 print the CreateEndpointConfig request (with --revert: the UpdateEndpoint
                             request) as JSON on stdout; the plan and progress go to stderr
  -y, --yes                  do not ask for confirmation (required when there is no terminal)
      --no-watch             return once UpdateEndpoint is accepted instead of following the update
      --interval SECS        refresh interval while following the update (default 10, 2..3600)
      --region REGION        AWS region (default: AWS_REGION or the profile's region)
      --profile NAME         named profile from the AWS config files (default: AWS_PROFILE or default)
      --debug                print the stack trace with an error
  -h, --help                 show this help
      --version              show the version

Exit codes: 0 the endpoint ended InService on the new config, or the plan was printed (--dry-run), or the
              update was accepted (--no-watch)
            1 the update failed or was rolled back, or SageMaker refused a write (nothing changed)
            2 bad arguments or no region, a change or an endpoint migrate refuses (such as one a
              CloudFormation stack manages, without --ignore-stack), or no confirmation (nothing changed)
            3 endpoint or (--revert) endpoint config not found · 4 no credentials, credentials rejected, or
              access denied · 5 AWS unreachable, or still throttling or failing after retries
            6 unexpected, or the endpoint config has a field this version does not know (nothing changed)
`;

/** SageMaker's routing strategies, by their command-line spelling. */
const ROUTING: Readonly<Record<string, 'LEAST_OUTSTANDING_REQUESTS' | 'RANDOM'>> = {
  'least-outstanding-requests': 'LEAST_OUTSTANDING_REQUESTS',
  'random': 'RANDOM',
};

/** `--pools ...`: move a variant from one instance type onto a ranked list. */
export interface PoolsMigration {
  readonly kind: 'pools';
  /** Instance types, priority 1 first. */
  readonly pools: readonly string[];
  readonly forceOrder: boolean;
  /** Per-pool model (ModelNameOverride), by instance type. */
  readonly models: Readonly<Record<string, string>>;
  /** `undefined`: least-outstanding-requests, unless the variant routes by prefix (kept). */
  readonly routing?: 'LEAST_OUTSTANDING_REQUESTS' | 'RANDOM';
  readonly provisioningTimeoutSeconds?: number;
}

/** `--revert CONFIG_NAME`: point the endpoint back at an earlier endpoint config. */
export interface RevertMigration {
  readonly kind: 'revert';
  readonly configName: string;
}

/** `migrate ...`; its `json` (from ConnectionArgs) means: the request on stdout, everything else on stderr. */
export interface MigrateCommand extends ConnectionArgs {
  readonly kind: 'migrate';
  readonly endpointName: string;
  readonly change: PoolsMigration | RevertMigration;
  /** The production variant to move; `undefined`: the only one. */
  readonly variantName?: string;
  /** Rolling deployment batch, percent of the instances; `undefined`: no rolling policy of our own. */
  readonly rollingPercent?: number;
  /** `--ignore-stack`: migrate an endpoint that carries CloudFormation's stack tags anyway. */
  readonly ignoreStack: boolean;
  readonly dryRun: boolean;
  readonly yes: boolean;
  readonly watch: boolean;
  readonly intervalSeconds: number;
}

/** Parses `sagemaker-fleet migrate ...`. Throws a 'usage' FleetError with a one-line message on anything wrong. */
export function parseMigrateCommand(argv: readonly string[]): MigrateCommand | { readonly kind: 'help'; readonly text: string } | { readonly kind: 'version' } {
  const { values, positionals } = strictParse(argv, {
    ...COMMON_OPTIONS,
    'pools': { type: 'string' },
    'force-order': { type: 'boolean' },
    'variant': { type: 'string' },
    'model': { type: 'string', multiple: true },
    'routing': { type: 'string' },
    'provisioning-timeout': { type: 'string' },
    'rolling': { type: 'string' },
    'revert': { type: 'string' },
    'ignore-stack': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    'yes': { type: 'boolean', short: 'y' },
    'no-watch': { type: 'boolean' },
    'interval': { type: 'string' },
  });
  const info = infoRequest(values, MIGRATE_USAGE);
  if (info) return info;
  const [, endpointName, ...extra] = positionals;
  if (endpointName === undefined) throw new FleetError('usage', "missing endpoint name: 'sagemaker-fleet migrate ENDPOINT'.");
  if (extra.length > 0) throw new FleetError('usage', `unexpected argument '${extra[0]}': one endpoint per call.`);
  if (!isSageMakerName(endpointName)) {
    throw new FleetError('usage', `'${endpointName}' is not a SageMaker endpoint name (letters, digits and hyphens, at most 63).`);
  }
  const connection = connectionArgs(values);
  if (values.variant !== undefined && !isSageMakerName(values.variant)) {
    throw new FleetError('usage', `--variant '${values.variant}' is not a SageMaker variant name (letters, digits and hyphens, at most 63).`);
  }

  let change: PoolsMigration | RevertMigration;
  if (values.revert !== undefined) {
    const poolOnly = (['pools', 'force-order', 'model', 'routing', 'provisioning-timeout'] as const).find((k) => values[k] !== undefined);
    if (poolOnly) throw new FleetError('usage', `--revert takes the earlier config as it is: --${poolOnly} cannot go with it.`);
    if (!isSageMakerName(values.revert)) {
      throw new FleetError('usage', `--revert '${values.revert}' is not a SageMaker endpoint config name (letters, digits and hyphens, at most 63).`);
    }
    change = { kind: 'revert', configName: values.revert };
  } else {
    change = poolsMigration(values);
  }

  return {
    kind: 'migrate',
    endpointName,
    change,
    variantName: values.variant,
    rollingPercent: values.rolling === undefined ? undefined : integerOption('--rolling', values.rolling, 0, 5, 50),
    ignoreStack: values['ignore-stack'] === true,
    dryRun: values['dry-run'] === true,
    yes: values.yes === true,
    watch: values['no-watch'] !== true,
    intervalSeconds: integerOption('--interval', values.interval, 10, 2, 3600),
    ...connection,
  };
}

interface PoolValues {
  readonly 'pools'?: string;
  readonly 'force-order'?: boolean;
  readonly 'model'?: string[];
  readonly 'routing'?: string;
  readonly 'provisioning-timeout'?: string;
}

function poolsMigration(values: PoolValues): PoolsMigration {
  if (values.pools === undefined) {
    throw new FleetError('usage', "missing --pools: 'sagemaker-fleet migrate ENDPOINT --pools TYPE[,TYPE...]' (or --revert CONFIG_NAME).");
  }
  const pools = values.pools.split(',').map((t) => t.trim());
  if (pools.length > 5) throw new FleetError('usage', `--pools lists ${pools.length} instance types: a variant takes at most 5.`);
  for (const type of pools) checkInstanceType('--pools', type);
  const duplicate = pools.find((t, i) => pools.indexOf(t) !== i);
  if (duplicate) throw new FleetError('usage', `--pools lists ${duplicate} twice: each instance type is one pool.`);

  const models: Record<string, string> = {};
  for (const entry of values.model ?? []) {
    const [type, model, ...rest] = entry.split('=');
    if (model === undefined || rest.length > 0) throw new FleetError('usage', `--model '${entry}' is not TYPE=MODEL_NAME.`);
    if (!pools.includes(type)) throw new FleetError('usage', `--model ${entry}: ${type} is not one of --pools (${pools.join(', ')}).`);
    if (!isSageMakerName(model)) throw new FleetError('usage', `--model ${entry}: '${model}' is not a SageMaker model name.`);
    if (models[type] !== undefined) throw new FleetError('usage', `--model names a model for ${type} twice.`);
    models[type] = model;
  }

  let routing: PoolsMigration['routing'];
  if (values.routing !== undefined) {
    routing = ROUTING[values.routing];
    if (!routing) throw new FleetError('usage', `--routing must be least-outstanding-requests or random, got '${values.routing}'.`);
  }
  return {
    kind: 'pools',
    pools,
    forceOrder: values['force-order'] === true,
    models,
    routing,
    provisioningTimeoutSeconds: values['provisioning-timeout'] === undefined
      ? undefined : integerOption('--provisioning-timeout', values['provisioning-timeout'], 0, 300, 3600),
  };
}
