import { Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { CapacityAwareEndpoint, InstanceType, Model, RoutingStrategy } from '../../lib';
import { testStack } from '../util';
import { lmiModel, seedEndpoint } from './fixtures';

const variant = (template: Template) => Object.values(template.findResources('AWS::SageMaker::EndpointConfig'))[0].Properties.ProductionVariants[0];

describe('CapacityAwareEndpoint: rendering', () => {
  test('pools in priority order, per-pool model override, LOR routing, no InstanceType', () => {
    const stack = testStack();
    seedEndpoint(stack);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::SageMaker::EndpointConfig', {
      ProductionVariants: [{
        VariantName: 'AllTraffic',
        ModelName: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Fp16'), 'ModelName'] },
        InitialInstanceCount: 1,
        InitialVariantWeight: 1,
        InstanceType: Match.absent(),
        InstancePools: [
          { InstanceType: 'ml.p5.48xlarge', Priority: 1 },
          { InstanceType: 'ml.g6.48xlarge', Priority: 2, ModelNameOverride: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Int4'), 'ModelName'] } },
        ],
        RoutingConfig: { RoutingStrategy: 'LEAST_OUTSTANDING_REQUESTS' },
        VariantInstanceProvisionTimeoutInSeconds: Match.absent(),
      }],
      EndpointConfigName: Match.absent(),
      KmsKeyId: Match.absent(),
    });
  });

  test('without a variant model, the first pool model serves the variant and is not repeated as override', () => {
    const stack = testStack();
    const a = lmiModel(stack, 'A');
    const b = lmiModel(stack, 'B');
    const endpoint = new CapacityAwareEndpoint(stack, 'Ep', {
      pools: [{ instanceType: InstanceType.ML_G6_12XLARGE, model: a }, { instanceType: InstanceType.ML_G5_12XLARGE }, { instanceType: InstanceType.ML_G5_24XLARGE, model: b }],
    });
    expect(endpoint.model).toBe(a);
    expect(endpoint.models).toEqual([a, b]);
    const v = variant(Template.fromStack(stack));
    expect(v.ModelName['Fn::GetAtt'][0]).toMatch(/^A/);
    expect(v.InstancePools[0].ModelNameOverride).toBeUndefined();
    expect(v.InstancePools[1].ModelNameOverride).toBeUndefined();
    expect(v.InstancePools[2].ModelNameOverride['Fn::GetAtt'][0]).toMatch(/^B/);
  });

  test('imported models are referenced by name', () => {
    const stack = testStack();
    new CapacityAwareEndpoint(stack, 'Ep', {
      model: Model.fromModelName(stack, 'M', 'existing-model'),
      pools: [{ instanceType: InstanceType.ML_G6_XLARGE }, { instanceType: InstanceType.ML_G5_XLARGE, model: Model.fromModelName(stack, 'N', 'other-model') }],
    });
    const v = variant(Template.fromStack(stack));
    expect(v.ModelName).toBe('existing-model');
    expect(v.InstancePools[1].ModelNameOverride).toBe('other-model');
  });

  test('options: routing, timeouts, count, variant name, key, tags, endpoint name', () => {
    const stack = testStack();
    const key = new kms.Key(stack, 'Key');
    new CapacityAwareEndpoint(stack, 'Ep', {
      model: lmiModel(stack, 'M'),
      pools: [{ instanceType: InstanceType.ML_INF2_48XLARGE }, { instanceType: InstanceType.ML_M5_2XLARGE }],
      routingStrategy: RoutingStrategy.RANDOM,
      provisioningTimeout: Duration.minutes(30),
      containerStartupHealthCheckTimeout: Duration.minutes(15),
      modelDataDownloadTimeout: Duration.minutes(20),
      initialInstanceCount: 3,
      variantName: 'v1',
      encryptionKey: key,
      endpointName: 'llm-prod',
      tags: { team: 'ml-platform' },
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::SageMaker::EndpointConfig', {
      KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] },
      ProductionVariants: [Match.objectLike({
        VariantName: 'v1', InitialInstanceCount: 3, RoutingConfig: { RoutingStrategy: 'RANDOM' },
        VariantInstanceProvisionTimeoutInSeconds: 1800, ContainerStartupHealthCheckTimeoutInSeconds: 900, ModelDataDownloadTimeoutInSeconds: 1200,
      })],
      Tags: [{ Key: 'team', Value: 'ml-platform' }],
    });
    template.hasResourceProperties('AWS::SageMaker::Endpoint', { EndpointName: 'llm-prod', Tags: [{ Key: 'team', Value: 'ml-platform' }] });
  });

  test('asynchronous inference: output config and exactly the grants it needs, on every model role', () => {
    const stack = testStack();
    const key = new kms.Key(stack, 'Key');
    const bucket = new s3.Bucket(stack, 'Out');
    const ok = new sns.Topic(stack, 'Ok');
    const bad = new sns.Topic(stack, 'Bad');
    seedEndpoint(stack, {
      asyncInference: { outputBucket: bucket, outputPrefix: 'results/', successTopic: ok, errorTopic: bad, outputEncryptionKey: key, maxConcurrentInvocationsPerInstance: 4 },
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::SageMaker::EndpointConfig', {
      AsyncInferenceConfig: {
        ClientConfig: { MaxConcurrentInvocationsPerInstance: 4 },
        OutputConfig: {
          S3OutputPath: { 'Fn::Join': ['', ['s3://', { Ref: Match.stringLikeRegexp('^Out') }, '/results/']] },
          S3FailurePath: { 'Fn::Join': ['', ['s3://', { Ref: Match.stringLikeRegexp('^Out') }, '/async-failures/']] },
          KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] },
          NotificationConfig: { SuccessTopic: { Ref: Match.stringLikeRegexp('^Ok') }, ErrorTopic: { Ref: Match.stringLikeRegexp('^Bad') } },
        },
      },
    });
    for (const model of ['Fp16', 'Int4']) {
      const policies = template.findResources('AWS::IAM::Policy', { Properties: { PolicyName: Match.stringLikeRegexp(`^${model}Role`) } });
      const statements = JSON.stringify(Object.values(policies)[0].Properties.PolicyDocument.Statement);
      expect(statements).toContain('/results/*');
      expect(statements).toContain('/async-failures/*');
      expect(statements).toContain('sns:Publish');
      expect(statements).toContain('"Action":["s3:AbortMultipartUpload","s3:PutObject"]');
      expect(statements).toContain('"Action":["kms:Decrypt","kms:Encrypt","kms:GenerateDataKey"]');
      // No wildcard actions: nothing for a security review to waive.
      expect(statements).not.toMatch(/"(s3|kms|sns):[A-Za-z]*\*"/);
    }
    template.hasResource('AWS::SageMaker::Endpoint', { DependsOn: Match.arrayWith([Match.stringLikeRegexp('^Fp16RoleDefaultPolicy'), Match.stringLikeRegexp('^Int4RoleDefaultPolicy')]) });
  });

  test('asynchronous inference reads requests: exactly s3:GetObject under the input prefix, and kms:Decrypt with its key', () => {
    // GIVEN an input bucket encrypted with its own key
    const stack = testStack();
    const inputKey = new kms.Key(stack, 'InputKey');
    const input = new s3.Bucket(stack, 'In', { encryption: s3.BucketEncryption.KMS, encryptionKey: inputKey });
    // WHEN
    seedEndpoint(stack, { asyncInference: { outputBucket: new s3.Bucket(stack, 'Out'), inputBucket: input, inputPrefix: 'requests/' } });
    // THEN every model role may read exactly the request payloads, and decrypt them with the bucket key
    const template = Template.fromStack(stack);
    for (const model of ['Fp16', 'Int4']) {
      const policies = template.findResources('AWS::IAM::Policy', { Properties: { PolicyName: Match.stringLikeRegexp(`^${model}Role`) } });
      const statements: any[] = Object.values(policies)[0].Properties.PolicyDocument.Statement;
      const reads = statements.filter((st) => JSON.stringify(st.Resource).includes('/requests/*'));
      expect(reads).toEqual([{
        Effect: 'Allow', Action: 's3:GetObject',
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [stack.getLogicalId(input.node.defaultChild as s3.CfnBucket), 'Arn'] }, '/requests/*']] },
      }]);
      expect(statements).toContainEqual(expect.objectContaining({
        Action: 'kms:Decrypt', Resource: { 'Fn::GetAtt': [stack.getLogicalId(inputKey.node.defaultChild as kms.CfnKey), 'Arn'] },
      }));
      expect(JSON.stringify(statements)).not.toMatch(/s3:ListBucket|"s3:GetObject\*"/);
    }
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('asyncInputUnknown'));
  });

  test('asynchronous inference: the input prefix defaults to async-input/ and is validated; no input bucket warns', () => {
    const stack = testStack();
    seedEndpoint(stack, { asyncInference: { outputBucket: new s3.Bucket(stack, 'Out'), inputBucket: new s3.Bucket(stack, 'In') } });
    expect(JSON.stringify(Template.fromStack(stack).findResources('AWS::IAM::Policy'))).toContain('"/async-input/*"');
    expect(() => seedEndpoint(testStack(), { asyncInference: { outputBucket: new s3.Bucket(stack, 'O2'), inputPrefix: 'requests' } }))
      .toThrow("asyncInference.inputPrefix: a key prefix ending with '/' and not starting with '/', got 'requests' [InvalidAsyncConfig]");
    const withoutInput = testStack();
    seedEndpoint(withoutInput, { asyncInference: { outputBucket: new s3.Bucket(withoutInput, 'Out') } });
    Annotations.fromStack(withoutInput).hasWarning('/TestStack/Llm', Match.stringLikeRegexp('^asyncInference.inputBucket: not set, so the model roles get no read access'));
  });

  test.each([
    ['a fixed name', 'llm-prod', ':log-group:/aws/sagemaker/Endpoints/llm-prod'],
    ['a generated name', undefined, ':log-group:/aws/sagemaker/Endpoints/*'],
  ])('the model roles write logs only to the endpoint\'s log group (%s)', (_, endpointName, group) => {
    const stack = testStack();
    seedEndpoint(stack, { endpointName });
    const template = Template.fromStack(stack);
    for (const model of ['Fp16', 'Int4']) {
      const policies = template.findResources('AWS::IAM::Policy', { Properties: { PolicyName: Match.stringLikeRegexp(`^${model}Role`) } });
      const logs = (Object.values(policies)[0].Properties.PolicyDocument.Statement as any[]).find((st) => [].concat(st.Action).includes('logs:PutLogEvents' as never));
      expect(logs.Resource.map((arn: any) => arn['Fn::Join'][1].slice(-1)[0])).toEqual([group, `${group}:log-stream:*`]);
    }
  });

  test('asynchronous inference with a role-less imported model warns', () => {
    const stack = testStack();
    new CapacityAwareEndpoint(stack, 'Ep', {
      model: Model.fromModelName(stack, 'M', 'existing'),
      pools: [{ instanceType: InstanceType.ML_G6_XLARGE }],
      asyncInference: { outputBucket: new s3.Bucket(stack, 'Out') },
    });
    Annotations.fromStack(stack).hasWarning('/TestStack/Ep', Match.stringLikeRegexp('no known execution role'));
  });

  test('metrics carry endpoint, variant and (optionally) instance type dimensions', () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack, { endpointName: 'llm' });
    const latency = endpoint.metricModelLatency({ instanceType: InstanceType.ML_G6_48XLARGE });
    expect(latency.namespace).toBe('AWS/SageMaker');
    expect(latency.statistic).toBe('Average');
    // A fixed name is used as it is (alarms on it can then guard the endpoint's own deployments) ...
    expect(stack.resolve(latency.dimensions)).toEqual({ EndpointName: 'llm', VariantName: 'AllTraffic', InstanceType: 'ml.g6.48xlarge' });
    // ... a generated one through the endpoint's attribute.
    const unnamed = seedEndpoint(testStack());
    expect(Stack.of(unnamed).resolve(unnamed.metricInvocations().dimensions!.EndpointName)).toEqual({ 'Fn::GetAtt': [Stack.of(unnamed).getLogicalId(unnamed.cfnEndpoint), 'EndpointName'] });
    expect(Object.keys(endpoint.metricInvocations().dimensions!)).toEqual(['EndpointName', 'VariantName']);
    expect(endpoint.metricInvocations().statistic).toBe('Sum');
    expect(endpoint.metricGPUUtilization().namespace).toBe('/aws/sagemaker/Endpoints');
    expect(endpoint.metricConcurrentRequestsPerModel().period.toSeconds()).toBe(60);
    expect(endpoint.metricInvocation5XXErrors({ statistic: 'Average' }).statistic).toBe('Average');
    const names = [endpoint.metricOverheadLatency(), endpoint.metricInvocationsPerInstance(), endpoint.metricInvocation4XXErrors(),
      endpoint.metricCPUUtilization(), endpoint.metricMemoryUtilization(), endpoint.metricGPUMemoryUtilization(), endpoint.metricDiskUtilization(),
      endpoint.metric('ModelSetupTime')].map((m) => m.metricName);
    expect(names).toEqual(['OverheadLatency', 'InvocationsPerInstance', 'Invocation4XXErrors', 'CPUUtilization', 'MemoryUtilization', 'GPUMemoryUtilization', 'DiskUtilization', 'ModelSetupTime']);
  });

  test('grantInvoke is scoped to this endpoint', () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack);
    const role = new iam.Role(stack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() });
    endpoint.grantInvoke(role);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^Caller') }],
      PolicyDocument: { Statement: [{ Effect: 'Allow', Action: ['sagemaker:InvokeEndpoint', 'sagemaker:InvokeEndpointAsync', 'sagemaker:InvokeEndpointWithResponseStream'], Resource: { Ref: Match.stringLikeRegexp('^Llm') } }] },
    });
  });

  test('imported endpoint: ARN uses the lower-cased name, pools are ranked', () => {
    const stack = testStack();
    const endpoint = CapacityAwareEndpoint.fromEndpointAttributes(stack, 'Imported', {
      endpointName: 'My-Endpoint', pools: [{ instanceType: InstanceType.ML_G6_XLARGE }, { instanceType: InstanceType.ML_G5_XLARGE }],
    });
    expect(endpoint.endpointArn).toBe('arn:aws:sagemaker:us-east-1:111111111111:endpoint/my-endpoint');
    expect(endpoint.variantName).toBe('AllTraffic');
    expect(endpoint.pools.map((p) => p.priority)).toEqual([1, 2]);
  });
});
