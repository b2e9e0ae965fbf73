import { Template, Match } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { ModelData } from '../../lib';
import { testStack } from '../util';

describe('ModelData', () => {
  test('archive: ModelDataUrl and read on that key only', () => {
    const stack = testStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'B', 'artifacts');
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
    const config = ModelData.fromBucket(bucket, 'llm/model.tar.gz').bind(role);
    expect(config.modelDataUrl).toBe('s3://artifacts/llm/model.tar.gz');
    expect(config.modelDataSource).toBeUndefined();
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({
        Action: 's3:GetObject', Resource: 'arn:aws:s3:::artifacts/llm/model.tar.gz',
      })]) },
    });
    expect(JSON.stringify(Template.fromStack(stack).toJSON())).not.toContain('s3:ListBucket');
  });

  test('prefix: uncompressed S3Prefix source and read under the prefix', () => {
    const stack = testStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'B', 'artifacts');
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
    const config = ModelData.fromBucketPrefix(bucket, 'llm/v1/').bind(role);
    expect(config.modelDataSource).toEqual({ s3DataSource: { s3Uri: 's3://artifacts/llm/v1/', s3DataType: 'S3Prefix', compressionType: 'None' } });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({
        Action: 's3:GetObject', Resource: 'arn:aws:s3:::artifacts/llm/v1/*',
      }), Match.objectLike({
        Action: 's3:ListBucket', Resource: 'arn:aws:s3:::artifacts', Condition: { StringLike: { 's3:prefix': ['llm/v1/*'] } },
      })]) },
    });
  });

  test('encrypted bucket: decrypt with its key, nothing wider', () => {
    const stack = testStack();
    const bucket = new s3.Bucket(stack, 'B', { encryption: s3.BucketEncryption.KMS });
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
    ModelData.fromBucket(bucket, 'm.tar.gz').bind(role);
    const policy = JSON.stringify(Template.fromStack(stack).findResources('AWS::IAM::Policy'));
    expect(policy).toContain('"Action":"kms:Decrypt"');
    expect(policy).not.toMatch(/"(s3|kms):[A-Za-z]*\*"/);
  });

  test.each([
    ['fromBucket', 's3://my-bucket/model.tar.gz', "'model.tar.gz'", 'key'],
    ['fromBucket', 'S3://my-bucket/llm/model.tar.gz', "'llm/model.tar.gz'", 'key'],
    ['fromBucketPrefix', 's3://my-bucket/llm/v1/', "'llm/v1/'", 'prefix'],
    ['fromBucketPrefix', 's3://my-bucket/', 'the prefix alone', 'prefix'],
  ])('%s(bucket, %p): an S3 URI, not a key or prefix, says what to pass', (factory, value, instead, kind) => {
    // GIVEN the bucket apart, and the key written as a URI (it would name s3://my-bucket/s3://my-bucket/...)
    const stack = testStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'B', 'my-bucket');
    const build = () => (factory === 'fromBucket' ? ModelData.fromBucket(bucket, value) : ModelData.fromBucketPrefix(bucket, value));
    // THEN a coded error names what to pass instead
    const prop = factory === 'fromBucket' ? 'fromBucket.key' : 'modelData.prefix';
    expect(build).toThrow(`${prop}: an S3 ${kind} relative to the bucket, not an S3 URI: the bucket is given apart, so pass ${instead} `
      + `(what follows s3://BUCKET/), got '${value}' [InvalidS3Location]`);
  });

  test('a key that merely contains s3:// later on is a key', () => {
    const stack = testStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'B', 'my-bucket');
    expect(() => ModelData.fromBucket(bucket, 'mirror/s3://x/model.tar.gz')).not.toThrow();
  });

  test('prefix must end with a slash', () => {
    const stack = testStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'B', 'artifacts');
    expect(() => ModelData.fromBucketPrefix(bucket, 'llm/v1'))
      .toThrow("modelData.prefix: must end with '/' (an S3 prefix, not an object key), got 'llm/v1' [InvalidModelContainer]");
  });
});
