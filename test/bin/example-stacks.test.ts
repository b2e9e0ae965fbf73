import { Template } from 'aws-cdk-lib/assertions';
import { AsyncEndpointStack, buildExampleApp, LlmEndpointStack } from '../../bin/example-stacks';
import { InferenceComponentStack } from '../../bin/inference-component-stack';
import { testing } from '../../lib';
import { instanceTypeOf, metricLines, templateWidgets } from '../monitoring/dashboard-body';
import { ANALYTICS_FLAG, EXAMPLE_APP_FLAGS, FEATURE_FLAGS, testApp } from '../util';

/** The example app exactly as `npx cdk synth` builds it; `npm run check:templates` validates it (test/template-validation.check.ts). */
function exampleApp(flags = EXAMPLE_APP_FLAGS) {
  const app = testApp({ context: flags });
  const stacks = buildExampleApp(app);
  return { app, stacks };
}

describe('example app', () => {
  const { stacks } = exampleApp();
  const templates = stacks.map((stack) => Template.fromStack(stack));

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

  test('the on-call key and topic serve CloudWatch only for this account\'s alarms (aws:SourceAccount, aws:SourceArn)', () => {
    const llm = stacks.find((s) => s instanceof LlmEndpointStack) as LlmEndpointStack;
    const template = Template.fromStack(llm);
    const conditions = {
      StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
      ArnLike: { 'aws:SourceArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudwatch:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':alarm:*']] } },
    };
    const forCloudWatch = (statements: any[]) => statements.filter((st) => st.Principal?.Service === 'cloudwatch.amazonaws.com');
    const keys = Object.values(template.findResources('AWS::KMS::Key')).flatMap((k: any) => forCloudWatch(k.Properties.KeyPolicy.Statement));
    expect(keys).toEqual([expect.objectContaining({ Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Condition: conditions })]);
    const topics = Object.values(template.findResources('AWS::SNS::TopicPolicy')).flatMap((p: any) => forCloudWatch(p.Properties.PolicyDocument.Statement));
    expect(topics).toEqual([expect.objectContaining({ Action: 'sns:Publish', Condition: conditions })]);
  });

  test('the LLM endpoint scales 1..10 on the weighted signal: the seed table, no dilution, idle reads 0, no data when empty', () => {
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
    // An idle fleet (instances, no concurrency data) reads 0: it scales in to minCapacity.
    expect(policy.evaluateFleet({ 'ml.p5.48xlarge': { instances: 3 }, 'ml.g6.48xlarge': { instances: 1 } })).toBe(0);
  });

  test('the asynchronous endpoint has three pools and writes to its bucket', () => {
    const asyncStack = stacks.find((s) => s instanceof AsyncEndpointStack) as AsyncEndpointStack;
    const config = Object.values(Template.fromStack(asyncStack).findResources('AWS::SageMaker::EndpointConfig'))[0].Properties;
    expect(config.ProductionVariants[0].InstancePools.map((p: any) => p.InstanceType)).toEqual(['ml.g6.24xlarge', 'ml.g5.48xlarge', 'ml.g5.12xlarge']);
    expect(config.AsyncInferenceConfig.OutputConfig.NotificationConfig).toBeDefined();
  });

  test("the LLM endpoint's dashboard queries every pool's instance type for the seed's five metrics", () => {
    const llm = stacks.find((s) => s instanceof LlmEndpointStack) as LlmEndpointStack;
    const widgets = templateWidgets(llm);
    const lines = widgets.filter((w) => w.type === 'metric').flatMap(metricLines);
    for (const type of ['ml.p5.48xlarge', 'ml.g6.48xlarge']) {
      const metrics = new Set(lines.filter((l) => instanceTypeOf(l) === type).map((l) => l[1]));
      // SageMaker documents no instance-count metric: CPUUtilization samples per minute stand in for it.
      expect([...metrics]).toEqual(expect.arrayContaining(['ModelLatency', 'ConcurrentRequestsPerModel', 'GPUUtilization', 'CPUUtilization', 'Invocations']));
    }
    expect(widgets.map((w) => w.properties.title)).toContain('Scaling signal vs target');
  });

  test('the LLM endpoint rolls in batches and rolls back on alarms the same template defines', () => {
    const llm = stacks.find((s) => s instanceof LlmEndpointStack) as LlmEndpointStack;
    const resources = Template.fromStack(llm).toJSON().Resources;
    const config = resources[llm.getLogicalId(llm.endpoint.cfnEndpoint)].Properties.DeploymentConfig;
    // GPU pools: the rollback comes back in the rollout batches, not as a whole second fleet at once.
    expect(config.RollingUpdatePolicy).toEqual({
      MaximumBatchSize: { Type: 'CAPACITY_PERCENT', Value: 20 }, RollbackMaximumBatchSize: { Type: 'CAPACITY_PERCENT', Value: 20 }, WaitIntervalInSeconds: 600,
    });
    const rollback = config.AutoRollbackConfiguration.Alarms.map((a: any) => resources[a.AlarmName.Ref]);
    expect(rollback.map((r: any) => r.Type)).toEqual(Array(4).fill('AWS::CloudWatch::Alarm'));
    expect(rollback.map((r: any) => r.Properties.AlarmName).sort()).toEqual([
      'SageMaker-qwen3-4b-llm-AllTraffic-ml.g6.48xlarge-Invocation5XXErrorRate', 'SageMaker-qwen3-4b-llm-AllTraffic-ml.g6.48xlarge-ModelLatencyP99',
      'SageMaker-qwen3-4b-llm-AllTraffic-ml.p5.48xlarge-Invocation5XXErrorRate', 'SageMaker-qwen3-4b-llm-AllTraffic-ml.p5.48xlarge-ModelLatencyP99',
    ]);
  });

  test('the inference-component stack reproduces the notebook: an endpoint config without a model, five pools, managed scaling', () => {
    const ic = stacks.find((s) => s instanceof InferenceComponentStack) as InferenceComponentStack;
    const config = Template.fromStack(ic).toJSON().Resources[ic.getLogicalId(ic.endpoint.cfnEndpointConfig)].Properties;
    expect(config.ExecutionRoleArn).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^EndpointExecutionRole/), 'Arn'] });
    const variant = config.ProductionVariants[0];
    expect(variant.ModelName).toBeUndefined();
    expect(variant.InstanceType).toBeUndefined();
    expect(variant.InstancePools).toEqual(['ml.g6.48xlarge', 'ml.g6.24xlarge', 'ml.g6.12xlarge', 'ml.g5.48xlarge', 'ml.g5.24xlarge']
      .map((type, i) => ({ InstanceType: type, Priority: i + 1 })));
    expect(variant.ManagedInstanceScaling).toEqual({ Status: 'ENABLED', MinInstanceCount: 1, MaxInstanceCount: 5 });
    expect(variant.RoutingConfig).toEqual({ RoutingStrategy: 'LEAST_OUTSTANDING_REQUESTS' });
    expect([variant.InitialInstanceCount, variant.VariantInstanceProvisionTimeoutInSeconds, variant.ContainerStartupHealthCheckTimeoutInSeconds]).toEqual([4, 900, 900]);
  });

  test('the inference component covers every pool type with its own model: TP=8 with 8 GPUs on 48xlarge, TP=4 with 4 elsewhere', () => {
    const ic = stacks.find((s) => s instanceof InferenceComponentStack) as InferenceComponentStack;
    const rendered = Template.fromStack(ic).toJSON().Resources[ic.getLogicalId(ic.component.cfnInferenceComponent)];
    const model = (id: string) => ({ 'Fn::GetAtt': [ic.getLogicalId(ic.node.findChild(id).node.defaultChild as any), 'ModelName'] });
    expect(rendered.Properties.RuntimeConfig).toEqual({ CopyCount: 3 });
    expect(rendered.Properties.Specification).toBeUndefined();
    expect(rendered.Properties.Specifications.map((s: any) => [s.InstanceType, s.ModelName, s.ComputeResourceRequirements])).toEqual([
      ['ml.g6.48xlarge', model('Tp8'), { NumberOfAcceleratorDevicesRequired: 8, MinMemoryRequiredInMb: 512 }],
      ['ml.g6.24xlarge', model('Tp4'), { NumberOfAcceleratorDevicesRequired: 4, MinMemoryRequiredInMb: 512 }],
      ['ml.g6.12xlarge', model('Tp4'), { NumberOfAcceleratorDevicesRequired: 4, MinMemoryRequiredInMb: 512 }],
      ['ml.g5.48xlarge', model('Tp8'), { NumberOfAcceleratorDevicesRequired: 8, MinMemoryRequiredInMb: 512 }],
      ['ml.g5.24xlarge', model('Tp4'), { NumberOfAcceleratorDevicesRequired: 4, MinMemoryRequiredInMb: 512 }],
    ]);
    for (const spec of rendered.Properties.Specifications) {
      expect(spec.StartupParameters).toEqual({ ModelDataDownloadTimeoutInSeconds: 900, ContainerStartupHealthCheckTimeoutInSeconds: 900 });
    }
    expect(rendered.DependsOn).toEqual(expect.arrayContaining([ic.getLogicalId(ic.endpoint.cfnEndpoint), model('Tp8')['Fn::GetAtt'][0], model('Tp4')['Fn::GetAtt'][0]]));
  });

  test('the analytics flag records construct props and changes no template: the other tests build with it off', () => {
    expect(EXAMPLE_APP_FLAGS[ANALYTICS_FLAG]).toBe(true);
    const recorded = stacks.flatMap((stack) => stack.node.findAll()).filter((c) => c.node.metadata.some((m) => m.type === 'aws:cdk:analytics:construct'));
    expect(recorded.length).toBeGreaterThan(10);
    const withoutFlag = exampleApp(FEATURE_FLAGS).stacks;
    expect(withoutFlag.flatMap((stack) => stack.node.findAll()).filter((c) => c.node.metadata.some((m) => m.type === 'aws:cdk:analytics:construct'))).toEqual([]);
    expect(withoutFlag.map((stack) => Template.fromStack(stack).toJSON())).toEqual(templates.map((t) => t.toJSON()));
  });

  test('snapshot of every example stack', () => {
    for (const [i, template] of templates.entries()) {
      expect(template.toJSON()).toMatchSnapshot(stacks[i].stackName);
    }
  });
});
