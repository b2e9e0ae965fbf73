import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { createExecutionRole } from '../../lib/core/execution-role';
import { testStack } from '../util';

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
        Resource: [
          { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':log-group:/aws/sagemaker/*']] },
          { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':log-group:/aws/sagemaker/*:log-stream:*']] },
        ],
      },
      {
        Effect: 'Allow',
        Action: 'cloudwatch:PutMetricData',
        Resource: '*',
        Condition: { StringLike: { 'cloudwatch:namespace': ['/aws/sagemaker/*', 'AWS/SageMaker'] } },
      },
    ]);
  });
});
