import { Duration, Lazy, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { CapacitySize, DeploymentStrategy, InstanceType, Model, ModelContainer } from '../../lib';
import { testStack } from '../util';
import { seedEndpoint } from './fixtures';

const rolling = () => DeploymentStrategy.rolling({ maximumBatchSize: CapacitySize.percent(20), waitInterval: Duration.minutes(5), rollbackOnEndpointAlarms: false });
const INF1 = { instanceType: InstanceType.of('ml.inf1.xlarge') };

describe('deployment guardrails exclusions (https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-exclusions.html)', () => {
  test.each<[string, () => DeploymentStrategy]>([
    ['rolling', rolling],
    ['blue/green', () => DeploymentStrategy.blueGreen({ rollbackOnEndpointAlarms: false })],
  ])('an Inf1 pool with a %s deployment is refused before any child is created', (_, deployment) => {
    const stack = testStack();
    expect(() => seedEndpoint(stack, { pools: [{ instanceType: InstanceType.ML_INF2_XLARGE }, INF1], deployment: deployment() })).toThrow(
      'pools: deployment guardrails (rolling or blue/green with baking and rollback) do not support Inf1 instances, which fall back to an all-at-once '
      + 'blue/green update (https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-exclusions.html): leave deployment unset, '
      + 'or use Inf2 or other types, got ml.inf1.xlarge [DeploymentOnInf1]');
    expect(stack.node.tryFindChild('Llm')?.node.children ?? []).toHaveLength(0);
  });

  test('Inf1 without a deployment, and Inf2 with one, are accepted', () => {
    seedEndpoint(testStack(), { pools: [INF1] });
    seedEndpoint(testStack(), { pools: [{ instanceType: InstanceType.ML_INF2_XLARGE }], deployment: rolling() });
  });

  describe('model packages (AWS Marketplace containers are excluded)', () => {
    const WARNING = 'cdk-sagemaker-instance-pools:deploymentWithModelPackage';
    const packageModel = (stack: Stack, id: string, name: string) => new Model(stack, id, { container: ModelContainer.fromModelPackage(name) });
    const warnings = (stack: Stack) => Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('run a model package'));

    test('a package of another account with a rolling deployment: a warning naming the account and citing the exclusions page', () => {
      const stack = testStack();
      const model = packageModel(stack, 'Vendor', 'arn:aws:sagemaker:us-east-1:865070037744:model-package/vendor-llm-1a2b3c');
      seedEndpoint(stack, { model, deployment: rolling() });
      Annotations.fromStack(stack).hasWarning('/TestStack/Llm', Match.stringLikeRegexp(
        '^deployment: TestStack/Vendor \\(arn:aws:sagemaker:us-east-1:865070037744:model-package/vendor-llm-1a2b3c, in account 865070037744, '
        + 'not this stack\'s: a subscribed AWS Marketplace package lives in its seller\'s account\\) run a model package\\. Deployment guardrails '
        + 'do not support AWS Marketplace containers.*no final baking period.*deployment-guardrails-exclusions\\.html.*'));
      expect(warnings(stack)).toHaveLength(1);
      expect(JSON.stringify(warnings(stack)[0].entry)).toContain(WARNING);
    });

    test('a package of this account (by name, or by ARN) in a pool, blue/green: a warning that says an own package is fine unless from Marketplace', () => {
      const stack = testStack();
      const own = packageModel(stack, 'Own', 'arn:aws:sagemaker:us-east-1:111111111111:model-package/llm/3');
      const byName = packageModel(stack, 'ByName', 'llm-package');
      seedEndpoint(stack, {
        pools: [{ instanceType: InstanceType.ML_P5_48XLARGE, model: own }, { instanceType: InstanceType.ML_G6_48XLARGE, model: byName }],
        deployment: DeploymentStrategy.blueGreen({ rollbackOnEndpointAlarms: false }),
      });
      const [warning] = warnings(stack);
      expect(warning.entry.data).toMatch(/^deployment: TestStack\/Own \(arn:aws:sagemaker:us-east-1:111111111111:model-package\/llm\/3\), TestStack\/ByName \(llm-package\) run a model package\./);
      expect(warning.entry.data).toContain('A package of your own Model Registry is fine unless its container comes from AWS Marketplace');
      expect(warning.entry.data).not.toContain('in account');
    });

    test('a package given as a token is named as such', () => {
      const stack = testStack();
      const model = packageModel(stack, 'Token', Lazy.string({ produce: () => 'llm-package' }));
      seedEndpoint(stack, { model, deployment: rolling() });
      expect(warnings(stack)[0].entry.data).toMatch(/^deployment: TestStack\/Token \(a package given as a token\) run a model package/);
    });

    test('no warning without a deployment, or for image containers', () => {
      const stack = testStack();
      seedEndpoint(stack, { model: packageModel(stack, 'Vendor', 'arn:aws:sagemaker:us-east-1:865070037744:model-package/vendor-llm') });
      expect(warnings(stack)).toHaveLength(0);
      const images = testStack();
      seedEndpoint(images, { deployment: rolling() });
      expect(warnings(images)).toHaveLength(0);
    });

    test('the model and its container expose the package; image containers and imported models do not', () => {
      const stack = testStack();
      const container = ModelContainer.fromModelPackage('llm-package/3');
      expect(container.modelPackageName).toBe('llm-package/3');
      expect(new Model(stack, 'Pkg', { container }).modelPackageName).toBe('llm-package/3');
      const image = seedEndpoint(stack).model as Model;
      expect(image.modelPackageName).toBeUndefined();
      expect(Model.fromModelName(stack, 'Existing', 'existing').modelPackageName).toBeUndefined();
    });
  });
});
