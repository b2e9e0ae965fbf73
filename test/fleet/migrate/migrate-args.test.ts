import { helpExitCodes, readmeExitCodes } from '../readme-output';
import { FleetError } from '../../../bin/fleet/errors';
import { MIGRATE_USAGE, parseMigrateCommand } from '../../../bin/fleet/migrate/migrate-args';
import { usageErrorOf } from '../usage-error';

const usageError = (argv: string[]): FleetError => usageErrorOf(() => parseMigrateCommand(argv));

describe('parseMigrateCommand', () => {
  test('--pools with defaults', () => {
    expect(parseMigrateCommand(['migrate', 'llm', '--pools', 'ml.p5.48xlarge,ml.g6.48xlarge'])).toEqual({
      kind: 'migrate',
      endpointName: 'llm',
      change: { kind: 'pools', pools: ['ml.p5.48xlarge', 'ml.g6.48xlarge'], forceOrder: false, models: {}, routing: undefined, provisioningTimeoutSeconds: undefined },
      variantName: undefined,
      rollingPercent: undefined,
      ignoreStack: false, dryRun: false, json: false, yes: false, watch: true, intervalSeconds: 10,
      region: undefined, profile: undefined, debug: false,
    });
  });

  test('every option', () => {
    expect(parseMigrateCommand(['migrate', 'llm', '--pools', 'ml.p5.48xlarge, ml.g6.48xlarge', '--force-order', '--variant', 'AllTraffic',
      '--model', 'ml.g6.48xlarge=int4', '--model', 'ml.p5.48xlarge=fp16', '--routing', 'random', '--provisioning-timeout', '3600',
      '--rolling', '25', '--ignore-stack', '--dry-run', '--json', '-y', '--no-watch', '--interval', '30', '--region', 'eu-west-1', '--profile', 'ops', '--debug'])).toEqual({
      kind: 'migrate',
      endpointName: 'llm',
      change: {
        kind: 'pools', pools: ['ml.p5.48xlarge', 'ml.g6.48xlarge'], forceOrder: true,
        models: { 'ml.g6.48xlarge': 'int4', 'ml.p5.48xlarge': 'fp16' }, routing: 'RANDOM', provisioningTimeoutSeconds: 3600,
      },
      variantName: 'AllTraffic',
      rollingPercent: 25,
      ignoreStack: true, dryRun: true, json: true, yes: true, watch: false, intervalSeconds: 30,
      region: 'eu-west-1', profile: 'ops', debug: true,
    });
  });

  test('--revert', () => {
    expect(parseMigrateCommand(['migrate', 'llm', '--revert', 'llm-config-v1', '--yes'])).toMatchObject({
      change: { kind: 'revert', configName: 'llm-config-v1' }, yes: true,
    });
  });

  test('--help gives the migrate help text', () => {
    expect(parseMigrateCommand(['migrate', '--help'])).toEqual({ kind: 'help', text: MIGRATE_USAGE });
  });

  test.each([
    [['migrate', 'llm'], /^missing --pools: 'sagemaker-fleet migrate ENDPOINT --pools TYPE\[,TYPE\.\.\.\]' \(or --revert CONFIG_NAME\)\.$/],
    [['migrate'], /missing endpoint name: 'sagemaker-fleet migrate ENDPOINT'/],
    [['migrate', 'a', 'b', '--pools', 'ml.p5.48xlarge'], /unexpected argument 'b'/],
    [['migrate', 'llm', '--pools', 'p5.48xlarge'],
      /^--pools: InstanceType\.of: a SageMaker instance type: .* \(did you mean 'ml\.p5\.48xlarge'\?\), got 'p5\.48xlarge' \[InvalidInstanceType\]$/],
    // The library's rule, not a looser one of the CLI's: a size must be a size (what a stack would reject, migrate rejects).
    [['migrate', 'llm', '--pools', 'ml.p5.48xlarg,ml.g6.48xlarge'], /^--pools: InstanceType\.of: .*, got 'ml\.p5\.48xlarg' \[InvalidInstanceType\]$/],
    [['migrate', 'llm', '--pools', 'ml.p5.48xlarge,ml.g6-.48xlarge'], /got 'ml\.g6-\.48xlarge' \[InvalidInstanceType\]$/],
    [['migrate', 'llm', '--pools', 'ml.p5.48xlarge,${Token[TOKEN.1]}'], /^--pools: '\$\{Token\[TOKEN\.1\]\}' is a CDK token, not a SageMaker instance type/],
    [['migrate', 'llm', '--pools', 'ml.a.b,ml.c.d,ml.e.f,ml.g.h,ml.i.j,ml.k.l'], /--pools lists 6 instance types: a variant takes at most 5/],
    [['migrate', 'llm', '--pools', 'ml.p5.48xlarge,ml.p5.48xlarge'], /--pools lists ml\.p5\.48xlarge twice/],
    [['migrate', 'llm', '--pools', 'ml.p5.48xlarge', '--model', 'int4'], /--model 'int4' is not TYPE=MODEL_NAME/],
    [['migrate', 'llm', '--pools', 'ml.p5.48xlarge', '--model', 'ml.g6.48xlarge=int4'], /ml\.g6\.48xlarge is not one of --pools \(ml\.p5\.48xlarge\)/],
    [['migrate', 'llm', '--pools', 'ml.p5.48xlarge', '--model', 'ml.p5.48xlarge=int_4'], /'int_4' is not a SageMaker model name/],
    [['migrate', 'llm', '--pools', 'ml.p5.48xlarge', '--model', 'ml.p5.48xlarge=a', '--model', 'ml.p5.48xlarge=b'], /names a model for ml\.p5\.48xlarge twice/],
    [['migrate', 'llm', '--pools', 'ml.p5.48xlarge', '--routing', 'LOR'], /--routing must be least-outstanding-requests or random, got 'LOR'/],
    [['migrate', 'llm', '--pools', 'ml.p5.48xlarge', '--provisioning-timeout', '200'], /--provisioning-timeout must be a whole number from 300 to 3600/],
    [['migrate', 'llm', '--pools', 'ml.p5.48xlarge', '--rolling', '60'], /--rolling must be a whole number from 5 to 50, got '60'/],
    [['migrate', 'llm', '--pools', 'ml.p5.48xlarge', '--interval', '1'], /--interval must be a whole number from 2 to 3600/],
    [['migrate', 'llm', '--pools', 'ml.p5.48xlarge', '--variant', 'all_traffic'], /--variant 'all_traffic' is not a SageMaker variant name/],
    [['migrate', 'llm', '--revert', 'cfg', '--pools', 'ml.p5.48xlarge'], /--revert takes the earlier config as it is: --pools cannot go with it/],
    [['migrate', 'llm', '--revert', 'cfg', '--model', 'ml.p5.48xlarge=x'], /--model cannot go with it/],
    [['migrate', 'llm', '--revert', 'cfg_1'], /--revert 'cfg_1' is not a SageMaker endpoint config name/],
    [['migrate', 'llm', '--pools', 'ml.p5.48xlarge', '--watch'], /^Unknown option '--watch'\. Run 'sagemaker-fleet --help'\.$/],
    [['migrate', 'llm', '--pools', 'ml.p5.48xlarge', '--region', 'nowhere'], /--region 'nowhere' is not an AWS region name/],
  ])('usage error for %j', (argv, message) => {
    const error = usageError(argv);
    expect(error.kind).toBe('usage');
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
  });

  test('the help text documents every option and the exit codes', () => {
    for (const flag of ['--pools', '--force-order', '--variant', '--model', '--routing', '--provisioning-timeout', '--rolling', '--revert',
      '--ignore-stack', '--dry-run', '--json', '--yes', '--no-watch', '--interval', '--region', '--profile', '--debug', '--help']) {
      expect(MIGRATE_USAGE).toContain(flag);
    }
    expect(MIGRATE_USAGE.split('\n').filter((l) => l.length > 110)).toEqual([]);
  });

  test('the exit codes are those of the README\'s table for migrate, with their meanings', () => {
    expect(helpExitCodes(MIGRATE_USAGE)).toEqual([...readmeExitCodes('migrate').keys()].sort());
    const help = MIGRATE_USAGE.replace(/\s+/g, ' ');
    expect(help).toMatch(/1 the update failed or was rolled back, or SageMaker refused a write \(nothing changed\)/);
    expect(help).toMatch(/2 bad arguments or no region, a change or an endpoint migrate refuses \(.*CloudFormation stack.*--ignore-stack\)/);
    expect(help).toContain('6 unexpected, or the endpoint config has a field this version does not know');
  });
});
