import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';

/**
 * Grants narrower than aws-cdk-lib's `grantRead` / `grantPut` / `grantPublish`, which add wildcard actions
 * (`s3:GetObject*`, `s3:List*`, `s3:Abort*`, `kms:GenerateDataKey*`, `kms:ReEncrypt*`). SageMaker needs exactly
 * these actions; security reviews (cdk-nag AwsSolutions-IAM5) then have nothing to waive.
 */

/** `s3:GetObject` on `keyPattern`; with `listPrefix`, `s3:ListBucket` limited to that prefix. Decrypt with the bucket key. */
export function grantObjectRead(grantee: iam.IGrantable, bucket: s3.IBucket, keyPattern: string, listPrefix?: string): void {
  iam.Grant.addToPrincipal({ grantee, actions: ['s3:GetObject'], resourceArns: [bucket.arnForObjects(keyPattern)] });
  if (listPrefix !== undefined) {
    grantee.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['s3:ListBucket'],
      resources: [bucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': [`${listPrefix}*`] } },
    }));
  }
  bucket.encryptionKey?.grant(grantee, 'kms:Decrypt');
}

/** `s3:PutObject` and `s3:AbortMultipartUpload` on `keyPattern`; encrypt with the bucket key. */
export function grantObjectWrite(grantee: iam.IGrantable, bucket: s3.IBucket, keyPattern: string): void {
  iam.Grant.addToPrincipal({ grantee, actions: ['s3:PutObject', 's3:AbortMultipartUpload'], resourceArns: [bucket.arnForObjects(keyPattern)] });
  if (bucket.encryptionKey) grantEncrypt(grantee, bucket.encryptionKey);
}

/** `sns:Publish` on the topic; encrypt with its key. */
export function grantTopicPublish(grantee: iam.IGrantable, topic: sns.ITopic): void {
  iam.Grant.addToPrincipal({ grantee, actions: ['sns:Publish'], resourceArns: [topic.topicArn] });
  if (topic.masterKey) topic.masterKey.grant(grantee, 'kms:Decrypt', 'kms:GenerateDataKey');
}

/** What writing SSE-KMS objects takes: data keys, and Decrypt for multipart uploads. */
export function grantEncrypt(grantee: iam.IGrantable, key: kms.IKey): void {
  key.grant(grantee, 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:Decrypt');
}
