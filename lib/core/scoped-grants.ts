import { Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { RegionInfo } from 'aws-cdk-lib/region-info';

/**
 * Grants narrower than aws-cdk-lib's `grantRead` / `grantPut` / `grantPublish`, which add wildcard actions
 * (`s3:GetObject*`, `s3:List*`, `s3:Abort*`, `kms:GenerateDataKey*`, `kms:ReEncrypt*`). SageMaker needs exactly
 * these actions; security reviews (cdk-nag AwsSolutions-IAM5) then have nothing to waive.
 *
 * The KMS grants that back an S3 object or an SNS message are conditioned on `kms:ViaService`: the role may use the
 * key only through S3 (or SNS) in the resource's region
 * (https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service).
 */

/** `s3:GetObject` on `keyPattern`; with `listPrefix`, `s3:ListBucket` limited to that prefix. Decrypt with the bucket key, through S3. */
export function grantObjectRead(grantee: iam.IGrantable, bucket: s3.IBucket, keyPattern: string, listPrefix?: string): void {
  iam.Grant.addToPrincipal({ grantee, actions: ['s3:GetObject'], resourceArns: [bucket.arnForObjects(keyPattern)] });
  if (listPrefix !== undefined) {
    grantee.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['s3:ListBucket'],
      resources: [bucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': [`${listPrefix}*`] } },
    }));
  }
  if (bucket.encryptionKey) grantKeyVia(grantee, bucket.encryptionKey, 's3', bucket.env.region, 'kms:Decrypt');
}

/**
 * `s3:PutObject` and `s3:AbortMultipartUpload` on `keyPattern`; encrypt through S3 with `key`: the bucket key, or the
 * SSE-KMS key the writer names in its requests instead.
 */
export function grantObjectWrite(grantee: iam.IGrantable, bucket: s3.IBucket, keyPattern: string, key: kms.IKey | undefined = bucket.encryptionKey): void {
  iam.Grant.addToPrincipal({ grantee, actions: ['s3:PutObject', 's3:AbortMultipartUpload'], resourceArns: [bucket.arnForObjects(keyPattern)] });
  if (key) grantKeyVia(grantee, key, 's3', bucket.env.region, ...ENCRYPT);
}

/** `sns:Publish` on the topic; encrypt with its key, through SNS. */
export function grantTopicPublish(grantee: iam.IGrantable, topic: sns.ITopic): void {
  iam.Grant.addToPrincipal({ grantee, actions: ['sns:Publish'], resourceArns: [topic.topicArn] });
  if (topic.masterKey) grantKeyVia(grantee, topic.masterKey, 'sns', topic.env.region, 'kms:Decrypt', 'kms:GenerateDataKey');
}

/**
 * What writing SSE-KMS objects takes: data keys, and Decrypt for multipart uploads. With no `kms:ViaService`
 * condition: for a key SageMaker is given directly (`AsyncInferenceConfig.OutputConfig.KmsKeyId`), the API reference
 * does not say whether SageMaker hands it to S3 or calls KMS itself, and a condition could break the writes.
 */
export function grantEncrypt(grantee: iam.IGrantable, key: kms.IKey): void {
  key.grant(grantee, ...ENCRYPT);
}

const ENCRYPT = ['kms:Encrypt', 'kms:GenerateDataKey', 'kms:Decrypt'];

/**
 * `key.grant(...)`, used only through `service` in `region`. In the China regions service endpoints end in
 * `amazonaws.com.cn`, and the KMS documentation shows only the `amazonaws.com` form: both are allowed there, and
 * when the region is a token.
 */
function grantKeyVia(grantee: iam.IGrantable, key: kms.IKey, service: string, region: string, ...actions: string[]): void {
  const china = Token.isUnresolved(region) || RegionInfo.get(region).partition === 'aws-cn';
  const names = [`${service}.${region}.amazonaws.com`, ...(china ? [`${service}.${region}.amazonaws.com.cn`] : [])];
  const condition = { 'kms:ViaService': names.length === 1 ? names[0] : names };
  const grant = key.grant(grantee, ...actions);
  grant.principalStatement?.addCondition('StringEquals', condition);
  grant.resourceStatement?.addCondition('StringEquals', condition);
}
