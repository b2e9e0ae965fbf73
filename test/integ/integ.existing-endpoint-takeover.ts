/**
 * Integration test 5, two steps: moving an endpoint the app manages with L1 resources onto this library
 * (`existingEndpoint`, README "Migrating an existing endpoint").
 *
 * Step 1 deploys what users have today: a model, a `CfnEndpointConfig` on one instance type, a `CfnEndpoint` and
 * an Application Auto Scaling target with a target-tracking policy on invocations per instance, plus a record of
 * the endpoint's ARN and creation time. Step 2 replaces the L1 code with a `CapacityAwareEndpoint` on ml.c6i.large
 * (the type it runs on) then ml.m6i.large that takes over the endpoint and the scalable target by their logical IDs,
 * with weighted autoscaling. Whether SageMaker moves an autoscaled variant from InstanceType to InstancePools while
 * the target stays registered is not documented: this test settles it.
 *
 * Asserts after step 2: the endpoint has the ARN and creation time recorded in step 1 (it was updated, not
 * replaced), is InService on the new endpoint config with instance pools, and its scalable target is still
 * registered with the library's policy in place of the old one.
 */
import { Annotations, Duration, Stack } from 'aws-cdk-lib';
import { CfnScalableTarget, CfnScalingPolicy } from 'aws-cdk-lib/aws-applicationautoscaling';
import { CfnEndpoint, CfnEndpointConfig } from 'aws-cdk-lib/aws-sagemaker';
import { ExpectedResult, Match } from '@aws-cdk/integ-tests-alpha';
import { CapacityAwareEndpoint, InstanceType } from '../../lib';
import { EndpointIdentity } from './support/endpoint-identity';
import { assertWithin, integApp, integTest } from './support/integ-app';
import { expectScalableTarget, expectScalingPolicies, variantResourceId } from './support/variant-autoscaling-calls';
import { tinyModel } from './support/tiny-model';

const ENDPOINT_NAME = 'integ-pools-takeover';
const C6I = 'ml.c6i.large';
const M6I = 'ml.m6i.large';

const integ = integApp(2);
const stack = new Stack(integ.app, 'InstancePoolsTakeover');
const model = tinyModel(stack, 'Model', '1');
// The same construct in both steps: CloudFormation never updates it, so it keeps what it recorded in step 1.
const identity = new EndpointIdentity(stack, 'Identity', ENDPOINT_NAME);

if (integ.step === 1) {
  const config = new CfnEndpointConfig(stack, 'EndpointConfig', {
    productionVariants: [{ variantName: 'AllTraffic', modelName: model.modelName, initialInstanceCount: 1, instanceType: C6I, initialVariantWeight: 1 }],
  });
  const endpoint = new CfnEndpoint(stack, 'Endpoint', { endpointName: ENDPOINT_NAME, endpointConfigName: config.attrEndpointConfigName });
  const target = new CfnScalableTarget(stack, 'ScalableTarget', {
    serviceNamespace: 'sagemaker',
    scalableDimension: 'sagemaker:variant:DesiredInstanceCount',
    resourceId: `endpoint/${endpoint.attrEndpointName}/variant/AllTraffic`,
    minCapacity: 1,
    maxCapacity: 2,
  });
  target.node.addDependency(endpoint);
  new CfnScalingPolicy(stack, 'ScalingPolicy', {
    policyName: 'invocations-per-instance',
    policyType: 'TargetTrackingScaling',
    scalingTargetId: target.ref,
    targetTrackingScalingPolicyConfiguration: { targetValue: 100, predefinedMetricSpecification: { predefinedMetricType: 'SageMakerVariantInvocationsPerInstance' } },
  });
  identity.recorded.node.addDependency(endpoint);
} else {
  const migrated = new CapacityAwareEndpoint(stack, 'Migrated', {
    endpointName: ENDPOINT_NAME,
    model,
    pools: [{ instanceType: InstanceType.of(C6I), maxConcurrency: 4 }, { instanceType: InstanceType.of(M6I), maxConcurrency: 4 }],
    existingEndpoint: { endpointLogicalId: 'Endpoint', scalableTargetLogicalId: 'ScalableTarget' },
  });
  const scaling = migrated.autoScale({ minCapacity: 1, maxCapacity: 2 });
  Annotations.of(scaling.scalableTarget).acknowledgeWarning('cdk-sagemaker-instance-pools:takeOverAutoscaledVariant',
    'This test deploys exactly that update to settle the open question.');
  identity.recorded.node.addDependency(migrated.cfnEndpoint);

  const assertions = integTest(integ.app, 'ExistingEndpointTakeover', stack).assertions;
  const resourceId = variantResourceId(ENDPOINT_NAME);
  const aMinute = Duration.minutes(1);

  const unchanged = assertWithin(assertions.invokeFunction({
    functionName: identity.function.functionName,
    payload: JSON.stringify({ EndpointName: ENDPOINT_NAME }),
  }), ExpectedResult.objectLike({
    Payload: Match.serializedJson({
      EndpointArn: identity.recorded.getAttString('EndpointArn'),
      CreationTime: identity.recorded.getAttString('CreationTime'),
    }),
  }), aMinute);
  const described = assertWithin(assertions.awsApiCall('SageMaker', 'describeEndpoint', { EndpointName: ENDPOINT_NAME }),
    ExpectedResult.objectLike({
      EndpointStatus: 'InService',
      EndpointConfigName: migrated.cfnEndpointConfig.attrEndpointConfigName,
      ProductionVariants: [Match.objectLike({
        CurrentInstanceCount: 1,
        InstancePools: Match.arrayWith([Match.objectLike({ InstanceType: Match.stringLikeRegexp(`^(${C6I}|${M6I})$`), CurrentInstanceCount: 1 })]),
      })],
    }), Duration.minutes(10));
  const target = expectScalableTarget(assertions, resourceId, { min: 1, max: 2 });
  // Exactly one policy: the library's weighted one; CloudFormation deleted the old predefined-metric policy.
  const policy = expectScalingPolicies(assertions, resourceId, [Match.objectLike({
    PolicyType: 'TargetTrackingScaling',
    TargetTrackingScalingPolicyConfiguration: Match.objectLike({ CustomizedMetricSpecification: Match.objectLike({}) }),
  })]);
  unchanged.next(described).next(target).next(policy);
}
integ.synth();
