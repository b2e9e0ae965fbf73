import { FleetError } from '../../bin/fleet/errors';
import { checkConnection, checkEndpointName, integerOption, isSageMakerName, parseOptions } from '../../bin/fleet/options';

describe('isSageMakerName', () => {
  test.each([
    ['llm-endpoint', true], ['a', true], ['A1-b2', true], [`a${'-b'.repeat(31)}`, true],
    [`a${'-b'.repeat(31)}c`, false], ['-a', false], ['a-', false], ['a_b', false], ['', false], ['a--b', true],
  ])('%s → %s', (name, ok) => {
    expect(isSageMakerName(name)).toBe(ok);
  });
});

describe('parseOptions', () => {
  test('parses strictly and explains in one line', () => {
    expect(parseOptions(['x', '--flag'], { flag: { type: 'boolean' } }).values.flag).toBe(true);
    expect(() => parseOptions(['--nope'], {})).toThrow(new FleetError('usage', "Unknown option '--nope'. Run 'sagemaker-fleet --help'."));
  });
});

describe('checks', () => {
  test('checkEndpointName wants exactly one well-formed name', () => {
    expect(() => checkEndpointName('export', undefined, [])).toThrow("missing endpoint name: 'sagemaker-fleet export ENDPOINT'.");
    expect(() => checkEndpointName('export', 'a', ['b'])).toThrow("unexpected argument 'b': one endpoint per call.");
    expect(() => checkEndpointName('export', 'a_b', [])).toThrow(/'a_b' is not a SageMaker endpoint name/);
    expect(() => checkEndpointName('export', 'a-b', [])).not.toThrow();
  });

  test('checkConnection', () => {
    expect(() => checkConnection({ region: 'us-east-1', profile: 'ops' })).not.toThrow();
    expect(() => checkConnection({ region: 'east' })).toThrow(/--region 'east' is not an AWS region name/);
    expect(() => checkConnection({ profile: '  ' })).toThrow('--profile needs a profile name.');
  });

  test('integerOption', () => {
    expect(integerOption('--n', undefined, 7, 1, 9)).toBe(7);
    expect(integerOption('--n', '3', 7, 1, 9)).toBe(3);
    expect(() => integerOption('--n', '10', 7, 1, 9)).toThrow("--n must be a whole number from 1 to 9, got '10'.");
    expect(() => integerOption('--n', '2.5', 7, 1, 9)).toThrow(/whole number/);
  });
});
