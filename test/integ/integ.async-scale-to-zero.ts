/**
 * Integration test 2: an asynchronous endpoint on two CPU pools with an input location, autoscaled on its backlog
 * down to zero instances.
 *
 * Asserts: the scalable target allows 0 instances and carries the backlog target-tracking policy and the step
 * policy that brings the first instance back (target tracking cannot scale out from zero); the endpoint scales in
 * to zero while idle; then a request uploaded under the input prefix is queued with InvokeEndpointAsync, and its
 * result object appears under the output prefix with the tiny model's answer: SageMaker read the request with the
 * model's execution role (the input location's grant), scaled out from zero on a pool and wrote the result.
 */
import { Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { ExpectedResult, Match } from '@aws-cdk/integ-tests-alpha';
import { CapacityAwareEndpoint, InstanceType, ScalingSignal } from '../../lib';
import { assertWithin, integApp, integTest } from './support/integ-app';
import { expectScalableTarget, expectScalingPolicies, variantResourceId } from './support/variant-autoscaling-calls';
import { TINY_MODEL_REQUEST, tinyModel, tinyModelAnswerOf } from './support/tiny-model';

const ENDPOINT_NAME = 'integ-pools-async';
const C6I = 'ml.c6i.large';
const M6I = 'ml.m6i.large';
const REQUEST_KEY = 'async-input/request.json';

const integ = integApp();
const stack = new Stack(integ.app, 'InstancePoolsAsync');

const bucket = new s3.Bucket(stack, 'Bucket', {
  encryption: s3.BucketEncryption.S3_MANAGED,
  enforceSSL: true,
  removalPolicy: RemovalPolicy.DESTROY,
  autoDeleteObjects: true,
});
const endpoint = new CapacityAwareEndpoint(stack, 'Endpoint', {
  endpointName: ENDPOINT_NAME,
  model: tinyModel(stack, 'Model', '1'),
  pools: [{ instanceType: InstanceType.of(C6I) }, { instanceType: InstanceType.of(M6I) }],
  asyncInference: { inputBucket: bucket, outputBucket: bucket, maxConcurrentInvocationsPerInstance: 1 },
});
endpoint.autoScale({ minCapacity: 0, maxCapacity: 1, signal: ScalingSignal.backlogPerInstance({ targetValue: 1 }) });

const assertions = integTest(integ.app, 'AsyncScaleToZero', stack).assertions;
const resourceId = variantResourceId(ENDPOINT_NAME);
const aMinute = Duration.minutes(1);

const target = expectScalableTarget(assertions, resourceId, { min: 0, max: 1 });
const policies = expectScalingPolicies(assertions, resourceId, Match.arrayWith([
  Match.objectLike({ PolicyType: 'TargetTrackingScaling' }),
  Match.objectLike({ PolicyType: 'StepScaling', Alarms: Match.arrayWith([Match.objectLike({ AlarmName: Match.stringLikeRegexp('.') })]) }),
]));

// Idle: target tracking on the backlog scales the endpoint in to zero (its scale-in alarm needs about 15 minutes).
const atZero = assertWithin(assertions.awsApiCall('SageMaker', 'describeEndpoint', { EndpointName: ENDPOINT_NAME }),
  ExpectedResult.objectLike({ ProductionVariants: [Match.objectLike({ CurrentInstanceCount: 0 })] }),
  Duration.minutes(45), aMinute);

const upload = assertions.awsApiCall('S3', 'putObject', {
  Bucket: bucket.bucketName,
  Key: REQUEST_KEY,
  Body: TINY_MODEL_REQUEST,
  ContentType: 'application/json',
});
const invoke = assertions.awsApiCall('SageMakerRuntime', 'invokeEndpointAsync', {
  EndpointName: ENDPOINT_NAME,
  InputLocation: `s3://${bucket.bucketName}/${REQUEST_KEY}`,
  ContentType: 'application/json',
});
// s3://BUCKET/async-output/ID.out: the key is the last two path segments.
const outputLocation = invoke.getAttString('OutputLocation');
const outputKey = Fn.join('/', [Fn.select(3, Fn.split('/', outputLocation)), Fn.select(4, Fn.split('/', outputLocation))]);
// The first instance comes back from zero (step scaling on HasBacklogWithoutCapacity), serves, writes the result.
const result = assertWithin(assertions.awsApiCall('S3', 'getObject', { Bucket: bucket.bucketName, Key: outputKey }),
  ExpectedResult.objectLike({ Body: Match.stringLikeRegexp(tinyModelAnswerOf(['1'])) }),
  Duration.minutes(40), aMinute);

target.next(policies).next(atZero).next(upload).next(invoke).next(result);
integ.synth();
