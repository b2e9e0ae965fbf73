import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BuildOptions, Plugin } from 'esbuild';
import { cachedBundle, CacheOptions } from './bundle-cache';

/** A two-module project: src/main.ts prints what src/message.ts exports; the build script is an extra input. */
let dir: string;
let cache: CacheOptions;
/** Writes a file as it was a minute ago: a file changed just before a build (or during it) keeps it from being stored. */
const write = (file: string, text: string) => {
  writeFileSync(join(dir, file), text);
  const aMinuteAgo = new Date(Date.now() - 60_000);
  utimesSync(join(dir, file), aMinuteAgo, aMinuteAgo);
};
const options = (extra: Partial<BuildOptions> = {}): BuildOptions => ({
  entryPoints: [join(dir, 'src', 'main.ts')], outfile: join(dir, 'ignored.js'), bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent', ...extra,
});
const output = (file: string) => readFileSync(file, 'utf8');
const entries = () => readdirSync(cache.dir).filter((f) => /^[0-9a-f]{32}\.js$/.test(f));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bundle-cache-'));
  mkdirSync(join(dir, 'src'));
  write('src/main.ts', "import { message } from './message';\nconsole.log(message);\n");
  write('src/message.ts', "export const message: string = 'one';\n");
  write('build.ts', '// the build script\n');
  cache = { dir: join(dir, 'cache'), extraInputs: [join(dir, 'build.ts')] };
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('builds once, then serves the entry while nothing changed', async () => {
  const first = await cachedBundle(options(), cache);
  const second = await cachedBundle(options(), cache);
  expect([first.built, second.built]).toEqual([true, false]);
  expect(second.file).toBe(first.file);
  expect(output(second.file)).toContain('"one"');
});

describe('rebuilds, never serving a stale bundle, when', () => {
  test.each([
    ['an input file changes', () => write('src/message.ts', "export const message: string = 'two';\n"), '"two"'],
    ['a file appears that an import now resolves to', () => write('src/message.tsx', "export const message: string = 'shadow';\n"), '"shadow"'],
    ['an extra input changes', () => write('build.ts', '// the build script, changed\n'), '"one"'],
  ])('%s', async (_name, change, expected) => {
    await cachedBundle(options(), cache);
    change();
    const after = await cachedBundle(options(), cache);
    expect(after.built).toBe(true);
    expect(output(after.file)).toContain(expected);
    expect((await cachedBundle(options(), cache)).built).toBe(false);
  });

  test('the options change', async () => {
    await cachedBundle(options(), cache);
    const minified = await cachedBundle(options({ minifyWhitespace: true }), cache);
    expect(minified.built).toBe(true);
    expect(output(minified.file)).not.toContain('\n  ');
  });

  test('an input is deleted (here the build then fails, as it should)', async () => {
    await cachedBundle(options(), cache);
    rmSync(join(dir, 'src', 'message.ts'));
    await expect(cachedBundle(options(), cache)).rejects.toThrow(/Could not resolve "\.\/message"/);
  });
});

test('a build during which an input changed is used, not stored', async () => {
  const editDuringBuild: Plugin = {
    name: 'edit-during-build',
    setup: (b) => b.onEnd(() => writeFileSync(join(dir, 'src', 'message.ts'), "export const message: string = 'edited';\n")),
  };
  const during = await cachedBundle(options({ plugins: [editDuringBuild] }), cache);
  expect(during.built).toBe(true);
  expect(output(during.file)).toContain('"one"');
  expect(entries()).toEqual([]);
  const next = await cachedBundle(options(), cache);
  expect(next.built).toBe(true);
  expect(output(next.file)).toContain('"edited"');
});

test('a build a moment after an edit is not stored either: file times are coarser than the clock', async () => {
  writeFileSync(join(dir, 'src', 'message.ts'), "export const message: string = 'just saved';\n");
  expect((await cachedBundle(options(), cache)).built).toBe(true);
  expect(entries()).toEqual([]);
});

test('callers at the same time: one builds, the others wait for it and take its entry', async () => {
  const results = await Promise.all([1, 2, 3].map(() => cachedBundle(options(), cache)));
  expect(results.filter((r) => r.built)).toHaveLength(1);
  expect(new Set(results.map((r) => r.file)).size).toBe(1);
  expect(readdirSync(cache.dir)).not.toContain('build.lock');
});

test('a lock left by a process that died is taken over', async () => {
  const dead = spawnSync(process.execPath, ['-e', '0']).pid;
  mkdirSync(join(cache.dir, 'build.lock'), { recursive: true });
  writeFileSync(join(cache.dir, 'build.lock', 'pid'), String(dead));
  expect((await cachedBundle(options(), cache)).built).toBe(true);
});

test('keeps the newest entry and three older ones', async () => {
  for (const word of ['a', 'b', 'c', 'd', 'e', 'f']) {
    write('src/message.ts', `export const message: string = '${word}';\n`);
    await cachedBundle(options(), cache);
  }
  expect(entries()).toHaveLength(4);
  write('src/message.ts', "export const message: string = 'c';\n");
  expect((await cachedBundle(options(), cache)).built).toBe(false);
  write('src/message.ts', "export const message: string = 'a';\n");
  expect((await cachedBundle(options(), cache)).built).toBe(true);
});
