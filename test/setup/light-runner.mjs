// jest-light-runner 0.7.13 in child processes, with two changes: each test file gets its own channel for the
// "send me the worker data" handshake (the runner's own single channel per project answers every waiting worker
// at the first request and forgets them: a worker that asks later never gets an answer, and the run hangs, seen
// here with two workers); and the workers check what each file leaves behind (checked-worker.mjs). The rest is the
// runner as it is: test/setup/typescript.mjs explains why child processes.
import Tinypool from 'tinypool';
import { createRunner } from 'jest-light-runner';

const WORKER = new URL('./checked-worker.mjs', import.meta.url).href;
const LightRunner = createRunner({ runtime: 'child_process' });

export default class ChildProcessLightRunner extends LightRunner {
  _runTest(test) {
    const projectConfig = test.context.config;
    if (!this._testRunners.has(projectConfig)) {
      const { maxWorkers } = this._globalConfig;
      const workerData = { globalConfig: this._globalConfig, projectConfig, runtime: 'child_process' };
      const pool = new Tinypool({
        filename: WORKER, runtime: 'child_process', minThreads: maxWorkers, maxThreads: maxWorkers, env: process.env, trackUnmanagedFds: false, workerData,
        // Synthesis allocates short-lived objects by the million: a young generation of 64 MiB per semi-space (V8's
        // default is 16 on 64-bit) collects them in fewer scavenges, about 5 % of the suite's CPU in interleaved runs.
        execArgv: ['--max-semi-space-size=64'],
      });
      // Tinypool attaches a task's channel to the worker that runs it: answers go only to that worker.
      const channel = () => {
        const listeners = new Set();
        return {
          onMessage: (listener) => listeners.add(listener),
          postMessage: (message) => {
            if (message === 'jest-light-runner-get-worker-data') listeners.forEach((l) => l({ type: 'jest-light-runner-worker-data', workerData }));
          },
        };
      };
      this._testRunners.set(projectConfig, { pool, run: (t) => pool.run(t.path, { channel: channel() }) });
    }
    return this._testRunners.get(projectConfig).run(test);
  }
}
