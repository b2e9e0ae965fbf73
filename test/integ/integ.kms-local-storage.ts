/**
 * Integration test 6: a KMS key on the endpoint config of an endpoint whose priority-1 pool has local NVMe
 * storage (ml.m5d.large).
 *
 * The CreateEndpointConfig reference once said the call fails with a KmsKeyId and a local-storage instance type;
 * it now says the key does not encrypt instance local storage
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateEndpointConfig.html, `KmsKeyId`).
 * The library follows the current text: it warns (`kmsKeyLocalStorage`) instead of failing.
 *
 * Asserts: CreateEndpointConfig accepted the key (DescribeEndpointConfig shows it next to the pools), and the
 * endpoint runs its instance on the local-storage type and answers.
 */
import { Annotations, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { ExpectedResult, Match } from '@aws-cdk/integ-tests-alpha';
import { CapacityAwareEndpoint, InstanceType } from '../../lib';
import { assertWithin, integApp, integTest } from './support/integ-app';
import { TINY_MODEL_REQUEST, tinyModel, tinyModelAnswerOf } from './support/tiny-model';

const ENDPOINT_NAME = 'integ-pools-kms';
const M5D = 'ml.m5d.large';
const C6I = 'ml.c6i.large';

const integ = integApp();
const stack = new Stack(integ.app, 'InstancePoolsKmsLocalStorage');

const key = new kms.Key(stack, 'Key', {
  description: 'Integration test: encrypts the ML storage volumes of an endpoint with a local-storage pool',
  removalPolicy: RemovalPolicy.DESTROY,
  pendingWindow: Duration.days(7),
  enableKeyRotation: true,
});
const endpoint = new CapacityAwareEndpoint(stack, 'Endpoint', {
  endpointName: ENDPOINT_NAME,
  model: tinyModel(stack, 'Model', '1'),
  pools: [{ instanceType: InstanceType.of(M5D) }, { instanceType: InstanceType.of(C6I) }],
  encryptionKey: key,
});
Annotations.of(endpoint).acknowledgeWarning('cdk-sagemaker-instance-pools:kmsKeyLocalStorage',
  'This test deploys exactly that combination to settle whether SageMaker accepts it.');

const assertions = integTest(integ.app, 'KmsLocalStorage', stack).assertions;

const config = assertWithin(assertions.awsApiCall('SageMaker', 'describeEndpointConfig', {
  EndpointConfigName: endpoint.cfnEndpointConfig.attrEndpointConfigName,
}), ExpectedResult.objectLike({
  KmsKeyId: key.keyArn,
  ProductionVariants: [Match.objectLike({ InstancePools: [{ InstanceType: M5D, Priority: 1 }, { InstanceType: C6I, Priority: 2 }] })],
}), Duration.minutes(1));
const described = assertWithin(assertions.awsApiCall('SageMaker', 'describeEndpoint', { EndpointName: ENDPOINT_NAME }),
  ExpectedResult.objectLike({
    EndpointStatus: 'InService',
    ProductionVariants: [Match.objectLike({ InstancePools: Match.arrayWith([Match.objectLike({ InstanceType: M5D, CurrentInstanceCount: 1 })]) })],
  }), Duration.minutes(5));
const invoked = assertWithin(assertions.awsApiCall('SageMakerRuntime', 'invokeEndpoint', {
  EndpointName: ENDPOINT_NAME,
  ContentType: 'application/json',
  Body: TINY_MODEL_REQUEST,
}), ExpectedResult.objectLike({ Body: Match.stringLikeRegexp(tinyModelAnswerOf(['1'])) }), Duration.minutes(3));

config.next(described).next(invoked);
integ.synth();
