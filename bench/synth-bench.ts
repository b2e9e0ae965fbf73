/* eslint-disable no-console */
/**
 * Synth cost of the library against what a user would write without it: `npm run bench [-- --runs 15 --sizes 1,10,50]`
 * (`-- --source` loads `lib/` through tsx instead of the built package).
 *
 * Three apps with identical templates, for each size:
 * - `lib`: the library's featured endpoints (`featured-endpoint.ts`), with the library as an app installs it: the
 *   package `npm run build` writes, loaded from a `node_modules` folder (`library.ts`);
 * - `user`: the same endpoints written by hand with aws-cdk-lib's L1 SageMaker and Application Auto Scaling
 *   resources and its L2 IAM and CloudWatch constructs (`hand-written-endpoint.ts`);
 * - `raw`: the same templates from raw `CfnResource`s, the floor.
 * The templates are checked byte for byte against the library's first; the bench fails on the first difference.
 * Then the three are built and synthesized in turn, `runs` times, rotating which goes first; each run gives the
 * ratios lib/user and lib/raw, and the figures are the medians of those ratios (robust to a machine whose load
 * changes between runs). The process's CPU time is measured, not wall time; the ratios are of construction and
 * synthesis together (what `cdk synth` and a jest `Template.fromStack` pay), then of each alone (where the library's
 * cost lies); aws-cdk-lib's built-in CloudFormation validation is off in all three (it costs the same for identical
 * templates).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { buildHandWrittenApp, buildLibraryApp, buildRawApp, ENDPOINTS_PER_STACK } from './featured-app';
import { installedLibrary, sourceLibrary } from './library';
import { releasesApps, releasingApps } from './released-apps';
import { assertIdenticalTemplates } from './template-compare';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const runs = Number(arg('runs', '15'));
const fromSource = process.argv.includes('--source');
const lib = fromSource ? sourceLibrary() : installedLibrary();
const sizes = arg('sizes', '1,10,50').split(',').map(Number);
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
/**
 * A 95 % confidence interval of the median of `xs`, from order statistics (no assumption about the distribution):
 * the k-th smallest and k-th largest values, for the largest k with P(Binomial(n, 1/2) < k) ≤ 2.5 %. Undefined
 * below 6 values, where no such k exists.
 */
function medianInterval(xs: number[]): [number, number] | undefined {
  const sorted = [...xs].sort((a, b) => a - b);
  const n = sorted.length;
  let k = 0;
  let below = 0; // P(B < k + 1), summed term by term: P(B = j) = C(n, j) / 2^n
  let term = Math.pow(0.5, n);
  for (let j = 0; j < n; j++) {
    below += term;
    if (below > 0.025) break;
    k = j + 1;
    term = term * (n - j) / (j + 1);
  }
  return k === 0 ? undefined : [sorted[k - 1], sorted[n - k]];
}
const gc = (globalThis as any).gc as (() => void) | undefined;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pools-bench-'));
let outdirs = 0;
const outdir = () => path.join(tmp, String(outdirs++));

/**
 * CPU milliseconds (user and system, this process) to build and synthesize an app; the cloud assembly is deleted
 * afterwards, and what aws-cdk-lib keeps of it is released (`released-apps.ts`), so every run starts from the same
 * heap. CPU time rather than wall time: on a machine shared with other work, wall time mostly measures the wait for
 * a core.
 */
function timedSynth(build: (dir: string) => App): Timing {
  return releasingApps(() => {
    gc?.();
    const dir = outdir();
    const start = process.cpuUsage();
    const app = build(dir);
    const built = process.cpuUsage(start);
    app.synth();
    const used = process.cpuUsage(start);
    fs.rmSync(dir, { recursive: true, force: true });
    const construction = (built.user + built.system) / 1000;
    return { construction, synthesis: (used.user + used.system) / 1000 - construction };
  });
}

/** CPU milliseconds of one run: building the app, then synthesizing it. */
interface Timing { construction: number; synthesis: number }

const total = (t: Timing) => t.construction + t.synthesis;

interface Row {
  size: number; stacks: number; resources: number; kib: number; lib: number; user: number; raw: number; libUser: number; libRaw: number;
  /** The 95 % interval of lib/user's median, and the runs it comes from. */
  libUserInterval?: [number, number]; runs: number;
  /** lib/user of construction alone and of synthesis alone. */
  construction: number; synthesis: number;
}

function measure(size: number): Row {
  const reference = buildLibraryApp(lib, size, outdir()).synth();
  assertIdenticalTemplates(reference, buildHandWrittenApp(size, outdir()).synth(), `hand-written app at ${size} endpoints`);
  const templates = Object.fromEntries(reference.stacks.map((s) => [s.stackName, s.template]));
  assertIdenticalTemplates(reference, buildRawApp(templates, outdir()).synth(), `raw app at ${size} endpoints`);

  const apps: { [name: string]: (dir: string) => App } = {
    lib: (dir) => buildLibraryApp(lib, size, dir),
    user: (dir) => buildHandWrittenApp(size, dir),
    raw: (dir) => buildRawApp(templates, dir),
  };
  const names = Object.keys(apps);
  const timings: { [name: string]: Timing[] } = { lib: [], user: [], raw: [] };
  for (let r = 0; r < runs; r++) {
    // Rotate the order, so that no app always runs right after another one's garbage.
    const order = names.map((_, i) => names[(i + r) % names.length]);
    for (const name of order) timings[name].push(timedSynth(apps[name]));
  }
  const times = Object.fromEntries(names.map((name) => [name, timings[name].map(total)]));
  const ratios = (a: string, b: string, of: (t: Timing) => number = total) => median(timings[a].map((t, r) => of(t) / of(timings[b][r])));
  return {
    size,
    stacks: reference.stacks.length,
    resources: Math.max(...reference.stacks.map((s) => Object.keys(s.template.Resources).length)),
    kib: Math.round(Math.max(...reference.stacks.map((s) => fs.statSync(path.join(reference.directory, s.templateFile)).size)) / 1024),
    lib: median(times.lib), user: median(times.user), raw: median(times.raw),
    libUser: ratios('lib', 'user'), libRaw: ratios('lib', 'raw'),
    libUserInterval: medianInterval(timings.lib.map((t, r) => total(t) / total(timings.user[r]))), runs,
    construction: ratios('lib', 'user', (t) => t.construction), synthesis: ratios('lib', 'user', (t) => t.synthesis),
  };
}

// Warm up module loading and the JIT on all three paths, so that the first size is not penalized.
measureWarmUp();
const rows = sizes.map(measure);
fs.rmSync(tmp, { recursive: true, force: true });

console.log(`Synth benchmark: ${runs} rotating runs per size, medians; ${ENDPOINTS_PER_STACK} featured endpoints per stack; `
  + `library ${fromSource ? 'from lib/ through tsx' : 'as installed (dist/ from npm run build)'}; `
  + `${releasesApps() ? 'each app released after its run' : 'apps not released (aws-cdk-lib tables not found)'}; `
  + `node ${process.version}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const header = ['endpoints', 'stacks', 'resources/stack', 'KiB/stack', 'lib CPU ms', 'user CPU ms', 'raw CPU ms', 'lib/user', 'lib/raw'];
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);
for (const r of rows) {
  console.log(`| ${[r.size, r.stacks, r.resources, r.kib, r.lib.toFixed(0), r.user.toFixed(0), r.raw.toFixed(0), r.libUser.toFixed(3), r.libRaw.toFixed(2)].join(' | ')} |`);
}
for (const r of rows) console.log(`lib/user at ${r.size} endpoints: ${r.libUser.toFixed(3)}`);
for (const r of rows) {
  const interval = r.libUserInterval ? `${r.libUserInterval[0].toFixed(3)} to ${r.libUserInterval[1].toFixed(3)}` : 'none (fewer than 6 runs)';
  console.log(`lib/user at ${r.size} endpoints, 95 % interval of the median of ${r.runs} runs: ${interval}`);
}
for (const r of rows) console.log(`lib/raw at ${r.size} endpoints: ${r.libRaw.toFixed(2)}`);
for (const r of rows) console.log(`lib/user at ${r.size} endpoints, construction: ${r.construction.toFixed(3)}, synthesis: ${r.synthesis.toFixed(3)}`);

function measureWarmUp(): void {
  const templates = Object.fromEntries(buildLibraryApp(lib, 2, outdir()).synth().stacks.map((s) => [s.stackName, s.template]));
  for (let i = 0; i < 3; i++) {
    timedSynth((dir) => buildLibraryApp(lib, 2, dir));
    timedSynth((dir) => buildHandWrittenApp(2, dir));
    timedSynth((dir) => buildRawApp(templates, dir));
  }
}
