import { Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CapacityAwareEndpoint, CaptureMode, DataCaptureOptions, InstanceType, Model } from '../../lib';
import { InstancePoolsError } from '../../lib/core/errors';
import { bindDataCapture, validateDataCapture } from '../../lib/endpoint/data-capture-config';
import { testStack } from '../util';
import { seedEndpoint } from './fixtures';

const KEY_ARN = 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/** What `role`'s identity policy allows, one `[actions, resource, condition]` row per resource, sorted. */
function grants(stack: Stack, role: iam.Role): [string[], unknown, unknown][] {
  const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: stack.getLogicalId(role.node.defaultChild as iam.CfnRole) }] } });
  const rows = Object.values(policies).flatMap((p: any) => p.Properties.PolicyDocument.Statement)
    .flatMap((s: any) => [s.Resource].flat().map((resource: unknown): [string[], unknown, unknown] => [[s.Action].flat().sort(), resource, s.Condition]));
  return rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

const VIA_S3 = { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } };
const ENCRYPT = ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'];
const WRITE = ['s3:AbortMultipartUpload', 's3:PutObject'];

describe('validateDataCapture', () => {
  const validate = (options: Partial<DataCaptureOptions>) => {
    const bucket = s3.Bucket.fromBucketName(testStack(), 'B', 'captures');
    return () => validateDataCapture({ bucket, initialSamplingPercentage: 20, ...options });
  };
  const long = 'a'.repeat(443) + '/';

  test.each<[string, Partial<DataCaptureOptions>, string]>([
    ['no sampling percentage', { initialSamplingPercentage: undefined },
      'dataCapture.initialSamplingPercentage: required: the share of requests to capture, a whole percentage from 0 to 100, got undefined [MissingRequiredProp]'],
    ['a sampling percentage of -1', { initialSamplingPercentage: -1 }, 'dataCapture.initialSamplingPercentage: must be a whole percentage from 0 to 100, got -1 [OutOfRange]'],
    ['a sampling percentage of 101', { initialSamplingPercentage: 101 }, 'dataCapture.initialSamplingPercentage: must be a whole percentage from 0 to 100, got 101 [OutOfRange]'],
    ['a fractional sampling percentage', { initialSamplingPercentage: 2.5 }, 'got 2.5 [OutOfRange]'],
    ['a prefix without a trailing slash', { prefix: 'capture' }, "dataCapture.prefix: must end with '/' (an S3 prefix, not an object key), got 'capture' [InvalidS3Location]"],
    ['a prefix with a leading slash', { prefix: '/capture/' }, "dataCapture.prefix: an S3 prefix does not start with '/' (keys are relative to the bucket), got '/capture/' [InvalidS3Location]"],
    ['the prefix /', { prefix: '/' }, "got '/' [InvalidS3Location]"],
    ['a wildcard prefix, which would widen the write grant', { prefix: 'capture/*/' },
      "dataCapture.prefix: no '*' or '?': IAM reads them as wildcards, which would widen the grant to other objects of the bucket, got 'capture/*/' [InvalidS3Location]"],
    ['a prefix too long for the 512-character URI', { prefix: long },
      'dataCapture.prefix: at most 443 characters long (the destination URI takes 512 with s3:// and a bucket name of up to 63), got 444 characters [InvalidS3Location]'],
    ['no capture mode', { captureModes: [] }, 'dataCapture.captureModes: at least one of CaptureMode.INPUT and CaptureMode.OUTPUT, got an empty list [InvalidDataCapture]'],
    ['an unknown capture mode', { captureModes: ['InputAndOutput' as CaptureMode] },
      "dataCapture.captureModes[0]: must be one of CaptureMode.INPUT, CaptureMode.OUTPUT, got 'InputAndOutput' [InvalidEnumValue]"],
    ['a repeated capture mode', { captureModes: [CaptureMode.INPUT, CaptureMode.INPUT] }, "dataCapture.captureModes[1]: each capture mode at most once, got 'Input' [InvalidDataCapture]"],
    ['no JSON content type', { jsonContentTypes: [] }, 'dataCapture.jsonContentTypes: 1 to 10 content types, got 0 [InvalidDataCapture]'],
    ['11 CSV content types', { csvContentTypes: Array.from({ length: 11 }, (_, i) => `text/csv${i}`) }, 'dataCapture.csvContentTypes: 1 to 10 content types, got 11 [InvalidDataCapture]'],
    ['a JSON content type without a subtype', { jsonContentTypes: ['application'] }, "dataCapture.jsonContentTypes[0]: a MIME type like 'application/json' of at most 256 characters, got 'application' [InvalidDataCapture]"],
    ['a CSV content type with a space', { csvContentTypes: ['text/csv', 'text/ csv'] }, "dataCapture.csvContentTypes[1]: a MIME type like 'application/json' of at most 256 characters, got 'text/ csv'"],
    ['a content type over 256 characters', { jsonContentTypes: [`application/${'x'.repeat(250)}`] }, 'dataCapture.jsonContentTypes[0]: a MIME type'],
  ])('rejects %s', (_, options, message) => {
    expect(validate(options)).toThrow(InstancePoolsError);
    expect(validate(options)).toThrow(message);
  });

  test('accepts the bounds, every mode, ten content types and tokens', () => {
    expect(validate({ initialSamplingPercentage: 0 })).not.toThrow();
    expect(validate({ initialSamplingPercentage: 100, captureModes: [CaptureMode.OUTPUT, CaptureMode.INPUT] })).not.toThrow();
    expect(validate({ jsonContentTypes: Array.from({ length: 10 }, (_, i) => `application/x-type${i}+json`.replace('+', '.')) })).not.toThrow();
    expect(validate({ initialSamplingPercentage: Token.asNumber({ Ref: 'P' }), prefix: Token.asString({ Ref: 'X' }) })).not.toThrow();
  });
});

describe('bindDataCapture', () => {
  function fixture() {
    const stack = testStack();
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
    return { stack, role };
  }

  test('renders the destination without a trailing slash, both modes by default and capture on', () => {
    const { stack, role } = fixture();
    const rendered = stack.resolve(bindDataCapture({ bucket: s3.Bucket.fromBucketName(stack, 'B', 'captures'), initialSamplingPercentage: 20 }, [role]));
    expect(rendered).toEqual({
      enableCapture: true, initialSamplingPercentage: 20, destinationS3Uri: 's3://captures/data-capture',
      captureOptions: [{ captureMode: 'Input' }, { captureMode: 'Output' }],
    });
  });

  test('renders content types, the key, the modes and capture off as given', () => {
    const { stack, role } = fixture();
    const rendered = stack.resolve(bindDataCapture({
      bucket: s3.Bucket.fromBucketName(stack, 'B', 'captures'), prefix: 'llm/capture/', initialSamplingPercentage: 5,
      captureModes: [CaptureMode.OUTPUT], jsonContentTypes: ['application/json'], csvContentTypes: ['text/csv'],
      encryptionKey: kms.Key.fromKeyArn(stack, 'K', KEY_ARN), enabled: false,
    }, [role]));
    expect(rendered).toEqual({
      enableCapture: false, initialSamplingPercentage: 5, destinationS3Uri: 's3://captures/llm/capture', kmsKeyId: KEY_ARN,
      captureOptions: [{ captureMode: 'Output' }],
      captureContentTypeHeader: { jsonContentTypes: ['application/json'], csvContentTypes: ['text/csv'] },
    });
  });

  test('grants each role exactly the writes under the prefix, and nothing else on an unencrypted bucket', () => {
    const { stack, role } = fixture();
    bindDataCapture({ bucket: s3.Bucket.fromBucketName(stack, 'B', 'captures'), initialSamplingPercentage: 20 }, [role]);
    expect(grants(stack, role)).toEqual([[WRITE, 'arn:aws:s3:::captures/data-capture/*', undefined]]);
  });

  test('with a capture key, grants that key through S3 and not the bucket key', () => {
    const { stack, role } = fixture();
    const bucketKey = new kms.Key(stack, 'BucketKey');
    const bucket = new s3.Bucket(stack, 'Bucket', { encryption: s3.BucketEncryption.KMS, encryptionKey: bucketKey });
    bindDataCapture({ bucket, initialSamplingPercentage: 20, encryptionKey: kms.Key.fromKeyArn(stack, 'K', KEY_ARN) }, [role]);
    const rows = grants(stack, role);
    expect(rows).toContainEqual([ENCRYPT, KEY_ARN, VIA_S3]);
    expect(JSON.stringify(rows)).not.toContain(stack.getLogicalId(bucketKey.node.defaultChild as kms.CfnKey));
  });

  test('without a capture key, grants the bucket key through S3', () => {
    const { stack, role } = fixture();
    const bucketKey = new kms.Key(stack, 'BucketKey');
    const bucket = new s3.Bucket(stack, 'Bucket', { encryption: s3.BucketEncryption.KMS, encryptionKey: bucketKey });
    bindDataCapture({ bucket, initialSamplingPercentage: 20 }, [role]);
    expect(grants(stack, role)).toContainEqual([ENCRYPT, { 'Fn::GetAtt': [stack.getLogicalId(bucketKey.node.defaultChild as kms.CfnKey), 'Arn'] }, VIA_S3]);
  });
});

describe('CapacityAwareEndpoint dataCapture', () => {
  test('renders DataCaptureConfig on the endpoint config and grants every model role of every pool', () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack, { dataCapture: { bucket: s3.Bucket.fromBucketName(stack, 'Captures', 'captures'), initialSamplingPercentage: 10 } });
    Template.fromStack(stack).hasResourceProperties('AWS::SageMaker::EndpointConfig', {
      DataCaptureConfig: { DestinationS3Uri: 's3://captures/data-capture', InitialSamplingPercentage: 10, EnableCapture: true },
    });
    for (const model of endpoint.models) {
      expect(JSON.stringify(grants(stack, model.role as iam.Role))).toContain('captures/data-capture/*');
    }
  });

  test('no DataCaptureConfig without dataCapture', () => {
    const stack = testStack();
    seedEndpoint(stack);
    Template.fromStack(stack).hasResourceProperties('AWS::SageMaker::EndpointConfig', { DataCaptureConfig: Match.absent() });
  });

  test('rejects a bad option before creating any child', () => {
    const stack = testStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'Captures', 'captures');
    expect(() => seedEndpoint(stack, { dataCapture: { bucket, initialSamplingPercentage: 150 } })).toThrow('[OutOfRange]');
    expect(stack.node.tryFindChild('Llm')?.node.children ?? []).toHaveLength(0);
  });

  test('warns when a model has no known role to grant', () => {
    const stack = testStack();
    new CapacityAwareEndpoint(stack, 'Ep', {
      model: Model.fromModelName(stack, 'M', 'm'), pools: [{ instanceType: InstanceType.ML_M5_XLARGE }],
      dataCapture: { bucket: s3.Bucket.fromBucketName(stack, 'Captures', 'captures'), initialSamplingPercentage: 10 },
    });
    Annotations.fromStack(stack).hasWarning('/TestStack/Ep', Match.stringLikeRegexp('dataCapture: models TestStack/M have no known execution role'));
  });
});
