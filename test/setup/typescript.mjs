// Test files are TypeScript: tsx's loader compiles them as they are imported (jest-light-runner has no transform
// step). Its hooks apply to the process that registers them, not to worker threads on Node 20: hence workers as
// child processes (light-runner.mjs). Types are checked by `npm run typecheck`, not here.
//
// tsx caches what it compiled in `tsx-<user>` under os.tmpdir(), a directory it picks when it loads. The run's
// TMPDIR is a directory removed at the end (global-setup.mjs): tsx loaded with it would compile every file again in
// every run. It loads with the system's temporary directory instead, where its cache outlives the run (the same
// cache `npx tsx` uses); the workers' hook threads copy the environment as it is while tsx registers them.
const runTmpdir = process.env.TMPDIR;
const systemTmpdir = process.env.INSTANCE_POOLS_SYSTEM_TMPDIR;
if (systemTmpdir === undefined) delete process.env.TMPDIR; else process.env.TMPDIR = systemTmpdir;
try {
  await import('tsx');
} finally {
  if (runTmpdir === undefined) delete process.env.TMPDIR; else process.env.TMPDIR = runTmpdir;
}
