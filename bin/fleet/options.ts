/**
 * Option parsing and checks shared by the commands' argument parsers (args.ts, migrate/migrate-args.ts,
 * export/export-args.ts). Every failure is a one-line 'usage' FleetError.
 */
import { parseArgs, ParseArgsConfig } from 'node:util';
import { FleetError } from './errors';

/** SageMaker's name pattern for endpoints, endpoint configs, variants and models; see isSageMakerName. */
const SAGEMAKER_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** Letters, digits and hyphens, starting and ending with a letter or digit, at most 63 characters. */
export function isSageMakerName(name: string): boolean {
  return SAGEMAKER_NAME.test(name) && name.length <= 63;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Node's strict parseArgs, with its errors turned into one-line usage errors. */
export function parseOptions<T extends Options>(argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options });
  } catch (error) {
    // Node's messages run on with advice about '--'; the first sentence is the useful part.
    // (Duck-typed: Node's own errors may come from another realm, where instanceof Error is false.)
    const raw = (error as { message?: unknown } | null)?.message;
    const message = typeof raw === 'string' ? raw.split(/\.\s/)[0].replace(/\.$/, '') : String(error);
    throw new FleetError('usage', `${message}. Run 'sagemaker-fleet --help'.`, error);
  }
}

/** One endpoint name, well formed. */
export function checkEndpointName(command: string, endpointName: string | undefined, extra: readonly string[]): asserts endpointName is string {
  if (endpointName === undefined) throw new FleetError('usage', `missing endpoint name: 'sagemaker-fleet ${command} ENDPOINT'.`);
  if (extra.length > 0) throw new FleetError('usage', `unexpected argument '${extra[0]}': one endpoint per call.`);
  if (!isSageMakerName(endpointName)) {
    throw new FleetError('usage', `'${endpointName}' is not a SageMaker endpoint name (letters, digits and hyphens, at most 63).`);
  }
}

/** `--region` looks like a region and `--profile` is not blank. */
export function checkConnection(values: { readonly region?: string | boolean; readonly profile?: string | boolean }): void {
  if (typeof values.region === 'string' && !REGION.test(values.region)) {
    throw new FleetError('usage', `--region '${values.region}' is not an AWS region name (e.g. us-east-1).`);
  }
  if (typeof values.profile === 'string' && values.profile.trim() === '') throw new FleetError('usage', '--profile needs a profile name.');
}

export function integerOption(flag: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
    throw new FleetError('usage', `${flag} must be a whole number from ${min} to ${max}, got '${raw}'.`);
  }
  return value;
}
