import { checkSageMakerName, COMMON_OPTIONS, ConnectionArgs, connectionArgs, InfoRequest, infoRequest, strictParse } from '../command-line';
import { FleetError } from '../errors';

/** What to check: every endpoint of a synthesized template, or one live endpoint. */
export type PreflightInput = { readonly kind: 'template'; readonly path: string } | { readonly kind: 'endpoint'; readonly name: string };

export interface PreflightCommand extends ConnectionArgs {
  readonly kind: 'preflight';
  readonly input: PreflightInput;
}

/** Parses `preflight (--template FILE | ENDPOINT) [options]`. Throws a 'usage' FleetError with a one-line message on anything wrong. */
export function parsePreflightCommand(argv: readonly string[]): PreflightCommand | InfoRequest {
  const { values, positionals } = strictParse(argv, { ...COMMON_OPTIONS, template: { type: 'string', short: 't' } });
  const info = infoRequest(values);
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
