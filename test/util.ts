import { App, Stack } from 'aws-cdk-lib';
import * as cdkJson from '../cdk.json';

/** Feature flags exactly as the example app (`cdk.json`) sets them, minus the CLI-only keys. */
export const FEATURE_FLAGS: { [key: string]: unknown } = Object.fromEntries(
  Object.entries(cdkJson.context).filter(([key]) => key.startsWith('@aws-cdk')),
);

/**
 * A fresh app and stack per test. `validate: true` turns on aws-cdk-lib's built-in CloudFormation validation
 * with strict errors (warnings fail too); it is off by default to keep unit tests fast.
 */
export function testStack(options: { validate?: boolean } = {}): Stack {
  const app = new App({
    builtinCloudFormationValidation: options.validate === true,
    context: {
      ...FEATURE_FLAGS,
      '@aws-cdk/core:validateAgainstDefaultRules': options.validate === true,
      // Annotations are asserted with Annotations.fromStack; keep them out of the printed validation report.
      '@aws-cdk/core:annotationsInValidationReport': false,
      ...(options.validate ? { '@aws-cdk/core:strictCfnValidateErrors': true } : {}),
    },
  });
  return new Stack(app, 'TestStack', { env: { account: '111111111111', region: 'us-east-1' } });
}
