import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AwsApi } from '../aws';
import { ExitCode, ExitCodeValue, FleetError } from '../errors';
import { checkFleets } from '../preflight/check-fleets';
import { endpointQuotas } from '../preflight/endpoint-quotas';
import { endpointUsage } from '../preflight/endpoint-usage';
import { FleetNeed } from '../preflight/fleet-need';
import { liveFleets } from '../preflight/live-fleets';
import { PreflightCommand } from '../preflight/preflight-args';
import { PREFLIGHT_SCHEMA_VERSION, PreflightReport } from '../preflight/preflight-report';
import { renderPreflight } from '../preflight/render-preflight';
import { readTemplateFile } from '../preflight/template/template-file';
import { StackEnvironment, stackEnvironment } from '../preflight/template/stack-environment';
import { TemplateFleets, templateFleets } from '../preflight/template/template-fleets';
import { Runtime } from '../runtime';

export interface PreflightContext {
  readonly runtime: Runtime;
  readonly api: AwsApi;
  readonly region: string;
  /** The `--template` input, read before the region was resolved (readPreflightTemplate); read here when absent. */
  readonly template?: PreflightTemplate;
}

/** A `--template` input: its fleets, and its stack's environment from the manifest.json next to it, if any. */
export interface PreflightTemplate {
  readonly fleets: TemplateFleets;
  readonly environment?: StackEnvironment;
}

/**
 * Reads `--template` (undefined for a deployed endpoint) before anything else, so that a missing or broken file
 * is the error even when no region is configured; the stack's environment gives the region when `--region` does not.
 */
export function readPreflightTemplate(command: PreflightCommand): PreflightTemplate | undefined {
  const { input } = command;
  if (input.kind !== 'template') return undefined;
  const fleets = templateFleets(readTemplateFile(input.path), input.path);
  if (fleets.fleets.length === 0 && fleets.unresolved.length === 0) {
    throw new FleetError('usage', `${input.path} has no SageMaker endpoint with instances to check (no AWS::SageMaker::Endpoint, or only serverless ones).`);
  }
  return { fleets, environment: stackEnvironment(input.path) };
}

/**
 * The error for a `--template` whose region none of its three sources gives: `--region`, AWS_REGION (or the profile's
 * region), and the stack's environment in the manifest.json next to the template. Says which of them were tried and
 * how to give each; any other error is returned as it is.
 */
export function templateRegionError(command: PreflightCommand, template: PreflightTemplate | undefined, error: unknown): unknown {
  if (!(error instanceof FleetError) || error.kind !== 'no-region' || command.input.kind !== 'template') return error;
  const path = command.input.path;
  const environment = template?.environment;
  const manifest = environment
    ? `its stack's environment in the manifest.json next to it, ${environment.environment}, names no region (an environment-agnostic stack)`
    : existsSync(join(dirname(path), 'manifest.json'))
      ? 'the manifest.json next to it lists no stack with this template'
      : 'there is no manifest.json next to it (a template copied out of cdk.out?)';
  return new FleetError('no-region', `no AWS region for ${path}: no --region was given, AWS_REGION (or a region in the profile) is not set, `
    + `and ${manifest}. Give the region in one of three ways: --region REGION; AWS_REGION or a region in the profile; or an environment `
    + "with a region for the stack in the app (new Stack(app, 'Id', { env: { region: 'us-east-1' } })), then cdk synth again, which "
    + 'records it in the manifest.json next to the template.', error.original ?? error);
}

/** Where the region came from, when the stack's environment had a say. */
function regionNotes(command: PreflightCommand, region: string, environment: StackEnvironment | undefined): string[] {
  if (!environment?.region) return [];
  if (command.region === undefined) return [`region ${region}: the stack's environment, ${environment.environment}, in the manifest.json next to the template`];
  return environment.region === region ? [] : [`checked in --region ${region}, but the stack's environment is ${environment.environment} `
    + '(manifest.json next to the template): the deploy goes there'];
}

/**
 * `preflight`: can the account run each fleet's pools? Reads the fleets (template or live endpoint) first, so a
 * bad file fails before any AWS call (main reads a template before it resolves the region); then the quotas and
 * the usage of the running endpoints. Exit code 0 when every check passes, 1 when one fails (see check-fleets.ts).
 */
export async function preflightCommand(command: PreflightCommand, ctx: PreflightContext): Promise<ExitCodeValue> {
  const { input } = command;
  let fleets: readonly FleetNeed[];
  let unresolved: readonly string[] = [];
  let sourceNotes: readonly string[];
  if (input.kind === 'template') {
    const template = ctx.template ?? readPreflightTemplate(command)!;
    ({ fleets, unresolved, notes: sourceNotes } = template.fleets);
    sourceNotes = [...regionNotes(command, ctx.region, template.environment), ...sourceNotes];
  } else {
    ({ fleets, notes: sourceNotes } = await liveFleets(ctx.api, input.name, ctx.region));
    if (fleets.length === 0) throw new FleetError('usage', `endpoint '${input.name}' has no variant with instances (serverless only): nothing to check.`);
  }

  const types = [...new Set(fleets.flatMap((f) => f.pools.map((p) => p.instanceType)).filter((t): t is string => Boolean(t)))];
  const [quotas, usage] = await Promise.all([endpointQuotas(ctx.api, types), endpointUsage(ctx.api)]);
  const checks = checkFleets({ fleets, quotas, usage, region: ctx.region, ownEndpoint: input.kind === 'endpoint' ? input.name : null });

  const report: PreflightReport = {
    schemaVersion: PREFLIGHT_SCHEMA_VERSION,
    observedAt: new Date(ctx.runtime.now()).toISOString(),
    region: ctx.region,
    source: input.kind === 'template' ? { kind: 'template', path: input.path } : { kind: 'endpoint', name: input.name },
    passed: checks.failures.length === 0,
    fleets: checks.fleets,
    failures: checks.failures,
    unresolved,
    usage: { endpointsCounted: usage.endpointsCounted, instancesByType: Object.fromEntries([...usage.byInstanceType].sort()) },
    notes: [...sourceNotes, ...checks.notes],
  };
  ctx.runtime.stdout.write(command.json ? JSON.stringify(report, null, 2) + '\n' : renderPreflight(report));
  return report.passed ? ExitCode.OK : ExitCode.ENDPOINT_FAILED;
}
