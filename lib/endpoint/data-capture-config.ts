import { Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CfnEndpointConfig } from 'aws-cdk-lib/aws-sagemaker';
import { described, InstancePoolsError } from '../core/errors';
import { checkBoolean, checkConstruct, checkEnumValue, requireArray, requireNumber, requireObject, requireString } from '../core/required';
import { grantObjectWrite } from '../core/scoped-grants';
import { checkS3Location } from '../core/string-rules';
import { checkPercent } from '../core/validation';
import { CaptureMode, DataCaptureOptions } from './data-capture';

/** The `DataCaptureConfig` limits of https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DataCaptureConfig.html and API_CaptureContentTypeHeader.html. */
const MAX_DESTINATION_LENGTH = 512;
const MAX_CONTENT_TYPES = 10;
const MAX_CONTENT_TYPE_LENGTH = 256;
const CONTENT_TYPE = /^[a-zA-Z0-9](-*[a-zA-Z0-9])*\/[a-zA-Z0-9](-*[a-zA-Z0-9.])*$/;
const DEFAULT_PREFIX = 'data-capture/';

/** Validates the options; throws on the first broken rule. */
export function validateDataCapture(options: DataCaptureOptions): void {
  requireObject('dataCapture', options);
  checkConstruct('dataCapture.bucket', options.bucket, 'an S3 bucket for the captured data (s3.IBucket)');
  requireNumber('dataCapture.initialSamplingPercentage', options.initialSamplingPercentage, 'the share of requests to capture, a whole percentage from 0 to 100');
  checkPercent('dataCapture.initialSamplingPercentage', options.initialSamplingPercentage, 0, 100);
  const prefix = options.prefix;
  if (prefix !== undefined && prefix !== null) {
    // The prefix is the resource of the write grant (`${prefix}*`) and part of the destination URI.
    checkS3Location('dataCapture.prefix', prefix, 'prefix', 'InvalidS3Location');
    // s3:// + bucket name (at most 63) + / + prefix: the URI SageMaker takes is at most 512 characters.
    const maxPrefix = MAX_DESTINATION_LENGTH - 's3://'.length - 63 - 1;
    if (!Token.isUnresolved(prefix) && prefix.length > maxPrefix) {
      throw new InstancePoolsError('InvalidS3Location', 'dataCapture.prefix',
        `at most ${maxPrefix} characters long (the destination URI takes ${MAX_DESTINATION_LENGTH} with s3:// and a bucket name of up to 63)`,
        described(`${prefix.length} characters`));
    }
  }
  const modes = options.captureModes;
  if (modes !== undefined && modes !== null) {
    requireArray('dataCapture.captureModes', modes, 'capture modes (CaptureMode.INPUT, CaptureMode.OUTPUT)');
    if (modes.length === 0) {
      throw new InstancePoolsError('InvalidDataCapture', 'dataCapture.captureModes', 'at least one of CaptureMode.INPUT and CaptureMode.OUTPUT', described('an empty list'));
    }
    modes.forEach((mode, i) => {
      checkEnumValue(`dataCapture.captureModes[${i}]`, mode, CaptureMode, 'CaptureMode');
      if (modes.indexOf(mode) !== i) {
        throw new InstancePoolsError('InvalidDataCapture', `dataCapture.captureModes[${i}]`, 'each capture mode at most once', mode);
      }
    });
  }
  checkContentTypes('dataCapture.jsonContentTypes', options.jsonContentTypes);
  checkContentTypes('dataCapture.csvContentTypes', options.csvContentTypes);
  checkConstruct('dataCapture.encryptionKey', options.encryptionKey, 'a KMS key (kms.IKey)', true);
  checkBoolean('dataCapture.enabled', options.enabled);
}

function checkContentTypes(prop: string, types: string[] | undefined): void {
  if (types === undefined || types === null) return;
  requireArray(prop, types, "MIME types like 'application/json'");
  if (types.length < 1 || types.length > MAX_CONTENT_TYPES) {
    throw new InstancePoolsError('InvalidDataCapture', prop, `1 to ${MAX_CONTENT_TYPES} content types`, types.length);
  }
  types.forEach((type, i) => {
    requireString(`${prop}[${i}]`, type, "a MIME type like 'application/json'", 'InvalidDataCapture');
    if (Token.isUnresolved(type)) return;
    if (type.length > MAX_CONTENT_TYPE_LENGTH || !CONTENT_TYPE.test(type)) {
      throw new InstancePoolsError('InvalidDataCapture', `${prop}[${i}]`, `a MIME type like 'application/json' of at most ${MAX_CONTENT_TYPE_LENGTH} characters`, type);
    }
  });
}

/**
 * Renders `DataCaptureConfig` and grants each role what writing the capture takes. SageMaker writes the captured data
 * with the execution role of the variant's models, the role it runs them with
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html#sagemaker-roles-createmodel-perms): exactly
 * the writes under the prefix, and the key through S3 (the capture key is an S3 server-side encryption key).
 */
export function bindDataCapture(options: DataCaptureOptions, roles: iam.IRole[]): CfnEndpointConfig.DataCaptureConfigProperty {
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const key = options.encryptionKey;
  // With a capture key, the bucket's own key does not encrypt these objects: only the key SageMaker names is granted.
  roles.forEach((role) => grantObjectWrite(role, options.bucket, `${prefix}*`, key ?? options.bucket.encryptionKey));
  const json = options.jsonContentTypes;
  const csv = options.csvContentTypes;
  return {
    enableCapture: options.enabled ?? true,
    initialSamplingPercentage: options.initialSamplingPercentage,
    destinationS3Uri: options.bucket.s3UrlForObject(Token.isUnresolved(prefix) ? prefix : prefix.replace(/\/$/, '')),
    kmsKeyId: key?.keyArn,
    captureOptions: (options.captureModes ?? [CaptureMode.INPUT, CaptureMode.OUTPUT]).map((captureMode) => ({ captureMode })),
    captureContentTypeHeader: json || csv ? { jsonContentTypes: json, csvContentTypes: csv } : undefined,
  };
}

