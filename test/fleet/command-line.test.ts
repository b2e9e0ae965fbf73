import {
  checkInstanceType, checkSageMakerName, COMMON_OPTIONS, commandName, connectionArgs, infoRequest, integerOption, isSageMakerName, strictParse,
} from '../../bin/fleet/command-line';
import { InstanceType } from '../../lib';
import { usageErrorOf } from './usage-error';


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
    const error = usageErrorOf(() => strictParse(['recommend', '--bogus'], COMMON_OPTIONS));
    expect(error.message).toBe("Unknown option '--bogus'. Run 'sagemaker-fleet --help'.");
  });
});

test('infoRequest: help wins over version, nothing without either', () => {
  expect(infoRequest({ help: true, version: true }, 'HELP')).toEqual({ kind: 'help', text: 'HELP' });
  expect(infoRequest({ version: true }, 'HELP')).toEqual({ kind: 'version' });
  expect(infoRequest({}, 'HELP')).toBeUndefined();
});

describe('connectionArgs', () => {
  test('keeps region and profile, defaults the flags to false', () => {
    expect(connectionArgs({ region: 'ap-south-1', profile: 'ops' })).toEqual({ json: false, debug: false, region: 'ap-south-1', profile: 'ops' });
  });

  test.each([
    [{ region: 'useast1' }, /--region 'useast1' is not an AWS region name/],
    [{ profile: ' ' }, /--profile needs a profile name/],
  ])('%j is rejected', (values, message) => {
    expect(usageErrorOf(() => connectionArgs(values)).message).toMatch(message);
  });
});

describe('checkSageMakerName', () => {
  test('accepts letters, digits and inner hyphens up to the limit', () => {
    expect(() => checkSageMakerName('job', 'qwen3-recs-2', 63)).not.toThrow();
    expect(() => checkSageMakerName('job', 'a'.repeat(63), 63)).not.toThrow();
  });

  test.each(['-lead', 'trail-', 'under_score', 'a'.repeat(64)])('rejects %s', (name) => {
    expect(usageErrorOf(() => checkSageMakerName('job', name, 63)).message).toMatch(/is not a SageMaker job name \(letters, digits and hyphens, at most 63\)/);
  });
});

describe('isSageMakerName', () => {
  test.each([
    ['llm-endpoint', true], ['a', true], ['A1-b2', true], ['a--b', true], [`a${'-b'.repeat(31)}`, true],
    [`a${'-b'.repeat(31)}c`, false], ['-a', false], ['a-', false], ['a_b', false], ['', false],
  ])('%s → %s', (name, ok) => {
    expect(isSageMakerName(name)).toBe(ok);
  });

  test('takes a longer limit for jobs', () => {
    expect(isSageMakerName('a'.repeat(64))).toBe(false);
    expect(isSageMakerName('a'.repeat(64), 64)).toBe(true);
  });
});

describe('integerOption', () => {
  test('the fallback when absent, the value when in range', () => {
    expect(integerOption('--n', undefined, 7, 1, 9)).toBe(7);
    expect(integerOption('--n', '3', 7, 1, 9)).toBe(3);
  });

  test.each(['10', '0', '2.5', 'x', '-1'])('%s is a usage error', (raw) => {
    expect(usageErrorOf(() => integerOption('--n', raw, 7, 1, 9)).message).toBe(`--n must be a whole number from 1 to 9, got '${raw}'.`);
  });
});

describe('checkInstanceType: the library\'s rule (InstanceType.of)', () => {
  const cases = [
    'ml.p5.48xlarge', 'ml.g6e.12xlarge', 'ml.p6-b200.48xlarge', 'ml.t2.medium',
    'ml.p9.48xlarge', // well-formed, newer than the library's catalog: the library accepts it, with a synth-time warning
    'ml.p5.48xlarg', 'ml.P5.48xlarge', 'p5.48xlarge', 'ml.p5', 'ml.g6-.48xlarge', 'ml.p5.48xlarge ', 'ml.g5/xlarge', '',
  ];

  test.each(cases)('%j: accepted exactly when InstanceType.of accepts it', (name) => {
    let libraryAccepts = true;
    try {
      InstanceType.of(name);
    } catch {
      libraryAccepts = false;
    }
    if (libraryAccepts) {
      expect(() => checkInstanceType('--pools', name)).not.toThrow();
    } else {
      expect(usageErrorOf(() => checkInstanceType('--pools', name)).message).toMatch(/^--pools: InstanceType\.of: .*\[InvalidInstanceType\]$/);
    }
  });

  test('the cases cover both sides', () => {
    const accepted = cases.filter((name) => {
      try {
        checkInstanceType('--pools', name);
        return true;
      } catch {
        return false;
      }
    });
    expect(accepted).toEqual(['ml.p5.48xlarge', 'ml.g6e.12xlarge', 'ml.p6-b200.48xlarge', 'ml.t2.medium', 'ml.p9.48xlarge']);
  });

  test('the library\'s suggestion comes along', () => {
    expect(usageErrorOf(() => checkInstanceType('--order', 'ml.G6.12xlarge')).message).toContain("(did you mean 'ml.g6.12xlarge'?)");
  });

  test('a CDK token is no instance type on a command line', () => {
    expect(usageErrorOf(() => checkInstanceType('--pools', '${Token[TOKEN.7]}')).message)
      .toBe("--pools: '${Token[TOKEN.7]}' is a CDK token, not a SageMaker instance type (e.g. ml.g6.48xlarge).");
  });
});

