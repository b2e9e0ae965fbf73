/**
 * Runs the TypeScript `sagemaker-fleet recommend` generates against the library's sources (lib/index.ts, as the
 * package name resolves) to synthesize a template. Its type check is `npm run check:samples`.
 */
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ts from 'typescript';
import { LIBRARY } from '../../../bin/fleet/recommend/render-typescript';
import { testStack } from '../../util';

const LIB_INDEX = path.resolve(__dirname, '../../../lib/index.ts');

/**
 * Calls the generated module's function `fn` in a fresh stack and returns the synthesized template; with
 * `validate`, aws-cdk-lib's strict CloudFormation validation on (warnings fail).
 */
export function synthesizeGenerated(code: string, fn: string, validate = false): Template {
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const load = (id: string): unknown => require(id === LIBRARY ? LIB_INDEX : id);
  const module = { exports: {} as Record<string, (scope: unknown, id: string) => unknown> };
  new Function('require', 'module', 'exports', js)(load, module, module.exports);
  const stack = testStack({ validate });
  module.exports[fn](stack, 'Llm');
  return Template.fromJSON((stack.node.root as App).synth().getStackByName(stack.stackName).template);
}
