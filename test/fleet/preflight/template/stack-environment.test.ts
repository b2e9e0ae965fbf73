import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stackEnvironment } from '../../../../bin/fleet/preflight/template/stack-environment';

const dir = mkdtempSync(join(tmpdir(), 'stack-environment-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A cloud assembly directory as `cdk synth` writes it (the artifact shapes of its manifest.json). */
function assembly(name: string, artifacts: Record<string, unknown>): string {
  const out = join(dir, name);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'manifest.json'), JSON.stringify({ version: '48.0.0', artifacts }));
  return out;
}

const stack = (templateFile: string, environment: string) => ({ type: 'aws:cloudformation:stack', environment, properties: { templateFile } });

describe('stackEnvironment', () => {
  const out = assembly('cdk.out', {
    'LlmEndpoint.assets': { type: 'cdk:asset-manifest', properties: { file: 'LlmEndpoint.assets.json' } },
    'LlmEndpoint': stack('LlmEndpoint.template.json', 'aws://111122223333/eu-west-1'),
    'Agnostic': stack('Agnostic.template.json', 'aws://unknown-account/unknown-region'),
    'RegionOnly': stack('RegionOnly.template.json', 'aws://unknown-account/ap-southeast-2'),
    'assembly-Prod': { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Prod' } },
  });
  const stage = assembly(join('cdk.out', 'assembly-Prod'), { ProdInner6AE3BBF4: stack('ProdInner6AE3BBF4.template.json', 'aws://111122223333/us-west-2') });

  test('the region of the stack whose templateFile is the template', () => {
    expect(stackEnvironment(join(out, 'LlmEndpoint.template.json'))).toEqual({
      stackId: 'LlmEndpoint', environment: 'aws://111122223333/eu-west-1', region: 'eu-west-1',
    });
    expect(stackEnvironment(join(out, 'RegionOnly.template.json'))?.region).toBe('ap-southeast-2');
  });

  test('a stage\'s stack: the manifest of its own assembly directory', () => {
    expect(stackEnvironment(join(stage, 'ProdInner6AE3BBF4.template.json'))?.region).toBe('us-west-2');
  });

  test('an environment-agnostic stack names no region', () => {
    expect(stackEnvironment(join(out, 'Agnostic.template.json'))).toEqual({
      stackId: 'Agnostic', environment: 'aws://unknown-account/unknown-region', region: undefined,
    });
  });

  test('no manifest, a manifest that is not JSON, or one that does not list the template: nothing', () => {
    expect(stackEnvironment(join(dir, 'elsewhere', 'LlmEndpoint.template.json'))).toBeUndefined();
    expect(stackEnvironment(join(out, 'Other.template.json'))).toBeUndefined();
    const broken = join(dir, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'manifest.json'), '{ not json');
    expect(stackEnvironment(join(broken, 'LlmEndpoint.template.json'))).toBeUndefined();
    const empty = assembly('empty', {});
    expect(stackEnvironment(join(empty, 'LlmEndpoint.template.json'))).toBeUndefined();
  });
});
