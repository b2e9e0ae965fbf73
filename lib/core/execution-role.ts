import { ArnFormat, Aws, Lazy, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/**
 * A least-privilege execution role that SageMaker assumes: it may write its logs and publish metrics under
 * `/aws/sagemaker/`, nothing more. Callers add what their resource needs on top (image pull and artifacts for a
 * model, network interfaces for a VPC).
 *
 * The trust policy carries the confused-deputy conditions SageMaker documents for real-time, serverless and
 * asynchronous inference: `aws:SourceArn` like `arn:PARTITION:sagemaker:REGION:ACCOUNT:*` (which SageMaker says not
 * to narrow to one model or endpoint), and `aws:SourceAccount`
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/security-confused-deputy-prevention.html#security-confused-deputy-inference).
 *
 * Logs: see `useRoleLogsForEndpoint`; until an endpoint of the library names its log group, the role may write
 * under `/aws/sagemaker/` of its account and region.
 */
export function createExecutionRole(scope: Construct, id: string, description: string): iam.Role {
  const stack = Stack.of(scope);
  const role = new iam.Role(scope, id, {
    assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com').withConditions({
      StringEquals: { 'aws:SourceAccount': stack.account },
      ArnLike: { 'aws:SourceArn': stack.formatArn({ service: 'sagemaker', resource: '*', arnFormat: ArnFormat.NO_RESOURCE_NAME }) },
    }),
    description,
  });
  const logs = new RoleLogGroups();
  roleLogGroups.set(role, logs);
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    // The actions of the CreateModel execution-role policy for CloudWatch Logs
    // (https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html#sagemaker-roles-createmodel-perms).
    actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
    resources: Lazy.list({ produce: () => logs.resources() }),
  }));
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    // Listed by the CreateModel execution-role policy (same page as above), so kept: a container may publish its own
    // metrics. It may publish only under /aws/sagemaker/, which holds the instance metrics the weighted scaling signal
    // and the fallback alarm count (the README says so). No AWS/ namespace: those belong to AWS services
    // (PutMetricData `Namespace`, https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricData.html:
    // "you should not specify a namespace that begins with AWS/"; older text: "You cannot").
    actions: ['cloudwatch:PutMetricData'],
    resources: ['*'], // PutMetricData has no resource-level permissions; scoped by namespace instead
    conditions: { StringLike: { 'cloudwatch:namespace': '/aws/sagemaker/*' } },
  }));
  return role;
}

/**
 * Limits the logs of a role created by `createExecutionRole` to the log group of an endpoint that its model serves,
 * `/aws/sagemaker/Endpoints/NAME` (https://docs.aws.amazon.com/sagemaker/latest/dg/logging-cloudwatch.html). Every
 * endpoint that registers adds its group. `endpointName` undefined (CloudFormation generates the name, which the
 * role's policy cannot reference: the endpoint depends on the model, which depends on the policy) allows
 * `/aws/sagemaker/Endpoints/*`. A name with capitals allows its lower-case form too: SageMaker lower-cases names in
 * ARNs, and whether the log group keeps the capitals is not documented. Roles the library did not create are left
 * alone.
 */
export function useRoleLogsForEndpoint(role: iam.IRole | undefined, endpointName: string | undefined): void {
  const logs = role && roleLogGroups.get(role);
  if (!logs) return;
  if (endpointName === undefined || Token.isUnresolved(endpointName)) {
    logs.groups.add('/aws/sagemaker/Endpoints/*');
  } else {
    logs.groups.add(`/aws/sagemaker/Endpoints/${endpointName}`);
    logs.groups.add(`/aws/sagemaker/Endpoints/${endpointName.toLowerCase()}`);
  }
}

/**
 * Keeps the logs of a role created by `createExecutionRole` on `/aws/sagemaker/*`, for a use whose log group
 * SageMaker does not document (an inference component: neither its log group nor the role that writes it is
 * documented), so that no later endpoint narrows it.
 */
export function useRoleLogsBroadly(role: iam.IRole | undefined): void {
  const logs = role && roleLogGroups.get(role);
  if (logs) logs.broad = true;
}

const roleLogGroups = new WeakMap<iam.IRole, RoleLogGroups>();

class RoleLogGroups {
  public readonly groups = new Set<string>();
  public broad = false;

  /** Log group and log stream ARNs: the registered groups, or `/aws/sagemaker/*` when none (or a broad use). */
  public resources(): string[] {
    const groups = this.broad || this.groups.size === 0 ? ['/aws/sagemaker/*']
      : this.groups.has('/aws/sagemaker/Endpoints/*') ? ['/aws/sagemaker/Endpoints/*'] : [...this.groups];
    const arn = (group: string) => `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:${group}`;
    return groups.flatMap((group) => [arn(group), `${arn(group)}:log-stream:*`]);
  }
}
