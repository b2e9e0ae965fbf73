import * as fs from 'fs';
import * as path from 'path';

/** The library's public API, whichever way it is loaded. */
export type Library = typeof import('../lib');

const ROOT = path.resolve(__dirname, '..');
const NAME = 'cdk-sagemaker-instance-pools';

/**
 * The library as an app gets it from npm: the JavaScript that `npm run build` (jsii) writes to `dist/`, installed in a
 * `node_modules` folder, so that it runs as compiled code from a module path, like aws-cdk-lib next to it. Both show
 * in the costs of a synth: every resource records a creation stack trace, and Node maps each frame of a file that
 * carries a source map, while aws-cdk-lib treats frames under `node_modules` as library frames.
 *
 * The copy goes to `node_modules/.cache/bench/node_modules/`, from where `require('aws-cdk-lib')` finds the
 * repository's own aws-cdk-lib: library and app share one instance of it, as in an app.
 * @throws if a source file of `lib/` has no compiled file in `dist/` or a newer one (`npm run bench` builds first)
 */
export function installedLibrary(): Library {
  const dist = path.join(ROOT, 'dist');
  const stale = staleSources(path.join(ROOT, 'lib'), dist);
  if (stale.length > 0) throw new Error(`bench: dist/ is missing or older than ${stale[0]}; run \`npm run build\` (npm run bench does)`);
  const installed = path.join(ROOT, 'node_modules', '.cache', 'bench', 'node_modules', NAME);
  fs.rmSync(installed, { recursive: true, force: true });
  fs.mkdirSync(installed, { recursive: true });
  fs.cpSync(dist, path.join(installed, 'dist'), { recursive: true, filter: (src) => fs.statSync(src).isDirectory() || src.endsWith('.js') });
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(installed, 'package.json'));
  return require(installed) as Library;
}

/** The library from its TypeScript sources (`lib/`), compiled on load by tsx with inline source maps. */
export function sourceLibrary(): Library {
  return require('../lib') as Library;
}

/** The `.ts` files under `dir` whose compiled `.js` under `out` is missing or older. */
function staleSources(dir: string, out: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return staleSources(file, path.join(out, entry.name));
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.d.ts')) return [];
    const compiled = path.join(out, entry.name.replace(/\.ts$/, '.js'));
    return fs.existsSync(compiled) && fs.statSync(compiled).mtimeMs >= fs.statSync(file).mtimeMs ? [] : [path.relative(ROOT, file)];
  });
}
