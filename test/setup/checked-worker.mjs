// jest-light-runner's worker, with a check after every test file: a file that leaves a timer, socket, server or
// child process running, fake timers on, Math.random or Date patched, or the environment changed fails, naming
// them (open-handles.cjs). The worker runs the next files with whatever is left. Costs two turns of the event loop
// per file.
import guard from './open-handles.cjs';

const worker = await import(new URL('./worker-runner.js', import.meta.resolve('jest-light-runner')).href);

// The runner never stops its workers: each exits once jest has exited (its IPC channel closes) and nothing else keeps
// it alive. A leftover handle kept it alive, an orphan that held jest's output pipe open (`npm test | tee log` did
// not end). The file that left it fails above; the worker goes with jest in any case.
process.once('disconnect', () => process.exit());

/**
 * One turn of the event loop: a handle closed in afterAll is released in libuv's close phase, after setImmediate's.
 * Node's own setImmediate, kept at load: a file that leaves fake timers on has replaced the global one.
 */
const setImmediateOfNode = setImmediate;
const turn = () => new Promise((resolve) => setImmediateOfNode(resolve));

export default async function run(testFilePath) {
  const before = guard.snapshot();
  const result = await worker.default(testFilePath);
  await turn();
  await turn();
  const found = guard.leftovers(before, guard.snapshot());
  if (found.length === 0) return result;
  guard.restore(before);
  const message = `the test file left behind, after its last test and afterAll:\n${found.map((line) => `  - ${line}`).join('\n')}\n`;
  result.numFailingTests += 1;
  result.failureMessage = [result.failureMessage, `(leftovers)\n${message}`].filter(Boolean).join('\n');
  result.testResults.push({
    ancestorTitles: [], duration: 0, failureMessages: [message], fullName: '(leftovers)', numPassingAsserts: 0, status: 'failed', title: '(leftovers)',
  });
  return result;
}
