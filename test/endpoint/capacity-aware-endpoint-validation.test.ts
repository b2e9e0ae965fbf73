import { Duration, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CapacityAwareEndpoint, InstanceType, Model } from '../../lib';
import { testStack } from '../util';
import { seedEndpoint } from './fixtures';

describe('CapacityAwareEndpoint: validation at synth time', () => {
  test('rejects an endpoint without any model', () => {
    const stack = testStack();
    expect(() => new CapacityAwareEndpoint(stack, 'Ep', { pools: [{ instanceType: InstanceType.ML_G6_XLARGE }] }))
      .toThrow("model: a model for the variant (or on pools[0]), got none [MissingModel]");
  });

  test('rejects six pools before creating any child', () => {
    const stack = testStack();
    const model = Model.fromModelName(stack, 'M', 'm');
    const pools = ['g5.xlarge', 'g5.2xlarge', 'g5.4xlarge', 'g5.8xlarge', 'g5.12xlarge', 'g5.16xlarge'].map((t) => ({ instanceType: InstanceType.of(`ml.${t}`) }));
    expect(() => new CapacityAwareEndpoint(stack, 'Ep', { model, pools })).toThrow('pools: between 1 and 5 instance pools, got 6 [PoolCount]');
    expect(stack.node.tryFindChild('Ep')?.node.children ?? []).toHaveLength(0);
  });

  test.each([
    ['provisioningTimeout', Duration.seconds(299), 'provisioningTimeout: must be a whole number of seconds from 300 to 3600, got 299 [OutOfRange]'],
    ['provisioningTimeout', Duration.seconds(3601), 'got 3601'],
    ['containerStartupHealthCheckTimeout', Duration.seconds(59), 'containerStartupHealthCheckTimeout: must be a whole number of seconds from 60 to 3600, got 59'],
    ['containerStartupHealthCheckTimeout', Duration.hours(2), 'got 7200'],
    ['modelDataDownloadTimeout', Duration.seconds(30), 'modelDataDownloadTimeout: must be a whole number of seconds from 60 to 3600, got 30'],
    ['modelDataDownloadTimeout', Duration.seconds(3601), 'got 3601'],
  ])('rejects %s = %p', (prop, value, message) => {
    expect(() => seedEndpoint(testStack(), { [prop]: value })).toThrow(message);
  });

  test.each([0, 2.5])('rejects initialInstanceCount %p', (count) => {
    expect(() => seedEndpoint(testStack(), { initialInstanceCount: count })).toThrow(`initialInstanceCount: must be an integer of at least 1 (and at most 2147483647, the API's integer range), got ${count} [OutOfRange]`);
  });

  test('rejects bad endpoint and variant names', () => {
    expect(() => seedEndpoint(testStack(), { endpointName: 'llm_prod' })).toThrow("endpointName: only letters, digits and inner hyphens (pattern [a-zA-Z0-9](-*[a-zA-Z0-9])*), got 'llm_prod' [InvalidName]");
    expect(() => seedEndpoint(testStack(), { endpointName: 'e'.repeat(64) })).toThrow(/endpointName: at most 63 characters/);
    expect(() => seedEndpoint(testStack(), { variantName: 'all traffic' })).toThrow(/variantName: only letters.*'all traffic'/);
  });

  test('a KMS key next to pools with local NVMe storage is accepted, with a warning naming those pools', () => {
    // GIVEN p5 and g6 pools (local NVMe) and a key, as compliance rules require
    const stack = testStack();
    // WHEN
    seedEndpoint(stack, { encryptionKey: new kms.Key(stack, 'K') });
    // THEN the key is set (the current CreateEndpointConfig reference: it does not encrypt local storage)
    Template.fromStack(stack).hasResourceProperties('AWS::SageMaker::EndpointConfig', { KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^K'), 'Arn'] } });
    Annotations.fromStack(stack).hasWarning('/TestStack/Llm', Match.stringLikeRegexp(
      'encryptionKey: the key encrypts the ML storage volumes only; the local NVMe instance storage of pools\\[0\\] \\(ml.p5.48xlarge\\), '
      + 'pools\\[1\\] \\(ml.g6.48xlarge\\) is encrypted by the instance hardware'));
  });

  test('no local-storage warning when no pool has local NVMe storage, or without a key', () => {
    const withKey = testStack();
    new CapacityAwareEndpoint(withKey, 'Cpu', {
      model: Model.fromModelName(withKey, 'M', 'm'), pools: [{ instanceType: InstanceType.ML_M5_XLARGE }], encryptionKey: new kms.Key(withKey, 'K'),
    });
    Annotations.fromStack(withKey).hasNoWarning('*', Match.stringLikeRegexp('kmsKeyLocalStorage'));
    const withoutKey = testStack();
    seedEndpoint(withoutKey);
    Annotations.fromStack(withoutKey).hasNoWarning('*', Match.stringLikeRegexp('kmsKeyLocalStorage'));
  });

  test('rejects asynchronous options out of range', () => {
    const stack = testStack();
    const outputBucket = new s3.Bucket(stack, 'Out');
    expect(() => seedEndpoint(testStack(), { asyncInference: { outputBucket, maxConcurrentInvocationsPerInstance: 0 } }))
      .toThrow('asyncInference.maxConcurrentInvocationsPerInstance: must be an integer from 1 to 1000, got 0 [OutOfRange]');
    expect(() => seedEndpoint(testStack(), { asyncInference: { outputBucket, maxConcurrentInvocationsPerInstance: 1001 } })).toThrow(/got 1001/);
    expect(() => seedEndpoint(testStack(), { asyncInference: { outputBucket, outputPrefix: 'results' } }))
      .toThrow("asyncInference.outputPrefix: a key prefix ending with '/' and not starting with '/', got 'results' [InvalidAsyncConfig]");
    expect(() => seedEndpoint(testStack(), { asyncInference: { outputBucket, failurePrefix: '/failed/' } })).toThrow(/asyncInference\.failurePrefix/);
  });

  test('rejects a serverless config added through an escape hatch', () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack);
    endpoint.cfnEndpointConfig.addPropertyOverride('ProductionVariants.0.ServerlessConfig', { MaxConcurrency: 1, MemorySizeInMB: 2048 });
    expect(() => Template.fromStack(stack)).toThrow(/ProductionVariants\[0\]\.ServerlessConfig: serverless inference has no instance types and cannot use instance pools.*\[ServerlessWithPools\]/);
  });

  test('rejects an InstanceType added next to pools through an escape hatch', () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack);
    endpoint.cfnEndpointConfig.addPropertyOverride('ProductionVariants.0.InstanceType', 'ml.g5.xlarge');
    expect(() => Template.fromStack(stack)).toThrow("ProductionVariants[0].InstanceType: InstancePools replaces InstanceType; set only one, got 'ml.g5.xlarge' [InstanceTypeWithPools]");
  });

  test('tokens never trip validation', () => {
    const stack = testStack();
    const n = (ref: string) => Token.asNumber({ Ref: ref });
    const s = (ref: string) => Token.asString({ Ref: ref });
    const endpoint = new CapacityAwareEndpoint(stack, 'Ep', {
      model: Model.fromModelName(stack, 'M', s('ModelName')),
      pools: [{ instanceType: InstanceType.of(s('Type1')), maxConcurrency: n('Max') }, { instanceType: InstanceType.of(s('Type2')) }],
      endpointName: s('Name'),
      variantName: s('Variant'),
      initialInstanceCount: n('Count'),
      provisioningTimeout: Duration.seconds(n('Timeout')),
      encryptionKey: kms.Key.fromKeyArn(stack, 'K', s('KeyArn')),
    });
    expect(endpoint.pools).toHaveLength(2);
    expect(() => Template.fromStack(stack)).not.toThrow();
  });
});
