import { INVOCATIONS_POLICY, RESOURCE_ID, TARGET } from '../migrate/migrate-scenario';
import { scalingCode, ScalingContext } from '../../../bin/fleet/export/scaling-code';
import { SourceBuilder } from '../../../bin/fleet/export/source-builder';
import { VariantScaling } from '../../../bin/fleet/snapshot/endpoint-snapshot';

const CTX: ScalingContext = { endpointName: 'llm-endpoint', variantName: 'AllTraffic', asyncInference: false, initialInstanceCount: 2 };
const concurrency = { ...INVOCATIONS_POLICY, PolicyName: 'Concurrency', TargetTrackingScalingPolicyConfiguration: {
  TargetValue: 6, PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantConcurrentRequestsPerModelHighResolution' as const },
  ScaleInCooldown: 300, ScaleOutCooldown: 60,
} };
const scaling = (extra: Partial<VariantScaling> = {}): VariantScaling => ({
  variantName: 'AllTraffic', resourceId: RESOURCE_ID, target: TARGET, policies: [concurrency], ...extra,
});

describe('scalingCode', () => {
  test('no scalable target, no code', () => {
    expect(scalingCode(undefined, CTX, new SourceBuilder())).toEqual([]);
  });

  test('a policy on a library signal: autoScale() with its bounds and cooldowns', () => {
    expect(scalingCode(scaling(), CTX, new SourceBuilder()).join('\n')).toBe([
      '',
      "// Autoscaling as it is live (min 2, max 10); policy Concurrency becomes the library's target-tracking policy.",
      'this.endpoint.autoScale({',
      '  minCapacity: 2,',
      '  maxCapacity: 10,',
      '  signal: ScalingSignal.concurrentRequestsPerModel({ targetValue: 6 }),',
      '  scaleInCooldown: Duration.minutes(5),',
      '  scaleOutCooldown: Duration.minutes(1),',
      '});',
    ].join('\n'));
  });

  test('suspended scaling and more policies: the target is named, the others are L1 policies on it', () => {
    const code = scalingCode(scaling({
      target: { ...TARGET, SuspendedState: { DynamicScalingInSuspended: true } }, policies: [concurrency, INVOCATIONS_POLICY],
    }), CTX, new SourceBuilder()).join('\n');
    expect(code).toContain('const scaling = this.endpoint.autoScale({');
    expect(code).toContain('scaling.scalableTarget.suspendedState = { dynamicScalingInSuspended: true };');
    expect(code).toContain("new appscaling.CfnScalingPolicy(this, 'ScalingPolicy', {\n  policyName: 'InvocationsPerInstance',");
    expect(code).toContain('  scalingTargetId: scaling.scalableTarget.ref,');
  });

  test.each([
    ['no policy on a library signal', { policies: [INVOCATIONS_POLICY] }, CTX, /no policy tracks a signal of the library/],
    ['min 0 on a real-time endpoint', { target: { ...TARGET, MinCapacity: 0 } }, CTX, /checks .* do not hold/],
    ['an initial count outside min and max', {}, { ...CTX, initialInstanceCount: 20 }, /checks .* do not hold/],
  ])('%s: the L1 target as it is live, with RetainAllVariantProperties', (_, extra, ctx, why) => {
    const code = scalingCode(scaling(extra), ctx, new SourceBuilder()).join('\n');
    expect(code).toMatch(why);
    expect(code).toContain("const target = new appscaling.CfnScalableTarget(this, 'ScalableTarget', {");
    expect(code).toContain('  resourceId: `endpoint/${this.endpoint.endpointName}/variant/AllTraffic`,');
    expect(code).toContain('this.endpoint.cfnEndpoint.retainAllVariantProperties = true;');
    expect(code).toContain('target.node.addDependency(this.endpoint.cfnEndpoint);');
  });

  test('NOTEs: scheduled actions are not read; step policies need their alarms; min 0 adds the library\'s scale-out-from-zero', () => {
    const b = new SourceBuilder();
    const step = { ...INVOCATIONS_POLICY, PolicyName: 'Step', PolicyType: 'StepScaling' as const, TargetTrackingScalingPolicyConfiguration: undefined,
      StepScalingPolicyConfiguration: { AdjustmentType: 'ChangeInCapacity' as const, StepAdjustments: [{ ScalingAdjustment: 1, MetricIntervalLowerBound: 0 }] },
      Alarms: [{ AlarmName: 'backlog-high', AlarmARN: 'arn' }] };
    const backlog = { ...INVOCATIONS_POLICY, TargetTrackingScalingPolicyConfiguration: { TargetValue: 5, ScaleInCooldown: 60, ScaleOutCooldown: 60,
      CustomizedMetricSpecification: { MetricName: 'ApproximateBacklogSizePerInstance', Namespace: 'AWS/SageMaker', Statistic: 'Average' as const,
        Dimensions: [{ Name: 'EndpointName', Value: 'llm-endpoint' }] } } };
    const code = scalingCode(scaling({ target: { ...TARGET, MinCapacity: 0 }, policies: [backlog, step] }),
      { ...CTX, asyncInference: true, initialInstanceCount: 1 }, b).join('\n');
    expect(code).toContain('signal: ScalingSignal.backlogPerInstance({ targetValue: 5 }),');
    expect(code).toContain("stepScalingPolicyConfiguration: {\n    adjustmentType: 'ChangeInCapacity',");
    expect(b.notes).toEqual([
      expect.stringMatching(/^the scalable target's scheduled actions are not read by export/),
      expect.stringMatching(/^with minCapacity 0, the library's autoScale\(\) adds a step scaling policy on HasBacklogWithoutCapacity/),
      expect.stringMatching(/^step scaling policy Step acts when CloudWatch alarms invoke it; .* \(now: backlog-high\)/),
    ]);
  });
});
