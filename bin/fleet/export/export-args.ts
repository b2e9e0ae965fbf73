import { FleetError } from '../errors';
import { checkConnection, checkEndpointName, isSageMakerName, parseOptions } from '../options';

export const EXPORT_USAGE = `Usage: sagemaker-fleet export ENDPOINT [options] > endpoint-stack.ts

Prints a TypeScript CDK stack, written with this library, that reproduces the live endpoint: its models
(Model.fromModelName), its instance pools or single instance type, routing, timeouts, asynchronous
inference, tags and autoscaling. What the library has no property for is set on the underlying
CloudFormation resource; what cannot be reproduced is said in NOTE comments, never dropped. It reads
only (DescribeEndpoint, DescribeEndpointConfig, ListTags, DescribeScalableTargets,
DescribeScalingPolicies). The README section "Migrating an existing endpoint" says how to adopt it.

Options:
      --variant NAME     the production variant the library builds (default: the only one; the others
                         are added to the endpoint config as they are)
      --region REGION    AWS region (default: AWS_REGION or the profile's region)
      --profile NAME     named profile from the AWS config files (default: AWS_PROFILE or default)
      --debug            print the stack trace with an error
  -h, --help             show this help

Exit codes: 0 printed · 2 usage or no region · 3 endpoint not found · 4 no credentials / access denied
            5 network, throttling or AWS-side failure · 6 unexpected
`;

/** Options of `export` that take a value (args.ts needs them to find the command word). */
export const EXPORT_VALUE_OPTIONS = ['--variant'];

export interface ExportCommand {
  readonly kind: 'export';
  readonly endpointName: string;
  /** The production variant the library builds; `undefined`: the only one. */
  readonly variantName?: string;
  readonly region?: string;
  readonly profile?: string;
  readonly debug: boolean;
}

/** Parses `sagemaker-fleet export ...`. Throws a 'usage' FleetError with a one-line message on anything wrong. */
export function parseExportCommand(argv: readonly string[]): ExportCommand | { readonly kind: 'help'; readonly text: string } {
  const { values, positionals } = parseOptions(argv, {
    variant: { type: 'string' },
    region: { type: 'string' },
    profile: { type: 'string' },
    debug: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { kind: 'help', text: EXPORT_USAGE };
  const [, endpointName, ...extra] = positionals;
  checkEndpointName('export', endpointName, extra);
  checkConnection(values);
  if (values.variant !== undefined && !isSageMakerName(values.variant)) {
    throw new FleetError('usage', `--variant '${values.variant}' is not a SageMaker variant name (letters, digits and hyphens, at most 63).`);
  }
  return {
    kind: 'export',
    endpointName,
    variantName: values.variant,
    region: values.region,
    profile: values.profile,
    debug: values.debug === true,
  };
}
