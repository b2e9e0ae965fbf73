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

  test('prefix must end with a slash', () => {
    const stack = testStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'B', 'artifacts');
    expect(() => ModelData.fromBucketPrefix(bucket, 'llm/v1'))
      .toThrow("modelData.prefix: must end with '/' (an S3 prefix, not an object key), got 'llm/v1' [InvalidModelContainer]");
  });
});
