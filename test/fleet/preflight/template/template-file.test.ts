import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTemplateFile } from '../../../../bin/fleet/preflight/template/template-file';
import { usageErrorOf } from '../../usage-error';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'template-file-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const usage = (path: string): string => usageErrorOf(() => readTemplateFile(path)).message;

test('reads the JSON of a synthesized template', () => {
  writeFileSync(join(dir, 'Stack.template.json'), '{"Resources":{}}');
  expect(readTemplateFile(join(dir, 'Stack.template.json'))).toEqual({ Resources: {} });
});

test('a missing file, a directory and a file that is not JSON are one-line usage errors', () => {
  expect(usage(join(dir, 'nope.json'))).toBe(`cannot read --template ${join(dir, 'nope.json')}: no such file. Run 'cdk synth' first; templates are in cdk.out/.`);
  expect(usage(dir)).toMatch(/: it is a directory\./);
  writeFileSync(join(dir, 'Stack.template.yaml'), 'Resources:\n  A: 1\n');
  expect(usage(join(dir, 'Stack.template.yaml'))).toMatch(/is not JSON \(.*\); use the \.template\.json that cdk synth writes to cdk\.out\/\.$/);
});
