import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The run's temporary directory (test/setup/global-setup.mjs; an ES module without types, by a computed name). */
const SETUP = './global-setup.mjs';
const setup = import(SETUP) as Promise<{ runDirectoryBase(systemTmpdir: string, inMemory?: string): string }>;

describe("the run's temporary directory", () => {
  test('is every worker\'s os.tmpdir(), and lies in memory exactly when /dev/shm is there with room for it', async () => {
    const { runDirectoryBase } = await setup;
    const system = process.env.INSTANCE_POOLS_SYSTEM_TMPDIR!;
    expect(tmpdir()).toBe(process.env.INSTANCE_POOLS_TEST_TMPDIR);
    expect(dirname(tmpdir())).toBe(runDirectoryBase(system));
    let roomy = false;
    try {
      const { bavail, bsize } = statfsSync('/dev/shm');
      roomy = bavail * bsize >= 1024 ** 3;
    } catch {
      // no /dev/shm here
    }
    expect(runDirectoryBase(system)).toBe(roomy ? '/dev/shm' : system);
  });

  test('falls back to the system\'s temporary directory without an in-memory file system', async () => {
    const { runDirectoryBase } = await setup;
    const scratch = mkdtempSync(join(tmpdir(), 'no-shm-'));
    try {
      expect(runDirectoryBase('/system/tmp', join(scratch, 'missing'))).toBe('/system/tmp');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
