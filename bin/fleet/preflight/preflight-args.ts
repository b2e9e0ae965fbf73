import { checkSageMakerName, COMMON_OPTIONS, ConnectionArgs, connectionArgs, InfoRequest, infoRequest, strictParse } from '../command-line';
import { FleetError } from '../errors';

export const PREFLIGHT_USAGE = `Usage: sagemaker-fleet preflight --template cdk.out/STACK.template.json [options]
       sagemaker-fleet preflight ENDPOINT [options]

Before a deploy: per pool of every fleet, the most instances the fleet can reach against the account's
"ml.TYPE for endpoint usage" quota, and what the account's running endpoints use of it.

Options:
  -t, --template FILE    every endpoint of a synthesized template (cdk.out/STACK.template.json); without
                         it, the deployed ENDPOINT
      --json             machine-readable output
      --region REGION    AWS region (default: for a template, the region of its stack's environment in the
                         manifest.json next to it; else AWS_REGION or the profile's region)
      --profile NAME     named profile from the AWS config files (default: AWS_PROFILE or default)
      --debug            print the stack trace with an error
  -h, --help             show this help
      --version          show the version

Exit codes: 0 every check passed
            1 a check failed (SHORT, QUOTA 0 or NO QUOTA)
            2 bad arguments, no region configured, or a --template that cannot be read
            3 endpoint not found · 4 no credentials, credentials rejected, or access denied
            5 AWS unreachable, or still throttling or failing after retries · 6 unexpected error
`;

/** What to check: every endpoint of a synthesized template, or one live endpoint. */
export type PreflightInput = { readonly kind: 'template'; readonly path: string } | { readonly kind: 'endpoint'; readonly name: string };

export interface PreflightCommand extends ConnectionArgs {
  readonly kind: 'preflight';
  readonly input: PreflightInput;
}

/** Parses `preflight (--template FILE | ENDPOINT) [options]`. Throws a 'usage' FleetError with a one-line message on anything wrong. */
export function parsePreflightCommand(argv: readonly string[]): PreflightCommand | InfoRequest {
  const { values, positionals } = strictParse(argv, { ...COMMON_OPTIONS, template: { type: 'string', short: 't' } });
  const info = infoRequest(values, PREFLIGHT_USAGE);
  if (info) return info;
  const [, endpointName, ...extra] = positionals;
  if (extra.length > 0) throw new FleetError('usage', `unexpected argument '${extra[0]}': one endpoint per call.`);
  const template = values.template;
  if (template !== undefined && endpointName !== undefined) {
    throw new FleetError('usage', `give either --template or an endpoint name, not both (got --template ${template} and '${endpointName}').`);
  }
  if (template === undefined && endpointName === undefined) {
    throw new FleetError('usage', "nothing to check: 'sagemaker-fleet preflight --template cdk.out/STACK.template.json' or 'sagemaker-fleet preflight ENDPOINT'.");
  }
  if (template !== undefined && template.trim() === '') throw new FleetError('usage', '--template needs a file name.');
  if (endpointName !== undefined) checkSageMakerName('endpoint', endpointName, 63);
  return {
    kind: 'preflight',
    input: template !== undefined ? { kind: 'template', path: template } : { kind: 'endpoint', name: endpointName! },
    ...connectionArgs(values),
  };
}
