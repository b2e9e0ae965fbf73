import { App, CfnResource, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildExampleApp } from '../bin/example-stacks';
import { synthesize as synthesizeExported } from './fleet/export/generated-code';
import { exportSamples } from './fleet/export/export-samples';
import { synthesizeGenerated } from './fleet/recommend/generated-module';
import { typescriptSamples } from './fleet/recommend/typescript-samples';
import { CapacityAwareEndpoint, InstanceType, Model } from '../lib';
import { CATALOG } from '../lib/instance-types/instance-type-catalog.generated';
import { FEATURE_FLAGS, STRICT_VALIDATION, testApp } from './util';

/*
 * aws-cdk-lib's built-in CloudFormation validation, strict (warnings fail too), on every template users deploy
 * as-is: the example app (as `npx cdk synth` runs it: cdk.json turns the validation on) and the code
 * `sagemaker-fleet recommend` and `export` generate. The tests synthesize the same code without it.
 *
 * Not part of `npm test`: `npm run check:templates` runs this file, a step of .ci/run (test/package-json.test.ts
 * holds both to it). The validator's engine costs about 4 s of CPU to start in any process that validates, a
 * tenth of the whole suite, whatever is validated with it.
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

/*
 * W3030 ("'ml.x.y' is not one of [...]") is the validator's warning for a value outside the enum of the CloudFormation
 * registry schema it bundles, here the InstanceType of a pool. The library's catalog and the schema of the aws-cdk-lib
 * it requires list the same types, so W3030 fires only for an InstanceType.of() of a type neither knows: a typo, or a
 * type newer than both (the library warns instanceTypeNotInCatalog then, with the nearest types). aws-cdk-lib
 * acknowledges a validator rule per construct subtree, not per property (Validations.acknowledge), so the library
 * cannot silence W3030 for the instance types alone; README "Validation at synth time" says what to do.
 */
test('a type outside the schema: W3030 names it, and lists every type of the catalog; acknowledged on one endpoint, it is silenced there only', () => {
  const app = testApp({ builtinCloudFormationValidation: true, context: {
    ...FEATURE_FLAGS, ...STRICT_VALIDATION, '@aws-cdk/core:annotationsInValidationReport': false,
  } });
  const stack = new Stack(app, 'NewType', { env: { account: '111111111111', region: 'us-east-1' } });
  const model = Model.fromModelName(stack, 'Model', 'llm');
  const pools = [{ instanceType: InstanceType.of('ml.g9.48xlarge') }, { instanceType: InstanceType.ML_G6_48XLARGE }];
  const acknowledged = new CapacityAwareEndpoint(stack, 'Acknowledged', { model, pools });
  new CapacityAwareEndpoint(stack, 'Other', { model, pools });
  Validations.of(acknowledged).acknowledge({ id: 'CloudFormation-Validate::W3030', reason: 'ml.g9.48xlarge is newer than the bundled schema' });
  let report = '';
  try {
    Template.fromStack(stack);
  } catch (error) {
    report = (error as Error).message;
  }
  expect(report).toContain('NewType/Other/EndpointConfig');
  expect(report).not.toContain('NewType/Acknowledged/EndpointConfig');
  // The schema's list of instance types is in the message: the catalog must not list a type it lacks (a catalog
  // generated from a newer SDK than aws-cdk-lib's schema would give W3030 for well-formed, catalogued types).
  const listed = /InstancePools\.0\.InstanceType: 'ml\.g9\.48xlarge' is not one of \[([^\]]+)\]/.exec(report)?.[1].split(', ').map((t) => t.slice(1, -1));
  const catalogued = Object.entries(CATALOG).flatMap(([family, { sizes }]) => Object.keys(sizes).map((size) => `ml.${family}.${size}`));
  expect(listed?.length).toBeGreaterThan(250);
  expect(catalogued.filter((type) => !listed!.includes(type))).toEqual([]);
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
