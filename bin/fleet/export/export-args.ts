import { connectionArgs, infoRequest, isSageMakerName, strictParse } from '../command-line';
import { FleetError } from '../errors';

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
      --version          show the version

Exit codes: 0 the module was printed
            2 bad arguments or no region, or an endpoint export refuses: one that hosts inference components,
              or a serverless one
            3 endpoint not found · 4 no credentials, credentials rejected, or access denied
            5 AWS unreachable, or still throttling or failing after retries · 6 unexpected error
`;

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
export function parseExportCommand(argv: readonly string[]): ExportCommand | { readonly kind: 'help'; readonly text: string } | { readonly kind: 'version' } {
  const { values, positionals } = strictParse(argv, {
    variant: { type: 'string' },
    region: { type: 'string' },
    profile: { type: 'string' },
    debug: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' },
  });
  const info = infoRequest(values, EXPORT_USAGE);
  if (info) return info;
  const [, endpointName, ...extra] = positionals;
  if (endpointName === undefined) throw new FleetError('usage', "missing endpoint name: 'sagemaker-fleet export ENDPOINT'.");
  if (extra.length > 0) throw new FleetError('usage', `unexpected argument '${extra[0]}': one endpoint per call.`);
  if (!isSageMakerName(endpointName)) {
    throw new FleetError('usage', `'${endpointName}' is not a SageMaker endpoint name (letters, digits and hyphens, at most 63).`);
  }
  const { region, profile, debug } = connectionArgs(values);
  if (values.variant !== undefined && !isSageMakerName(values.variant)) {
    throw new FleetError('usage', `--variant '${values.variant}' is not a SageMaker variant name (letters, digits and hyphens, at most 63).`);
  }
  return {
    kind: 'export',
    endpointName,
    variantName: values.variant,
    region,
    profile,
    debug,
  };
}
