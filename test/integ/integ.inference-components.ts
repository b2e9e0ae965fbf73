/**
 * Integration test 3: an inference-component endpoint on two CPU pools, with a component that has a specification
 * per instance type (a model of its own on each type).
 *
 * Asserts: the endpoint config has an execution role, the ranked pools and no model; the endpoint runs its
 * instance in a pool; DescribeInferenceComponent shows the per-type specifications and the copy placed on a pool
 * type (RuntimeConfig.PlacementStatus); InvokeEndpoint with the component name returns the answer of the model
 * specified for the type the copy runs on.
 */
import { Duration, Size, Stack } from 'aws-cdk-lib';
import { ExpectedResult, Match } from '@aws-cdk/integ-tests-alpha';
import { InferenceComponentEndpoint, InferenceComponentSpecification, InstanceType } from '../../lib';
import { assertWithin, integApp, integTest } from './support/integ-app';
import { TINY_MODEL_REQUEST, tinyModel, tinyModelAnswerOf } from './support/tiny-model';

const ENDPOINT_NAME = 'integ-pools-components';
const COMPONENT_NAME = 'integ-pools-tiny-sum';
const C6I = 'ml.c6i.large';
const M6I = 'ml.m6i.large';

const integ = integApp();
const stack = new Stack(integ.app, 'InstancePoolsInferenceComponents');

const endpoint = new InferenceComponentEndpoint(stack, 'Endpoint', {
  endpointName: ENDPOINT_NAME,
  pools: [{ instanceType: InstanceType.of(C6I) }, { instanceType: InstanceType.of(M6I) }],
});
// Each type runs a model of its own, so the answer tells which specification SageMaker used.
const onC6i = tinyModel(stack, 'C6iModel', '1');
const onM6i = tinyModel(stack, 'M6iModel', '2');
const component = endpoint.addInferenceComponent('TinySum', {
  inferenceComponentName: COMPONENT_NAME,
  specification: InferenceComponentSpecification.perInstanceType([
    { instanceType: InstanceType.of(C6I), model: onC6i, minMemory: Size.mebibytes(1024), cpuCoreCount: 1 },
    { instanceType: InstanceType.of(M6I), model: onM6i, minMemory: Size.mebibytes(1024), cpuCoreCount: 1 },
  ]),
  copyCount: 1,
});

const test = integTest(integ.app, 'InferenceComponents', stack);
const assertions = test.assertions;
const aMinute = Duration.minutes(1);
const poolType = Match.stringLikeRegexp(`^(${C6I}|${M6I})$`);

const config = assertWithin(assertions.awsApiCall('SageMaker', 'describeEndpointConfig', {
  EndpointConfigName: endpoint.cfnEndpointConfig.attrEndpointConfigName,
}), ExpectedResult.objectLike({
  ExecutionRoleArn: endpoint.role.roleArn,
  ProductionVariants: [Match.objectLike({ InstancePools: [{ InstanceType: C6I, Priority: 1 }, { InstanceType: M6I, Priority: 2 }] })],
}), aMinute);

const described = assertWithin(assertions.awsApiCall('SageMaker', 'describeEndpoint', { EndpointName: ENDPOINT_NAME }),
  ExpectedResult.objectLike({
    EndpointStatus: 'InService',
    ProductionVariants: [Match.objectLike({
      InstancePools: Match.arrayWith([Match.objectLike({ InstanceType: poolType, CurrentInstanceCount: 1 })]),
    })],
  }), Duration.minutes(5));

const placed = assertWithin(assertions.awsApiCall('SageMaker', 'describeInferenceComponent', { InferenceComponentName: COMPONENT_NAME }),
  ExpectedResult.objectLike({
    InferenceComponentStatus: 'InService',
    EndpointName: ENDPOINT_NAME,
    Specifications: Match.arrayWith([
      Match.objectLike({ InstanceType: C6I, ModelName: onC6i.modelName }),
      Match.objectLike({ InstanceType: M6I, ModelName: onM6i.modelName }),
    ]),
    RuntimeConfig: Match.objectLike({
      CurrentCopyCount: 1,
      PlacementStatus: [Match.objectLike({ InstanceType: poolType, CurrentCopyCount: 1 })],
    }),
  }), Duration.minutes(10));

const invoked = assertWithin(assertions.awsApiCall('SageMakerRuntime', 'invokeEndpoint', {
  EndpointName: ENDPOINT_NAME,
  InferenceComponentName: component.inferenceComponentName,
  ContentType: 'application/json',
  Body: TINY_MODEL_REQUEST,
}), ExpectedResult.objectLike({
  Body: Match.stringLikeRegexp(tinyModelAnswerOf(['1', '2'])),
}), Duration.minutes(3));

config.next(described).next(placed).next(invoked);
integ.synth();
