// Every App a test synthesizes without an outdir writes its cloud assembly to a new directory in os.tmpdir()
// (aws-cdk-lib's default), and nothing removes it: a full run would leave thousands of `cdk.outXXXXXX` directories
// behind, and a /tmp grown to ~100,000 entries slows every tool that looks up a path there (esbuild's build of the
// command-line tool took 40 s instead of 4). The run gets a temporary directory of its own, which the workers inherit
// through TMPDIR (os.tmpdir() reads it on every call) and global-teardown.mjs removes. The system's temporary
// directory stays known to the workers (INSTANCE_POOLS_SYSTEM_TMPDIR) for tsx's cache: typescript.mjs says why.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function globalSetup() {
  process.env.INSTANCE_POOLS_SYSTEM_TMPDIR ??= tmpdir();
  const dir = mkdtempSync(join(process.env.INSTANCE_POOLS_SYSTEM_TMPDIR, 'instance-pools-tests-'));
  process.env.INSTANCE_POOLS_TEST_TMPDIR = dir;
  process.env.TMPDIR = dir;
}
