import { Duration, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import {
  CopyScalingSignal, InferenceComponentAutoScaling, InferenceComponentEndpoint, InferenceComponentSpecification, UtilizationAggregation, testing,
} from '../../lib';
import { testStack } from '../util';
import { G6_24, G6_48, perTypeEntries, pooledComponent, tpModels } from './fixtures';

const G6_48X = 'ml.g6.48xlarge'; // max 16 per copy
const G6_24X = 'ml.g6.24xlarge'; // max 8 per copy
const G5_48X = 'ml.g5.48xlarge'; // max 12 per copy

function scaledComponent(aggregation?: UtilizationAggregation) {
  const stack = testStack();
  const { component, endpoint } = pooledComponent(stack, { copyCount: 3 });
  component.autoScale({ minCopyCount: 1, maxCopyCount: 12, signal: CopyScalingSignal.weightedUtilization({ aggregation }) });
  return { stack, endpoint, component, policy: testing.TargetTrackingPolicy.fromTemplate(Template.fromStack(stack).toJSON()) };
}

describe('InferenceComponentAutoScaling: resources', () => {
  test('registers the copy count as a scalable target, after the component, without a role', () => {
    // GIVEN / WHEN
    const { stack, component } = scaledComponent();
    // THEN
    const template = Template.fromStack(stack);
    template.hasResource('AWS::ApplicationAutoScaling::ScalableTarget', {
      Properties: {
        ServiceNamespace: 'sagemaker',
        ScalableDimension: 'sagemaker:inference-component:DesiredCopyCount',
        ResourceId: `inference-component/${component.inferenceComponentName}`,
        MinCapacity: 1,
        MaxCapacity: 12,
        RoleARN: Match.absent(),
      },
      DependsOn: [stack.getLogicalId(component.cfnInferenceComponent)],
    });
    expect(component.autoScaling?.minCopyCount).toBe(1);
    expect(component.autoScaling?.maxCopyCount).toBe(12);
  });

  test('target tracking on the weighted copy signal, through the L1 metrics list, with default cooldowns', () => {
    const { stack, component } = scaledComponent();
    Template.fromStack(stack).hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: 0.7, ScaleInCooldown: 300, ScaleOutCooldown: 60, DisableScaleIn: Match.absent(),
        CustomizedMetricSpecification: { Metrics: [
          Match.objectLike({ Id: 'type1', ReturnData: false, MetricStat: { Stat: 'Average', Metric: {
            Namespace: 'AWS/SageMaker', MetricName: 'ConcurrentRequestsPerCopy',
            Dimensions: [{ Name: 'InferenceComponentName', Value: component.inferenceComponentName }, { Name: 'InstanceType', Value: G6_48X }],
          } } }),
          Match.objectLike({ Id: 'type1_copies', ReturnData: false, MetricStat: { Stat: 'SampleCount', Metric: {
            Namespace: '/aws/sagemaker/InferenceComponents', MetricName: 'CPUUtilizationNormalized',
            Dimensions: [{ Name: 'InferenceComponentName', Value: component.inferenceComponentName }, { Name: 'InstanceType', Value: G6_48X }],
          } } }),
          Match.objectLike({ Id: 'type2' }),
          Match.objectLike({ Id: 'type2_copies' }),
          Match.objectLike({ Id: 'type3' }),
          Match.objectLike({ Id: 'type3_copies' }),
          { Id: 'weighted_utilization', Label: 'Weighted utilization', ReturnData: true, Expression: Match.anyValue() },
        ] },
      },
    });
  });

  test('options: cooldowns, disable scale-in, the predefined high-resolution metric, default minimum of one copy', () => {
    const stack = testStack();
    const { component } = pooledComponent(stack);
    const scaling = component.autoScale({
      maxCopyCount: 6, scaleInCooldown: Duration.minutes(10), scaleOutCooldown: Duration.seconds(30), disableScaleIn: true,
      signal: CopyScalingSignal.concurrentRequestsPerCopy({ targetValue: 5 }),
    });
    expect(component.autoScaling).toBe(scaling);
    expect(scaling.targetValue).toBe(5);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 1, MaxCapacity: 6 });
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: 5, ScaleInCooldown: 600, ScaleOutCooldown: 30, DisableScaleIn: true,
        PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerInferenceComponentConcurrentRequestsPerCopyHighResolution' },
        CustomizedMetricSpecification: Match.absent(),
      },
    });
  });

  test('standalone on a component of an imported endpoint; zero copies allowed', () => {
    const stack = testStack();
    const endpoint = InferenceComponentEndpoint.fromEndpointAttributes(stack, 'Ep', { endpointName: 'qwen-ic', pools: [{ instanceType: G6_48 }, { instanceType: G6_24 }] });
    const [a, b] = perTypeEntries(tpModels(stack));
    const component = endpoint.addInferenceComponent('Qwen', { specification: InferenceComponentSpecification.perInstanceType([a, b]), inferenceComponentName: 'qwen' });
    new InferenceComponentAutoScaling(stack, 'Scaling', { component, minCopyCount: 0, maxCopyCount: 4 });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { ResourceId: 'inference-component/qwen', MinCapacity: 0 });
    // Target tracking cannot scale out from zero copies: a step policy on NoCapacityInvocationFailures adds the first.
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', { PolicyType: 'StepScaling' });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'NoCapacityInvocationFailures', Dimensions: [{ Name: 'InferenceComponentName', Value: 'qwen' }], Threshold: 1,
    });
  });

  test('warns when copy samples arrive less often than every minute', () => {
    const stack = testStack();
    const endpoint = new InferenceComponentEndpoint(stack, 'Slow', {
      pools: [{ instanceType: G6_48 }, { instanceType: G6_24 }], metricPublishFrequency: Duration.minutes(4),
    });
    const component = endpoint.addInferenceComponent('Qwen', { specification: InferenceComponentSpecification.perInstanceType(perTypeEntries(tpModels(stack)).slice(0, 2)) });
    const scaling = component.autoScale({ maxCopyCount: 4 });
    Annotations.fromStack(stack).hasWarning(`/${scaling.node.path}`, Match.stringLikeRegexp('publishes the instance samples every 240 s'));
    expect(scaling.signal.toMetricConfig().mathExpression!.period).toBe(240);
    const quiet = testStack();
    pooledComponent(quiet).component.autoScale({ maxCopyCount: 4 });
    Annotations.fromStack(quiet).hasNoWarning('*', Match.stringLikeRegexp('less often than'));
  });

  test('construct IDs of the target and policy are frozen', () => {
    const { stack, component } = scaledComponent();
    expect(stack.getLogicalId(component.autoScaling!.scalableTarget)).toBe('LlmQwenAutoScalingTarget9C1A257B');
    expect(stack.getLogicalId(component.autoScaling!.scalingPolicy)).toBe('LlmQwenAutoScalingPolicy1C6F33F6');
  });

  test('snapshot of the autoscaling resources', () => {
    const { stack } = scaledComponent();
    const template = Template.fromStack(stack);
    expect({
      target: template.findResources('AWS::ApplicationAutoScaling::ScalableTarget'),
      policy: template.findResources('AWS::ApplicationAutoScaling::ScalingPolicy'),
    }).toMatchSnapshot();
  });
});

describe('InferenceComponentAutoScaling: the synthesized policy, evaluated', () => {
  test('every type runs copies: the mean utilization', () => {
    const { policy } = scaledComponent();
    expect(policy.targetValue).toBe(0.7);
    expect(policy.instanceTypes).toEqual([G6_48X, G6_24X, G5_48X]);
    expect(policy.evaluate({ [G6_48X]: 8, [G6_24X]: 4, [G5_48X]: 6 })).toBeCloseTo(0.5, 5);
  });

  test.each([
    [G6_48X, { [G6_24X]: 6, [G5_48X]: 9 }, 0.75],
    [G6_24X, { [G6_48X]: 12, [G5_48X]: 12 }, 0.875],
    [G5_48X, { [G6_48X]: 16, [G6_24X]: 4 }, 0.75],
  ])('no copies on %s: the others are not diluted', (_empty, values, expected) => {
    expect(scaledComponent().policy.evaluate(values)).toBeCloseTo(expected, 5);
  });

  test('a single type with copies reads its own utilization; an idle type (0 requests) still counts', () => {
    const { policy } = scaledComponent();
    expect(policy.evaluate({ [G6_48X]: 12 })).toBeCloseTo(0.75, 5);
    expect(policy.evaluate({ [G6_48X]: 12, [G6_24X]: 0 })).toBeCloseTo(0.375, 5);
  });

  test('no copies anywhere: no data, the scaler holds', () => {
    expect(scaledComponent().policy.evaluate({})).toBeUndefined();
    expect(scaledComponent().policy.evaluateFleet({ [G6_48X]: { instances: 0 } })).toBeUndefined();
  });

  test('idle copies (copies report, no concurrency data) read 0: the component scales in to minCopyCount', () => {
    const { policy } = scaledComponent();
    expect(policy.evaluateFleet({ [G6_48X]: { instances: 3 } })).toBe(0);
    expect(policy.evaluateFleet({ [G6_48X]: { instances: 2 }, [G6_24X]: { instances: 1 } })).toBe(0);
    // A busy type next to a type without copies is still not diluted.
    expect(policy.evaluateFleet({ [G6_48X]: { instances: 2, concurrency: 12 } })).toBeCloseTo(0.75, 5);
    for (const aggregation of Object.values(UtilizationAggregation)) {
      expect(scaledComponent(aggregation).policy.evaluateFleet({ [G5_48X]: { instances: 1 } })).toBe(0);
    }
  });

  test('the plain mean over all types is diluted by empty types, as documented', () => {
    const { policy } = scaledComponent(UtilizationAggregation.MEAN_OF_ALL_POOLS);
    expect(policy.evaluate({ [G6_48X]: 12 })).toBeCloseTo(0.25, 5);
  });
});

describe('InferenceComponentAutoScaling: validation', () => {
  test('minCopyCount must not exceed maxCopyCount', () => {
    expect(() => pooledComponent(testStack()).component.autoScale({ minCopyCount: 5, maxCopyCount: 4 }))
      .toThrow('minCopyCount: must not exceed maxCopyCount (4), got 5 [InvalidCapacity]');
  });

  test('the initial copy count must lie within the range', () => {
    expect(() => pooledComponent(testStack(), { copyCount: 5 }).component.autoScale({ maxCopyCount: 4 }))
      .toThrow('copyCount: must lie within minCopyCount..maxCopyCount (1..4), got 5 [InvalidCapacity]');
    expect(() => pooledComponent(testStack(), { copyCount: 0 }).component.autoScale({ maxCopyCount: 4 })).toThrow(/copyCount: .*\(1\.\.4\), got 0/);
  });

  test('copy counts are whole numbers, the maximum at least 1', () => {
    expect(() => pooledComponent(testStack()).component.autoScale({ minCopyCount: -1, maxCopyCount: 4 }))
      .toThrow(`minCopyCount: must be an integer of at least 0 (and at most 2147483647, the API's integer range), got -1 [InvalidCapacity]`);
    expect(() => pooledComponent(testStack()).component.autoScale({ maxCopyCount: 0 })).toThrow(/maxCopyCount: must be an integer of at least 1 .*got 0 \[InvalidCapacity\]/);
    expect(() => pooledComponent(testStack()).component.autoScale({ maxCopyCount: 2.5 })).toThrow(/maxCopyCount: .*got 2.5/);
  });

  test('cooldowns are whole seconds from 0 to one day', () => {
    expect(() => pooledComponent(testStack()).component.autoScale({ maxCopyCount: 4, scaleInCooldown: Duration.days(2) }))
      .toThrow('scaleInCooldown: must be a whole number of seconds from 0 to 86400, got 172800 [OutOfRange]');
    expect(() => pooledComponent(testStack()).component.autoScale({ maxCopyCount: 4, scaleOutCooldown: Duration.millis(1500) })).toThrow(/scaleOutCooldown.*got 1.5/);
  });

  test('tokens never trip validation', () => {
    const n = (ref: string) => Token.asNumber({ Ref: ref });
    const { component } = pooledComponent(testStack(), { copyCount: n('Copies') });
    expect(() => component.autoScale({ minCopyCount: n('Min'), maxCopyCount: n('Max'), signal: CopyScalingSignal.weightedUtilization({ targetUtilization: n('T') }) })).not.toThrow();
  });
});
