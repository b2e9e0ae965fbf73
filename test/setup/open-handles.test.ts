import { promises as fsp, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The check checked-worker.mjs runs after every test file (test/setup/open-handles.cjs). */
interface Snapshot { readonly resources: Map<string, number> }
const guard = require('./open-handles.cjs') as {
  snapshot(): Snapshot;
  leftovers(before: Snapshot, after: Snapshot): string[];
  restore(before: Snapshot): void;
};

/**
 * Only the handles a test makes itself are compared: in a full run the worker may hold others for a moment (the
 * runner's own messages, a previous file's request still closing), which are not this test's to judge.
 */
const own = (lines: string[]) => lines.filter((line) => /^\d+ (Timeout|TCPServerWrap) /.test(line));

/** Two turns of the event loop: a closed handle is released in libuv's close phase, after setImmediate's. */
const turns = async () => {
  for (let i = 0; i < 2; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('what a test file leaves behind in its worker', () => {
  test('nothing, when it cleans up', async () => {
    const before = guard.snapshot();
    const server = createServer();
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    clearInterval(setInterval(() => undefined, 1000));
    await new Promise((closed) => server.close(closed));
    await turns();
    expect(own(guard.leftovers(before, guard.snapshot()))).toEqual([]);
  });

  test('not the file writes still under way, which finish on their own (tsx writes its cache so)', async () => {
    const before = guard.snapshot();
    const files = Array.from({ length: 50 }, (_, i) => join(tmpdir(), `open-handles-${process.pid}-${i}.txt`));
    let done = false;
    const writes = Promise.all(files.map((file) => fsp.writeFile(file, 'x'.repeat(100_000)))).finally(() => { done = true; });
    const seen = new Set<string>();
    let leftovers: string[] = [];
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      process.getActiveResourcesInfo().forEach((type) => seen.add(type));
      leftovers = [...leftovers, ...guard.leftovers(before, guard.snapshot())];
    }
    await writes;
    files.forEach((file) => rmSync(file));
    expect(seen).toContain('CloseReq'); // a file handle's close: what a full run met
    // Only the file requests are this test's to judge (see `own`).
    expect(leftovers.filter((line) => /^\d+ (CloseReq|FSReq\w+) /.test(line))).toEqual([]);
  });

  test('a timer and a listening server, each named with what to do', async () => {
    const before = guard.snapshot();
    const timer = setInterval(() => undefined, 60_000);
    const server = createServer();
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    try {
      expect(own(guard.leftovers(before, guard.snapshot())).sort()).toEqual([
        '1 TCPServerWrap still active (a socket or server: close it in afterAll)',
        '1 Timeout still active (a timer or interval: clear it)',
      ]);
    } finally {
      clearInterval(timer);
      await new Promise((closed) => server.close(closed));
    }
  });

  test('fake timers left on, a patched Math.random and a changed environment: named, and put back', () => {
    const before = guard.snapshot();
    const random = Math.random;
    jest.useFakeTimers();
    Math.random = () => 0.5;
    process.env.OPEN_HANDLES_TEST = '1';
    expect(guard.leftovers(before, guard.snapshot())).toEqual([
      'setTimeout, setInterval, setImmediate, clearTimeout, clearInterval, clearImmediate, Date, process.nextTick replaced (fake timers left on: call jest.useRealTimers())',
      'Math.random replaced (restore the spy: jest.restoreAllMocks())',
      'process.env changed (OPEN_HANDLES_TEST): restore it',
    ]);
    guard.restore(before);
    expect(guard.leftovers(before, guard.snapshot())).toEqual([]);
    expect(Math.random).toBe(random);
    expect(process.env.OPEN_HANDLES_TEST).toBeUndefined();
  });
});
