import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ICruiseOptions, IReporterOutput } from 'dependency-cruiser';

/**
 * `npm run check:imports` (dependency-cruiser with the repository's .dependency-cruiser.cjs) run on small fixture
 * trees: it must fail on what the layering forbids and pass on a clean tree. The checks run in this process through
 * dependency-cruiser's API, as its command line runs them (src/cli/index.mjs: the options from the config file, the
 * tsconfig.json it names, cruise with the 'err' reporter, whose exit code is the command's), with the script's own
 * arguments; a child process per tree used to load dependency-cruiser and TypeScript again each time.
 *
 * A check of the tooling, not of the library: `npm run check:imports` runs this file (jest, outside `npm test`)
 * right after dependency-cruiser itself, so the rules and the proof that they bite run together.
 */

const ROOT = path.resolve(__dirname, '..');
/** `npm run check:imports`: dependency-cruiser, then this file. */
const FULL_SCRIPT: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts['check:imports'];
const [SCRIPT, ...AFTER] = FULL_SCRIPT.split(' && ');
/** `depcruise lib --config .dependency-cruiser.cjs`: the command, the folders it checks and the rules file. */
const [COMMAND, ...ARGS] = SCRIPT.split(' ');
const FOLDERS = ARGS.filter((a, i) => !a.startsWith('-') && ARGS[i - 1] !== '--config');
const RULES = ARGS[ARGS.indexOf('--config') + 1];

const TSCONFIG = JSON.stringify({ compilerOptions: { strict: true, module: 'commonjs', target: 'es2022' }, include: ['lib/**/*.ts'] });

/** Files of a clean tree: every layer importing only downwards, type-only imports included, index.ts re-exporting. */
const CLEAN: { [file: string]: string } = {
  'lib/core/errors.ts': 'export class PoolError extends Error {}\n',
  'lib/instance-types/instance-type.ts': "import { PoolError } from '../core/errors';\nexport const check = (name: string) => { if (!name) throw new PoolError(); };\n",
  'lib/pools/instance-pool.ts': "import type { PoolError } from '../core/errors';\nimport { check } from '../instance-types/instance-type';\nexport interface Pool { error?: PoolError }\nexport const rank = check;\n",
  'lib/pools/pool-endpoint.ts': "import type { Pool } from './instance-pool';\nexport interface PoolEndpoint { pools: Pool[] }\n",
  'lib/scaling/signal.ts': "import type { PoolEndpoint } from '../pools/pool-endpoint';\nexport const bind = (e: PoolEndpoint) => e.pools.length;\n",
  'lib/endpoint/endpoint.ts': "import { rank } from '../pools/instance-pool';\nimport { bind } from '../scaling/signal';\nexport const create = () => [rank, bind];\n",
  'lib/index.ts': "export * from './core/errors';\nexport * from './endpoint/endpoint';\n",
};

/** The clean tree plus one violation of each kind, each in files of its own. */
const BROKEN: { [file: string]: string } = {
  ...CLEAN,
  // (1) An import cycle made of `import type` statements only, within one layer.
  'lib/pools/left.ts': "import type { Right } from './right';\nexport interface Left { right?: Right }\n",
  'lib/pools/right.ts': "import type { Left } from './left';\nexport interface Right { left?: Left }\n",
  // (2) An import from a lower layer to a higher one.
  'lib/core/upward.ts': "import { rank } from '../pools/instance-pool';\nexport const up = rank;\n",
  // (3) A file in a folder that is no layer, and one directly in lib/ that imports nothing.
  'lib/helpers/strings.ts': "import { PoolError } from '../core/errors';\nexport const fail = () => new PoolError();\n",
  'lib/stray.ts': 'export const STRAY = 1;\n',
};

interface Run {
  readonly status: number;
  readonly output: string;
  /** `[rule, from]` of every violation, in the reporter's order. */
  readonly violations: [string, string][];
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'import-rules-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** dependency-cruiser's API. It is ESM only; tsx keeps `import()` a real dynamic import, which loads it here. */
async function depcruise() {
  // Subpath modules by a computed name: the compiler's "node" module resolution does not read package exports.
  const subpath = (name: string) => `dependency-cruiser/config-utl/${name}`;
  const [{ cruise }, { default: extractDepcruiseOptions }, { default: extractTSConfig }] = await Promise.all([
    import('dependency-cruiser'),
    import(subpath('extract-depcruise-options')) as Promise<{ default: (file: string) => Promise<ICruiseOptions> }>,
    import(subpath('extract-ts-config')) as Promise<{ default: (file: string) => unknown }>,
  ]);
  return { cruise, extractDepcruiseOptions, extractTSConfig };
}

/**
 * Writes `files` into a fresh directory with a tsconfig.json, and checks it with the repository's rules as
 * `npm run check:imports` would there: paths relative to that directory (dependency-cruiser's baseDir, the command
 * line's working directory), the tsconfig.json the rules name, the 'err' reporter.
 */
async function checkImports(name: string, files: { [file: string]: string }): Promise<Run> {
  const dir = path.join(tmp, name);
  for (const [file, text] of Object.entries({ ...files, 'tsconfig.json': TSCONFIG })) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  const { cruise, extractDepcruiseOptions, extractTSConfig } = await depcruise();
  const options = await extractDepcruiseOptions(path.join(ROOT, RULES));
  const tsConfigFile = options.tsConfig?.fileName === undefined ? undefined : path.join(dir, options.tsConfig.fileName);
  const tsConfig = tsConfigFile === undefined ? undefined : { fileName: tsConfigFile };
  const result: IReporterOutput = await cruise(FOLDERS, { ...options, baseDir: dir, outputType: 'err', tsConfig }, {},
    { tsConfig: tsConfigFile === undefined ? undefined : extractTSConfig(tsConfigFile) as never });
  const output = String(result.output);
  const violations = [...output.matchAll(/^\s*error (\S+): (\S+)/gm)].map((m): [string, string] => [m[1], m[2]]);
  return { status: result.exitCode, output, violations };
}

// One tree after the other: dependency-cruiser keeps caches in module state.
let clean: Run;
let run: Run;
beforeAll(async () => {
  clean = await checkImports('clean', CLEAN);
  run = await checkImports('broken', BROKEN);
}, 120_000);

describe('npm run check:imports', () => {
  test('is depcruise on lib/ with the repository rules: the command line of the dependency-cruiser these tests run', () => {
    expect(SCRIPT).toBe('depcruise lib --config .dependency-cruiser.cjs');
    expect(AFTER).toEqual(["jest --maxWorkers=1 --testMatch '**/test/import-rules.check.ts'"]);
    expect([COMMAND, FOLDERS, RULES]).toEqual(['depcruise', ['lib'], '.dependency-cruiser.cjs']);
    // npm runs node_modules/.bin/depcruise: the package's own command line, whose API the checks below call.
    const pkg = path.join(ROOT, 'node_modules', 'dependency-cruiser');
    const bin = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8')).bin[COMMAND];
    expect(fs.realpathSync(path.join(ROOT, 'node_modules', '.bin', COMMAND))).toBe(fs.realpathSync(path.join(pkg, bin)));
  });

  test('passes on a clean tree', () => {
    expect(clean.violations).toEqual([]);
    expect(clean.output).toMatch(/no dependency violations found \(7 modules, \d+ dependencies cruised\)/);
    expect(clean.status).toBe(0);
  });

  describe('fails on a tree with', () => {
    test('an error exit and exactly the four violations', () => {
      expect(run.status).not.toBe(0);
      expect(run.output).toMatch(/4 dependency violations \(4 errors, 0 warnings\)/);
      expect(run.violations).toHaveLength(4);
    });

    test('(1) an import cycle of `import type` statements only: no-circular', () => {
      const cycle = run.violations.filter(([rule]) => rule === 'no-circular');
      expect(cycle).toHaveLength(1);
      expect(['lib/pools/left.ts', 'lib/pools/right.ts']).toContain(cycle[0][1]);
      expect(run.output).toMatch(/no-circular: lib\/pools\/(left|right)\.ts → \s*lib\/pools\/(right|left)\.ts →\s*lib\/pools\/\1\.ts/);
    });

    test('(2) an import from lib/core to lib/pools: layer-core', () => {
      expect(run.violations).toContainEqual(['layer-core', 'lib/core/upward.ts']);
      expect(run.output).toContain('layer-core: lib/core/upward.ts → lib/pools/instance-pool.ts');
    });

    test('(3) a file in an unknown folder of lib/, even one that imports nothing: no-unknown-folder', () => {
      expect(run.violations).toContainEqual(['no-unknown-folder', 'lib/helpers/strings.ts']);
      expect(run.violations).toContainEqual(['no-unknown-folder', 'lib/stray.ts']);
    });
  });
});
