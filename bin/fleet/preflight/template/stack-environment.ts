import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * The environment `cdk synth` recorded for a template's stack: the cloud assembly's manifest.json, next to the
 * template, lists each stack artifact (`type: aws:cloudformation:stack`) with its `templateFile` and its
 * `environment`, `aws://ACCOUNT/REGION`, where an environment-agnostic stack has `unknown-account` and
 * `unknown-region` (https://docs.aws.amazon.com/cdk/v2/guide/environments.html). A stage's stacks have the manifest
 * of their own assembly directory (cdk.out/assembly-STAGE/), which is again the one next to their templates.
 */
export interface StackEnvironment {
  /** The artifact ID of the stack in the manifest. */
  readonly stackId: string;
  /** As the manifest writes it, e.g. `aws://111122223333/us-east-1`. */
  readonly environment: string;
  /** The stack's region; undefined for a stack that names none (environment-agnostic). */
  readonly region?: string;
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** The stack environment of `templatePath` from the manifest.json next to it; undefined without one that lists it. */
export function stackEnvironment(templatePath: string): StackEnvironment | undefined {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(join(dirname(templatePath), 'manifest.json'), 'utf8'));
  } catch {
    return undefined; // a template copied out of cdk.out, or no manifest: the usual region resolution applies
  }
  const artifacts = (manifest as { artifacts?: unknown } | null)?.artifacts;
  if (typeof artifacts !== 'object' || artifacts === null) return undefined;
  for (const [stackId, artifact] of Object.entries(artifacts as Record<string, unknown>)) {
    const a = (artifact ?? {}) as { type?: unknown; environment?: unknown; properties?: { templateFile?: unknown } };
    if (a.type !== 'aws:cloudformation:stack' || a.properties?.templateFile !== basename(templatePath) || typeof a.environment !== 'string') continue;
    const region = /^aws:\/\/[^/]+\/([^/]+)$/.exec(a.environment)?.[1];
    return { stackId, environment: a.environment, region: region && REGION.test(region) ? region : undefined };
  }
  return undefined;
}
