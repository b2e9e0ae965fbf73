/**
 * An esbuild bundle built at most once for any number of test processes, and not rebuilt while nothing it is built
 * from has changed: a content cache (by default under node_modules/.cache/, which git ignores and `npm ci` clears).
 *
 * An entry is named by the hash of everything that makes the bundle: esbuild's version, the build options, and the
 * content of every input file esbuild's metafile lists, with extra inputs the caller names (the build script whose
 * plugins load modules of their own, tsconfig.json, package-lock.json) and the names in each directory of the
 * project that holds an input (a new file there can change what an import resolves to). A lookup hashes the input
 * list of the last build again: an entry that matches was built from exactly the files as they are now, so it is
 * never stale. A build during which an input may have changed is used but not stored.
 *
 * Several processes (jest's workers) may ask at once: the first takes a lock directory and builds, the others wait
 * for it and then find the entry. A lock whose process has died is taken over.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { build, BuildOptions, version } from 'esbuild';

export interface CachedBundle {
  /** The bundle: the cache entry, or a private build when an input changed while it ran. */
  readonly file: string;
  /** False when it came from the cache. */
  readonly built: boolean;
}

export interface CacheOptions {
  /** Where the entries and the lock live. */
  readonly dir: string;
  /** Files that make the bundle but are not in esbuild's metafile (the build script, tsconfig.json, the lock file). */
  readonly extraInputs?: readonly string[];
}

/** Entries kept besides the newest: switching between two branches needs no rebuild. */
const OLDER_ENTRIES_KEPT = 3;
/** A lock this old is taken over even if a process with its pid exists (the pid may have been reused). */
const LOCK_MAX_AGE_MS = 5 * 60_000;
const LOCK_POLL_MS = 50;
/**
 * A file's modification time is coarse (a clock tick on Linux, a second or two on some file systems): a file changed
 * this long before a build started counts as changed during it, so a change is never missed. The cost: a build
 * right after an edit is not stored, and the next run builds again.
 */
const MTIME_MARGIN_MS = 2_000;

/** The bundle `options` describe (their `outfile` is ignored), from the cache or built into it. */
export async function cachedBundle(options: BuildOptions, cache: CacheOptions): Promise<CachedBundle> {
  mkdirSync(cache.dir, { recursive: true });
  const found = lookup(options, cache);
  if (found) return { file: found, built: false };
  return withLock(join(cache.dir, 'build.lock'), async () => {
    const foundNow = lookup(options, cache); // another process may have built it while this one waited
    return foundNow ? { file: foundNow, built: false } : buildAndStore(options, cache);
  });
}

/** What the cache knows of its builds. */
interface Manifest {
  /** The last build's inputs, absolute paths. */
  readonly inputs: readonly string[];
  /** The entries' keys, the last built first (file times are too coarse to order builds a few ms apart). */
  readonly entries?: readonly string[];
}

function readManifest(cache: CacheOptions): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(join(cache.dir, 'last-build.json'), 'utf8')) as Manifest;
  } catch {
    return undefined; // no build yet
  }
}

function lookup(options: BuildOptions, cache: CacheOptions): string | undefined {
  const manifest = readManifest(cache);
  if (!manifest) return undefined;
  const key = keyOf(options, [...manifest.inputs, ...cache.extraInputs ?? []]);
  const entry = key && entryPath(cache, key);
  return entry && exists(entry) ? entry : undefined;
}

async function buildAndStore(options: BuildOptions, cache: CacheOptions): Promise<CachedBundle> {
  const building = join(cache.dir, `building-${process.pid}.js`);
  const startedMs = Date.now();
  const result = await build({ ...options, outfile: building, metafile: true, write: true });
  const workingDir = options.absWorkingDir ?? process.cwd();
  // Inputs a plugin made up live in a namespace ("ns:path"); their content comes from code the extra inputs hold.
  const inputs = Object.keys(result.metafile.inputs).filter((i) => !/^[a-z][\w-]*:/i.test(i)).map((i) => resolve(workingDir, i));
  const all = [...inputs, ...cache.extraInputs ?? []];
  const key = keyOf(options, all);
  if (!key || all.some((file) => statSync(file).mtimeMs > startedMs - MTIME_MARGIN_MS)) return { file: building, built: true };
  const entry = entryPath(cache, key);
  renameSync(building, entry);
  const kept = [key, ...(readManifest(cache)?.entries ?? []).filter((k) => k !== key)].slice(0, 1 + OLDER_ENTRIES_KEPT);
  writeAtomically(join(cache.dir, 'last-build.json'), JSON.stringify({ inputs, entries: kept } satisfies Manifest));
  for (const file of readdirSync(cache.dir)) {
    const old = /^[0-9a-f]{32}\.js$/.test(file) && !kept.includes(file.slice(0, -'.js'.length));
    const unused = /^building-(\d+)\.js$/.exec(file); // a private build, of no use once its process is gone
    if (old || (unused && !alive(Number(unused[1])))) rmSync(join(cache.dir, file), { force: true });
  }
  return { file: entry, built: true };
}

/** The hash of all that makes the bundle, or undefined when an input is gone (then the last build says nothing). */
function keyOf(options: BuildOptions, inputs: readonly string[]): string | undefined {
  const hash = createHash('sha256');
  hash.update(`esbuild ${version}\0${describeOptions(options)}\0`);
  const dirs = new Set<string>();
  for (const file of [...inputs].sort()) {
    let content: Buffer;
    try {
      content = readFileSync(file);
    } catch {
      return undefined;
    }
    hash.update(`${file}\0${content.length}\0`).update(content);
    if (!file.split(sep).includes('node_modules')) dirs.add(dirname(file));
  }
  for (const dir of [...dirs].sort()) hash.update(`${dir}/\0${readdirSync(dir).sort().join('\0')}\0`);
  return hash.digest('hex').slice(0, 32);
}

/** The options as text, without the output file; a plugin by its name (its code is an extra input). */
function describeOptions(options: BuildOptions): string {
  const { outfile: _output, metafile: _metafile, write: _write, ...rest } = options;
  return JSON.stringify(rest, (key, value: unknown) => (key === 'plugins' ? (value as { name: string }[]).map((p) => p.name) : value));
}

function entryPath(cache: CacheOptions, key: string): string {
  return join(cache.dir, `${key}.js`);
}

/** Runs `fn` while holding the lock directory `lock` (mkdir is atomic: exactly one process creates it). */
async function withLock<T>(lock: string, fn: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (abandoned(lock)) rmSync(lock, { recursive: true, force: true });
    else await new Promise((wake) => setTimeout(wake, LOCK_POLL_MS));
  }
  writeFileSync(join(lock, 'pid'), String(process.pid));
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** True when the process that holds `lock` is gone (or the lock is too old to trust its pid). */
function abandoned(lock: string): boolean {
  let pid: number;
  try {
    if (Date.now() - statSync(lock).mtimeMs > LOCK_MAX_AGE_MS) return true;
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    return false; // just created, pid not written yet; or just released
  }
  return !alive(pid);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function writeAtomically(file: string, text: string): void {
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, text);
  renameSync(partial, file);
}

function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}
