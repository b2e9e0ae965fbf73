import { Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IConstruct } from 'constructs';

/**
 * cdk-nag 3 acknowledgements for the example stacks (packs AwsSolutions, HIPAA Security, NIST 800-53 R5 and
 * PCI DSS 3.2.1), as a user of the library would write them.
 *
 * Each acknowledgement sits on the exact L1 resource the finding is reported on, names the exact rule id, and is
 * added only when the fact that justifies it holds for that resource (for example: the role is a SageMaker execution role).
 * Anything else stays a finding. `test/bin/example-stacks-nag.test.ts` fails on any unacknowledged finding and on
 * any acknowledgement that no longer matches a finding.
 */
export function acknowledgeNagFindings<T extends Stack>(stack: T): T {
  for (const construct of stack.node.findAll()) {
    const role = (construct as { role?: unknown }).role;
    if (role instanceof iam.Role && role.node.scope === construct) acknowledgeExecutionRole(role);
    if (construct instanceof s3.Bucket) acknowledgeBucket(construct);
  }
  return stack;
}

/** The compliance packs that carry the same rule names (HIPAA Security, NIST 800-53 R5, PCI DSS 3.2.1). */
const COMPLIANCE_PACKS = ['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'];

/**
 * Findings on an execution role the library creates for SageMaker (a model's `Role`, an inference-component
 * endpoint's `ExecutionRole`). A role passed in by the user is the user's to review.
 */
function acknowledgeExecutionRole(role: iam.Role): void {
  const trust = JSON.stringify(Stack.of(role).resolve(role.assumeRolePolicy?.toJSON()) ?? {});
  if (!trust.includes('sagemaker.amazonaws.com')) return;
  const policy = role.node.tryFindChild('DefaultPolicy')?.node.defaultChild;
  if (!(policy instanceof iam.CfnPolicy)) return;
  const statements = policyStatements(policy);

  acknowledge(policy, COMPLIANCE_PACKS.map((pack) => `${pack}-IAMNoInlinePolicy`),
    'This AWS::IAM::Policy is attached only to the dedicated execution role of one SageMaker model or endpoint and is created, ' +
    'updated and deleted with that role in the same stack: the strict one-to-one relationship IAM recommends inline ' +
    'policies for. A customer managed policy would be a reusable, attachable object without narrowing any permission.');

  for (const statement of statements.filter((s) => actions(s).includes('logs:CreateLogStream'))) {
    for (const resource of resources(statement).map(nagNotation).filter((r): r is string => r?.includes('*') === true)) {
      acknowledge(policy, [`AwsSolutions-IAM5[Resource::${resource}]`], logReason(resource));
    }
  }

  const wildcardResourceActions = new Set(statements.filter((s) => resources(s).includes('*')).flatMap(actions));
  const namespaced = statements.every((s) => !actions(s).includes('cloudwatch:PutMetricData') || s.Condition?.StringLike?.['cloudwatch:namespace']);
  if (wildcardResourceActions.size > 0 && namespaced && [...wildcardResourceActions].every((a) => a in NO_RESOURCE_LEVEL)) {
    acknowledge(policy, ['AwsSolutions-IAM5[Resource::*]'],
      `Only actions without resource-level permissions use Resource "*": ${[...wildcardResourceActions].map((a) => `${a} (${NO_RESOURCE_LEVEL[a]})`).join('; ')}.`);
  }

  for (const statement of statements) {
    for (const prefix of s3PrefixResources(statement)) {
      const writes = actions(statement).some((a) => a.startsWith('s3:Put'));
      acknowledge(policy, [`AwsSolutions-IAM5[Resource::${prefix}]`], writes
        ? 'SageMaker writes each asynchronous inference result and error under a key it generates (the inference ID) ' +
          'below the configured S3 output or failure path, so the role may write under that key prefix of that one bucket only.'
        : 'The role reads every object under this key prefix, and only there in that one bucket: either the model artifacts ' +
          '(S3Prefix model data, downloaded by SageMaker when an instance starts) or the asynchronous inference requests ' +
          '(payloads clients upload under the input prefix; SageMaker reads each one with the execution role).');
    }
  }

}

/** Why a log resource with a wildcard is needed (the log actions of the SageMaker CreateModel execution-role policy). */
function logReason(resource: string): string {
  if (resource.includes('/aws/sagemaker/Endpoints/*')) {
    return 'SageMaker writes container logs to the log group of the endpoint (/aws/sagemaker/Endpoints/<endpoint name>), and this ' +
      'endpoint has a name CloudFormation generates for a resource that depends on this role, so the group cannot be named here: ' +
      'the role may write to the endpoint log groups of this account and region only.';
  }
  if (resource.endsWith(':log-stream:*') && resource.includes('/aws/sagemaker/Endpoints/')) {
    return 'The log group is the endpoint\'s own; SageMaker names the streams in it after the variant and the instance ID ' +
      '(<variant>/<instance-id>), which exist only once instances start, so the streams of that one group are allowed.';
  }
  return 'The role belongs to a model that no endpoint of this app serves by name (or to an inference-component endpoint, ' +
    'whose log groups SageMaker does not document), so its log group cannot be named here: scoped to the /aws/sagemaker/ ' +
    'log groups of this account and region.';
}

/** A resource as cdk-nag prints it: `{ Ref: X }` as `<X>`, `Fn::GetAtt` as `<X.Attr>`, joined. */
function nagNotation(resource: unknown): string | undefined {
  if (typeof resource === 'string') return resource;
  const parts = (resource as any)?.['Fn::Join']?.[0] === '' ? (resource as any)['Fn::Join'][1] : undefined;
  if (!Array.isArray(parts)) return undefined;
  return parts.map((part: any) => (typeof part === 'string' ? part
    : part?.Ref ? `<${part.Ref}>` : part?.['Fn::GetAtt'] ? `<${part['Fn::GetAtt'].join('.')}>` : '?')).join('');
}

/** Actions granted on Resource "*" that IAM cannot scope to a resource, and why they are needed. */
const NO_RESOURCE_LEVEL: { [action: string]: string } = {
  'ecr:GetAuthorizationToken': 'returns the registry login token SageMaker needs to pull the image; the pull itself is scoped to the image repository',
  'cloudwatch:PutMetricData': 'limited by the cloudwatch:namespace condition to the SageMaker namespaces',
};

/** Why each example bucket needs no cross-region replication (keyed by the bucket's construct ID). */
const NO_REPLICATION: { [bucketId: string]: string } = {
  Artifacts: 'The model artifacts are build outputs of the packaging pipeline, reproducible from source, and the bucket is ' +
    'versioned and retained on stack deletion. Recovery in another region redeploys the (regional) endpoint there, and ' +
    'the pipeline publishes the artifacts to that region, so a replica would never be read.',
  Results: 'Asynchronous inference requests and results are transient: clients fetch each result after the success notification and can ' +
    'resubmit the request to recreate it. The bucket is versioned and retained on stack deletion; a replica in another ' +
    'region would serve no recovery purpose because the endpoint that writes the results is regional.',
};

/** S3 buckets of the example stacks: server access logs and replication. */
function acknowledgeBucket(bucket: s3.Bucket): void {
  const cfn = bucket.node.defaultChild as s3.CfnBucket;
  const encryption = Stack.of(cfn).resolve(cfn.bucketEncryption)?.serverSideEncryptionConfiguration ?? [];
  const perObjectKms = bucket.encryptionKey !== undefined && encryption.length > 0 &&
    encryption.every((rule: any) => rule.serverSideEncryptionByDefault?.sseAlgorithm === 'aws:kms' && rule.bucketKeyEnabled !== true);
  const publicAccess = Stack.of(cfn).resolve(cfn.publicAccessBlockConfiguration) ?? {};
  const publicAccessBlocked = ['blockPublicAcls', 'blockPublicPolicy', 'ignorePublicAcls', 'restrictPublicBuckets'].every((k) => publicAccess[k] === true);
  const tlsOnly = JSON.stringify(Stack.of(cfn).resolve(bucket.policy?.document) ?? {}).includes('"aws:SecureTransport":"false"');
  if (perObjectKms && publicAccessBlocked && tlsOnly && cfn.loggingConfiguration === undefined) {
    acknowledge(cfn, ['AwsSolutions-S1', ...COMPLIANCE_PACKS.map((pack) => `${pack}-S3BucketLoggingEnabled`)],
      'Every object read and write is already audited: the bucket uses SSE-KMS with a customer managed key and no S3 ' +
      'Bucket Key, so each GetObject and PutObject calls KMS Decrypt or GenerateDataKey, which CloudTrail records as ' +
      'management events with the caller and the object ARN (encryption context aws:s3:arn). Public access is blocked ' +
      'and TLS is enforced by the bucket policy.');
  }
  const noReplication = NO_REPLICATION[bucket.node.id];
  if (noReplication && cfn.replicationConfiguration === undefined) {
    acknowledge(cfn, COMPLIANCE_PACKS.map((pack) => `${pack}-S3BucketReplicationEnabled`), noReplication);
  }
}

interface Statement {
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: { readonly [operator: string]: { readonly [key: string]: unknown } };
}

function policyStatements(policy: iam.CfnPolicy): Statement[] {
  return Stack.of(policy).resolve(policy.policyDocument)?.Statement ?? [];
}

function actions(statement: Statement): string[] {
  return ([] as string[]).concat(statement.Action);
}

function resources(statement: Statement): unknown[] {
  return ([] as unknown[]).concat(statement.Resource);
}

/**
 * Object resources under a key prefix of a bucket of the same stack, in cdk-nag's notation
 * (`<LogicalId.Arn>/prefix/*`). A whole-bucket `<LogicalId.Arn>/*` is not returned: it stays a finding.
 */
function s3PrefixResources(statement: Statement): string[] {
  return resources(statement).flatMap((resource: any) => {
    const parts = resource?.['Fn::Join']?.[0] === '' ? resource['Fn::Join'][1] : undefined;
    if (!Array.isArray(parts) || parts.length !== 2) return [];
    const [arn, suffix] = parts;
    const logicalId = arn?.['Fn::GetAtt']?.[1] === 'Arn' ? arn['Fn::GetAtt'][0] : undefined;
    return typeof logicalId === 'string' && typeof suffix === 'string' && /^\/[^*]+\/\*$/.test(suffix)
      ? [`<${logicalId}.Arn>${suffix}`] : [];
  });
}

function acknowledge(construct: IConstruct, ids: string[], reason: string): void {
  Validations.of(construct).acknowledge(...ids.map((id) => ({ id, reason })));
}
