// What a test file must not leave in its worker process, which runs the next files and must exit at the end: anything
// that keeps Node's event loop alive (a timer, socket, server, child process: process.getActiveResourcesInfo(),
// https://nodejs.org/api/process.html#processgetactiveresourcesinfo, lists exactly those), fake timers or a patched
// Math.random or Date, or a changed environment. Jest's --detectOpenHandles does not see into the runner's child
// processes (test/setup/light-runner.mjs); checked-worker.mjs runs this after every file and fails the file.
'use strict';

// File-system requests finish on their own (tsx writes its cache in the background, with fs.promises.writeFile,
// whose file handle's close shows as a CloseReq): not leftovers.
const TRANSIENT = new Set(['FSReqCallback', 'FSReqPromise', 'CloseReq']);
const GLOBALS = ['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate', 'Date'];

/** What the process holds and has set, to compare after a test file. */
function snapshot() {
  const resources = new Map();
  for (const type of process.getActiveResourcesInfo()) {
    if (!TRANSIENT.has(type)) resources.set(type, (resources.get(type) ?? 0) + 1);
  }
  const env = { ...process.env };
  delete env.JEST_WORKER_ID; // set by the runner before the first file
  return {
    resources, globals: [...GLOBALS.map((name) => globalThis[name]), process.nextTick], random: Math.random, env: JSON.stringify(env), cwd: process.cwd(),
  };
}

/**
 * Puts back what a file changed and can be put back, so that the files after it run as they would alone: real timers
 * (jest's fake timers replace process.nextTick too, which Node's own code uses), Math.random, the environment and
 * the working directory. Leftover handles cannot be closed from outside; the file that left them fails.
 */
function restore(before) {
  if (before.globals.some((fn, i) => fn !== [...GLOBALS.map((name) => globalThis[name]), process.nextTick][i])) globalThis.jest?.useRealTimers?.();
  Math.random = before.random;
  const env = JSON.parse(before.env);
  for (const key of Object.keys(process.env)) if (key !== 'JEST_WORKER_ID' && !(key in env)) delete process.env[key];
  Object.assign(process.env, env);
  if (process.cwd() !== before.cwd) process.chdir(before.cwd);
}

/** What `after` holds or changed beyond `before`, one line each; empty when the file cleaned up. */
function leftovers(before, after) {
  const found = [];
  for (const [type, count] of after.resources) {
    const extra = count - (before.resources.get(type) ?? 0);
    if (extra > 0) found.push(`${extra} ${type} still active (${describe(type)})`);
  }
  const replaced = [...GLOBALS, 'process.nextTick'].filter((_, i) => before.globals[i] !== after.globals[i]);
  if (replaced.length > 0) found.push(`${replaced.join(', ')} replaced (fake timers left on: call jest.useRealTimers())`);
  if (before.random !== after.random) found.push('Math.random replaced (restore the spy: jest.restoreAllMocks())');
  if (before.env !== after.env) found.push(`process.env changed (${changedKeys(before.env, after.env).join(', ')}): restore it`);
  if (before.cwd !== after.cwd) found.push(`working directory changed to ${after.cwd}: change it back`);
  return found;
}

function describe(type) {
  if (type === 'Timeout') return 'a timer or interval: clear it';
  if (type === 'Immediate') return 'a setImmediate: clear it';
  if (/^TCP|^Pipe|^TTY|^UDP|^Socket|^HTTP|^TLS/.test(type)) return 'a socket or server: close it in afterAll';
  if (type === 'ProcessWrap') return 'a child process: wait for it to exit';
  return 'close it';
}

function changedKeys(before, after) {
  const a = JSON.parse(before);
  const b = JSON.parse(after);
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => a[key] !== b[key]);
}

module.exports = { snapshot, leftovers, restore };
