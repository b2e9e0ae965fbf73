import { Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CfnEndpointConfig } from 'aws-cdk-lib/aws-sagemaker';
import { InstancePoolsError } from '../core/errors';
import { grantEncrypt, grantObjectRead, grantObjectWrite, grantTopicPublish } from '../core/scoped-grants';
import { checkConstruct } from '../core/required';
import { checkS3Location } from '../core/string-rules';
import { checkInteger } from '../core/validation';
import { AsyncInferenceOptions } from './async-inference';

/** Validates the options; throws on the first broken rule. */
export function validateAsyncInference(options: AsyncInferenceOptions): void {
  checkConstruct('asyncInference.outputBucket', options.outputBucket, 'an S3 bucket for the results (s3.IBucket)');
  checkConstruct('asyncInference.inputBucket', options.inputBucket, 'an S3 bucket (s3.IBucket)', true);
  checkConstruct('asyncInference.failureBucket', options.failureBucket, 'an S3 bucket (s3.IBucket)', true);
  checkConstruct('asyncInference.successTopic', options.successTopic, 'an SNS topic (sns.ITopic)', true);
  checkConstruct('asyncInference.errorTopic', options.errorTopic, 'an SNS topic (sns.ITopic)', true);
  checkConstruct('asyncInference.outputEncryptionKey', options.outputEncryptionKey, 'a KMS key (kms.IKey)', true);
  checkInteger('asyncInference.maxConcurrentInvocationsPerInstance', options.maxConcurrentInvocationsPerInstance, 1, 1000);
  for (const [prop, prefix] of [['inputPrefix', options.inputPrefix], ['outputPrefix', options.outputPrefix], ['failurePrefix', options.failurePrefix]] as const) {
    if (typeof prefix === 'string' && !Token.isUnresolved(prefix) && (prefix.startsWith('/') || !prefix.endsWith('/'))) {
      throw new InstancePoolsError('InvalidAsyncConfig', `asyncInference.${prop}`, "a key prefix ending with '/' and not starting with '/'", prefix);
    }
    // The prefix becomes the resource of a grant (`${prefix}*`): no wildcards, no control characters.
    if (prefix !== undefined && prefix !== null) checkS3Location(`asyncInference.${prop}`, prefix, 'prefix', 'InvalidAsyncConfig');
  }
}

/**
 * Renders `AsyncInferenceConfig` and grants each role exactly the S3, SNS and KMS permissions it needs: read of the
 * request payloads under the input prefix (SageMaker reads them with the execution role,
 * https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-create-endpoint-prerequisites.html), write of
 * results and errors, publish on the topics.
 */
export function bindAsyncInference(options: AsyncInferenceOptions, roles: iam.IRole[]): CfnEndpointConfig.AsyncInferenceConfigProperty {
  const outputPrefix = options.outputPrefix ?? 'async-output/';
  const failureBucket = options.failureBucket ?? options.outputBucket;
  const failurePrefix = options.failurePrefix ?? 'async-failures/';
  const inputPrefix = options.inputPrefix ?? 'async-input/';
  for (const role of roles) {
    if (options.inputBucket) grantObjectRead(role, options.inputBucket, `${inputPrefix}*`);
    grantObjectWrite(role, options.outputBucket, `${outputPrefix}*`);
    grantObjectWrite(role, failureBucket, `${failurePrefix}*`);
    if (options.successTopic) grantTopicPublish(role, options.successTopic);
    if (options.errorTopic) grantTopicPublish(role, options.errorTopic);
    if (options.outputEncryptionKey) grantEncrypt(role, options.outputEncryptionKey);
  }
  const notify = options.successTopic || options.errorTopic;
  return {
    clientConfig: options.maxConcurrentInvocationsPerInstance === undefined
      ? undefined
      : { maxConcurrentInvocationsPerInstance: options.maxConcurrentInvocationsPerInstance },
    outputConfig: {
      s3OutputPath: options.outputBucket.s3UrlForObject(outputPrefix),
      s3FailurePath: failureBucket.s3UrlForObject(failurePrefix),
      kmsKeyId: options.outputEncryptionKey?.keyArn,
      notificationConfig: notify ? {
        successTopic: options.successTopic?.topicArn,
        errorTopic: options.errorTopic?.topicArn,
      } : undefined,
    },
  };
}
