// Removes the run's temporary directory (see global-setup.mjs), with every cloud assembly and file the tests wrote.
import { rmSync } from 'node:fs';

export default function globalTeardown() {
  const dir = process.env.INSTANCE_POOLS_TEST_TMPDIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
