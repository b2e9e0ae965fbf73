import { activityReport, policyReport, trackedMetric } from '../../../bin/fleet/collect/policies';
import { ACTIVITIES, WEIGHTED_POLICY } from '../scenario';

describe('policyReport', () => {
  test('target tracking on metric math: target, expression, cooldowns', () => {
    expect(policyReport(WEIGHTED_POLICY)).toEqual({
      name: 'WeightedUtilization',
      type: 'TargetTrackingScaling',
      targetValue: 0.7,
      metric: 'metric math: (FILL(p5, 0) / 20 + FILL(g6, 0) / 8) / 2 (2 metrics)',
      scaleOutCooldownSeconds: 60,
      scaleInCooldownSeconds: 300,
      disableScaleIn: false,
    });
  });

  test('step scaling names its alarms and has no target', () => {
    expect(policyReport({
      PolicyName: 'Steps', PolicyType: 'StepScaling', PolicyARN: 'arn', ServiceNamespace: 'sagemaker', ResourceId: 'r',
      ScalableDimension: 'sagemaker:variant:DesiredInstanceCount', CreationTime: new Date(),
      StepScalingPolicyConfiguration: { AdjustmentType: 'ChangeInCapacity', Cooldown: 120 },
      Alarms: [{ AlarmName: 'Backlog', AlarmARN: 'arn' }],
    })).toMatchObject({ type: 'StepScaling', targetValue: null, metric: 'alarm Backlog', scaleInCooldownSeconds: 120 });
  });

  test('predictive scaling shows its target', () => {
    expect(policyReport({
      PolicyName: 'Forecast', PolicyType: 'PredictiveScaling', PolicyARN: 'arn', ServiceNamespace: 'sagemaker', ResourceId: 'r',
      ScalableDimension: 'sagemaker:variant:DesiredInstanceCount', CreationTime: new Date(),
      PredictiveScalingPolicyConfiguration: { MetricSpecifications: [{ TargetValue: 40 }] },
    })).toMatchObject({ type: 'PredictiveScaling', targetValue: 40 });
  });
});

describe('trackedMetric', () => {
  test('predefined metric', () => {
    expect(trackedMetric({ TargetValue: 70, PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance' } }))
      .toBe('SageMakerVariantInvocationsPerInstance');
  });

  test('one custom metric, legacy form', () => {
    expect(trackedMetric({
      TargetValue: 5,
      CustomizedMetricSpecification: { Namespace: 'AWS/SageMaker', MetricName: 'ConcurrentRequestsPerModel', Statistic: 'Average' },
    })).toBe('AWS/SageMaker/ConcurrentRequestsPerModel (Average)');
  });

  test('one custom metric, Metrics form without math', () => {
    expect(trackedMetric({
      TargetValue: 5,
      CustomizedMetricSpecification: { Metrics: [{ Id: 'm', MetricStat: { Stat: 'p90', Metric: { Namespace: 'AWS/SageMaker', MetricName: 'ModelLatency' } } }] },
    })).toBe('AWS/SageMaker/ModelLatency (p90)');
  });

  test('nothing to describe', () => {
    expect(trackedMetric({ TargetValue: 1 })).toBeNull();
  });
});

test('activityReport keeps times, status, description, cause and message', () => {
  expect(activityReport(ACTIVITIES[0])).toEqual({
    startTime: '2026-11-26T09:41:00.000Z',
    endTime: '2026-11-26T09:52:00.000Z',
    status: 'Successful',
    description: 'Setting desired instance count to 6.',
    cause: expect.stringMatching(/^monitor alarm TargetTracking-endpoint\/llm-endpoint\/variant\/AllTraffic-AlarmHigh/),
    statusMessage: 'Successfully set desired instance count to 6. Change successfully fulfilled by sagemaker.',
  });
});
