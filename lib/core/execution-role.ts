import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/**
 * A least-privilege execution role that SageMaker assumes: it may write its logs under `/aws/sagemaker/` and
 * publish metrics in the SageMaker namespaces, nothing more. Callers add what their resource needs on top
 * (image pull and artifacts for a model, network interfaces for a VPC).
 */
export function createExecutionRole(scope: Construct, id: string, description: string): iam.Role {
  const role = new iam.Role(scope, id, {
    assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com'),
    description,
  });
  grantSageMakerLogs(role);
  return role;
}

/** Logs under `/aws/sagemaker/` and `PutMetricData` in the SageMaker namespaces. */
export function grantSageMakerLogs(role: iam.IRole): void {
  const logGroups = `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:/aws/sagemaker/*`;
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
    resources: [logGroups, `${logGroups}:log-stream:*`],
  }));
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['cloudwatch:PutMetricData'],
    resources: ['*'], // PutMetricData has no resource-level permissions; scoped by namespace instead
    conditions: { StringLike: { 'cloudwatch:namespace': ['/aws/sagemaker/*', 'AWS/SageMaker'] } },
  }));
}
