import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';

/** Asynchronous inference: requests are queued, results written to S3, and completion optionally notified by SNS. */
export interface AsyncInferenceOptions {
  /**
   * The bucket clients upload request payloads to (`InputLocation` of InvokeEndpointAsync). SageMaker reads each
   * payload with the model's execution role, which gets `s3:GetObject` on `inputPrefix` of this bucket and
   * `kms:Decrypt` with its key
   * (https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-create-endpoint-prerequisites.html).
   * @default - no input location: the roles get no read access to requests, and the endpoint warns
   * (`cdk-sagemaker-instance-pools:asyncInputUnknown`); grant `s3:GetObject` on `model.role` yourself
   */
  readonly inputBucket?: s3.IBucket;
  /**
   * The key prefix of request payloads in `inputBucket` (ends with `/`). Clients must upload under it.
   * @default 'async-input/'
   */
  readonly inputPrefix?: string;
  /** The bucket SageMaker writes inference results to. */
  readonly outputBucket: s3.IBucket;
  /**
   * The key prefix of results in `outputBucket` (ends with `/`).
   * @default 'async-output/'
   */
  readonly outputPrefix?: string;
  /**
   * The bucket for failed requests' error responses.
   * @default - `outputBucket`
   */
  readonly failureBucket?: s3.IBucket;
  /**
   * The key prefix of error responses in `failureBucket` (ends with `/`).
   * @default 'async-failures/'
   */
  readonly failurePrefix?: string;
  /**
   * Topic notified when a request succeeds.
   * @default - no success notification
   */
  readonly successTopic?: sns.ITopic;
  /**
   * Topic notified when a request fails.
   * @default - no error notification
   */
  readonly errorTopic?: sns.ITopic;
  /**
   * Key that encrypts the results in S3.
   * @default - the bucket's default encryption
   */
  readonly outputEncryptionKey?: kms.IKey;
  /**
   * Maximum concurrent requests SageMaker sends to one instance (1 to 1000).
   * @default - SageMaker chooses a value based on the container
   */
  readonly maxConcurrentInvocationsPerInstance?: number;
}
