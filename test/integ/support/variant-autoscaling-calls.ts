import { Duration } from 'aws-cdk-lib';
import { ExpectedResult, IApiCall, IDeployAssert, Match } from '@aws-cdk/integ-tests-alpha';
import { assertWithin } from './integ-app';

/**
 * The assertions every autoscaled integration app makes on Application Auto Scaling, for one variant's
 * `sagemaker:variant:DesiredInstanceCount` dimension
 * (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_DescribeScalableTargets.html,
 * https://docs.aws.amazon.com/autoscaling/application/APIReference/API_DescribeScalingPolicies.html).
 */
const NAMESPACE = 'sagemaker';
const DIMENSION = 'sagemaker:variant:DesiredInstanceCount';

/** How long Application Auto Scaling may take to show what CloudFormation created. */
const A_MINUTE = Duration.minutes(1);

/** The resource ID Application Auto Scaling gives a variant: `endpoint/NAME/variant/VARIANT`. */
export function variantResourceId(endpointName: string, variantName: string = 'AllTraffic'): string {
  return `endpoint/${endpointName}/variant/${variantName}`;
}

/** DescribeScalableTargets shows the variant's target with these capacities (instances). */
export function expectScalableTarget(assertions: IDeployAssert, resourceId: string, capacity: { min: number; max: number }): IApiCall {
  return assertWithin(assertions.awsApiCall('ApplicationAutoScaling', 'describeScalableTargets', {
    ServiceNamespace: NAMESPACE,
    ResourceIds: [resourceId],
    ScalableDimension: DIMENSION,
  }), ExpectedResult.objectLike({
    ScalableTargets: [Match.objectLike({ ResourceId: resourceId, MinCapacity: capacity.min, MaxCapacity: capacity.max })],
  }), A_MINUTE);
}

/**
 * DescribeScalingPolicies shows the variant's policies as `policies` matches them (a `Match` pattern for the
 * `ScalingPolicies` list: an exact list, or `Match.arrayWith` for some of them).
 */
export function expectScalingPolicies(assertions: IDeployAssert, resourceId: string, policies: any): IApiCall {
  return assertWithin(assertions.awsApiCall('ApplicationAutoScaling', 'describeScalingPolicies', {
    ServiceNamespace: NAMESPACE,
    ResourceId: resourceId,
    ScalableDimension: DIMENSION,
  }), ExpectedResult.objectLike({ ScalingPolicies: policies }), A_MINUTE);
}
