/**
 * `npm run build:cli`: bundles the `sagemaker-fleet` command-line tool (bin/fleet/main.ts) with esbuild into one
 * self-contained script with a node shebang, dist-cli/fleet.js (`--outfile=PATH` writes it elsewhere).
 *
 * The tool checks instance types with the library's own `InstanceType.of` (lib/instance-types/instance-type.ts), so
 * that it never accepts a name a stack would reject. That module needs only `Token`, `Duration` and `Size` of
 * aws-cdk-lib, but the package's root (and `aws-cdk-lib/core`, which holds them) loads every module of the core: about
 * 3 MB of JavaScript in the bundle, parsed and run on every start of the tool, `--help` included. So this build
 * resolves a bare `aws-cdk-lib` import to a module that exports those three classes from the files of
 * `aws-cdk-lib/core` that define them. If a module the tool bundles ever imports anything else from aws-cdk-lib, the
 * build fails ("No matching export"): add the class here, or keep that module out of the tool.
 * `npm run check:bundle` (test/fleet/bundle.check.ts) checks the bundle's size and that it runs outside the repository,
 * without node_modules; those checks build it with these options through esbuild's API (test/fleet/bundle-cache.ts).
 */
import { dirname, join, resolve } from 'path';
import { build, BuildOptions, Plugin } from 'esbuild';

const ROOT = resolve(__dirname, '..');

/** The aws-cdk-lib classes the bundled library code uses, by the file of aws-cdk-lib/core/lib/ that defines each. */
const CDK_CLASSES = { Token: 'token', Duration: 'duration', Size: 'size' };

const onlyTheCdkClassesTheToolUses: Plugin = {
  name: 'only-the-cdk-classes-the-tool-uses',
  setup(b) {
    b.onResolve({ filter: /^aws-cdk-lib$/ }, async (args) => {
      const core = await b.resolve('aws-cdk-lib/core', { kind: args.kind, resolveDir: args.resolveDir });
      if (core.errors.length > 0) return { errors: core.errors };
      return { path: join(dirname(core.path), 'lib'), namespace: 'cdk-classes' };
    });
    b.onLoad({ filter: /.*/, namespace: 'cdk-classes' }, (args) => ({
      resolveDir: args.path,
      loader: 'js',
      contents: Object.entries(CDK_CLASSES).map(([name, file]) => `export { ${name} } from './${file}.js';`).join('\n'),
    }));
  },
};

/** The bundle's esbuild options, written to `outfile`. */
export function cliBuildOptions(outfile: string): BuildOptions {
  return {
    entryPoints: [resolve(ROOT, 'bin', 'fleet', 'main.ts')],
    outfile: resolve(outfile),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Whitespace and identifiers: esbuild's syntax minification would take seconds longer here for about 1% less.
    minifyWhitespace: true,
    minifyIdentifiers: true,
    mainFields: ['module', 'main'],
    legalComments: 'eof',
    logLevel: 'warning',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [onlyTheCdkClassesTheToolUses],
  };
}

if (require.main === module) {
  const outfile = process.argv.slice(2).find((a) => a.startsWith('--outfile='))?.slice('--outfile='.length) ?? 'dist-cli/fleet.js';
  build(cliBuildOptions(outfile)).catch(() => {
    process.exitCode = 1; // esbuild has printed the errors
  });
}
