import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { STEP_CONTEXT, STEPS_FILE } from '../support/integ-app';

/** The repository root, where `cdk.json` and `node_modules/` are. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** Where the integration apps live: `test/integ/integ.NAME.ts`, integ-runner's TypeScript file pattern. */
export const INTEG_DIR = path.join(REPO_ROOT, 'test', 'integ');

/** An integration app of `test/integ/`. */
export interface IntegTestFile {
  /** `realtime-pools` for `integ.realtime-pools.ts`. */
  readonly name: string;
  /** Absolute path of the app. */
  readonly file: string;
}

/** Every `integ.*.ts` in `test/integ/`, sorted by name. */
export function listIntegTests(): IntegTestFile[] {
  return fs.readdirSync(INTEG_DIR)
    .filter((f) => /^integ\.(?!.*\.d\.ts$).*\.ts$/.test(f))
    .sort()
    .map((f) => ({ name: f.replace(/^integ\./, '').replace(/\.ts$/, ''), file: path.join(INTEG_DIR, f) }));
}

/** The tests named in `names` (all when empty); an unknown name throws, listing the known ones. */
export function selectIntegTests(names: string[]): IntegTestFile[] {
  const all = listIntegTests();
  if (names.length === 0) return all;
  return names.map((name) => {
    const found = all.find((t) => t.name === name || path.basename(t.file) === name || t.file === path.resolve(name));
    if (!found) throw new Error(`no integration test '${name}'; known: ${all.map((t) => t.name).join(', ')}`);
    return found;
  });
}

/**
 * The snapshot directory of a test step: integ-runner's `integ.NAME.ts.snapshot/` for the last step (what the app
 * synthesizes without context), `integ.NAME.ts.step-N.snapshot/` for the earlier steps of a multi-step test.
 */
export function snapshotDir(test: IntegTestFile, step: number, steps: number): string {
  const base = path.basename(test.file);
  return path.join(INTEG_DIR, step === steps ? `${base}.snapshot` : `${base}.step-${step}.snapshot`);
}

/** Options of a synthesis. */
export interface SynthOptions {
  /** The step to synthesize; default: the app's last. */
  readonly step?: number;
  /**
   * Run aws-cdk-lib's CloudFormation validation of the templates (several seconds per app). The snapshot check skips
   * it, the online run keeps it.
   */
  readonly validation: boolean;
}

/**
 * Synthesizes one integration app into `outdir` the way the CDK CLI runs an app (`CDK_OUTDIR`, `CDK_CONTEXT_JSON`),
 * with the context of `cdk.json` (integ-runner also takes a test's context from the nearest `cdk.json`) and no
 * construct or annotation stack traces (the CLI's default, which keeps machine paths out of the assembly). Returns
 * the step count.
 */
export async function synthesize(test: IntegTestFile, outdir: string, options: SynthOptions): Promise<number> {
  fs.rmSync(outdir, { recursive: true, force: true });
  fs.mkdirSync(outdir, { recursive: true });
  const cdkJson = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'cdk.json'), 'utf-8'));
  // Neither construct nor annotation (warning) stack traces, as the CLI runs an app without --debug.
  const context: { [key: string]: unknown } = {
    ...cdkJson.context, 'aws:cdk:disable-creation-stack-traces': true, 'aws:cdk:disable-stack-trace': true,
  };
  if (options.step !== undefined) context[STEP_CONTEXT] = options.step;
  const env = {
    ...process.env,
    CDK_OUTDIR: outdir,
    CDK_CONTEXT_JSON: JSON.stringify(context),
    ...(options.validation ? {} : { CDK_VALIDATION: 'false' }),
  };
  const { code, output } = await run(process.execPath, ['--import', 'tsx', test.file], { cwd: REPO_ROOT, env });
  if (code !== 0) throw new Error(`synthesis of ${path.relative(REPO_ROOT, test.file)} failed (exit ${code}):\n${output}`);
  return JSON.parse(fs.readFileSync(path.join(outdir, STEPS_FILE), 'utf-8')).steps;
}

/** Runs a command, collecting its stdout and stderr together. */
export function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Runs `work` on every item, at most `limit` at a time, keeping the order of the results. */
export async function mapLimit<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
