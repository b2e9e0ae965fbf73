import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const jestConfig: { testMatch: string[] } = require('../jest.config.js');

/**
 * What package.json promises about the npm package. The README's install from a clone names the tarball
 * `npm run package` writes (jsii-pacmak: NAME@VERSION.jsii.tgz, the name scripts/consumer-check.sh installs).
 *
 * The npm package carries the command-line tool its `bin` names. `npm pack` (which jsii-pacmak runs for
 * `npm run package`, and `npm publish` runs too) starts with the `prepack` script, which bundles it: a package
 * built from a clean clone, where `npm run build:cli` never ran, still holds dist-cli/fleet.js. CI proves it by packing
 * without dist-cli/ (.ci/run); this test holds the scripts and CI to that.
 */

const ROOT = path.resolve(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  bin: Record<string, string>; files: string[]; scripts: Record<string, string>;
};

describe('package.json', () => {
  test('the README\'s install from a clone names the tarball npm run package writes (jsii-pacmak: NAME@VERSION.jsii.tgz)', () => {
    const { name, version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toMatch(new RegExp(`^npm install \\S*/dist-pacmak/js/${name}@${version.replace(/\./g, '\\.')}\\.jsii\\.tgz$`, 'm'));
    expect(readme).toContain(`npm install ${name}`);
  });

  test('every bin entry is a file the package lists', () => {
    for (const file of Object.values(manifest.bin)) expect(manifest.files).toContain(file);
  });

  test('packing bundles the command-line tool first: prepack runs build:cli, and CI packs from sources without dist-cli/', () => {
    // The pack itself (a minute of esbuild on a shared machine) runs once, in .ci/run's packaging step, which
    // removes dist-cli/ first and checks the tool in the tarball; the consumer check then runs it from an app.
    expect(manifest.scripts.prepack).toBe('npm run build:cli');
    expect(manifest.scripts['build:cli']).toMatch(/--outfile=dist-cli\/fleet\.js$/);
    const ci = fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8');
    expect(ci).toMatch(/rm -rf dist-cli\nnpm run package\nnode dist-cli\/fleet\.js --version/);
    expect(fs.readFileSync(path.join(ROOT, 'scripts', 'consumer-check.sh'), 'utf8')).toContain('"node_modules/.bin/$bin" --version');
  });

  test('the checks outside npm test run in CI: each test/**/*.check.ts is run by one script, and .ci/run runs it', () => {
    const checks = (fs.readdirSync(path.join(ROOT, 'test'), { recursive: true }) as string[])
      .filter((f) => f.endsWith('.check.ts')).map((f) => f.split(path.sep).join('/')).sort();
    expect(checks).toEqual(['fleet/bundle-export.check.ts', 'fleet/bundle-migrate.check.ts', 'fleet/bundle-recommend-preflight.check.ts',
      'fleet/bundle.check.ts', 'import-rules.check.ts', 'template-validation.check.ts', 'validation/entry-points.check.ts']);
    // The strict CloudFormation validation, the proof that the import rules catch what they forbid, the bundled
    // command-line tool against a local fake of the AWS APIs, and every public entry point called with degenerate input.
    expect(manifest.scripts['check:templates']).toBe("jest --maxWorkers=1 --testMatch '**/test/template-validation.check.ts'");
    expect(manifest.scripts['check:imports']).toBe("depcruise lib --config .dependency-cruiser.cjs && jest --maxWorkers=1 --testMatch '**/test/import-rules.check.ts'");
    expect(manifest.scripts['check:bundle']).toBe("jest --testMatch '**/test/fleet/bundle*.check.ts'");
    expect(manifest.scripts['check:entry-points']).toBe("jest --maxWorkers=1 --testMatch '**/test/validation/entry-points.check.ts'");
    // npm test itself runs none of them.
    expect(jestConfig.testMatch).toEqual(['**/*.test.ts']);
    const ci = fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8');
    /** The script globs (`**` and `*` only) as patterns of paths under test/. */
    const matching = (check: string) => Object.keys(manifest.scripts).filter((name) => [...manifest.scripts[name].matchAll(/--testMatch '\*\*\/test\/([^']+)'/g)]
      .some(([, glob]) => new RegExp(`^${glob.replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}$`).test(check)));
    for (const check of checks) {
      const scripts = matching(check);
      expect({ check, scripts }).toEqual({ check, scripts: [expect.any(String)] });
      expect(ci).toMatch(new RegExp(`^npm run ${scripts[0]}$`, 'm'));
    }
  });
});
