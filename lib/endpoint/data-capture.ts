import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';

/** What data capture records of each sampled request (`CaptureOption.CaptureMode`). */
export enum CaptureMode {
  /** The request payload sent to the model. */
  INPUT = 'Input',
  /** The response the model returned. */
  OUTPUT = 'Output',
}

/**
 * Data capture for SageMaker Model Monitor (the endpoint config's `DataCaptureConfig`,
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DataCaptureConfig.html): SageMaker writes a sample of
 * the requests and responses of every production variant to S3, as JSON Lines files under
 * `s3://BUCKET/PREFIX/ENDPOINT/VARIANT/yyyy/mm/dd/hh/`
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-data-capture-endpoint.html).
 */
export interface DataCaptureOptions {
  /**
   * The bucket SageMaker writes the captured data to. The execution roles of the endpoint's models get exactly
   * `s3:PutObject` and `s3:AbortMultipartUpload` under `prefix`, and `kms:Encrypt`, `kms:GenerateDataKey` and
   * `kms:Decrypt` through S3 with `encryptionKey` (else the bucket's key).
   */
  readonly bucket: s3.IBucket;
  /**
   * The key prefix of the captured data (ends with `/`, does not start with one; no control characters and no `*` or
   * `?`, which would widen the write grant: else `InvalidS3Location`). The destination URI is rendered without the
   * trailing slash, so SageMaker's own `ENDPOINT/VARIANT/...` keys follow a single slash.
   * @default 'data-capture/'
   */
  readonly prefix?: string;
  /**
   * The share of requests captured when the endpoint config is deployed (`InitialSamplingPercentage`), a whole
   * percentage from 0 to 100. AWS recommends a lower value for endpoints with high traffic.
   */
  readonly initialSamplingPercentage: number;
  /**
   * What to capture of each sampled request (`CaptureOptions`): the input, the output or both, each at most once.
   * @default [CaptureMode.INPUT, CaptureMode.OUTPUT]
   */
  readonly captureModes?: CaptureMode[];
  /**
   * Content types captured as JSON (`CaptureContentTypeHeader.JsonContentTypes`), e.g. `application/json`: 1 to 10
   * MIME types of at most 256 characters.
   * @default - none: SageMaker base64-encodes payloads whose content type is in neither list
   */
  readonly jsonContentTypes?: string[];
  /**
   * Content types captured as CSV (`CaptureContentTypeHeader.CsvContentTypes`), e.g. `text/csv`: 1 to 10 MIME types
   * of at most 256 characters.
   * @default - none: SageMaker base64-encodes payloads whose content type is in neither list
   */
  readonly csvContentTypes?: string[];
  /**
   * Key SageMaker uses to encrypt the captured data with S3 server-side encryption (`KmsKeyId`).
   * @default - the bucket's default encryption
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * Whether capture is on (`EnableCapture`). `false` keeps the configuration and the grants but captures nothing.
   * @default true
   */
  readonly enabled?: boolean;
}
