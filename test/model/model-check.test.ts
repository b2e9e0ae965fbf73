import { Environment, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CapacityAwareEndpoint, ContainerImage, InstanceType, Model, ModelContainer } from '../../lib';
import { checkModelEnvironments, isModel } from '../../lib/model/model-check';
import { testApp } from '../util';

const container = () => ModelContainer.fromImage(ContainerImage.fromDeepLearningContainer('djl-inference', '0.36.0-lmi23.0.0-cu129'));
const US = { account: '111111111111', region: 'us-east-1' };

describe('isModel', () => {
  test('a model and an imported model are models; a name, a look-alike and a stack are not', () => {
    const stack = new Stack(testApp(), 'S');
    expect(isModel(new Model(stack, 'M', { container: container() }))).toBe(true);
    expect(isModel(Model.fromModelName(stack, 'I', 'existing'))).toBe(true);
    expect([isModel('existing'), isModel({ modelName: 'existing' }), isModel(stack), isModel(undefined)]).toEqual([false, false, false, false]);
  });
});

describe('checkModelEnvironments', () => {
  const cases: Array<[string, Environment | undefined, Environment | undefined, boolean]> = [
    ['another region', US, { ...US, region: 'eu-west-1' }, true],
    ['another account', US, { ...US, account: '222222222222' }, true],
    ['the same account and region', US, US, false],
    ['both environment-agnostic', undefined, undefined, false],
    ['the model agnostic, the endpoint in a region (aws-cdk-lib judges a reference; a fixed name may be deployed there)', undefined, US, false],
  ];
  test.each(cases)('a model in %s', (_, modelEnv, endpointEnv, throws) => {
    const app = testApp();
    const model = Model.fromModelName(new Stack(app, 'Models', { env: modelEnv }), 'M', 'shared-model');
    const endpointStack = new Stack(app, 'Endpoints', { env: endpointEnv });
    const check = () => checkModelEnvironments('model', [model], endpointStack);
    if (throws) expect(check).toThrow(/^model: in the (region|account) of Endpoints \(.*\): SageMaker finds a model by name .* Models\/M would not be found .*\[CrossEnvironmentModel\]$/);
    else expect(check).not.toThrow();
  });

  test('an endpoint in eu-west-1 serving a model with a fixed name in us-east-1 throws (it synthesized, and failed to deploy)', () => {
    const app = testApp();
    const model = new Model(new Stack(app, 'Models', { env: US }), 'M', { container: container(), modelName: 'shared-model' });
    const endpoints = new Stack(app, 'Endpoints', { env: { ...US, region: 'eu-west-1' } });
    expect(() => new CapacityAwareEndpoint(endpoints, 'E', { model, pools: [{ instanceType: InstanceType.ML_G6_48XLARGE }] }))
      .toThrow(/^model: in the region of Endpoints\/E \(eu-west-1\): .*, got 'us-east-1' \[CrossEnvironmentModel\]$/);
    // Validated before any child: the failed endpoint left nothing behind.
    expect(endpoints.node.tryFindChild('E')?.node.children ?? []).toHaveLength(0);
  });

  test('a model in the endpoint\'s own environment, in another stack, is served', () => {
    const app = testApp();
    const model = new Model(new Stack(app, 'Models', { env: US }), 'M', { container: container() });
    const endpoints = new Stack(app, 'Endpoints', { env: US });
    new CapacityAwareEndpoint(endpoints, 'E', { model, pools: [{ instanceType: InstanceType.ML_G6_48XLARGE }] });
    Template.fromStack(endpoints).resourceCountIs('AWS::SageMaker::EndpointConfig', 1);
  });
});
