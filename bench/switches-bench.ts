/* eslint-disable no-console */
/**
 * What aws-cdk-lib's two synth switches save on the library's featured app, and what its analytics flag costs:
 * `npm run bench:switches [-- --runs 15 --size 50]`.
 *
 * - creation stack traces off: context `aws:cdk:disable-creation-stack-traces` (every resource and stack records
 *   where it was created) and `aws:cdk:disable-stack-trace` (every annotation records a trace); `CDK_DEBUG=true`
 *   turns them back on;
 * - tree metadata off: `new App({ treeMetadata: false })` (no `tree.json`, which only the construct-tree views read);
 * - analytics flag on: the feature flag `@aws-cdk/core:enableAdditionalMetadataCollection`, off when unset and on in
 *   the `cdk.json` of `cdk init` (every L2 construct and many L2 methods record their props, redacted, as construct
 *   metadata for the CDK team's usage analytics; no template changes).
 * The library is loaded as an app installs it (`library.ts`). The five apps run in rotating order; the figures are
 * CPU time, medians of per-run ratios to the default app; what aws-cdk-lib keeps of each app is released after its run
 * (`released-apps.ts`).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AppProps } from 'aws-cdk-lib';
import { buildLibraryApp } from './featured-app';
import { installedLibrary } from './library';
import { releasingApps } from './released-apps';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const runs = Number(arg('runs', '15'));
const size = Number(arg('size', '50'));
const lib = installedLibrary();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const gc = (globalThis as any).gc as (() => void) | undefined;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pools-switches-'));

const NO_TRACES = { 'aws:cdk:disable-creation-stack-traces': true, 'aws:cdk:disable-stack-trace': true };
const variants: { [name: string]: AppProps } = {
  'default': {},
  'stack traces off': { context: NO_TRACES },
  'tree metadata off': { treeMetadata: false },
  'both off': { context: NO_TRACES, treeMetadata: false },
  'analytics flag on': { context: { '@aws-cdk/core:enableAdditionalMetadataCollection': true } },
};

let dirs = 0;
function timed(props: AppProps): number {
  return releasingApps(() => {
    gc?.();
    const dir = path.join(tmp, String(dirs++));
    const start = process.cpuUsage(); // CPU time: on a shared machine, wall time mostly measures the wait for a core
    buildLibraryApp(lib, size, dir, props).synth();
    const used = process.cpuUsage(start);
    const ms = (used.user + used.system) / 1000;
    fs.rmSync(dir, { recursive: true, force: true });
    return ms;
  });
}

const names = Object.keys(variants);
names.forEach((name) => timed(variants[name])); // warm-up
const times: { [name: string]: number[] } = Object.fromEntries(names.map((n) => [n, []]));
for (let r = 0; r < runs; r++) {
  for (const name of names.map((_, i) => names[(i + r) % names.length])) times[name].push(timed(variants[name]));
}
fs.rmSync(tmp, { recursive: true, force: true });

console.log(`aws-cdk-lib switches at ${size} featured endpoints: ${runs} rotating runs, medians; node ${process.version}; `
  + `load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
for (const name of names) {
  const ratio = median(times[name].map((t, r) => t / times.default[r]));
  console.log(`${name}: ${median(times[name]).toFixed(0)} CPU ms, ${(ratio * 100).toFixed(0)} % of the default`);
}
