/**
 * Runs generated stack modules against the library's sources (lib/index.ts) to synthesize a template. Their type
 * check is `npm run check:samples` (scripts/check-samples.ts).
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { name as PACKAGE_NAME } from '../../../package.json';
import { runTypeScript } from '../../typescript-module';
import { STRICT_VALIDATION, testApp } from '../../util';

/** The library as the generated modules import it, rewritten to the sources (relative to this directory). */
const LIB_IMPORT = new RegExp(`(from\\s+)'${PACKAGE_NAME}'`, 'g');

function againstSources(source: string): string {
  return source.replace(LIB_IMPORT, "$1'../../../lib'");
}

/**
 * Runs the module and synthesizes its stack (the library's validation included); with `validate`, aws-cdk-lib's
 * strict CloudFormation validation on (warnings fail).
 */
export function synthesize(source: string, className: string, validate = false): Template {
  // The module's imports resolve like this file's own (`../../../lib` is the library sources).
  const StackClass = runTypeScript(againstSources(source), require)[className] as new (scope: App, id: string, props: object) => Stack;
  const app = testApp({ builtinCloudFormationValidation: validate, context: validate ? STRICT_VALIDATION : {} });
  const stack = new StackClass(app, 'Exported', { env: { account: '111122223333', region: 'us-east-1' } });
  return Template.fromStack(stack);
}
