import { Stack, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AsyncInferenceOptions } from '../../lib';
import { InstancePoolsError } from '../../lib/core/errors';
import { bindAsyncInference, validateAsyncInference } from '../../lib/endpoint/async-inference-config';
import { testStack } from '../util';

const KEY_ARN = 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const TOPIC_ARN = (name: string) => `arn:aws:sns:us-east-1:111111111111:${name}`;

function fixture() {
  const stack = testStack();
  const role = (id: string) => new iam.Role(stack, id, { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
  return {
    stack, role,
    results: s3.Bucket.fromBucketName(stack, 'Results', 'results'),
    failures: s3.Bucket.fromBucketName(stack, 'Failures', 'failures'),
    topic: (name: string) => sns.Topic.fromTopicArn(stack, name, TOPIC_ARN(name)),
    key: kms.Key.fromKeyArn(stack, 'Key', KEY_ARN),
  };
}

/**
 * What `role`'s identity policy allows, one `[actions, resource]` row per resource (aws-cdk-lib merges statements),
 * actions sorted, rows sorted.
 */
function grants(stack: Stack, role: iam.Role): [string[], unknown][] {
  const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: stack.getLogicalId(role.node.defaultChild as iam.CfnRole) }] } });
  const rows = Object.values(policies).flatMap((p: any) => p.Properties.PolicyDocument.Statement)
    .flatMap((s: any) => [s.Resource].flat().map((resource: unknown): [string[], unknown] => [[s.Action].flat().sort(), resource]));
  return rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

const WRITE = ['s3:AbortMultipartUpload', 's3:PutObject'];

describe('validateAsyncInference', () => {
  const validate = (options: Partial<AsyncInferenceOptions>) => {
    const outputBucket = s3.Bucket.fromBucketName(testStack(), 'B', 'results');
    return () => validateAsyncInference({ outputBucket, ...options });
  };

  test.each<[string, Partial<AsyncInferenceOptions>, string]>([
    ['0 concurrent invocations', { maxConcurrentInvocationsPerInstance: 0 }, 'asyncInference.maxConcurrentInvocationsPerInstance: must be an integer from 1 to 1000, got 0 [OutOfRange]'],
    ['1001 concurrent invocations', { maxConcurrentInvocationsPerInstance: 1001 }, 'asyncInference.maxConcurrentInvocationsPerInstance: must be an integer from 1 to 1000, got 1001 [OutOfRange]'],
    ['2.5 concurrent invocations', { maxConcurrentInvocationsPerInstance: 2.5 }, 'asyncInference.maxConcurrentInvocationsPerInstance: must be an integer from 1 to 1000, got 2.5 [OutOfRange]'],
    ['an output prefix without a trailing slash', { outputPrefix: 'results' }, "asyncInference.outputPrefix: a key prefix ending with '/' and not starting with '/', got 'results' [InvalidAsyncConfig]"],
    ['an output prefix with a leading slash', { outputPrefix: '/results/' }, "asyncInference.outputPrefix: a key prefix ending with '/' and not starting with '/', got '/results/' [InvalidAsyncConfig]"],
    ['an empty output prefix', { outputPrefix: '' }, "asyncInference.outputPrefix: a key prefix ending with '/' and not starting with '/', got '' [InvalidAsyncConfig]"],
    ['the output prefix /', { outputPrefix: '/' }, "asyncInference.outputPrefix: a key prefix ending with '/' and not starting with '/', got '/' [InvalidAsyncConfig]"],
    ['a failure prefix without a trailing slash', { failurePrefix: 'errors/x' }, "asyncInference.failurePrefix: a key prefix ending with '/' and not starting with '/', got 'errors/x' [InvalidAsyncConfig]"],
    ['a failure prefix with a leading slash', { failurePrefix: '/errors/' }, "asyncInference.failurePrefix: a key prefix ending with '/' and not starting with '/', got '/errors/' [InvalidAsyncConfig]"],
    ['an input prefix without a trailing slash', { inputPrefix: 'requests' }, "asyncInference.inputPrefix: a key prefix ending with '/' and not starting with '/', got 'requests' [InvalidAsyncConfig]"],
    ['an input prefix with a leading slash', { inputPrefix: '/requests/' }, "asyncInference.inputPrefix: a key prefix ending with '/' and not starting with '/', got '/requests/' [InvalidAsyncConfig]"],
  ])('rejects %s', (_, options, message) => {
    expect(validate(options)).toThrow(InstancePoolsError);
    expect(validate(options)).toThrow(message);
  });

  test('checks the concurrency first, then the input, output and failure prefixes', () => {
    expect(validate({ maxConcurrentInvocationsPerInstance: 0, inputPrefix: 'i', outputPrefix: 'a', failurePrefix: 'b' })).toThrow(/^asyncInference\.maxConcurrentInvocationsPerInstance:/);
    expect(validate({ inputPrefix: 'i', outputPrefix: 'a', failurePrefix: 'b' })).toThrow(/^asyncInference\.inputPrefix:/);
    expect(validate({ outputPrefix: 'a', failurePrefix: 'b' })).toThrow(/^asyncInference\.outputPrefix:/);
  });

  test.each<[string, Partial<AsyncInferenceOptions>]>([
    ['no options', {}],
    ['the bounds of the concurrency', { maxConcurrentInvocationsPerInstance: 1 }],
    ['1000 concurrent invocations', { maxConcurrentInvocationsPerInstance: 1000 }],
    ['nested prefixes', { outputPrefix: 'llm/results/', failurePrefix: 'llm/errors/' }],
    ['token prefixes and concurrency', { outputPrefix: Token.asString({ Ref: 'P' }), failurePrefix: Token.asString({ Ref: 'F' }), maxConcurrentInvocationsPerInstance: Token.asNumber({ Ref: 'N' }) }],
  ])('accepts %s', (_, options) => {
    expect(validate(options)).not.toThrow();
  });
});

describe('bindAsyncInference', () => {
  test('defaults: async-output/ and async-failures/ in the output bucket, no client config, key or notifications', () => {
    const { stack, results } = fixture();
    expect(stack.resolve(bindAsyncInference({ outputBucket: results }, []))).toEqual({
      outputConfig: { s3OutputPath: 's3://results/async-output/', s3FailurePath: 's3://results/async-failures/' },
    });
  });

  test('renders the given prefixes, failure bucket, key and concurrency', () => {
    const { stack, results, failures, key } = fixture();
    const config = bindAsyncInference({
      outputBucket: results, outputPrefix: 'llm/out/', failureBucket: failures, failurePrefix: 'llm/err/', outputEncryptionKey: key, maxConcurrentInvocationsPerInstance: 4,
    }, []);
    expect(stack.resolve(config)).toEqual({
      clientConfig: { maxConcurrentInvocationsPerInstance: 4 },
      outputConfig: { s3OutputPath: 's3://results/llm/out/', s3FailurePath: 's3://failures/llm/err/', kmsKeyId: KEY_ARN },
    });
  });

  test('notification config only with topics, with each topic it has', () => {
    const { stack, results, topic } = fixture();
    const notification = (options: Partial<AsyncInferenceOptions>) =>
      stack.resolve(bindAsyncInference({ outputBucket: results, ...options }, []).outputConfig).notificationConfig;
    expect(notification({})).toBeUndefined();
    expect(notification({ successTopic: topic('done') })).toEqual({ successTopic: TOPIC_ARN('done') });
    expect(notification({ errorTopic: topic('failed') })).toEqual({ errorTopic: TOPIC_ARN('failed') });
    expect(notification({ successTopic: topic('ok'), errorTopic: topic('ko') })).toEqual({ successTopic: TOPIC_ARN('ok'), errorTopic: TOPIC_ARN('ko') });
  });

  test('grants each role writing under both prefixes, in the output bucket by default', () => {
    const { stack, role, results } = fixture();
    const [a, b] = [role('A'), role('B')];
    bindAsyncInference({ outputBucket: results }, [a, b]);
    for (const r of [a, b]) {
      expect(grants(stack, r)).toEqual([
        [WRITE, 'arn:aws:s3:::results/async-failures/*'],
        [WRITE, 'arn:aws:s3:::results/async-output/*'],
      ]);
    }
  });

  test('grants writing failures in the failure bucket, publishing on the topics and encrypting with the key', () => {
    const { stack, role, results, failures, topic, key } = fixture();
    const r = role('A');
    bindAsyncInference({
      outputBucket: results, outputPrefix: 'out/', failureBucket: failures, failurePrefix: 'err/', successTopic: topic('done'), errorTopic: topic('failed'), outputEncryptionKey: key,
    }, [r]);
    expect(grants(stack, r)).toEqual([
      [['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'], KEY_ARN],
      [WRITE, 'arn:aws:s3:::failures/err/*'],
      [WRITE, 'arn:aws:s3:::results/out/*'],
      [['sns:Publish'], TOPIC_ARN('done')],
      [['sns:Publish'], TOPIC_ARN('failed')],
    ]);
  });

  test('grants each role reading requests (s3:GetObject only) under the input prefix, async-input/ by default', () => {
    const { stack, role } = fixture();
    const requests = s3.Bucket.fromBucketName(stack, 'Requests', 'requests');
    const [a, b] = [role('A'), role('B')];
    bindAsyncInference({ outputBucket: requests, inputBucket: requests }, [a]);
    bindAsyncInference({ outputBucket: requests, inputBucket: requests, inputPrefix: 'in/' }, [b]);
    expect(grants(stack, a)).toContainEqual([['s3:GetObject'], 'arn:aws:s3:::requests/async-input/*']);
    expect(grants(stack, b)).toContainEqual([['s3:GetObject'], 'arn:aws:s3:::requests/in/*']);
    expect(grants(stack, b).flatMap(([actions]) => actions).filter((a) => a.startsWith('s3:Get') || a.startsWith('s3:List'))).toEqual(['s3:GetObject']);
  });

  test('grants the key of an encrypted output bucket to each role', () => {
    const { stack, role } = fixture();
    const bucketKey = kms.Key.fromKeyArn(stack, 'BucketKey', KEY_ARN.replace('1234abcd', 'bbbbbbbb'));
    const bucket = s3.Bucket.fromBucketAttributes(stack, 'Encrypted', { bucketName: 'sealed', encryptionKey: bucketKey });
    const r = role('A');
    bindAsyncInference({ outputBucket: bucket }, [r]);
    expect(grants(stack, r)).toContainEqual([['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'], bucketKey.keyArn]);
  });

  test('no roles, no policies', () => {
    const { stack, results, topic, key } = fixture();
    bindAsyncInference({ outputBucket: results, successTopic: topic('done'), outputEncryptionKey: key }, []);
    Template.fromStack(stack).resourceCountIs('AWS::IAM::Policy', 0);
  });
});
