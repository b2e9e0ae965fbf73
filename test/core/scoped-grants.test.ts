import { CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { IConstruct } from 'constructs';
import { grantEncrypt, grantObjectRead, grantObjectWrite, grantTopicPublish } from '../../lib/core/scoped-grants';
import { FEATURE_FLAGS, testApp, testStack } from '../util';

interface Fixture {
  stack: Stack;
  role: iam.Role;
  bucketKey: kms.Key;
  topicKey: kms.Key;
  bucket: (encrypted?: boolean) => s3.Bucket;
  topic: (encrypted?: boolean) => sns.Topic;
}

function fixture(): Fixture {
  const stack = testStack();
  const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
  const bucketKey = new kms.Key(stack, 'BucketKey');
  const topicKey = new kms.Key(stack, 'TopicKey');
  return {
    stack, role, bucketKey, topicKey,
    bucket: (encrypted = false) => new s3.Bucket(stack, 'Bucket', encrypted ? { encryptionKey: bucketKey } : {}),
    topic: (encrypted = false) => new sns.Topic(stack, 'Topic', encrypted ? { masterKey: topicKey } : {}),
  };
}

/** Every statement of the role's identity policies, with `Action` as a sorted array. */
function statements(stack: Stack): any[] {
  const policies = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy'));
  return policies.flatMap((p: any) => p.Properties.PolicyDocument.Statement)
    .map((s: any) => ({ ...s, Action: [s.Action].flat().sort() }));
}

/** `Fn::GetAtt [X, Arn]` of a bucket's or key's CloudFormation resource. */
const arn = (stack: Stack, construct: IConstruct) => ({ 'Fn::GetAtt': [stack.getLogicalId(construct.node.defaultChild as CfnElement), 'Arn'] });
const objects = (stack: Stack, bucket: s3.Bucket, pattern: string) => ({ 'Fn::Join': ['', [arn(stack, bucket), `/${pattern}`]] });

describe('scoped grants', () => {
  test('grantObjectRead: s3:GetObject on the key pattern only, no list, no key', () => {
    const { stack, role, bucket } = fixture();
    const b = bucket();
    grantObjectRead(role, b, 'models/model.tar.gz');
    expect(statements(stack)).toEqual([
      { Effect: 'Allow', Action: ['s3:GetObject'], Resource: objects(stack, b, 'models/model.tar.gz') },
    ]);
  });

  test('grantObjectRead with a list prefix: s3:ListBucket on the bucket, limited to the prefix', () => {
    const { stack, role, bucket } = fixture();
    const b = bucket();
    grantObjectRead(role, b, 'models/*', 'models/');
    expect(statements(stack)).toEqual([
      { Effect: 'Allow', Action: ['s3:GetObject'], Resource: objects(stack, b, 'models/*') },
      { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: arn(stack, b), Condition: { StringLike: { 's3:prefix': ['models/*'] } } },
    ]);
  });

  test('grantObjectRead on a bucket with a key: kms:Decrypt on that key, only through S3', () => {
    const { stack, role, bucket, bucketKey } = fixture();
    const b = bucket(true);
    grantObjectRead(role, b, 'models/*');
    expect(statements(stack)).toEqual([
      { Effect: 'Allow', Action: ['s3:GetObject'], Resource: objects(stack, b, 'models/*') },
      { Effect: 'Allow', Action: ['kms:Decrypt'], Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } }, Resource: arn(stack, bucketKey) },
    ]);
  });

  test('grantObjectWrite: s3:PutObject and s3:AbortMultipartUpload on the key pattern, no key', () => {
    const { stack, role, bucket } = fixture();
    const b = bucket();
    grantObjectWrite(role, b, 'async-output/*');
    expect(statements(stack)).toEqual([
      { Effect: 'Allow', Action: ['s3:AbortMultipartUpload', 's3:PutObject'], Resource: objects(stack, b, 'async-output/*') },
    ]);
  });

  test('grantObjectWrite on a bucket with a key: encrypt, generate data keys and decrypt (multipart) with it, only through S3', () => {
    const { stack, role, bucket, bucketKey } = fixture();
    const b = bucket(true);
    grantObjectWrite(role, b, 'async-output/*');
    expect(statements(stack)).toEqual([
      { Effect: 'Allow', Action: ['s3:AbortMultipartUpload', 's3:PutObject'], Resource: objects(stack, b, 'async-output/*') },
      { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'], Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } }, Resource: arn(stack, bucketKey) },
    ]);
  });

  test('grantTopicPublish: sns:Publish on the topic, no key', () => {
    const { stack, role, topic } = fixture();
    const t = topic();
    grantTopicPublish(role, t);
    expect(statements(stack)).toEqual([{ Effect: 'Allow', Action: ['sns:Publish'], Resource: { Ref: stack.getLogicalId(t.node.defaultChild as sns.CfnTopic) } }]);
  });

  test("grantTopicPublish on a topic with a key: kms:Decrypt and kms:GenerateDataKey on the topic's key, only through SNS", () => {
    const { stack, role, topic, topicKey } = fixture();
    const t = topic(true);
    grantTopicPublish(role, t);
    expect(statements(stack)).toEqual([
      { Effect: 'Allow', Action: ['sns:Publish'], Resource: { Ref: stack.getLogicalId(t.node.defaultChild as sns.CfnTopic) } },
      { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Condition: { StringEquals: { 'kms:ViaService': 'sns.us-east-1.amazonaws.com' } }, Resource: arn(stack, topicKey) },
    ]);
  });

  test('grantEncrypt: kms:Encrypt, kms:GenerateDataKey and kms:Decrypt on the key (no kms:ViaService: SageMaker is handed the key directly)', () => {
    const { stack, role, bucketKey } = fixture();
    grantEncrypt(role, bucketKey);
    expect(statements(stack)).toEqual([{ Effect: 'Allow', Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'], Resource: arn(stack, bucketKey) }]);
  });

  test('grants on imported resources without keys add no KMS statement', () => {
    const stack = testStack();
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
    grantObjectWrite(role, s3.Bucket.fromBucketName(stack, 'B', 'results'), 'out/*');
    grantTopicPublish(role, sns.Topic.fromTopicArn(stack, 'T', 'arn:aws:sns:us-east-1:111111111111:done'));
    expect(statements(stack).map((s) => [s.Action, s.Resource])).toEqual([
      [['s3:AbortMultipartUpload', 's3:PutObject'], 'arn:aws:s3:::results/out/*'],
      [['sns:Publish'], 'arn:aws:sns:us-east-1:111111111111:done'],
    ]);
  });

  test('no grant adds a wildcard action or touches the key policies', () => {
    const { stack, role, bucket, topic, bucketKey } = fixture();
    const b = bucket(true);
    grantObjectRead(role, b, 'models/*', 'models/');
    grantObjectWrite(role, b, 'out/*');
    grantTopicPublish(role, topic(true));
    grantEncrypt(role, bucketKey);
    const actions = statements(stack).flatMap((s) => s.Action);
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.filter((a: string) => a.includes('*'))).toEqual([]);
    const keyPolicies = Object.values(Template.fromStack(stack).findResources('AWS::KMS::Key')).map((k: any) => k.Properties.KeyPolicy.Statement);
    // Only the account-root statement aws-cdk-lib puts on every key; the grants live on the role.
    keyPolicies.forEach((policy) => expect(policy).toEqual([expect.objectContaining({ Principal: { AWS: 'arn:aws:iam::111111111111:root' } })]));
  });
});

/** A stack in `region` (undefined: environment-agnostic), with a role and a key. */
function setup(region?: string) {
  const stack = new Stack(testApp({ context: FEATURE_FLAGS }), 'S', region ? { env: { account: '111111111111', region } } : {});
  const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
  const key = new kms.Key(stack, 'Key');
  const kmsStatements = () => (Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy'))[0].Properties.PolicyDocument.Statement as any[])
    .filter((s) => [].concat(s.Action).some((a: string) => a.startsWith('kms:')));
  return { stack, role, key, kmsStatements };
}

describe('scoped grants: kms:ViaService across partitions', () => {
  test('China regions and token regions allow both endpoint forms', () => {
    const china = setup('cn-north-1');
    grantObjectRead(china.role, new s3.Bucket(china.stack, 'B', { encryptionKey: china.key }), 'in/*');
    expect(china.kmsStatements()[0].Condition).toEqual({ StringEquals: { 'kms:ViaService': ['s3.cn-north-1.amazonaws.com', 's3.cn-north-1.amazonaws.com.cn'] } });
    const agnostic = setup(undefined);
    grantObjectRead(agnostic.role, new s3.Bucket(agnostic.stack, 'B', { encryptionKey: agnostic.key }), 'in/*');
    expect(agnostic.kmsStatements()[0].Condition).toEqual({ StringEquals: { 'kms:ViaService': [
      { 'Fn::Join': ['', ['s3.', { Ref: 'AWS::Region' }, '.amazonaws.com']] },
      { 'Fn::Join': ['', ['s3.', { Ref: 'AWS::Region' }, '.amazonaws.com.cn']] },
    ] } });
  });
});
