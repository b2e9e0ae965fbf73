// Every App a test synthesizes without an outdir writes its cloud assembly to a new directory in os.tmpdir()
// (aws-cdk-lib's default), and nothing removes it: a full run would leave thousands of `cdk.outXXXXXX` directories
// behind, and a /tmp grown to ~100,000 entries slows every tool that looks up a path there (esbuild's build of the
// command-line tool took 40 s instead of 4). The run gets a temporary directory of its own, which the workers inherit
// through TMPDIR (os.tmpdir() reads it on every call) and global-teardown.mjs removes. The system's temporary
// directory stays known to the workers (INSTANCE_POOLS_SYSTEM_TMPDIR) for tsx's cache: typescript.mjs says why.
//
// That directory is in memory where the system has a file system there for it (/dev/shm, a tmpfs, on Linux) with
// room to spare: a run creates about 1,700 assembly directories and writes thousands of small files (about 30 MB in
// all), which no test reads back after its run. On a disk file system each of those creations and writes costs
// kernel time (journal, directory entries): measured on the 2-core CI machine, the same run spent 6 to 8 s less CPU
// in the workers with its directory in /dev/shm. Elsewhere (no /dev/shm, or a small one, as a container's default
// 64 MB) it stays in the system's temporary directory.
import { accessSync, constants, mkdtempSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const IN_MEMORY = '/dev/shm';
/** Free space the in-memory file system must have to take the run: many times what a run writes. */
const ROOM_NEEDED = 1024 ** 3;

/** Where the run's directory goes: in memory when that is possible and roomy, else the system's temporary directory. */
export function runDirectoryBase(systemTmpdir, inMemory = IN_MEMORY) {
  try {
    accessSync(inMemory, constants.W_OK);
    const { bavail, bsize } = statfsSync(inMemory);
    if (bavail * bsize >= ROOM_NEEDED) return inMemory;
  } catch {
    // no such file system here, or not writable
  }
  return systemTmpdir;
}

export default function globalSetup() {
  process.env.INSTANCE_POOLS_SYSTEM_TMPDIR ??= tmpdir();
  const dir = mkdtempSync(join(runDirectoryBase(process.env.INSTANCE_POOLS_SYSTEM_TMPDIR), 'instance-pools-tests-'));
  process.env.INSTANCE_POOLS_TEST_TMPDIR = dir;
  process.env.TMPDIR = dir;
}
