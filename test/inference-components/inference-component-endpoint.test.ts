import { Duration, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { InferenceComponentEndpoint, InstanceType, Model, RoutingStrategy } from '../../lib';
import { testStack } from '../util';
import { G5_48, G6_24, G6_48, icEndpoint } from './fixtures';

describe('InferenceComponentEndpoint: rendering', () => {
  test('pools in priority order, no model and no InstanceType, LOR routing, the execution role at config level', () => {
    // GIVEN / WHEN
    const stack = testStack();
    const endpoint = icEndpoint(stack);
    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::SageMaker::EndpointConfig', {
      ExecutionRoleArn: { 'Fn::GetAtt': [stack.getLogicalId(endpoint.node.findChild('ExecutionRole').node.defaultChild as any), 'Arn'] },
      ProductionVariants: [{
        VariantName: 'AllTraffic',
        InitialInstanceCount: 1,
        InstancePools: [
          { InstanceType: 'ml.g6.48xlarge', Priority: 1 },
          { InstanceType: 'ml.g6.24xlarge', Priority: 2 },
          { InstanceType: 'ml.g5.48xlarge', Priority: 3 },
        ],
        RoutingConfig: { RoutingStrategy: 'LEAST_OUTSTANDING_REQUESTS' },
      }],
    });
    const variant = Object.values(template.findResources('AWS::SageMaker::EndpointConfig'))[0].Properties.ProductionVariants[0];
    expect(Object.keys(variant).sort()).toEqual(['InitialInstanceCount', 'InstancePools', 'RoutingConfig', 'VariantName']);
    template.hasResourceProperties('AWS::SageMaker::Endpoint', {
      EndpointConfigName: { 'Fn::GetAtt': [stack.getLogicalId(endpoint.cfnEndpointConfig), 'EndpointConfigName'] },
    });
    template.resourceCountIs('AWS::SageMaker::Model', 0);
  });

  test('options: managed instance scaling, timeouts, count, routing, names, tags', () => {
    const stack = testStack();
    const endpoint = icEndpoint(stack, {
      managedInstanceScaling: { minInstanceCount: 1, maxInstanceCount: 5 },
      initialInstanceCount: 4,
      provisioningTimeout: Duration.minutes(15),
      containerStartupHealthCheckTimeout: Duration.minutes(15),
      routingStrategy: RoutingStrategy.RANDOM,
      endpointName: 'qwen-ic',
      variantName: 'v1',
      tags: { team: 'ml' },
    });
    expect(endpoint.managedInstanceScaling).toEqual({ minInstanceCount: 1, maxInstanceCount: 5 });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::SageMaker::EndpointConfig', {
      ProductionVariants: [Match.objectLike({
        VariantName: 'v1',
        InitialInstanceCount: 4,
        ManagedInstanceScaling: { Status: 'ENABLED', MinInstanceCount: 1, MaxInstanceCount: 5 },
        VariantInstanceProvisionTimeoutInSeconds: 900,
        ContainerStartupHealthCheckTimeoutInSeconds: 900,
        RoutingConfig: { RoutingStrategy: 'RANDOM' },
      })],
      Tags: [{ Key: 'team', Value: 'ml' }],
    });
    template.hasResourceProperties('AWS::SageMaker::Endpoint', { EndpointName: 'qwen-ic', Tags: [{ Key: 'team', Value: 'ml' }], RetainAllVariantProperties: true });
  });

  test('without managed instance scaling, updates take the config instance count', () => {
    const stack = testStack();
    icEndpoint(stack);
    Template.fromStack(stack).hasResourceProperties('AWS::SageMaker::Endpoint', { RetainAllVariantProperties: Match.absent() });
  });

  test('managed instance scaling keeps at least one instance unless told otherwise', () => {
    const endpoint = icEndpoint(testStack(), { managedInstanceScaling: { maxInstanceCount: 3 } });
    expect(endpoint.managedInstanceScaling).toEqual({ minInstanceCount: 1, maxInstanceCount: 3 });
    const zero = icEndpoint(testStack(), { managedInstanceScaling: { minInstanceCount: 0, maxInstanceCount: 3 } });
    expect(Template.fromStack(zero.stack).findResources('AWS::SageMaker::EndpointConfig')[zero.stack.getLogicalId(zero.cfnEndpointConfig)]
      .Properties.ProductionVariants[0].ManagedInstanceScaling).toEqual({ Status: 'ENABLED', MinInstanceCount: 0, MaxInstanceCount: 3 });
  });

  test('the created role may write logs and SageMaker metrics only, and exists before the endpoint config', () => {
    const stack = testStack();
    const endpoint = icEndpoint(stack);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'sagemaker.amazonaws.com' } })] },
      ManagedPolicyArns: Match.absent(),
    });
    const actions = template.findResources('AWS::IAM::Policy')[stack.getLogicalId(endpoint.node.findChild('ExecutionRole').node.findChild('DefaultPolicy').node.defaultChild as any)]
      .Properties.PolicyDocument.Statement.flatMap((s: any) => s.Action);
    expect(actions.sort()).toEqual(['cloudwatch:PutMetricData', 'logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents']);
    template.hasResource('AWS::SageMaker::EndpointConfig', { DependsOn: Match.arrayWith([Match.stringLikeRegexp('^LlmExecutionRoleDefaultPolicy')]) });
  });

  test('a KMS key encrypts the storage volumes; pools with local NVMe storage are named in a warning', () => {
    const stack = testStack();
    icEndpoint(stack, { encryptionKey: new kms.Key(stack, 'Key') });
    Template.fromStack(stack).hasResourceProperties('AWS::SageMaker::EndpointConfig', { KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] } });
    Annotations.fromStack(stack).hasWarning('/TestStack/Llm', Match.stringLikeRegexp(
      'local NVMe instance storage of pools\\[0\\] \\(ml.g6.48xlarge\\), pools\\[1\\] \\(ml.g6.24xlarge\\), pools\\[2\\] \\(ml.g5.48xlarge\\) is encrypted by the instance hardware'));
  });

  test('a given role is used as it is', () => {
    const stack = testStack();
    const role = iam.Role.fromRoleArn(stack, 'R', 'arn:aws:iam::111111111111:role/sm', { mutable: false });
    const endpoint = icEndpoint(stack, { role });
    expect(endpoint.role).toBe(role);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::SageMaker::EndpointConfig', { ExecutionRoleArn: 'arn:aws:iam::111111111111:role/sm' });
    template.resourceCountIs('AWS::IAM::Role', 0);
  });

  test('imported: ranked pools, variant, the lower-cased ARN', () => {
    const stack = testStack();
    const endpoint = InferenceComponentEndpoint.fromEndpointAttributes(stack, 'Imported', {
      endpointName: 'Qwen-IC', pools: [{ instanceType: G6_48 }, { instanceType: G6_24 }], variantName: 'v1',
    });
    expect(endpoint.pools.map((p) => p.priority)).toEqual([1, 2]);
    expect(endpoint.variantName).toBe('v1');
    expect(stack.resolve(endpoint.endpointArn)).toBe('arn:aws:sagemaker:us-east-1:111111111111:endpoint/qwen-ic');
  });
});

describe('InferenceComponentEndpoint: validation at synth time', () => {
  test('rejects a model on a pool, before creating any child', () => {
    const stack = testStack();
    const model = Model.fromModelName(stack, 'M', 'm');
    expect(() => new InferenceComponentEndpoint(stack, 'Ep', { pools: [{ instanceType: G6_48 }, { instanceType: G6_24, model }] }))
      .toThrow("pools[1].model: pools of an inference-component endpoint carry no model; give each component a model per instance type (InferenceComponentSpecification.perInstanceType), got TestStack/M [ModelOnComponentPool]");
    expect(stack.node.tryFindChild('Ep')?.node.children ?? []).toHaveLength(0);
    expect(() => InferenceComponentEndpoint.fromEndpointAttributes(stack, 'I', { endpointName: 'e', pools: [{ instanceType: G6_48, model }] }))
      .toThrow(/pools\[0\]\.model: .*\[ModelOnComponentPool\]/);
  });

  test('validates the pools through rankPools', () => {
    expect(() => icEndpoint(testStack(), { pools: [] })).toThrow('pools: between 1 and 5 instance pools, got 0 [PoolCount]');
    expect(() => icEndpoint(testStack(), { pools: [{ instanceType: G6_48 }, { instanceType: G6_48 }] })).toThrow(/\[DuplicateInstanceType\]/);
  });

  test.each([
    [{ minInstanceCount: 3, maxInstanceCount: 2 }, 'managedInstanceScaling.minInstanceCount: must not exceed maxInstanceCount (2), got 3 [InvalidCapacity]'],
    [{ maxInstanceCount: 0 }, `managedInstanceScaling.maxInstanceCount: must be an integer of at least 1 (and at most 2147483647, the API's integer range), got 0 [InvalidCapacity]`],
    [{ maxInstanceCount: 2.5 }, /managedInstanceScaling\.maxInstanceCount: must be an integer.*got 2.5/],
    [{ minInstanceCount: -1, maxInstanceCount: 2 }, /managedInstanceScaling\.minInstanceCount: must be an integer of at least 0 .*got -1/],
    [{ minInstanceCount: 0.5, maxInstanceCount: 2 }, /minInstanceCount.*got 0.5 \[InvalidCapacity\]/],
  ])('rejects managedInstanceScaling %p', (managedInstanceScaling, message) => {
    expect(() => icEndpoint(testStack(), { managedInstanceScaling })).toThrow(message);
  });

  test('the initial instance count lies within the managed scaling range', () => {
    expect(() => icEndpoint(testStack(), { initialInstanceCount: 6, managedInstanceScaling: { maxInstanceCount: 5 } }))
      .toThrow('initialInstanceCount: must lie within minInstanceCount..maxInstanceCount (1..5), got 6 [InvalidCapacity]');
    expect(() => icEndpoint(testStack(), { initialInstanceCount: 1, managedInstanceScaling: { minInstanceCount: 2, maxInstanceCount: 5 } })).toThrow(/\(2\.\.5\), got 1/);
  });

  test.each([0, 2.5])('rejects initialInstanceCount %p', (count) => {
    expect(() => icEndpoint(testStack(), { initialInstanceCount: count })).toThrow(`initialInstanceCount: must be an integer of at least 1 (and at most 2147483647, the API's integer range), got ${count} [OutOfRange]`);
  });

  test.each([
    ['provisioningTimeout', Duration.seconds(299), 'provisioningTimeout: must be a whole number of seconds from 300 to 3600, got 299 [OutOfRange]'],
    ['provisioningTimeout', Duration.seconds(3601), 'got 3601'],
    ['containerStartupHealthCheckTimeout', Duration.seconds(59), 'containerStartupHealthCheckTimeout: must be a whole number of seconds from 60 to 3600, got 59'],
    ['containerStartupHealthCheckTimeout', Duration.hours(2), 'got 7200'],
  ])('rejects %s = %p', (prop, value, message) => {
    expect(() => icEndpoint(testStack(), { [prop]: value })).toThrow(message);
  });

  test('rejects bad endpoint and variant names', () => {
    expect(() => icEndpoint(testStack(), { endpointName: 'qwen_ic' })).toThrow(/endpointName: only letters.*'qwen_ic' \[InvalidName\]/);
    expect(() => icEndpoint(testStack(), { variantName: 'all traffic' })).toThrow(/variantName: only letters.*'all traffic'/);
    expect(() => InferenceComponentEndpoint.fromEndpointAttributes(testStack(), 'I', { endpointName: 'e'.repeat(64), pools: [{ instanceType: G6_48 }] }))
      .toThrow(/endpointName: at most 63 characters/);
  });

  test('rejects a variant model or an InstanceType added through an escape hatch', () => {
    const stack = testStack();
    const endpoint = icEndpoint(stack);
    endpoint.cfnEndpointConfig.addPropertyOverride('ProductionVariants.0.ModelName', 'qwen');
    endpoint.cfnEndpointConfig.addPropertyOverride('ProductionVariants.0.InstanceType', 'ml.g5.xlarge');
    expect(() => Template.fromStack(stack)).toThrow("ProductionVariants[0].ModelName: an endpoint for inference components has no variant model; each component names its own, got 'qwen' [VariantModelWithComponents]");
    expect(() => Template.fromStack(stack)).toThrow(/ProductionVariants\[0\]\.InstanceType: InstancePools replaces InstanceType; set only one, got 'ml.g5.xlarge' \[InstanceTypeWithPools\]/);
  });

  test('tokens never trip validation', () => {
    const stack = testStack();
    const n = (ref: string) => Token.asNumber({ Ref: ref });
    const s = (ref: string) => Token.asString({ Ref: ref });
    const endpoint = new InferenceComponentEndpoint(stack, 'Ep', {
      pools: [{ instanceType: InstanceType.of(s('Type1')) }, { instanceType: InstanceType.of(s('Type2')) }],
      endpointName: s('Name'),
      variantName: s('Variant'),
      initialInstanceCount: n('Count'),
      managedInstanceScaling: { minInstanceCount: n('Min'), maxInstanceCount: n('Max') },
      provisioningTimeout: Duration.seconds(n('Timeout')),
      containerStartupHealthCheckTimeout: Duration.seconds(n('Health')),
    });
    expect(endpoint.pools).toHaveLength(2);
    expect(() => Template.fromStack(stack)).not.toThrow();
  });
});

describe('InferenceComponentEndpoint: update safety contract', () => {
  test('construct IDs and logical IDs are frozen', () => {
    const stack = testStack();
    const endpoint = icEndpoint(stack);
    expect(endpoint.cfnEndpoint.node.id).toBe('Resource');
    expect(endpoint.cfnEndpointConfig.node.id).toBe('EndpointConfig');
    expect(stack.getLogicalId(endpoint.cfnEndpoint)).toBe('Llm20BDA581');
    expect(stack.getLogicalId(endpoint.cfnEndpointConfig)).toBe('LlmEndpointConfigE9BDA6B9');
    expect(stack.getLogicalId(endpoint.node.findChild('ExecutionRole').node.defaultChild as iam.CfnRole)).toBe('LlmExecutionRoleA1225533');
    expect(Template.fromStack(stack).findResources('AWS::SageMaker::EndpointConfig')[stack.getLogicalId(endpoint.cfnEndpointConfig)].Properties.EndpointConfigName).toBeUndefined();
  });

  test('snapshot of a notebook-like endpoint', () => {
    const stack = testStack();
    icEndpoint(stack, {
      pools: [{ instanceType: G6_48 }, { instanceType: G6_24 }, { instanceType: InstanceType.ML_G6_12XLARGE }, { instanceType: G5_48 }, { instanceType: InstanceType.ML_G5_24XLARGE }],
      managedInstanceScaling: { minInstanceCount: 1, maxInstanceCount: 5 },
      initialInstanceCount: 4,
      provisioningTimeout: Duration.seconds(900),
      containerStartupHealthCheckTimeout: Duration.seconds(900),
    });
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});
