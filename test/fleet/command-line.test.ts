import { checkSageMakerName, COMMON_OPTIONS, commandName, connectionArgs, infoRequest, strictParse } from '../../bin/fleet/command-line';
import { FleetError } from '../../bin/fleet/errors';

function usageError(fn: () => unknown): FleetError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FleetError);
    expect((error as FleetError).kind).toBe('usage');
    return error as FleetError;
  }
  throw new Error('expected a usage error');
}

describe('commandName', () => {
  test.each([
    [['recommend', 'job'], 'recommend'],
    [['--region', 'eu-west-1', 'preflight', '--template', 'x'], 'preflight'],
    [['--profile', 'ops', '--json', 'status', 'e'], 'status'],
    [['--help'], undefined],
    [[], undefined],
  ])('%j → %s', (argv, expected) => {
    expect(commandName(argv)).toBe(expected);
  });
});

describe('strictParse', () => {
  test('parses the shared options and positionals', () => {
    const { values, positionals } = strictParse(['recommend', 'job', '--json', '--region', 'eu-west-1'], COMMON_OPTIONS);
    expect(positionals).toEqual(['recommend', 'job']);
    expect(values).toMatchObject({ json: true, region: 'eu-west-1' });
  });

  test("an unknown option is a one-sentence usage error pointing at --help", () => {
    const error = usageError(() => strictParse(['recommend', '--bogus'], COMMON_OPTIONS));
    expect(error.message).toBe("Unknown option '--bogus'. Run 'sagemaker-fleet --help'.");
  });
});

test('infoRequest: help wins over version, nothing without either', () => {
  expect(infoRequest({ help: true, version: true })).toEqual({ kind: 'help' });
  expect(infoRequest({ version: true })).toEqual({ kind: 'version' });
  expect(infoRequest({})).toBeUndefined();
});

describe('connectionArgs', () => {
  test('keeps region and profile, defaults the flags to false', () => {
    expect(connectionArgs({ region: 'ap-south-1', profile: 'ops' })).toEqual({ json: false, debug: false, region: 'ap-south-1', profile: 'ops' });
  });

  test.each([
    [{ region: 'useast1' }, /--region 'useast1' is not an AWS region name/],
    [{ profile: ' ' }, /--profile needs a profile name/],
  ])('%j is rejected', (values, message) => {
    expect(usageError(() => connectionArgs(values)).message).toMatch(message);
  });
});

describe('checkSageMakerName', () => {
  test('accepts letters, digits and inner hyphens up to the limit', () => {
    expect(() => checkSageMakerName('job', 'qwen3-recs-2', 63)).not.toThrow();
    expect(() => checkSageMakerName('job', 'a'.repeat(63), 63)).not.toThrow();
  });

  test.each(['-lead', 'trail-', 'under_score', 'a'.repeat(64)])('rejects %s', (name) => {
    expect(usageError(() => checkSageMakerName('job', name, 63)).message).toMatch(/is not a SageMaker job name \(letters, digits and hyphens, at most 63\)/);
  });
});
