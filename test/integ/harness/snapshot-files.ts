import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/**
 * What a snapshot holds of a cloud assembly: the files integ-runner reads (`manifest.json`, `integ.json`, the
 * templates, asset manifests and stack metadata), not the staged assets (`asset.*`: the templates and asset
 * manifests name each by the hash of its content, so a changed asset still changes the snapshot), the construct
 * tree (`tree.json`: library versions and construct paths, no deployable content) or the validation report.
 */
const SNAPSHOT_FILE = /^(cdk\.out|manifest\.json|integ\.json|integ-steps\.json|.+\.template\.json|.+\.assets\.json|.+\.metadata\.json)$/;

/**
 * integ-tests-alpha gives every API call of an assertion stack a `salt` of `Date.now()`, so that each deploy runs
 * the assertions again. It is the one value of a synthesis that differs from run to run: snapshots hold `SALT`.
 */
const SALT = /"salt": "\d+"/g;

/** A destination ID of an asset manifest: `current_account-current_region-0123abcd`. */
const DESTINATION_ID = /(current_account-current_region)-[0-9a-f]{8}/g;

/** The snapshot files of the assembly in `dir`, by name, normalized. */
export function snapshotFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of fs.readdirSync(dir).sort()) {
    if (SNAPSHOT_FILE.test(name)) files.set(name, fs.readFileSync(path.join(dir, name), 'utf-8'));
  }
  // A template's asset hash (in manifest.json and the asset manifests) is the SHA-256 of its text: after the salt
  // is normalized, the hash of the normalized text stands in for it, so the snapshot stays self-consistent.
  const rehashed: Array<[string, string]> = [];
  for (const [name, text] of files) {
    if (!name.endsWith('.template.json')) continue;
    const normalized = text.replace(SALT, '"salt": "SALT"');
    if (normalized === text) continue;
    files.set(name, normalized);
    rehashed.push([sha256(text), sha256(normalized)]);
  }
  for (const [name, text] of files) {
    if (name.endsWith('.template.json')) continue;
    let updated = rehashed.reduce((t, [from, to]) => t.split(from).join(to), text);
    // An asset manifest names each destination by a short hash of its properties, the template's object key
    // among them: such a destination ID follows the normalized template too.
    if (updated !== text && name.endsWith('.assets.json')) updated = updated.replace(DESTINATION_ID, '$1-SALT');
    files.set(name, updated);
  }
  return files;
}

/** One way a synthesized assembly differs from its snapshot. */
export interface SnapshotDifference {
  readonly file: string;
  /** `missing`: in the synthesis only; `extra`: in the snapshot only; `changed`: in both, different. */
  readonly kind: 'missing' | 'extra' | 'changed';
  /** For a changed file, the first line that differs, with its number. */
  readonly detail?: string;
}

/** How `actual` (a fresh synthesis) differs from the snapshot in `dir`; empty when it matches. */
export function compareSnapshot(dir: string, actual: Map<string, string>): SnapshotDifference[] {
  const expected = fs.existsSync(dir) ? readSnapshot(dir) : new Map<string, string>();
  const differences: SnapshotDifference[] = [];
  for (const [file, text] of actual) {
    const old = expected.get(file);
    if (old === undefined) differences.push({ file, kind: 'missing' });
    else if (old !== text) differences.push({ file, kind: 'changed', detail: firstDifference(old, text) });
  }
  for (const file of expected.keys()) {
    if (!actual.has(file)) differences.push({ file, kind: 'extra' });
  }
  return differences;
}

/** Replaces the snapshot in `dir` with `files`. */
export function writeSnapshot(dir: string, files: Map<string, string>): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, text] of files) fs.writeFileSync(path.join(dir, file), text);
}

function readSnapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of fs.readdirSync(dir).sort()) files.set(name, fs.readFileSync(path.join(dir, name), 'utf-8'));
  return files;
}

function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}: snapshot ${JSON.stringify(a[i] ?? '(end)')}, synthesized ${JSON.stringify(b[i] ?? '(end)')}`;
  }
  return 'same lines';
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
