import { helpExitCodes, readmeExitCodes } from '../readme-output';
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

  test('the exit codes are those of the README\'s table for export, with their meanings', () => {
    expect(helpExitCodes(EXPORT_USAGE)).toEqual([...readmeExitCodes('export').keys()].sort());
    expect(EXPORT_USAGE.replace(/\s+/g, ' ')).toMatch(/2 bad arguments or no region, or an endpoint export refuses: one that hosts inference components, or a serverless one/);
    expect(EXPORT_USAGE.split('\n').filter((l) => l.length > 110)).toEqual([]);
  });
});
