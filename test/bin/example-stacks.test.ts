import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AsyncEndpointStack, buildExampleApp, LlmEndpointStack } from '../../bin/example-stacks';
import { testing } from '../../lib';
import { FEATURE_FLAGS } from '../util';

/** The example app exactly as `npx cdk synth` builds it, with strict built-in CloudFormation validation. */
function exampleApp() {
  const app = new App({ context: { ...FEATURE_FLAGS, '@aws-cdk/core:strictCfnValidateErrors': true } });
  const stacks = buildExampleApp(app);
  return { app, stacks };
}

describe('example app', () => {
  const { stacks } = exampleApp();
  const templates = stacks.map((stack) => Template.fromStack(stack)); // throws on any validation finding

  test('every stack passes the built-in CloudFormation validation (strict)', () => {
    expect(templates).toHaveLength(2);
    expect(FEATURE_FLAGS['@aws-cdk/core:validateAgainstDefaultRules']).toBe(true);
  });

  test('the validation is really on: a priority out of 1..5 fails synthesis', () => {
    const broken = exampleApp().stacks[0] as LlmEndpointStack;
    broken.endpoint.cfnEndpointConfig.addPropertyOverride('ProductionVariants.0.InstancePools.1.Priority', 7);
    expect(() => Template.fromStack(broken)).toThrow(/F3034|Validation failed/);
  });

  test('the LLM endpoint shows the seed: p5 first, g6 with its INT4 model, LOR routing', () => {
    const llm = stacks.find((s) => s instanceof LlmEndpointStack) as LlmEndpointStack;
    const template = Template.fromStack(llm);
    const variant = Object.values(template.findResources('AWS::SageMaker::EndpointConfig'))[0].Properties.ProductionVariants[0];
    expect(variant.InstancePools).toEqual([
      { InstanceType: 'ml.p5.48xlarge', Priority: 1 },
      { InstanceType: 'ml.g6.48xlarge', Priority: 2, ModelNameOverride: { 'Fn::GetAtt': [llm.getLogicalId((llm.node.findChild('LlmInt4').node.defaultChild as any)), 'ModelName'] } },
    ]);
    expect(variant.RoutingConfig).toEqual({ RoutingStrategy: 'LEAST_OUTSTANDING_REQUESTS' });
    expect(variant.InstanceType).toBeUndefined();
    expect(llm.endpoint.pools.map((p) => p.maxConcurrency)).toEqual([20, 8]);
  });

  test('the LLM endpoint scales 1..10 on the weighted signal: the seed table, no dilution, no data when empty', () => {
    const llm = stacks.find((s) => s instanceof LlmEndpointStack) as LlmEndpointStack;
    const template = Template.fromStack(llm);
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 1, MaxCapacity: 10 });
    const policy = testing.TargetTrackingPolicy.fromTemplate(template.toJSON());
    expect(policy.targetValue).toBe(0.7);
    const read = (values: { [type: string]: number }) => {
      const v = policy.evaluate(values);
      return v === undefined ? undefined : Math.round(v * 100 + 1e-9) / 100;
    };
    expect([[5, 2], [12, 5], [18, 7], [14, 6]].map(([p5, g6]) => read({ 'ml.p5.48xlarge': p5, 'ml.g6.48xlarge': g6 }))).toEqual([0.25, 0.61, 0.89, 0.73]);
    expect(read({ 'ml.p5.48xlarge': 18 })).toBe(0.9);
    expect(read({})).toBeUndefined();
  });

  test('the asynchronous endpoint has three pools and writes to its bucket', () => {
    const asyncStack = stacks.find((s) => s instanceof AsyncEndpointStack) as AsyncEndpointStack;
    const config = Object.values(Template.fromStack(asyncStack).findResources('AWS::SageMaker::EndpointConfig'))[0].Properties;
    expect(config.ProductionVariants[0].InstancePools.map((p: any) => p.InstanceType)).toEqual(['ml.g6.24xlarge', 'ml.g5.48xlarge', 'ml.g5.12xlarge']);
    expect(config.AsyncInferenceConfig.OutputConfig.NotificationConfig).toBeDefined();
  });

  test('snapshot of every example stack', () => {
    for (const [i, template] of templates.entries()) {
      expect(template.toJSON()).toMatchSnapshot(stacks[i].stackName);
    }
  });
});
