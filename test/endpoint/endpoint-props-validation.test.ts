import { Duration, Token } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CapacityAwareEndpointProps, InstancePool, InstanceType } from '../../lib';
import { InstancePoolsError } from '../../lib/core/errors';
import { validateEndpointProps } from '../../lib/endpoint/endpoint-props-validation';
import { RankedInstancePool } from '../../lib/pools/instance-pool';
import { testStack } from '../util';

/** A key and a bucket, imported into a fresh stack. */
function refs(): { key: kms.IKey; bucket: s3.IBucket } {
  const stack = testStack();
  return {
    key: kms.Key.fromKeyArn(stack, 'Key', 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab'),
    bucket: s3.Bucket.fromBucketName(stack, 'Results', 'results'),
  };
}

const ranked = (...types: string[]): RankedInstancePool[] => types.map((name, i) => ({ instanceType: InstanceType.of(name), priority: i + 1 }));
const CPU = ranked('ml.m5.xlarge', 'ml.c5.xlarge');

/** `[code, prop, message]` of the error validateEndpointProps throws, or undefined. */
function failure(props: Partial<CapacityAwareEndpointProps>, pools = CPU, variantName = 'AllTraffic'): [string, string, string] | undefined {
  const pooled = pools.map(({ instanceType }): InstancePool => ({ instanceType }));
  try {
    validateEndpointProps({ pools: pooled, ...props }, variantName);
    return undefined;
  } catch (e) {
    if (!(e instanceof InstancePoolsError)) throw e;
    return [e.code, e.prop, e.message];
  }
}

const INNER_HYPHENS = 'only letters, digits and inner hyphens (pattern [a-zA-Z0-9](-*[a-zA-Z0-9])*)';
const ASYNC_PREFIX = "a key prefix ending with '/' and not starting with '/'";

describe('validateEndpointProps', () => {
  test.each<[string, (r: ReturnType<typeof refs>) => Partial<CapacityAwareEndpointProps>, string, string]>([
    ['an invalid endpointName', () => ({ endpointName: 'llm.prod' }), 'InvalidName', `endpointName: ${INNER_HYPHENS}, got 'llm.prod' [InvalidName]`],
    ['initialInstanceCount 0', () => ({ initialInstanceCount: 0 }), 'OutOfRange', `initialInstanceCount: must be an integer of at least 1 (and at most 2147483647, the API's integer range), got 0 [OutOfRange]`],
    ['a provisioningTimeout under 5 minutes', () => ({ provisioningTimeout: Duration.minutes(4) }), 'OutOfRange', 'provisioningTimeout: must be a whole number of seconds from 300 to 3600, got 240 [OutOfRange]'],
    ['a containerStartupHealthCheckTimeout over an hour', () => ({ containerStartupHealthCheckTimeout: Duration.minutes(61) }), 'OutOfRange', 'containerStartupHealthCheckTimeout: must be a whole number of seconds from 60 to 3600, got 3660 [OutOfRange]'],
    ['a modelDataDownloadTimeout under a minute', () => ({ modelDataDownloadTimeout: Duration.seconds(59) }), 'OutOfRange', 'modelDataDownloadTimeout: must be a whole number of seconds from 60 to 3600, got 59 [OutOfRange]'],
    ['a modelDataDownloadTimeout over an hour', () => ({ modelDataDownloadTimeout: Duration.seconds(3601) }), 'OutOfRange', 'modelDataDownloadTimeout: must be a whole number of seconds from 60 to 3600, got 3601 [OutOfRange]'],
    ['a modelDataDownloadTimeout in fractional seconds', () => ({ modelDataDownloadTimeout: Duration.millis(60500) }), 'OutOfRange', 'modelDataDownloadTimeout: must be a whole number of seconds from 60 to 3600, got 60.5 [OutOfRange]'],
    ['an async output prefix without a slash', (r) => ({ asyncInference: { outputBucket: r.bucket, outputPrefix: 'out' } }), 'InvalidAsyncConfig', `asyncInference.outputPrefix: ${ASYNC_PREFIX}, got 'out' [InvalidAsyncConfig]`],
    ['an async failure prefix with a leading slash', (r) => ({ asyncInference: { outputBucket: r.bucket, failurePrefix: '/err/' } }), 'InvalidAsyncConfig', `asyncInference.failurePrefix: ${ASYNC_PREFIX}, got '/err/' [InvalidAsyncConfig]`],
    ['async concurrency over 1000', (r) => ({ asyncInference: { outputBucket: r.bucket, maxConcurrentInvocationsPerInstance: 1001 } }), 'OutOfRange', 'asyncInference.maxConcurrentInvocationsPerInstance: must be an integer from 1 to 1000, got 1001 [OutOfRange]'],
  ])('rejects %s', (_, props, code, message) => {
    expect(failure(props(refs()))).toEqual([code, message.split(':')[0], message]);
  });

  test('rejects an invalid variant name', () => {
    expect(failure({}, CPU, 'all_traffic')).toEqual(['InvalidName', 'variantName', `variantName: ${INNER_HYPHENS}, got 'all_traffic' [InvalidName]`]);
  });

  test('initialInstanceCount defaults to 1, which is valid', () => {
    expect(failure({ initialInstanceCount: undefined })).toBeUndefined();
  });

  test.each([
    ['CPU pools without local storage', ['ml.m5.xlarge', 'ml.c5.xlarge']],
    ['pools with local NVMe storage (the key does not cover it: a warning of the endpoint, not an error)', ['ml.p5.48xlarge', 'ml.g6.48xlarge']],
    ['GPUs without local storage', ['ml.p3.2xlarge']],
    ['AWS Inferentia', ['ml.inf2.48xlarge']],
    ['a family the library does not know', ['ml.zz9.xlarge']],
    ['an instance type token', [Token.asString({ Ref: 'Type' })]],
  ])('accepts a KMS key with %s', (_, types) => {
    expect(failure({ encryptionKey: refs().key }, ranked(...types))).toBeUndefined();
  });

  test('local NVMe storage is fine without a KMS key', () => {
    expect(failure({}, ranked('ml.p5.48xlarge', 'ml.g6.48xlarge'))).toBeUndefined();
  });

  test('accepts the bounds and tokens', () => {
    const { bucket } = refs();
    expect(failure({
      endpointName: 'Llm-1', modelDataDownloadTimeout: Duration.minutes(1), provisioningTimeout: Duration.hours(1),
      asyncInference: { outputBucket: bucket, outputPrefix: 'o/', failurePrefix: 'f/', maxConcurrentInvocationsPerInstance: 1 },
    })).toBeUndefined();
    expect(failure({ modelDataDownloadTimeout: Duration.hours(1) })).toBeUndefined();
    expect(failure({ modelDataDownloadTimeout: Duration.seconds(Token.asNumber({ Ref: 'T' })) })).toBeUndefined();
  });

  test('checks the shared options first, then the download timeout and asynchronous inference', () => {
    const { key, bucket } = refs();
    const all: Partial<CapacityAwareEndpointProps> = {
      initialInstanceCount: 0, modelDataDownloadTimeout: Duration.seconds(1), encryptionKey: key, asyncInference: { outputBucket: bucket, outputPrefix: 'x' },
    };
    const nvme = ranked('ml.g5.xlarge');
    expect(failure(all, nvme)?.[1]).toBe('initialInstanceCount');
    expect(failure({ ...all, initialInstanceCount: 1 }, nvme)?.[1]).toBe('modelDataDownloadTimeout');
    expect(failure({ ...all, initialInstanceCount: 1, modelDataDownloadTimeout: undefined }, nvme)?.[1]).toBe('asyncInference.outputPrefix');
  });
});
