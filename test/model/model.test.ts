import { Stack } from 'aws-cdk-lib';
import { Annotations, Template, Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { ContainerImage, Model, ModelContainer, ModelData } from '../../lib';
import { FEATURE_FLAGS, testApp, testStack } from '../util';

const container = () => ModelContainer.fromImage(ContainerImage.fromDeepLearningContainer('djl-inference', '0.36.0-lmi23.0.0-cu129'), {
  environment: { HF_MODEL_ID: 'Qwen/Qwen3-4B' },
});

describe('Model', () => {
  test('creates a model with a generated name and its own least-privilege role', () => {
    const stack = testStack();
    new Model(stack, 'Llm', { container: container() });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::SageMaker::Model', {
      ModelName: Match.absent(),
      ExecutionRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^LlmRole'), 'Arn'] },
      PrimaryContainer: { Environment: { HF_MODEL_ID: 'Qwen/Qwen3-4B' }, Image: Match.anyValue() },
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'sagemaker.amazonaws.com' } })] },
      ManagedPolicyArns: Match.absent(),
    });
    const policy = JSON.stringify(template.findResources('AWS::IAM::Policy'));
    expect(policy).not.toMatch(/sagemaker:\*|"s3:\*"|"ecr:\*"/);
    expect(policy).toContain('log-group:/aws/sagemaker/*');
    expect(policy).toContain('cloudwatch:namespace');
  });

  test('a fixed modelName warns: a changed container, role or VPC replaces the model, which CloudFormation cannot do for a named resource', () => {
    const stack = testStack();
    new Model(stack, 'Llm', { container: container(), modelName: 'qwen3-4b' });
    Annotations.fromStack(stack).hasWarning('/TestStack/Llm', Match.stringLikeRegexp(
      "^modelName: CloudFormation replaces AWS::SageMaker::Model when its container \\(image, artifacts, environment\\), execution role, VPC "
      + 'or network isolation change, and cannot replace a resource with a fixed name: the first deploy that changes any of them fails.*'
      + 'Leave modelName unset.*\\[ack: cdk-sagemaker-instance-pools:fixedModelName\\]$'));
  });

  test('a generated model name does not warn about replacement', () => {
    const stack = testStack();
    new Model(stack, 'Llm', { container: container() });
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('fixedModelName'));
  });

  test('the model waits for its role policy (SageMaker checks permissions on start)', () => {
    const stack = testStack();
    new Model(stack, 'Llm', { container: container() });
    Template.fromStack(stack).hasResource('AWS::SageMaker::Model', {
      DependsOn: Match.arrayWith([Match.stringLikeRegexp('^LlmRoleDefaultPolicy')]),
    });
  });

  test('uses a given role and grants nothing extra beyond the container', () => {
    const stack = testStack();
    const role = iam.Role.fromRoleArn(stack, 'R', 'arn:aws:iam::111111111111:role/ml', { mutable: false });
    const model = new Model(stack, 'Llm', { container: container(), role, modelName: 'qwen3-4b' });
    expect(model.role).toBe(role);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::SageMaker::Model', { ModelName: 'qwen3-4b', ExecutionRoleArn: 'arn:aws:iam::111111111111:role/ml' });
    template.resourceCountIs('AWS::IAM::Role', 0);
  });

  test('VPC: subnets, a security group, network-interface permissions and isolation', () => {
    const stack = testStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
    const model = new Model(stack, 'Llm', { container: container(), vpc, networkIsolation: true });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::SageMaker::Model', {
      EnableNetworkIsolation: true,
      VpcConfig: { SecurityGroupIds: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^LlmSecurityGroup'), 'GroupId'] }], Subnets: Match.arrayWith([{ Ref: Match.stringLikeRegexp('PrivateSubnet1') }]) },
    });
    expect(model.connections.securityGroups).toHaveLength(1);
    expect(JSON.stringify(template.findResources('AWS::IAM::Policy'))).toContain('ec2:CreateNetworkInterface');
  });

  test('VPC: the model waits for the subnets\' internet connectivity (their NAT routes), as a Lambda function in a VPC does', () => {
    // GIVEN a first deploy that creates the VPC and the model together
    const stack = testStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
    new Model(stack, 'Llm', { container: container(), vpc });
    // THEN the model (and so every endpoint that serves it) is created after the private subnets' default routes,
    // so its instances can download the model through the NAT gateway
    const routes = Object.keys(Template.fromStack(stack).findResources('AWS::EC2::Route'))
      .filter((id) => /PrivateSubnet\dDefaultRoute/.test(id));
    expect(routes).toHaveLength(2);
    const model = Object.values(Template.fromStack(stack).findResources('AWS::SageMaker::Model'))[0];
    expect(model.DependsOn).toEqual(expect.arrayContaining(routes));
  });

  test('VPC: only the selected subnets\' connectivity is waited for', () => {
    const stack = testStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
    new Model(stack, 'Llm', { container: container(), vpc, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } });
    const model = Object.values(Template.fromStack(stack).findResources('AWS::SageMaker::Model'))[0];
    const dependsOn: string[] = model.DependsOn ?? [];
    expect(dependsOn.some((id) => /PublicSubnet\dDefaultRoute/.test(id))).toBe(true);
    expect(dependsOn.some((id) => /PrivateSubnet\dDefaultRoute/.test(id))).toBe(false);
  });

  test('VPC: network interfaces are created only in the model\'s VPC (ec2:Vpc), deleted only in this account and region', () => {
    // GIVEN
    const stack = testStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
    // WHEN
    new Model(stack, 'Llm', { container: container(), vpc });
    // THEN
    const statements: any[] = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy'))[0].Properties.PolicyDocument.Statement;
    // (the Describe* statement shares Resource "*" with ecr:GetAuthorizationToken, so the two are merged)
    const ec2Statements = statements.filter((st) => [].concat(st.Action).some((a: string) => a.startsWith('ec2:')));
    const inVpc = { StringEquals: { 'ec2:Vpc': { 'Fn::Join': ['', ['arn:aws:ec2:us-east-1:111111111111:vpc/', { Ref: stack.getLogicalId(vpc.node.defaultChild as ec2.CfnVPC) }]] } } };
    expect(ec2Statements).toEqual([
      { Effect: 'Allow', Action: ['ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface'], Resource: 'arn:aws:ec2:us-east-1:111111111111:network-interface/*' },
      {
        Effect: 'Allow', Action: 'ec2:CreateNetworkInterface', Condition: inVpc,
        Resource: ['arn:aws:ec2:us-east-1:*:security-group/*', 'arn:aws:ec2:us-east-1:*:subnet/*'],
      },
      { Effect: 'Allow', Action: 'ec2:CreateNetworkInterfacePermission', Condition: inVpc, Resource: 'arn:aws:ec2:us-east-1:111111111111:network-interface/*' },
      {
        Effect: 'Allow',
        Action: ['ec2:DeleteNetworkInterfacePermission', 'ec2:DescribeDhcpOptions', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeSecurityGroups',
          'ec2:DescribeSubnets', 'ec2:DescribeVpcs', 'ecr:GetAuthorizationToken'],
        Resource: '*',
      },
    ]);
  });

  test('grantContainerAccess: another role gets the pull of the image once, in an environment-agnostic stack from that role\'s own mapping', () => {
    const app = testApp({ context: FEATURE_FLAGS });
    const modelStack = new Stack(app, 'Models');
    const roleStack = new Stack(app, 'Endpoints');
    const model = new Model(modelStack, 'Llm', { container: container() });
    const role = new iam.Role(roleStack, 'EndpointRole', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
    model.grantContainerAccess(role);
    model.grantContainerAccess(role);
    const template = Template.fromStack(roleStack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [
        { Effect: 'Allow', Action: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], Resource: {
          'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ecr:', { Ref: 'AWS::Region' }, ':',
            { 'Fn::FindInMap': ['DeepLearningContainerRegistry', { Ref: 'AWS::Region' }, 'account'] }, ':repository/djl-inference']],
        } },
        { Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
      ] },
    });
    expect(Object.keys(template.toJSON().Mappings)).toEqual(['DeepLearningContainerRegistry']);
  });

  test('grantContainerAccess without a grantee fails with [MissingRequiredProp]', () => {
    const model = new Model(testStack(), 'Llm', { container: container() });
    expect(() => model.grantContainerAccess(undefined as any)).toThrow(/^grantContainerAccess\.grantee: .*\[MissingRequiredProp\]$/);
  });

  // A principal that is not a role (anyone, an account, a service) takes no identity policy: aws-cdk-lib's grantPull and
  // key.grant would then write it into the repository policy and the key policy of an owned repository and key.
  test.each<[string, () => unknown]>([
    ['anyone (AnyPrincipal)', () => new iam.AnyPrincipal()],
    ['anyone (StarPrincipal)', () => new iam.StarPrincipal()],
    ['another account', () => new iam.AccountPrincipal('222222222222')],
    ['a service', () => new iam.ServicePrincipal('ec2.amazonaws.com')],
    ['an ARN principal of *', () => new iam.ArnPrincipal('*')],
    ['a grantable whose principal is a string', () => ({ grantPrincipal: '*' })],
    ['a grantable whose principal is an empty object', () => ({ grantPrincipal: {} })],
  ])('grantContainerAccess to %s fails with [MissingRequiredProp] and widens no resource policy', (_name, grantee) => {
    const stack = testStack();
    const key = new kms.Key(stack, 'Key');
    const model = new Model(stack, 'Llm', {
      container: ModelContainer.fromImage(ContainerImage.fromEcrRepository(new ecr.Repository(stack, 'Repo'), 'v1'), {
        modelData: ModelData.fromBucket(new s3.Bucket(stack, 'Bucket', { encryptionKey: key }), 'model.tar.gz'),
      }),
    });
    expect(() => model.grantContainerAccess(grantee() as any)).toThrow(/^grantContainerAccess\.grantee: .*an IAM role.*\[MissingRequiredProp\]$/);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ECR::Repository', { RepositoryPolicyText: Match.absent() });
    expect(JSON.stringify(template.findResources('AWS::KMS::Key'))).not.toMatch(/kms:Decrypt/);
  });

  test('grantContainerAccess to a role of the stack adds to its policy only, never to the repository or key policy', () => {
    const stack = testStack();
    const key = new kms.Key(stack, 'Key');
    const model = new Model(stack, 'Llm', {
      container: ModelContainer.fromImage(ContainerImage.fromEcrRepository(new ecr.Repository(stack, 'Repo'), 'v1'), {
        modelData: ModelData.fromBucket(new s3.Bucket(stack, 'Bucket', { encryptionKey: key }), 'model.tar.gz'),
      }),
    });
    const role = new iam.Role(stack, 'EndpointRole', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
    model.grantContainerAccess(role);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ECR::Repository', { RepositoryPolicyText: Match.absent() });
    expect(JSON.stringify(template.findResources('AWS::KMS::Key'))).not.toMatch(/kms:Decrypt/);
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^EndpointRole') }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 's3:GetObject' }), Match.objectLike({ Action: 'kms:Decrypt' })]) },
    });
  });

  test('imports a model by name', () => {
    const stack = testStack();
    const model = Model.fromModelName(stack, 'Existing', 'my-existing-model');
    expect(model.modelName).toBe('my-existing-model');
    expect(model.role).toBeUndefined();
  });

  test('rejects model names over 63 characters', () => {
    const stack = testStack();
    expect(() => new Model(stack, 'Llm', { container: container(), modelName: 'm'.repeat(64) })).toThrow(/modelName: at most 63 characters.*\[InvalidName\]/);
    expect(() => Model.fromModelName(stack, 'X', 'n'.repeat(70))).toThrow(/Model\.fromModelName\.modelName: at most 63 characters/);
  });

  test('rejects model names with bad characters', () => {
    const stack = testStack();
    expect(() => new Model(stack, 'Llm', { container: container(), modelName: 'qwen_3' })).toThrow("modelName: only letters, digits and inner hyphens (pattern [a-zA-Z0-9](-*[a-zA-Z0-9])*), got 'qwen_3' [InvalidName]");
  });
});
