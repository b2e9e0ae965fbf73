import 'aws-sdk-client-mock-jest';
import { DescribeScalableTargetsCommand, DescribeScalingActivitiesCommand, DescribeScalingPoliciesCommand } from '@aws-sdk/client-application-auto-scaling';
import { collectScaling, componentResource, variantResource } from '../../../bin/fleet/collect/scaling';
import { ACTIVITIES, awsError, ENDPOINT, mockFeaturedEndpoint, sdkMocks, testApi, VARIANT_RESOURCE } from '../fixtures';

const mocks = sdkMocks();
beforeEach(() => {
  mocks.sagemaker.reset();
  mocks.autoscaling.reset();
  mockFeaturedEndpoint(mocks);
});

const variant = variantResource(ENDPOINT, 'AllTraffic', 6);

describe('collectScaling', () => {
  test('a registered target: bounds, desired from SageMaker, policies, activities newest first', async () => {
    mocks.autoscaling.on(DescribeScalingActivitiesCommand).resolves({ ScalingActivities: [...ACTIVITIES].reverse() });
    const warnings: string[] = [];
    const result = await collectScaling(testApi(), [variant], 1, warnings);
    expect(result.get(VARIANT_RESOURCE)).toMatchObject({
      state: 'registered', resourceId: VARIANT_RESOURCE, scalableDimension: 'sagemaker:variant:DesiredInstanceCount',
      minCapacity: 2, maxCapacity: 10, desiredCapacity: 6, suspended: [],
      policies: [{ name: 'WeightedUtilization', targetValue: 0.7 }],
      activities: [{ description: 'Setting desired instance count to 6.' }],
    });
    expect(warnings).toEqual([]);
  });

  test('a resource without a scalable target has none', async () => {
    const ic = componentResource('llm-ic', 2);
    const result = await collectScaling(testApi(), [variant, ic], 5, []);
    expect(result.get('inference-component/llm-ic')).toEqual({ state: 'none' });
    expect(mocks.autoscaling).toHaveReceivedCommandTimes(DescribeScalingPoliciesCommand, 1);
  });

  test('suspended scaling is reported', async () => {
    mocks.autoscaling.on(DescribeScalableTargetsCommand).resolves({
      ScalableTargets: [{
        ServiceNamespace: 'sagemaker', ResourceId: VARIANT_RESOURCE, ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
        MinCapacity: 1, MaxCapacity: 4, RoleARN: 'arn', CreationTime: new Date(),
        SuspendedState: { DynamicScalingInSuspended: true, ScheduledScalingSuspended: true },
      }],
    });
    const result = await collectScaling(testApi(), [variant], 5, []);
    expect(result.get(VARIANT_RESOURCE)).toMatchObject({ suspended: ['scale-in', 'scheduled'] });
  });

  test('access denied on the targets: every resource unknown, one warning', async () => {
    mocks.autoscaling.on(DescribeScalableTargetsCommand).rejects(awsError('AccessDeniedException', 'no autoscaling for you', 403));
    const warnings: string[] = [];
    const result = await collectScaling(testApi(), [variant, componentResource('ic', 1)], 5, warnings);
    expect([...result.values()].map((s) => s.state)).toEqual(['unknown', 'unknown']);
    expect(warnings).toEqual(['autoscaling not shown: access denied on DescribeScalableTargets: no autoscaling for you']);
  });

  test('access denied on policies or activities: that part is null, with a warning', async () => {
    mocks.autoscaling.on(DescribeScalingPoliciesCommand).rejects(awsError('AccessDeniedException', 'no policies', 403));
    const warnings: string[] = [];
    const result = await collectScaling(testApi(), [variant], 5, warnings);
    expect(result.get(VARIANT_RESOURCE)).toMatchObject({ state: 'registered', policies: null, activities: [{}, {}] });
    expect(warnings).toEqual([`scaling policies of ${VARIANT_RESOURCE} not shown: access denied on DescribeScalingPolicies: no policies`]);
  });

  test('other failures are not hidden', async () => {
    // As the SDK leaves it after its retries.
    const down = Object.assign(awsError('ServiceUnavailable', 'down', 503, 'server'), { $metadata: { httpStatusCode: 503, attempts: 6 } });
    mocks.autoscaling.on(DescribeScalableTargetsCommand).rejects(down);
    await expect(collectScaling(testApi(), [variant], 5, [])).rejects.toThrow(/AWS failed on DescribeScalableTargets after 6 attempts/);
  });

  test('--activities 0 makes no activity call', async () => {
    const result = await collectScaling(testApi(), [variant], 0, []);
    expect(mocks.autoscaling).not.toHaveReceivedCommand(DescribeScalingActivitiesCommand);
    expect(result.get(VARIANT_RESOURCE)).toMatchObject({ activities: [] });
  });

  test('no resources, no calls', async () => {
    expect((await collectScaling(testApi(), [], 5, [])).size).toBe(0);
    expect(mocks.autoscaling.calls()).toHaveLength(0);
  });
});

test('resource ids and dimensions follow Application Auto Scaling', () => {
  expect(variantResource('e', 'v', 3)).toEqual({ resourceId: 'endpoint/e/variant/v', dimension: 'sagemaker:variant:DesiredInstanceCount', desiredCapacity: 3 });
  expect(componentResource('ic', null)).toEqual({
    resourceId: 'inference-component/ic', dimension: 'sagemaker:inference-component:DesiredCopyCount', desiredCapacity: null,
  });
});
