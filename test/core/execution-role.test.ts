import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { createExecutionRole, useRoleLogsBroadly, useRoleLogsForEndpoint } from '../../lib/core/execution-role';
import { testApp, testStack } from '../util';

const logArns = (group: string) => [
  { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:log-group:${group}`]] },
  { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:log-group:${group}:log-stream:*`]] },
];

/** The resources of the role's log statement. */
function logResources(stack: Stack): unknown[] {
  const statements = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy'))[0].Properties.PolicyDocument.Statement;
  return statements.find((s: any) => [].concat(s.Action).includes('logs:PutLogEvents' as never)).Resource;
}

describe('createExecutionRole', () => {
  test('SageMaker may assume it, write logs under /aws/sagemaker/ and publish SageMaker metrics, nothing more', () => {
    // GIVEN
    const stack: Stack = testStack();
    // WHEN
    createExecutionRole(stack, 'Role', 'Execution role of something');
    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Role', {
      Description: 'Execution role of something',
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Action: 'sts:AssumeRole', Principal: { Service: 'sagemaker.amazonaws.com' } })] },
      ManagedPolicyArns: Match.absent(),
    });
    const statements = Object.values(template.findResources('AWS::IAM::Policy'))[0].Properties.PolicyDocument.Statement;
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'],
        Resource: logArns('/aws/sagemaker/*'),
      },
      {
        Effect: 'Allow',
        Action: 'cloudwatch:PutMetricData',
        Resource: '*',
        // Only the SageMaker namespaces a customer can publish to: AWS/ namespaces are reserved for AWS services.
        Condition: { StringLike: { 'cloudwatch:namespace': '/aws/sagemaker/*' } },
      },
    ]);
  });

  test('the trust policy carries the confused-deputy conditions SageMaker documents for inference', () => {
    const stack = testStack();
    createExecutionRole(stack, 'Role', 'r');
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{
          Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'sagemaker.amazonaws.com' },
          Condition: {
            StringEquals: { 'aws:SourceAccount': '111111111111' },
            ArnLike: { 'aws:SourceArn': 'arn:aws:sagemaker:us-east-1:111111111111:*' },
          },
        }],
      },
    });
  });

  test('in an environment-agnostic stack the conditions use the pseudo parameters', () => {
    const stack = new Stack(testApp(), 'Agnostic');
    createExecutionRole(stack, 'Role', 'r');
    const trust = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Role'))[0].Properties.AssumeRolePolicyDocument.Statement[0];
    expect(trust.Condition).toEqual({
      StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
      ArnLike: { 'aws:SourceArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':sagemaker:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':*']] } },
    });
  });

  test.each([
    ['one named endpoint', [['llm-prod']], ['/aws/sagemaker/Endpoints/llm-prod']],
    ['two named endpoints', [['llm-a'], ['llm-b']], ['/aws/sagemaker/Endpoints/llm-a', '/aws/sagemaker/Endpoints/llm-b']],
    ['a name with capitals, and its lower-case form', [['LLM-Prod']], ['/aws/sagemaker/Endpoints/LLM-Prod', '/aws/sagemaker/Endpoints/llm-prod']],
    ['a generated name', [[undefined]], ['/aws/sagemaker/Endpoints/*']],
    ['a generated name next to a named one', [['llm-a'], [undefined]], ['/aws/sagemaker/Endpoints/*']],
  ])('logs limited to the endpoints that use the role: %s', (_, uses, groups) => {
    const stack = testStack();
    const role = createExecutionRole(stack, 'Role', 'r');
    for (const [name] of uses) useRoleLogsForEndpoint(role, name);
    expect(logResources(stack)).toEqual((groups as string[]).flatMap(logArns));
  });

  test('a use whose log group is not documented keeps /aws/sagemaker/*; roles the library did not create are left alone', () => {
    const stack = testStack();
    const role = createExecutionRole(stack, 'Role', 'r');
    useRoleLogsForEndpoint(role, 'llm-prod');
    useRoleLogsBroadly(role);
    expect(logResources(stack)).toEqual(logArns('/aws/sagemaker/*'));
    const own = iam.Role.fromRoleArn(stack, 'Own', 'arn:aws:iam::111111111111:role/ml');
    expect(() => useRoleLogsForEndpoint(own, 'x')).not.toThrow();
    expect(() => useRoleLogsBroadly(own)).not.toThrow();
  });
});
