import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { Token } from 'aws-cdk-lib';
import { CfnEndpoint } from 'aws-cdk-lib/aws-sagemaker';
import { seedEndpoint } from './fixtures';
import { CapacityAwareEndpoint, ExistingEndpoint, InstanceType, Model } from '../../lib';
import { testStack } from '../util';

describe('existingEndpoint: taking over an endpoint the app already manages', () => {
  test('the endpoint and, once autoScale() is called, its scalable target take the given logical IDs', () => {
    // GIVEN
    const stack = testStack();
    const endpoint = seedEndpoint(stack, { endpointName: 'llm', existingEndpoint: { endpointLogicalId: 'Endpoint', scalableTargetLogicalId: 'ScalableTarget' } });

    // WHEN
    endpoint.autoScale({ maxCapacity: 4 });

    // THEN
    const resources = Template.fromStack(stack).toJSON().Resources;
    expect(resources.Endpoint.Type).toBe('AWS::SageMaker::Endpoint');
    expect(resources.ScalableTarget.Type).toBe('AWS::ApplicationAutoScaling::ScalableTarget');
    expect(resources.ScalableTarget.Properties.ResourceId).toEqual({ 'Fn::Join': ['', ['endpoint/', { 'Fn::GetAtt': ['Endpoint', 'EndpointName'] }, '/variant/AllTraffic']] });
    expect(resources.ScalableTarget.DependsOn).toContain('Endpoint');
    // the policy and the endpoint config are new resources, referenced by the taken-over ones
    Template.fromStack(stack).hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', { ScalingTargetId: { Ref: 'ScalableTarget' } });
    const [configId, attribute] = resources.Endpoint.Properties.EndpointConfigName['Fn::GetAtt'];
    expect(configId).toMatch(/^LlmEndpointConfig[0-9A-F]{8}$/);
    expect(attribute).toBe('EndpointConfigName');
  });

  test('taking over an autoscaled variant warns that SageMaker may refuse the instance-type change, and what then', () => {
    const stack = testStack();
    seedEndpoint(stack, { existingEndpoint: { endpointLogicalId: 'Endpoint', scalableTargetLogicalId: 'ScalableTarget' } }).autoScale({ maxCapacity: 4 });
    Annotations.fromStack(stack).hasWarning('/TestStack/Llm/AutoScaling/Target', Match.stringLikeRegexp('CloudFormation rolls the update back and the endpoint keeps serving'));
    const plain = testStack();
    seedEndpoint(plain).autoScale({ maxCapacity: 4 });
    Annotations.fromStack(plain).hasNoWarning('*', Match.stringLikeRegexp('existingEndpoint'));
  });

  test('a ResourceId written as a plain string is kept as that string', () => {
    const stack = testStack();
    seedEndpoint(stack, {
      endpointName: 'llm',
      existingEndpoint: { endpointLogicalId: 'Endpoint', scalableTargetLogicalId: 'ScalableTarget', scalableTargetResourceId: 'endpoint/llm/variant/AllTraffic' },
    }).autoScale({ maxCapacity: 4 });
    expect(Template.fromStack(stack).toJSON().Resources.ScalableTarget.Properties.ResourceId).toBe('endpoint/llm/variant/AllTraffic');
  });

  test('without autoScale(), a taken-over scalable target would be deleted: a warning says so', () => {
    const stack = testStack();
    seedEndpoint(stack, { existingEndpoint: { endpointLogicalId: 'Endpoint', scalableTargetLogicalId: 'ScalableTarget' } });
    Annotations.fromStack(stack).hasWarning('/TestStack/Llm', Match.stringLikeRegexp("scalableTargetLogicalId: 'ScalableTarget' is given but autoScale\\(\\) is not called"));
  });

  test('no warning when the endpoint is autoscaled, or has no scalable target to take over', () => {
    const scaled = testStack();
    seedEndpoint(scaled, { existingEndpoint: { endpointLogicalId: 'Endpoint', scalableTargetLogicalId: 'ScalableTarget' } }).autoScale({ maxCapacity: 4 });
    const unscaled = testStack();
    seedEndpoint(unscaled, { existingEndpoint: { endpointLogicalId: 'Endpoint' } });
    for (const stack of [scaled, unscaled]) {
      Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('autoScale\\(\\) is not called'));
    }
  });

  test('tokens are accepted as they are', () => {
    const stack = testStack();
    expect(() => seedEndpoint(stack, {
      endpointName: Token.asString({ Ref: 'Name' }),
      existingEndpoint: { endpointLogicalId: 'Endpoint', scalableTargetLogicalId: 'Target', scalableTargetResourceId: Token.asString({ Ref: 'Id' }) },
    })).not.toThrow();
  });

  test.each<[string, Partial<ExistingEndpoint>, string | undefined, RegExp]>([
    ['a missing endpoint logical ID', { endpointLogicalId: undefined }, undefined, /^existingEndpoint\.endpointLogicalId: required: the logical ID of the endpoint in the deployed template, got undefined \[MissingRequiredProp\]$/],
    ['a logical ID with a hyphen', { endpointLogicalId: 'my-endpoint' }, undefined, /existingEndpoint\.endpointLogicalId: a CloudFormation logical ID.*got 'my-endpoint' \[InvalidLogicalId\]/],
    ['an empty logical ID', { endpointLogicalId: '' }, undefined, /existingEndpoint\.endpointLogicalId: .*got '' \[InvalidLogicalId\]/],
    ['a 256-character logical ID', { endpointLogicalId: 'E'.repeat(256) }, undefined, /existingEndpoint\.endpointLogicalId: .*1 to 255 characters.*\[InvalidLogicalId\]/],
    ['a scalable target logical ID with a space', { scalableTargetLogicalId: 'Scalable Target' }, undefined, /existingEndpoint\.scalableTargetLogicalId: .*\[InvalidLogicalId\]/],
    ['a logical ID token', { endpointLogicalId: Token.asString({ Ref: 'Id' }) }, undefined,
      /^existingEndpoint\.endpointLogicalId: must be known at synth time: a logical ID is a key of the template, not a value CloudFormation resolves, got a token \[InvalidLogicalId\]$/],
    ['the same logical ID twice', { scalableTargetLogicalId: 'Endpoint' }, undefined, /existingEndpoint\.scalableTargetLogicalId: must differ from endpointLogicalId.*\[InvalidLogicalId\]/],
    ['a ResourceId without a scalable target', { scalableTargetResourceId: 'endpoint/llm/variant/AllTraffic' }, 'llm', /scalableTargetResourceId: applies to a taken-over scalable target.*\[ExistingEndpointMismatch\]/],
    ['a ResourceId without a fixed endpoint name', { scalableTargetLogicalId: 'T', scalableTargetResourceId: 'endpoint/llm/variant/AllTraffic' }, undefined, /needs the same fixed endpointName.*\[ExistingEndpointMismatch\]/],
    ['a ResourceId naming another endpoint', { scalableTargetLogicalId: 'T', scalableTargetResourceId: 'endpoint/other/variant/AllTraffic' }, 'llm', /must name this endpoint's variant, 'endpoint\/llm\/variant\/AllTraffic'.*got 'endpoint\/other\/variant\/AllTraffic' \[ExistingEndpointMismatch\]/],
    ['a ResourceId naming another variant', { scalableTargetLogicalId: 'T', scalableTargetResourceId: 'endpoint/llm/variant/Shadow' }, 'llm', /\[ExistingEndpointMismatch\]/],
  ])('rejects %s', (_, existing, endpointName, message) => {
    const stack = testStack();
    expect(() => seedEndpoint(stack, { endpointName, existingEndpoint: { endpointLogicalId: 'Endpoint', ...existing } as ExistingEndpoint })).toThrow(message);
    expect(stack.node.tryFindChild('Llm')?.node.tryFindChild('Resource')).toBeUndefined(); // before any child
  });
});

describe('existingEndpoint: a logical ID another resource still holds', () => {
  test('the endpoint being taken over, still in the app, fails synthesis with the prop named', () => {
    // GIVEN the L1 endpoint of today, left in the app by mistake
    const stack = testStack();
    new CfnEndpoint(stack, 'Endpoint', { endpointConfigName: 'old-config' });
    seedEndpoint(stack, { existingEndpoint: { endpointLogicalId: 'Endpoint' } });
    // THEN
    expect(() => Template.fromStack(stack)).toThrow(
      "existingEndpoint.endpointLogicalId: logical IDs are unique in a template, and TestStack/Endpoint already has this one: remove the resource being taken over "
      + "from the app (this endpoint takes its place), or name the logical ID of another resource, got 'Endpoint' [InvalidLogicalId]");
  });

  test('a scalable target logical ID held by another resource, and two endpoints taking over one logical ID', () => {
    const held = testStack();
    new CfnEndpoint(held, 'Other', { endpointConfigName: 'c' }).overrideLogicalId('Target');
    seedEndpoint(held, { existingEndpoint: { endpointLogicalId: 'Endpoint', scalableTargetLogicalId: 'Target' } }).autoScale({ maxCapacity: 2 });
    expect(() => Template.fromStack(held)).toThrow(/existingEndpoint\.scalableTargetLogicalId: logical IDs are unique in a template, and TestStack\/Other already has this one.*\[InvalidLogicalId\]/);
    const twice = testStack();
    const model = Model.fromModelName(twice, 'M', 'm');
    for (const id of ['A', 'B']) {
      new CapacityAwareEndpoint(twice, id, { model, pools: [{ instanceType: InstanceType.ML_G5_XLARGE }], existingEndpoint: { endpointLogicalId: 'Endpoint' } });
    }
    expect(() => Template.fromStack(twice)).toThrow(/TestStack\/B\/Resource already has this one.*\[InvalidLogicalId\]/);
  });
});
