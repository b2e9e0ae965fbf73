import { App, AppProps, Stack } from 'aws-cdk-lib';
import * as cdkJson from '../cdk.json';

/** Feature flags exactly as the example app (`cdk.json`) sets them, minus the CLI-only keys. */
export const EXAMPLE_APP_FLAGS: { [key: string]: unknown } = Object.fromEntries(
  Object.entries(cdkJson.context).filter(([key]) => key.startsWith('@aws-cdk')),
);

/**
 * The flag that widens CDK's usage analytics: with it, every L2 construct and many L2 methods record their props,
 * redacted, as construct metadata for the CDK team. It changes no template (test/bin/example-stacks.test.ts
 * proves it for the example app) and adds about 10 % to a synth (README, "Performance").
 */
export const ANALYTICS_FLAG = '@aws-cdk/core:enableAdditionalMetadataCollection';

/** The example app's feature flags with the analytics flag off: what the tests build with. */
export const FEATURE_FLAGS: { [key: string]: unknown } = { ...EXAMPLE_APP_FLAGS, [ANALYTICS_FLAG]: false };

/**
 * An app for tests: no construct tree metadata (tree.json), no stack trace on each annotation and no creation stack
 * trace on each stack and CloudFormation element, no slow-synth report; aws-cdk-lib's built-in CloudFormation
 * validation off unless `props` turns it on. None of these change a template; they cut synth time by about a
 * quarter. The keys are the ones aws-cdk-lib 2.276.0 reads: the `treeMetadata`, `stackTraces` (context
 * `aws:cdk:disable-stack-trace`) and `performanceReporting` props of `App`, and the context key
 * `aws:cdk:disable-creation-stack-traces` read by `Stack` and `CfnElement`.
 */
export function testApp(props: AppProps = {}): App {
  return new App({
    builtinCloudFormationValidation: false,
    treeMetadata: false,
    stackTraces: false,
    performanceReporting: false,
    ...props,
    context: { 'aws:cdk:disable-creation-stack-traces': true, ...props.context },
  });
}

/** Context for aws-cdk-lib's built-in CloudFormation validation with strict errors (warnings fail too). */
export const STRICT_VALIDATION = { '@aws-cdk/core:validateAgainstDefaultRules': true, '@aws-cdk/core:strictCfnValidateErrors': true };

/**
 * A fresh app and stack per test. `validate: true` turns on aws-cdk-lib's built-in CloudFormation validation
 * with strict errors (warnings fail too); it is off by default to keep unit tests fast.
 */
export function testStack(options: { validate?: boolean } = {}): Stack {
  const app = testApp({
    builtinCloudFormationValidation: options.validate === true,
    context: {
      ...FEATURE_FLAGS,
      '@aws-cdk/core:validateAgainstDefaultRules': false,
      // Annotations are asserted with Annotations.fromStack; keep them out of the printed validation report.
      '@aws-cdk/core:annotationsInValidationReport': false,
      ...(options.validate ? STRICT_VALIDATION : {}),
    },
  });
  return new Stack(app, 'TestStack', { env: { account: '111111111111', region: 'us-east-1' } });
}
