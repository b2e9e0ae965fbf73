/**
 * Integration test 4, two steps: an update that changes the pool list of an autoscaled endpoint.
 *
 * SageMaker refuses an update that changes the instance type of a variant registered with Application Auto Scaling
 * until the scalable target is deregistered (https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-scaling-update.html);
 * whether a changed pool list counts as such a change is not documented. Step 1 deploys the endpoint on
 * ml.c6i.large then ml.m6i.large with weighted autoscaling; step 2 swaps the priorities (a new priority-1 type) and
 * adds ml.c5.large, which replaces the endpoint config and updates the endpoint in place while the target stays
 * registered (the library never deregisters it).
 *
 * Asserts after step 2: the endpoint is InService on the step-2 endpoint config (had SageMaker refused, the update
 * would have failed and rolled back to the step-1 config), which lists the new pools; it kept its instance count
 * (RetainAllVariantProperties); the scalable target is still registered with its bounds and the policy attached.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import { ExpectedResult, Match } from '@aws-cdk/integ-tests-alpha';
import { CapacityAwareEndpoint, InstancePool, InstanceType } from '../../lib';
import { assertWithin, integApp, integTest } from './support/integ-app';
import { expectScalableTarget, expectScalingPolicies, variantResourceId } from './support/variant-autoscaling-calls';
import { tinyModel } from './support/tiny-model';

const ENDPOINT_NAME = 'integ-pools-update';
const C6I = 'ml.c6i.large';
const M6I = 'ml.m6i.large';
const C5 = 'ml.c5.large';

const integ = integApp(2);
const stack = new Stack(integ.app, 'InstancePoolsListUpdate');

const POOLS: { [step: number]: string[] } = { 1: [C6I, M6I], 2: [M6I, C6I, C5] };
const pools: InstancePool[] = POOLS[integ.step].map((type) => ({ instanceType: InstanceType.of(type), maxConcurrency: 4 }));

const endpoint = new CapacityAwareEndpoint(stack, 'Endpoint', {
  endpointName: ENDPOINT_NAME,
  model: tinyModel(stack, 'Model', '1'),
  pools,
});
endpoint.autoScale({ minCapacity: 1, maxCapacity: 2 });

// Step 1 only deploys the stack; the test and its assertions come with the last step.
if (integ.step === integ.steps) {
  const assertions = integTest(integ.app, 'PoolListUpdate', stack).assertions;
  const resourceId = variantResourceId(ENDPOINT_NAME);
  const aMinute = Duration.minutes(1);

  const described = assertWithin(assertions.awsApiCall('SageMaker', 'describeEndpoint', { EndpointName: ENDPOINT_NAME }),
    ExpectedResult.objectLike({
      EndpointStatus: 'InService',
      EndpointConfigName: endpoint.cfnEndpointConfig.attrEndpointConfigName,
      ProductionVariants: [Match.objectLike({
        CurrentInstanceCount: 1,
        InstancePools: Match.arrayWith([Match.objectLike({ InstanceType: Match.stringLikeRegexp(`^(${POOLS[2].join('|')})$`), CurrentInstanceCount: 1 })]),
      })],
    }), Duration.minutes(10));
  const config = assertWithin(assertions.awsApiCall('SageMaker', 'describeEndpointConfig', {
    EndpointConfigName: endpoint.cfnEndpointConfig.attrEndpointConfigName,
  }), ExpectedResult.objectLike({
    ProductionVariants: [Match.objectLike({ InstancePools: POOLS[2].map((type, i) => ({ InstanceType: type, Priority: i + 1 })) })],
  }), aMinute);
  const target = expectScalableTarget(assertions, resourceId, { min: 1, max: 2 });
  const policy = expectScalingPolicies(assertions, resourceId, [Match.objectLike({ PolicyType: 'TargetTrackingScaling' })]);
  described.next(config).next(target).next(policy);
}
integ.synth();
