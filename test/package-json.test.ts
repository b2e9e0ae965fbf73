import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * What package.json promises about the npm package. The README's install from a clone names the tarball
 * `npm run package` writes (jsii-pacmak: NAME@VERSION.jsii.tgz, the name scripts/consumer-check.sh installs).
 *
 * The npm package carries the command-line tool its `bin` names. `npm pack` (which jsii-pacmak runs for
 * `npm run package`, and `npm publish` runs too) starts with the `prepack` script, which bundles it: a package
 * built from a clean clone, where `npm run build:cli` never ran, still holds dist-cli/fleet.js. Checked on a copy of
 * the sources without dist-cli/, with `npm pack --dry-run`, which lists the files a tarball would hold.
 */

const ROOT = path.resolve(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  bin: Record<string, string>; files: string[]; scripts: Record<string, string>;
};

describe('package.json', () => {
  let clone: string;
  beforeAll(() => {
    clone = fs.mkdtempSync(path.join(os.tmpdir(), 'package-json-'));
    for (const entry of ['package.json', 'lib', 'bin', 'scripts', 'tsconfig.json']) {
      fs.cpSync(path.join(ROOT, entry), path.join(clone, entry), { recursive: true });
    }
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
  });
  afterAll(() => fs.rmSync(clone, { recursive: true, force: true }));

  test('the README\'s install from a clone names the tarball npm run package writes (jsii-pacmak: NAME@VERSION.jsii.tgz)', () => {
    const { name, version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toMatch(new RegExp(`^npm install \\S*/dist-pacmak/js/${name}@${version.replace(/\./g, '\\.')}\\.jsii\\.tgz$`, 'm'));
    expect(readme).toContain(`npm install ${name}`);
  });

  test('every bin entry is a file the package lists', () => {
    for (const file of Object.values(manifest.bin)) expect(manifest.files).toContain(file);
  });

  test('npm pack from sources without dist-cli/ packs the bundled command-line tool', () => {
    expect(fs.existsSync(path.join(clone, 'dist-cli'))).toBe(false);
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--loglevel=error'], {
      cwd: clone, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' },
    });
    const [packed] = JSON.parse(out.slice(out.indexOf('['))) as [{ files: { path: string }[] }];
    const files = packed.files.map((f) => f.path);
    for (const bin of Object.values(manifest.bin)) expect(files).toContain(bin);
    expect(fs.readFileSync(path.join(clone, 'dist-cli', 'fleet.js'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  }, 120_000);
});
