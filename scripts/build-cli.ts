/**
 * `npm run build:cli`: bundles the `sagemaker-fleet` command-line tool (bin/fleet/main.ts) with esbuild into one
 * self-contained script with a node shebang, dist-cli/fleet.js (`--outfile=PATH` writes it elsewhere).
 *
 * The tool checks instance types with the library's own `InstanceType.of` (lib/index.ts), so that it never accepts a
 * name a stack would reject. Bundled as it is, lib/index.ts would pull in every aws-cdk-lib module the library uses
 * (about 40 MB of JavaScript); the tool needs only what `InstanceType` reaches. So this build
 * - marks the library's sources as free of side effects on import, which lets esbuild leave out every module of
 *   lib/ the tool does not use (https://esbuild.github.io/api/#tree-shaking), with their aws-cdk-lib imports, and
 * - resolves a bare `aws-cdk-lib` import to `aws-cdk-lib/core`, the module that holds `Token`, `Duration` and `Size`
 *   (the package's root re-exports it with every service module: https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib-readme.html).
 * test/fleet/bundle.test.ts checks the bundle's size and that it runs outside the repository, without node_modules; the
 * bundle tests build it with these options through esbuild's API (test/fleet/bundle-harness.ts).
 */
import { resolve, sep } from 'path';
import { build, BuildOptions, Plugin } from 'esbuild';

const ROOT = resolve(__dirname, '..');
const LIB = `${resolve(ROOT, 'lib')}${sep}`;
const FLEET = `${resolve(ROOT, 'bin', 'fleet')}${sep}`;

const onlyWhatTheToolUses: Plugin = {
  name: 'only-what-the-tool-uses',
  setup(b) {
    b.onResolve({ filter: /^aws-cdk-lib$/ }, (args) => b.resolve('aws-cdk-lib/core', { kind: args.kind, resolveDir: args.resolveDir }));
    b.onResolve({ filter: /^\.\.?\// }, async (args) => {
      if (args.pluginData === 'resolving' || !(args.importer.startsWith(LIB) || args.importer.startsWith(FLEET))) return undefined;
      const resolved = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'resolving' });
      return resolved.path.startsWith(LIB) ? { ...resolved, sideEffects: false } : resolved;
    });
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
    plugins: [onlyWhatTheToolUses],
  };
}

if (require.main === module) {
  const outfile = process.argv.slice(2).find((a) => a.startsWith('--outfile='))?.slice('--outfile='.length) ?? 'dist-cli/fleet.js';
  build(cliBuildOptions(outfile)).catch(() => {
    process.exitCode = 1; // esbuild has printed the errors
  });
}
