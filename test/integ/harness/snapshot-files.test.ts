import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compareSnapshot, snapshotFiles, writeSnapshot } from './snapshot-files';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A cloud assembly in a fresh directory: a salted assertion template, its manifests, and files a snapshot skips. */
function assembly(salt: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'snapshot-files-'));
  const template = `{\n  "Resources": { "Call": { "Properties": { "api": "describeEndpoint", "salt": "${salt}" } } }\n}`;
  const hash = sha256(template);
  fs.writeFileSync(path.join(dir, 'Assert.template.json'), template);
  fs.writeFileSync(path.join(dir, 'Assert.assets.json'),
    `{ "${hash}": { "destinations": { "current_account-current_region-${hash.slice(0, 8)}": { "objectKey": "${hash}.json" } } } }`);
  fs.writeFileSync(path.join(dir, 'manifest.json'), `{ "stackTemplateAssetObjectUrl": "s3://bucket/${hash}.json" }`);
  fs.writeFileSync(path.join(dir, 'tree.json'), `{ "version": "${salt}" }`);
  fs.mkdirSync(path.join(dir, 'asset.0123.bundle'));
  fs.writeFileSync(path.join(dir, 'validation-report.json'), '{}');
  return dir;
}

test('two syntheses that differ only in the assertion salt give the same snapshot', () => {
  const first = snapshotFiles(assembly('1796017064692'));
  const second = snapshotFiles(assembly('1796017099999'));
  expect([...first.keys()]).toEqual(['Assert.assets.json', 'Assert.template.json', 'manifest.json']);
  expect(second).toEqual(first);
  expect(first.get('Assert.template.json')).toContain('"salt": "SALT"');
});

test("the template's asset hash follows the normalized template, so the snapshot stays self-consistent", () => {
  const files = snapshotFiles(assembly('1796017064692'));
  const hash = sha256(files.get('Assert.template.json')!);
  expect(files.get('manifest.json')).toContain(`${hash}.json`);
  expect(files.get('Assert.assets.json')).toContain(`"${hash}"`);
  expect(files.get('Assert.assets.json')).toContain('current_account-current_region-SALT');
});

test('a changed, a new and a removed file are each reported', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'snapshot-'));
  writeSnapshot(dir, new Map([['a.template.json', '{\n  "x": 1\n}'], ['gone.json', '{}']]));
  const differences = compareSnapshot(dir, new Map([['a.template.json', '{\n  "x": 2\n}'], ['new.json', '{}']]));
  expect(differences).toEqual([
    { file: 'a.template.json', kind: 'changed', detail: 'line 2: snapshot "  \\"x\\": 1", synthesized "  \\"x\\": 2"' },
    { file: 'new.json', kind: 'missing' },
    { file: 'gone.json', kind: 'extra' },
  ]);
  expect(compareSnapshot(dir, new Map([['a.template.json', '{\n  "x": 1\n}'], ['gone.json', '{}']]))).toEqual([]);
});
