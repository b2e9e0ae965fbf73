/**
 * The offline half of the integration suite: synthesizes every step of every `test/integ/integ.*.ts` app and
 * compares it with its committed snapshot. No AWS account, no credentials, nothing deployed.
 *
 *   npm run integ:snapshot                 # check: exit 1 and a list of differences when a snapshot is stale
 *   npm run integ:update [-- NAME ...]     # rewrite the snapshots (of the named tests) from a fresh synthesis
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { INTEG_DIR, IntegTestFile, listIntegTests, mapLimit, REPO_ROOT, selectIntegTests, snapshotDir, synthesize } from './integ-tests';
import { compareSnapshot, SnapshotDifference, snapshotFiles, writeSnapshot } from './snapshot-files';

interface Synthesis {
  readonly test: IntegTestFile;
  readonly step: number;
  readonly steps: number;
  readonly outdir: string;
}

async function main(argv: string[]): Promise<number> {
  const update = argv.includes('--update');
  const tests = selectIntegTests(argv.filter((a) => !a.startsWith('--')));
  const started = Date.now();
  const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'integ-snapshots-'));
  const parallel = Math.max(1, os.cpus().length);
  try {
    // The last step first: it tells how many steps the app has.
    const finals = await mapLimit(tests, parallel, async (test): Promise<Synthesis> => {
      const outdir = path.join(workdir, test.name, 'final');
      const steps = await synthesize(test, outdir, { validation: false });
      return { test, step: steps, steps, outdir };
    });
    const earlier = await mapLimit(finals.flatMap((f) => Array.from({ length: f.steps - 1 }, (_, i) => ({ ...f, step: i + 1 }))),
      parallel, async (s): Promise<Synthesis> => {
        const outdir = path.join(workdir, s.test.name, `step-${s.step}`);
        await synthesize(s.test, outdir, { step: s.step, validation: false });
        return { ...s, outdir };
      });
    const syntheses = [...finals, ...earlier];

    const stale: Array<{ dir: string; differences: SnapshotDifference[] }> = [];
    for (const s of syntheses) {
      const dir = snapshotDir(s.test, s.step, s.steps);
      const files = snapshotFiles(s.outdir);
      if (update) writeSnapshot(dir, files);
      else {
        const differences = compareSnapshot(dir, files);
        if (differences.length > 0) stale.push({ dir, differences });
      }
    }
    const orphans = orphanSnapshots(syntheses.map((s) => snapshotDir(s.test, s.step, s.steps)), tests.length === listIntegTests().length);
    if (update) orphans.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const summary = `${tests.length} integration tests, ${syntheses.length} assemblies`;
    if (update) {
      process.stdout.write(`Integration snapshots written: ${summary}${orphans.length ? `, ${orphans.length} orphaned removed` : ''} (${seconds} s)\n`);
      return 0;
    }
    if (stale.length === 0 && orphans.length === 0) {
      process.stdout.write(`Integration snapshots are current: ${summary} (${seconds} s)\n`);
      return 0;
    }
    for (const { dir, differences } of stale) {
      process.stdout.write(`STALE ${path.relative(REPO_ROOT, dir)}\n`);
      for (const d of differences) process.stdout.write(`  ${d.kind} ${d.file}${d.detail ? `: ${d.detail}` : ''}\n`);
    }
    for (const dir of orphans) process.stdout.write(`ORPHANED ${path.relative(REPO_ROOT, dir)}: no integration test step synthesizes it\n`);
    process.stdout.write(`\n${stale.length + orphans.length} snapshot(s) out of date (${seconds} s). If the change is intended, run `
      + '`npm run integ:update` and commit the snapshots with the change that explains them.\n');
    return 1;
  } finally {
    fs.rmSync(workdir, { recursive: true, force: true });
  }
}

/** Snapshot directories in `test/integ/` that no synthesized step owns (only when every test was synthesized). */
function orphanSnapshots(owned: string[], allTests: boolean): string[] {
  if (!allTests) return [];
  return fs.readdirSync(INTEG_DIR)
    .filter((f) => f.endsWith('.snapshot'))
    .map((f) => path.join(INTEG_DIR, f))
    .filter((dir) => !owned.includes(dir));
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err) => {
  process.stderr.write(`${err instanceof Error ? err.message : err}\n`);
  process.exitCode = 2;
});
