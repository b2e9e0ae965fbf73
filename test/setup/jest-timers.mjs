// jest-light-runner's `jest` object has fake timers without advanceTimersByTimeAsync, which lets promise callbacks
// run between timers (the AWS SDK's retries await between attempts: test/fleet/retry.test.ts). The same
// @jest/fake-timers clock as Jest's default runner, with that method.
import { ModernFakeTimers } from '@jest/fake-timers';

const clock = new ModernFakeTimers({ config: { fakeTimers: { enableGlobally: true } }, global: globalThis });
const jest = globalThis.jest;

Object.assign(jest, {
  useFakeTimers: () => { clock.useFakeTimers(); return jest; },
  useRealTimers: () => { clock.useRealTimers(); return jest; },
  setSystemTime: (now) => { clock.setSystemTime(now); return jest; },
  advanceTimersByTime: (ms) => { clock.advanceTimersByTime(ms); return jest; },
  advanceTimersByTimeAsync: async (ms) => { await clock.advanceTimersByTimeAsync(ms); return jest; },
});
