/* eslint-disable no-console */
/**
 * Synth cost of the library against the raw-L1 floor: `npm run bench [-- --runs 7 --sizes 1,10,50]`.
 *
 * For each size, the library app and the baseline app (identical templates from `CfnResource`s) are built and
 * synthesized in the same process, alternating, `runs` times each; the figures are medians. Construction and
 * synthesis are timed together (what `cdk synth` and a jest `Template.fromStack` pay); the built-in
 * CloudFormation validation is off in both (it costs the same for identical templates).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildBaselineApp, buildLibraryApp, ENDPOINTS_PER_STACK } from './featured-app';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const runs = Number(arg('runs', '7'));
const sizes = arg('sizes', '1,10,50').split(',').map(Number);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const gc = (globalThis as any).gc as (() => void) | undefined;

function timed(fn: () => void): number {
  gc?.();
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pools-bench-'));
const rows: string[][] = [];
// Warm up module loading and JIT on both paths so the first size is not penalized.
buildLibraryApp(1, path.join(tmp, 'warm')).synth();

for (const size of sizes) {
  const reference = buildLibraryApp(size, path.join(tmp, `ref-${size}`)).synth();
  const templates = Object.fromEntries(reference.stacks.map((s) => [s.stackName, s.template]));
  const resources = reference.stacks.map((s) => Object.keys(s.template.Resources).length);
  const bytes = reference.stacks.map((s) => fs.statSync(path.join(reference.directory, s.templateFile)).size);

  const ours: number[] = [];
  const oursBuild: number[] = [];
  const base: number[] = [];
  for (let r = 0; r < runs; r++) {
    let app: ReturnType<typeof buildLibraryApp> | undefined;
    const build = timed(() => { app = buildLibraryApp(size, path.join(tmp, `ours-${size}-${r}`)); });
    ours.push(build + timed(() => app!.synth()));
    oursBuild.push(build);
    base.push(timed(() => buildBaselineApp(templates, path.join(tmp, `base-${size}-${r}`)).synth()));
  }
  const oursMs = median(ours);
  const baseMs = median(base);
  rows.push([
    String(size), String(reference.stacks.length), `${Math.max(...resources)}`, `${Math.round(Math.max(...bytes) / 1024)}`,
    oursMs.toFixed(0), median(oursBuild).toFixed(0), baseMs.toFixed(0), (oursMs / baseMs).toFixed(2), (oursMs / size).toFixed(1),
  ]);
}
fs.rmSync(tmp, { recursive: true, force: true });

const header = ['endpoints', 'stacks', 'resources/stack', 'KiB/stack', 'ours ms', 'of which construction', 'L1 baseline ms', 'ratio', 'ours ms/endpoint'];
console.log(`Synth benchmark: ${runs} alternating runs per size, medians; ${ENDPOINTS_PER_STACK} featured endpoints per stack; node ${process.version}`);
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
