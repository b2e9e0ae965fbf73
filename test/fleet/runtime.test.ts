import { processRuntime } from '../../bin/fleet/runtime';

test('processRuntime: real streams, wall clock, timers, jitter in [0, 1)', async () => {
  const runtime = processRuntime();
  expect(runtime.stdout).toBe(process.stdout);
  expect(runtime.stderr).toBe(process.stderr);
  expect(Math.abs(runtime.now() - Date.now())).toBeLessThan(1000);
  const before = Date.now();
  await runtime.sleep(20);
  expect(Date.now() - before).toBeGreaterThanOrEqual(15);
  const r = runtime.random();
  expect(r).toBeGreaterThanOrEqual(0);
  expect(r).toBeLessThan(1);
});
