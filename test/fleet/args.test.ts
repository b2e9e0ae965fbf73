import { helpExitCodes, readmeExitCodes } from './readme-output';
import { parseCommandLine, STATUS_USAGE, USAGE } from '../../bin/fleet/args';
import { EXPORT_USAGE } from '../../bin/fleet/export/export-args';
import { MIGRATE_USAGE } from '../../bin/fleet/migrate/migrate-args';
import { PREFLIGHT_USAGE } from '../../bin/fleet/preflight/preflight-args';
import { RECOMMEND_USAGE } from '../../bin/fleet/recommend/recommend-args';
import { FleetError } from '../../bin/fleet/errors';
import { usageErrorOf } from './usage-error';

const usageError = (argv: string[]): FleetError => usageErrorOf(() => parseCommandLine(argv));

describe('parseCommandLine', () => {
  test('status with defaults', () => {
    expect(parseCommandLine(['status', 'llm-endpoint'])).toEqual({
      kind: 'status', endpointName: 'llm-endpoint', watch: false, json: false, region: undefined, profile: undefined,
      intervalSeconds: 10, activityCount: 5, debug: false,
    });
  });

  test('every option, in any position', () => {
    expect(parseCommandLine(['--json', 'status', '-w', 'llm-endpoint', '--region', 'eu-central-2', '--profile', 'ops',
      '--interval', '30', '--activities', '0', '--debug'])).toEqual({
      kind: 'status', endpointName: 'llm-endpoint', watch: true, json: true, region: 'eu-central-2', profile: 'ops',
      intervalSeconds: 30, activityCount: 0, debug: true,
    });
  });

  test('--help and --version win over everything else', () => {
    expect(parseCommandLine(['status', 'x', '--help'])).toEqual({ kind: 'help', text: STATUS_USAGE });
    expect(parseCommandLine(['-h'])).toEqual({ kind: 'help' });
    expect(parseCommandLine(['--version'])).toEqual({ kind: 'version' });
  });

  test.each([
    [[], /missing command/],
    [['describe', 'x'], /unknown command 'describe': the commands are status, recommend, preflight, migrate, export\./],
    [['toString', 'x'], /unknown command 'toString'/],
    [['status'], /missing endpoint name/],
    [['status', 'a', 'b'], /unexpected argument 'b': one endpoint per call/],
    [['status', 'my_endpoint'], /'my_endpoint' is not a SageMaker endpoint name/],
    [['status', '-x'], /^Unknown option '-x'\. Run 'sagemaker-fleet --help'\.$/],
    [['status', 'x', '--region'], /--region/],
    [['status', 'x', '--region', 'useast1'], /--region 'useast1' is not an AWS region name/],
    [['status', 'x', '--profile', ' '], /--profile needs a profile name/],
    [['status', 'x', '--interval', '1'], /--interval must be a whole number from 2 to 3600, got '1'/],
    [['status', 'x', '--interval', '5s'], /--interval must be a whole number/],
    [['status', 'x', '--activities', '51'], /--activities must be a whole number from 0 to 50/],
  ])('usage error for %j', (argv, message) => {
    const error = usageError(argv);
    expect(error.kind).toBe('usage');
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
  });

  test('a 63-character endpoint name is accepted, 64 is not', () => {
    const name = `a${'-b'.repeat(31)}`;
    expect(name).toHaveLength(63);
    expect(parseCommandLine(['status', name])).toMatchObject({ endpointName: name });
    expect(usageError(['status', `${name}c`]).kind).toBe('usage');
  });

  test('recommend parses its own options, also after --region or --profile', () => {
    expect(parseCommandLine(['--region', 'eu-west-1', 'recommend', 'qwen3-recs', '--order', 'ml.g6e.12xlarge'])).toMatchObject({
      kind: 'recommend', jobName: 'qwen3-recs', order: ['ml.g6e.12xlarge'], region: 'eu-west-1',
    });
    expect(parseCommandLine(['recommend', '--help'])).toEqual({ kind: 'help', text: RECOMMEND_USAGE });
    expect(usageError(['recommend', 'j', '--watch']).message).toMatch(/Unknown option '--watch'/);
  });

  test('preflight parses its own options', () => {
    expect(parseCommandLine(['preflight', '--template', 'cdk.out/A.template.json'])).toMatchObject({
      kind: 'preflight', input: { kind: 'template', path: 'cdk.out/A.template.json' },
    });
    expect(parseCommandLine(['--profile', 'ops', 'preflight', 'llm'])).toMatchObject({ kind: 'preflight', input: { kind: 'endpoint', name: 'llm' }, profile: 'ops' });
  });

  test('migrate and export parse their own options, with help texts of their own', () => {
    expect(parseCommandLine(['migrate', 'llm', '--pools', 'ml.p5.48xlarge'])).toMatchObject({ kind: 'migrate', endpointName: 'llm' });
    expect(parseCommandLine(['--region', 'eu-west-1', '--profile', 'ops', 'migrate', 'llm', '--revert', 'cfg']))
      .toMatchObject({ kind: 'migrate', region: 'eu-west-1', profile: 'ops', change: { kind: 'revert', configName: 'cfg' } });
    expect(parseCommandLine(['migrate', '--help'])).toMatchObject({ kind: 'help', text: expect.stringContaining('sagemaker-fleet migrate ENDPOINT --pools') });
    expect(parseCommandLine(['export', 'llm', '--variant', 'Blue'])).toMatchObject({ kind: 'export', endpointName: 'llm', variantName: 'Blue' });
    expect(parseCommandLine(['export', '--version'])).toEqual({ kind: 'version' });
  });

  test('the general help lists every command and the options they share, and points at each command\'s help', () => {
    for (const text of ['status ENDPOINT', 'recommend JOB_NAME', 'preflight (--template FILE | ENDPOINT)',
      'migrate ENDPOINT (--pools TYPE[,TYPE...] | --revert CONFIG_NAME)', 'export ENDPOINT', "'sagemaker-fleet COMMAND --help' (or -h)",
      '--region', '--profile', '--debug', '--help', '--version']) {
      expect(USAGE).toContain(text);
    }
    expect(USAGE.split('\n').filter((l) => l.length > 110)).toEqual([]);
  });
});

/** Each command, its help text, and the options that help must list. */
const HELPS: Array<[string, string, string[]]> = [
  ['status', STATUS_USAGE, ['--watch', '--interval', '--activities', '--json']],
  ['recommend', RECOMMEND_USAGE, ['--order', '--inference-components', '--job-type', '--json']],
  ['preflight', PREFLIGHT_USAGE, ['--template', '--json']],
  ['migrate', MIGRATE_USAGE, ['--pools', '--revert', '--dry-run', '--yes']],
  ['export', EXPORT_USAGE, ['--variant']],
];

describe.each(HELPS)('%s --help', (command, help, options) => {
  test.each([[['--help']], [['-h']], [['x', '--help']], [['x', '-h']]])(`sagemaker-fleet ${command} %j: the command's own help, not the general one`, (args) => {
    expect(parseCommandLine([command, ...args])).toEqual({ kind: 'help', text: help });
    expect(parseCommandLine(['--help', command])).toEqual({ kind: 'help', text: help });
  });

  test('it documents the command\'s options, the shared ones, and the exit codes of the README\'s table for it', () => {
    expect(help.startsWith(`Usage: sagemaker-fleet ${command} `)).toBe(true);
    for (const option of [...options, '--region', '--profile', '--debug', '--help', '--version']) expect(help).toContain(option);
    expect(helpExitCodes(help)).toEqual([...readmeExitCodes(command).keys()].sort());
    expect(help.split('\n').filter((l) => l.length > 110)).toEqual([]);
  });
});
