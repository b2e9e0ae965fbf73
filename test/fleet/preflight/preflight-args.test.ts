import { parsePreflightCommand, PREFLIGHT_USAGE } from '../../../bin/fleet/preflight/preflight-args';
import { usageErrorOf } from '../usage-error';

const usage = (argv: string[]): string => usageErrorOf(() => parsePreflightCommand(argv)).message;

describe('parsePreflightCommand', () => {
  test('--template FILE', () => {
    expect(parsePreflightCommand(['preflight', '--template', 'cdk.out/LlmEndpoint.template.json', '--json'])).toEqual({
      kind: 'preflight', input: { kind: 'template', path: 'cdk.out/LlmEndpoint.template.json' },
      json: true, debug: false, region: undefined, profile: undefined,
    });
    expect(parsePreflightCommand(['preflight', '-t', 'a.json', '--region', 'eu-west-1'])).toMatchObject({ input: { kind: 'template', path: 'a.json' }, region: 'eu-west-1' });
  });

  test('a live endpoint', () => {
    expect(parsePreflightCommand(['preflight', 'qwen3-4b-llm', '--profile', 'ops'])).toMatchObject({
      kind: 'preflight', input: { kind: 'endpoint', name: 'qwen3-4b-llm' }, profile: 'ops',
    });
  });

  test('--help and --version', () => {
    expect(parsePreflightCommand(['preflight', '-h'])).toEqual({ kind: 'help', text: PREFLIGHT_USAGE });
    expect(parsePreflightCommand(['preflight', '--version'])).toEqual({ kind: 'version' });
  });

  test.each([
    [['preflight'], /^nothing to check: 'sagemaker-fleet preflight --template cdk.out\/STACK.template.json' or 'sagemaker-fleet preflight ENDPOINT'\.$/],
    [['preflight', 'ep', '--template', 'a.json'], /give either --template or an endpoint name, not both/],
    [['preflight', 'a', 'b'], /unexpected argument 'b'/],
    [['preflight', 'bad_name'], /'bad_name' is not a SageMaker endpoint name/],
    [['preflight', '--template', ''], /--template needs a file name/],
    [['preflight', '--template'], /--template/],
    [['preflight', 'ep', '--watch'], /Unknown option '--watch'/],
  ])('%j is a usage error', (argv, message) => {
    expect(usage(argv)).toMatch(message);
  });
});
