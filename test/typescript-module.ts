import { transformSync } from 'esbuild';

/**
 * Runs TypeScript held in a string (a README section, the code `sagemaker-fleet` generates) as a CommonJS module
 * and returns its exports. esbuild strips the types, as tsx does for the test files themselves: loading the
 * TypeScript compiler only to transpile cost a worker about a second of CPU. That the code type-checks is
 * `npm run check:samples`. `require` resolves the module's imports; `globals` are in scope by name (the
 * README's `declare const` values).
 */
export function runTypeScript(source: string, require: (id: string) => unknown, globals: { [name: string]: unknown } = {}): any {
  const js = transformSync(source, { loader: 'ts', format: 'cjs', target: 'es2022' }).code;
  const module = { exports: {} };
  new Function('require', 'module', 'exports', ...Object.keys(globals), js)(require, module, module.exports, ...Object.values(globals));
  return module.exports;
}
