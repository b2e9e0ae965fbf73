import { FleetError } from '../../../bin/fleet/errors';
import { EXPORT_USAGE, parseExportCommand } from '../../../bin/fleet/export/export-args';

describe('parseExportCommand', () => {
  test('defaults and every option', () => {
    expect(parseExportCommand(['export', 'llm'])).toEqual({ kind: 'export', endpointName: 'llm', variantName: undefined, region: undefined, profile: undefined, debug: false });
    expect(parseExportCommand(['export', 'llm', '--variant', 'Blue', '--region', 'eu-west-1', '--profile', 'ops', '--debug']))
      .toEqual({ kind: 'export', endpointName: 'llm', variantName: 'Blue', region: 'eu-west-1', profile: 'ops', debug: true });
    expect(parseExportCommand(['export', '-h'])).toEqual({ kind: 'help', text: EXPORT_USAGE });
  });

  test.each([
    [['export'], /missing endpoint name: 'sagemaker-fleet export ENDPOINT'/],
    [['export', 'a', 'b'], /unexpected argument 'b'/],
    [['export', 'llm', '--variant', 'a_b'], /--variant 'a_b' is not a SageMaker variant name/],
    [['export', 'llm', '--json'], /^Unknown option '--json'/],
  ])('usage error for %j', (argv, message) => {
    expect(() => parseExportCommand(argv)).toThrow(FleetError);
    expect(() => parseExportCommand(argv)).toThrow(message);
  });

  test('the help text names the reads and the README section', () => {
    expect(EXPORT_USAGE).toContain('DescribeEndpoint, DescribeEndpointConfig, ListTags, DescribeScalableTargets');
    expect(EXPORT_USAGE).toContain('"Migrating an existing endpoint"');
  });
});
