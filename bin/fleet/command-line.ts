import { parseArgs, ParseArgsConfig } from 'node:util';
import { FleetError } from './errors';
import { InstanceType } from '../../lib/instance-types/instance-type';

/**
 * Helpers for the parsers of commands that own their options (`recommend`, `preflight`, `migrate`, `export`):
 * every command takes `--region`, `--profile`, `--debug`, `--help` and `--version` (most also `--json`), and
 * reports a bad command line as one 'usage' line.
 */

export const COMMON_OPTIONS = {
  json: { type: 'boolean' },
  region: { type: 'string' },
  profile: { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

/** `--help` (with the command's own help text) and `--version` win over everything else. */
export type InfoRequest = { readonly kind: 'help'; readonly text: string } | { readonly kind: 'version' };

/** The help or version request among the parsed flags, if any; `help` is the command's own help text. */
export function infoRequest(values: { help?: boolean; version?: boolean }, help: string): InfoRequest | undefined {
  if (values.help) return { kind: 'help', text: help };
  if (values.version) return { kind: 'version' };
  return undefined;
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** The options every command shares, checked. */
export interface ConnectionArgs {
  readonly json: boolean;
  readonly region?: string;
  readonly profile?: string;
  readonly debug: boolean;
}

/** `parseArgs`, strict, with Node's messages cut to their first sentence and turned into a usage error. */
export function strictParse<T extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options });
  } catch (error) {
    // Duck-typed: Node's own errors may come from another realm, where instanceof Error is false.
    const raw = (error as { message?: unknown } | null)?.message;
    const message = typeof raw === 'string' ? raw.split(/\.\s/)[0].replace(/\.$/, '') : String(error);
    throw new FleetError('usage', `${message}. Run 'sagemaker-fleet --help'.`, error);
  }
}

/** Checks `--region` and `--profile` and collects the shared flags. */
export function connectionArgs(values: { json?: boolean; region?: string; profile?: string; debug?: boolean }): ConnectionArgs {
  if (values.region !== undefined && !REGION.test(values.region)) {
    throw new FleetError('usage', `--region '${values.region}' is not an AWS region name (e.g. us-east-1).`);
  }
  if (values.profile !== undefined && values.profile.trim() === '') throw new FleetError('usage', '--profile needs a profile name.');
  return { json: values.json === true, region: values.region, profile: values.profile, debug: values.debug === true };
}

/** The first argument that is not an option or the value of `--region` / `--profile`: the command's name. */
export function commandName(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--region' || arg === '--profile') {
      i++;
    } else if (!arg.startsWith('-')) {
      return arg;
    }
  }
  return undefined;
}

/**
 * SageMaker's name pattern for endpoints, endpoint configs, variants, models and jobs: letters, digits and
 * hyphens, no leading or trailing hyphen.
 */
export function isSageMakerName(name: string, maxLength = 63): boolean {
  return /^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/.test(name) && name.length <= maxLength;
}

/** Throws a usage error unless `name` is a SageMaker name (isSageMakerName). */
export function checkSageMakerName(what: string, name: string, maxLength: number): void {
  if (!isSageMakerName(name, maxLength)) {
    throw new FleetError('usage', `'${name}' is not a SageMaker ${what} name (letters, digits and hyphens, at most ${maxLength}).`);
  }
}

/** A whole number from `min` to `max`, or `fallback` when the option is not given. */
export function integerOption(flag: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
    throw new FleetError('usage', `${flag} must be a whole number from ${min} to ${max}, got '${raw}'.`);
  }
  return value;
}

/**
 * Throws a usage error unless the library takes `name` as an instance type: the CLI applies the library's own rule
 * (`InstanceType.of`), so it never accepts a name a stack would reject, and says what the library would say. A
 * well-formed type the library's catalog does not list yet is accepted, as the library accepts it. A CDK token
 * (which InstanceType.of lets through, to resolve at deploy time) is no instance type on a command line.
 */
export function checkInstanceType(flag: string, name: string): void {
  let type: InstanceType;
  try {
    type = InstanceType.of(name);
  } catch (error) {
    const message = (error as { message?: unknown } | null)?.message;
    throw new FleetError('usage', `${flag}: ${typeof message === 'string' ? message : `'${name}' is not a SageMaker instance type`}`, error);
  }
  if (type.isUnresolved) throw new FleetError('usage', `${flag}: '${name}' is a CDK token, not a SageMaker instance type (e.g. ml.g6.48xlarge).`);
}
