/**
 * Runs the TypeScript `sagemaker-fleet recommend` generates against the library's sources (lib/index.ts, as the
 * package name resolves) to synthesize a template. Its type check is `npm run check:samples`.
 */
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { LIBRARY } from '../../../bin/fleet/recommend/render-typescript';
import { runTypeScript } from '../../typescript-module';
import { testStack } from '../../util';

const LIB_INDEX = path.resolve(__dirname, '../../../lib/index.ts');

/**
 * Calls the generated module's function `fn` in a fresh stack and returns the synthesized template; with
 * `validate`, aws-cdk-lib's strict CloudFormation validation on (warnings fail).
 */
export function synthesizeGenerated(code: string, fn: string, validate = false): Template {
  const exports = runTypeScript(code, (id) => require(id === LIBRARY ? LIB_INDEX : id));
  const stack = testStack({ validate });
  exports[fn](stack, 'Llm');
  return Template.fromJSON((stack.node.root as App).synth().getStackByName(stack.stackName).template);
}
