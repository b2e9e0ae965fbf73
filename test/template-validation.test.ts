import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildExampleApp } from '../bin/example-stacks';
import { synthesize as synthesizeExported } from './fleet/export/generated-code';
import { exportSamples } from './fleet/export/export-samples';
import { synthesizeGenerated } from './fleet/recommend/generated-module';
import { typescriptSamples } from './fleet/recommend/typescript-samples';
import { FEATURE_FLAGS, STRICT_VALIDATION, testApp } from './util';

/*
 * aws-cdk-lib's built-in CloudFormation validation, strict (warnings fail too), on every template users deploy
 * as-is: the example app (as `npx cdk synth` runs it: cdk.json turns the validation on) and the code
 * `sagemaker-fleet recommend` and `export` generate. The only test file that pays for loading the validator (about
 * 5 s of CPU per process); the other tests synthesize the same code without it.
 */

function validatingApp(): App {
  return testApp({ builtinCloudFormationValidation: true, context: { ...FEATURE_FLAGS, ...STRICT_VALIDATION } });
}

test('the example app: every stack passes (strict)', () => {
  expect(FEATURE_FLAGS['@aws-cdk/core:validateAgainstDefaultRules']).toBe(true);
  const stacks = buildExampleApp(validatingApp());
  expect(stacks.map((stack) => Object.keys(Template.fromStack(stack).toJSON().Resources).length > 0)).toEqual([true, true, true]);
});

test.each([[2, undefined], [7, /F3034|Validation failed/]])('the validation is really on: priority %d of a second pool', (priority, error) => {
  const stack = new Stack(validatingApp(), 'Pools');
  new CfnResource(stack, 'Config', {
    type: 'AWS::SageMaker::EndpointConfig',
    properties: {
      ProductionVariants: [{
        VariantName: 'AllTraffic', ModelName: 'llm', InitialInstanceCount: 1,
        InstancePools: [{ InstanceType: 'ml.p5.48xlarge', Priority: 1 }, { InstanceType: 'ml.g6.48xlarge', Priority: priority }],
      }],
    },
  });
  if (error) expect(() => Template.fromStack(stack)).toThrow(error);
  else Template.fromStack(stack).resourceCountIs('AWS::SageMaker::EndpointConfig', 1);
});

const recommended = typescriptSamples();
test.each([
  ['endpoint', 'recommendedEndpoint'], ['endpoint-order', 'recommendedEndpoint'], ['components', 'recommendedInferenceComponent'],
  ['one-component-pool', 'recommendedInferenceComponent'], ['inference-recommender', 'recommendedEndpoint'],
])('sagemaker-fleet recommend: %s passes (strict)', (name, fn) => {
  expect(synthesizeGenerated(recommended[name], fn, true).findResources('AWS::SageMaker::EndpointConfig')).not.toEqual({});
});

const exported = exportSamples();
// `everything` (every member the SDK knows, with sample values) is for the type check only: it does not synthesize.
test.each(['single', 'pooled', 'asyncExact', 'asyncLibrary'])('sagemaker-fleet export: %s passes (strict)', (name) => {
  expect(synthesizeExported(exported[name].source, exported[name].className, true).findResources('AWS::SageMaker::EndpointConfig')).not.toEqual({});
});
