import { Size, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import {
  CapacityAwareEndpoint, InferenceComponentEndpoint, InferenceComponentSpecification, InstanceType, Model, PooledInferenceComponent,
} from '../../lib';
import { testStack } from '../util';
import { G6_24, G6_48, icEndpoint, perTypeEntries, pooledComponent, tpModels } from './fixtures';

describe('PooledInferenceComponent: rendering', () => {
  test('the models\' roles keep their logs under /aws/sagemaker/ (no documented log group), even if an endpoint serves them too', () => {
    const stack = testStack();
    const { tp8 } = pooledComponent(stack);
    new CapacityAwareEndpoint(stack, 'Single', { endpointName: 'single', model: tp8, pools: [{ instanceType: InstanceType.ML_G6_48XLARGE }] });
    const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy', { Properties: { PolicyName: Match.stringLikeRegexp('^Tp8Role') } });
    const logs = (Object.values(policies)[0].Properties.PolicyDocument.Statement as any[]).find((st) => [].concat(st.Action).includes('logs:PutLogEvents' as never));
    expect(JSON.stringify(logs.Resource)).toContain(':log-group:/aws/sagemaker/*"');
    expect(JSON.stringify(logs.Resource)).not.toContain('Endpoints');
  });

  test('on the endpoint variant, per-type Specifications with their own models, copy count, a fixed derived name', () => {
    // GIVEN / WHEN
    const stack = testStack();
    const { endpoint, component, tp8, tp4 } = pooledComponent(stack, { copyCount: 3 });
    // THEN
    const modelName = (m: Model) => ({ 'Fn::GetAtt': [stack.getLogicalId(m.cfnModel), 'ModelName'] });
    Template.fromStack(stack).hasResourceProperties('AWS::SageMaker::InferenceComponent', {
      InferenceComponentName: component.inferenceComponentName,
      EndpointName: { 'Fn::GetAtt': [stack.getLogicalId(endpoint.cfnEndpoint), 'EndpointName'] },
      VariantName: 'AllTraffic',
      RuntimeConfig: { CopyCount: 3 },
      Specification: Match.absent(),
      Specifications: [
        { InstanceType: 'ml.g6.48xlarge', ModelName: modelName(tp8), ComputeResourceRequirements: { MinMemoryRequiredInMb: 512, NumberOfAcceleratorDevicesRequired: 8 } },
        { InstanceType: 'ml.g6.24xlarge', ModelName: modelName(tp4), ComputeResourceRequirements: { MinMemoryRequiredInMb: 512, NumberOfAcceleratorDevicesRequired: 4 } },
        { InstanceType: 'ml.g5.48xlarge', ModelName: modelName(tp8), ComputeResourceRequirements: { MinMemoryRequiredInMb: 512, NumberOfAcceleratorDevicesRequired: 8 } },
      ],
    });
    expect(component.inferenceComponentName).toMatch(/^TestStack-Llm-Qwen-[0-9A-F]{8}$/);
    expect(component.models).toEqual([tp8, tp4]);
    expect(component.copyCount).toBe(3);
    expect(stack.resolve(component.inferenceComponentArn)).toEqual({ 'Fn::GetAtt': [stack.getLogicalId(component.cfnInferenceComponent), 'InferenceComponentArn'] });
  });

  test('one Specification for every type, one copy by default, a given name, tags', () => {
    const stack = testStack();
    const endpoint = icEndpoint(stack, { pools: [{ instanceType: G6_48 }, { instanceType: G6_24 }] });
    endpoint.addInferenceComponent('Small', {
      specification: InferenceComponentSpecification.forAllInstanceTypes({ model: tpModels(stack).tp4, acceleratorCount: 2, minMemory: Size.mebibytes(1024) }),
      inferenceComponentName: 'qwen-small',
      tags: { team: 'ml' },
    });
    Template.fromStack(stack).hasResourceProperties('AWS::SageMaker::InferenceComponent', {
      InferenceComponentName: 'qwen-small',
      RuntimeConfig: { CopyCount: 1 },
      Specification: { ModelName: Match.anyValue(), ComputeResourceRequirements: { MinMemoryRequiredInMb: 1024, NumberOfAcceleratorDevicesRequired: 2 } },
      Specifications: Match.absent(),
      Tags: [{ Key: 'team', Value: 'ml' }],
    });
  });

  test('every model (with its role policy) and the endpoint exist before the component', () => {
    const stack = testStack();
    const endpoint = icEndpoint(stack, { endpointName: 'qwen-ic' });
    const tp8 = Model.fromModelName(stack, 'Fixed8', 'qwen-tp8');
    const tp4 = tpModels(stack).tp4;
    const component = endpoint.addInferenceComponent('Qwen', {
      specification: InferenceComponentSpecification.perInstanceType(perTypeEntries({ tp8, tp4 })),
    });
    const rendered = Template.fromStack(stack).findResources('AWS::SageMaker::InferenceComponent')[stack.getLogicalId(component.cfnInferenceComponent)];
    expect(rendered.DependsOn).toEqual(expect.arrayContaining([stack.getLogicalId(endpoint.cfnEndpoint), stack.getLogicalId(tp4.cfnModel)]));
    expect(rendered.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^Tp4RoleDefaultPolicy/)]));
  });

  test('standalone on an endpoint in another stack: no dependency on the imported endpoint', () => {
    const stack = testStack();
    const endpoint = InferenceComponentEndpoint.fromEndpointAttributes(stack, 'Ep', { endpointName: 'qwen-ic', pools: [{ instanceType: G6_48 }, { instanceType: G6_24 }] });
    const [a, b] = perTypeEntries(tpModels(stack));
    const component = new PooledInferenceComponent(stack, 'Qwen', { endpoint, specification: InferenceComponentSpecification.perInstanceType([a, b]) });
    expect(component.endpoint).toBe(endpoint);
    Template.fromStack(stack).hasResourceProperties('AWS::SageMaker::InferenceComponent', { EndpointName: 'qwen-ic', InferenceComponentName: component.inferenceComponentName });
    expect(component.inferenceComponentName).toMatch(/^TestStack-Qwen-[0-9A-F]{8}$/);
  });
});

describe('PooledInferenceComponent: validation', () => {
  test.each([-1, 1.5])('rejects copyCount %p', (copyCount) => {
    expect(() => pooledComponent(testStack(), { copyCount })).toThrow(`copyCount: must be an integer of at least 0 (and at most 2147483647, the API's integer range), got ${copyCount} [InvalidCapacity]`);
  });

  test('copyCount 0 is accepted (the API minimum) but warned about: the component would serve nothing', () => {
    const stack = testStack();
    const { component } = pooledComponent(stack, { copyCount: 0 });
    Template.fromStack(stack).hasResourceProperties('AWS::SageMaker::InferenceComponent', { RuntimeConfig: { CopyCount: 0 } });
    Annotations.fromStack(stack).hasWarning(`/${component.node.path}`, Match.stringLikeRegexp('copyCount: 0 creates the component without a copy.*autoScale\\(\\{ minCopyCount: 0 \\}\\)'));
    const one = testStack();
    pooledComponent(one, { copyCount: 1 });
    Annotations.fromStack(one).hasNoWarning('*', Match.stringLikeRegexp('copyCount: 0'));
  });

  test('rejects a bad name, before creating any child', () => {
    const stack = testStack();
    expect(() => pooledComponent(stack, { inferenceComponentName: 'qwen_ic' })).toThrow("inferenceComponentName: only letters, digits and inner hyphens (pattern [a-zA-Z0-9](-*[a-zA-Z0-9])*), got 'qwen_ic' [InvalidName]");
    expect(stack.node.findChild('Llm').node.tryFindChild('Qwen')?.node.children ?? []).toHaveLength(0);
    expect(() => pooledComponent(testStack(), { inferenceComponentName: 'q'.repeat(64) })).toThrow(/inferenceComponentName: at most 63 characters/);
  });

  test('autoScale() can be called once per component', () => {
    const { component } = pooledComponent(testStack());
    component.autoScale({ maxCopyCount: 4 });
    expect(() => component.autoScale({ maxCopyCount: 5 }))
      .toThrow("autoScale: a component has one scalable target; autoScale() was already called, got TestStack/Llm/Qwen [AutoScalingExists]");
  });

  test('tokens never trip validation', () => {
    const stack = testStack();
    const endpoint = icEndpoint(stack);
    const component = endpoint.addInferenceComponent('Ic', {
      specification: InferenceComponentSpecification.perInstanceType(perTypeEntries(tpModels(stack))),
      copyCount: Token.asNumber({ Ref: 'Copies' }),
      inferenceComponentName: Token.asString({ Ref: 'Name' }),
    });
    expect(() => Template.fromStack(stack)).not.toThrow();
    expect(stack.resolve(component.inferenceComponentName)).toEqual({ Ref: 'Name' });
  });
});

describe('PooledInferenceComponent: update safety contract', () => {
  test('construct and logical IDs and the derived name are frozen', () => {
    const stack = testStack();
    const { component } = pooledComponent(stack);
    expect(component.cfnInferenceComponent.node.id).toBe('Resource');
    expect(stack.getLogicalId(component.cfnInferenceComponent)).toBe('LlmQwen1C6CC6BA');
    // Application Auto Scaling and CloudWatch address the component by this name.
    expect(component.inferenceComponentName).toBe('TestStack-Llm-Qwen-60F4CAEE');
  });

  test('snapshot of the component', () => {
    const stack = testStack();
    const { component } = pooledComponent(stack, { copyCount: 3 });
    expect(Template.fromStack(stack).findResources('AWS::SageMaker::InferenceComponent')).toMatchSnapshot();
    expect(component.placements.map((p) => p.instanceType.name)).toEqual(['ml.g6.48xlarge', 'ml.g6.24xlarge', 'ml.g5.48xlarge']);
  });
});
