import { CfnElement, Duration, Stack, Token } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { InstancePoolsError } from '../../lib/core/errors';
import { createScaleOutFromZero, createTargetTracking, TargetTrackingSpec } from '../../lib/scaling/target-tracking';
import { testStack } from '../util';

const SPEC: TargetTrackingSpec = {
  resourceId: 'endpoint/llm/variant/AllTraffic',
  scalableDimension: 'sagemaker:variant:DesiredInstanceCount',
  minCapacity: 1,
  maxCapacity: 4,
  signal: { targetValue: 5, predefinedMetricSpecification: { predefinedMetricType: 'SageMakerVariantInvocationsPerInstance' } },
};

function scoped(): { stack: Stack; scope: Construct } {
  const stack = testStack();
  return { stack, scope: new Construct(stack, 'AutoScaling') };
}

/** The target-tracking configuration of the one policy in the stack. */
function trackingConfig(stack: Stack): any {
  const policies = Object.values(Template.fromStack(stack).findResources('AWS::ApplicationAutoScaling::ScalingPolicy'));
  expect(policies).toHaveLength(1);
  return (policies[0] as any).Properties.TargetTrackingScalingPolicyConfiguration;
}

describe('createTargetTracking', () => {
  test('creates Target and Policy under the scope and returns them', () => {
    const { stack, scope } = scoped();
    const { scalableTarget, scalingPolicy } = createTargetTracking(scope, SPEC);
    expect(scope.node.children.map((c) => c.node.id)).toEqual(['Target', 'Policy']);
    expect(scope.node.findChild('Target')).toBe(scalableTarget);
    expect(scope.node.findChild('Policy')).toBe(scalingPolicy);
    expect(stack.resolve(scalingPolicy.scalingTargetId)).toEqual({ Ref: stack.getLogicalId(scalableTarget) });
  });

  test('the scalable target: SageMaker, the resource, dimension and range, no role (service-linked)', () => {
    const { stack, scope } = scoped();
    createTargetTracking(scope, SPEC);
    Template.fromStack(stack).hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      ServiceNamespace: 'sagemaker',
      ResourceId: 'endpoint/llm/variant/AllTraffic',
      ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
      MinCapacity: 1,
      MaxCapacity: 4,
      RoleARN: Match.absent(),
    });
  });

  test('the policy: target tracking on the signal, cooldowns 300 s in and 60 s out by default', () => {
    const { stack, scope } = scoped();
    const { scalableTarget } = createTargetTracking(scope, SPEC);
    Template.fromStack(stack).hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      PolicyType: 'TargetTrackingScaling',
      PolicyName: Match.stringLikeRegexp('AutoScaling'),
      ScalingTargetId: { Ref: stack.getLogicalId(scalableTarget) },
    });
    expect(trackingConfig(stack)).toEqual({
      TargetValue: 5,
      ScaleInCooldown: 300,
      ScaleOutCooldown: 60,
      PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance' },
    });
  });

  test('renders a customized metric signal, the given cooldowns and disableScaleIn', () => {
    const { stack, scope } = scoped();
    const customized = { metrics: [{ id: 'signal', expression: '1', returnData: true }] };
    createTargetTracking(scope, {
      ...SPEC, signal: { targetValue: 0.7, customizedMetricSpecification: customized },
      scaleInCooldown: Duration.minutes(10), scaleOutCooldown: Duration.seconds(0), disableScaleIn: true,
    });
    expect(trackingConfig(stack)).toEqual({
      TargetValue: 0.7,
      ScaleInCooldown: 600,
      ScaleOutCooldown: 0,
      DisableScaleIn: true,
      CustomizedMetricSpecification: { Metrics: [{ Id: 'signal', Expression: '1', ReturnData: true }] },
    });
  });

  test('accepts cooldowns of 0 and 86400 seconds, and tokens', () => {
    const { scope } = scoped();
    expect(() => createTargetTracking(scope, { ...SPEC, scaleInCooldown: Duration.days(1), scaleOutCooldown: Duration.seconds(0) })).not.toThrow();
    const { stack, scope: other } = scoped();
    createTargetTracking(other, { ...SPEC, scaleInCooldown: Duration.seconds(Token.asNumber({ Ref: 'Cooldown' })) });
    expect(trackingConfig(stack).ScaleInCooldown).toEqual({ Ref: 'Cooldown' });
  });

  test.each<[string, Partial<TargetTrackingSpec>, string]>([
    ['scaleInCooldown over a day', { scaleInCooldown: Duration.seconds(86401) }, 'scaleInCooldown: must be a whole number of seconds from 0 to 86400, got 86401 [OutOfRange]'],
    ['scaleInCooldown in fractional seconds', { scaleInCooldown: Duration.millis(1500) }, 'scaleInCooldown: must be a whole number of seconds from 0 to 86400, got 1.5 [OutOfRange]'],
    ['scaleOutCooldown over a day', { scaleOutCooldown: Duration.days(2) }, 'scaleOutCooldown: must be a whole number of seconds from 0 to 86400, got 172800 [OutOfRange]'],
    ['scaleOutCooldown in fractional seconds', { scaleOutCooldown: Duration.millis(100) }, 'scaleOutCooldown: must be a whole number of seconds from 0 to 86400, got 0.1 [OutOfRange]'],
    // A signal written by hand in plain JavaScript: what its bind() returned.
    ['a bind() that returned nothing', { signal: undefined as any }, 'signal.bind(): required: an object of properties, got undefined [MissingRequiredProp]'],
    ['no targetValue', { signal: { predefinedMetricSpecification: SPEC.signal.predefinedMetricSpecification } as any }, 'signal.bind().targetValue: required: the value the policy holds the signal at, got undefined [MissingRequiredProp]'],
    ['a targetValue of 0', { signal: { ...SPEC.signal, targetValue: 0 } }, 'signal.bind().targetValue: must be a number greater than 0, got 0 [OutOfRange]'],
    ['a targetValue given as a string', { signal: { ...SPEC.signal, targetValue: '5' as any } }, 'signal.bind().targetValue: must be a number'],
    ['neither metric specification', { signal: { targetValue: 5 } }, 'signal.bind(): must return exactly one of customizedMetricSpecification and predefinedMetricSpecification, got neither [MissingRequiredProp]'],
    ['both metric specifications', { signal: { ...SPEC.signal, customizedMetricSpecification: { metrics: [] } } }, 'signal.bind(): must return exactly one of customizedMetricSpecification and predefinedMetricSpecification, got both [ConflictingOptions]'],
    ['a customized specification that is not an object', { signal: { targetValue: 5, customizedMetricSpecification: 'FILL(m1, 0)' as any } }, 'signal.bind().customizedMetricSpecification: must be an object of properties'],
  ])('rejects %s, before creating anything', (_, options, message) => {
    const { scope } = scoped();
    expect(() => createTargetTracking(scope, { ...SPEC, ...options })).toThrow(InstancePoolsError);
    expect(() => createTargetTracking(scope, { ...SPEC, ...options })).toThrow(message);
    expect(scope.node.children).toHaveLength(0);
  });
});

describe('createScaleOutFromZero', () => {
  const trigger = new cloudwatch.Metric({
    namespace: 'AWS/SageMaker', metricName: 'NoCapacityInvocationFailures', statistic: 'Maximum', period: Duration.minutes(1), dimensionsMap: { EndpointName: 'llm' },
  });

  function fromZero() {
    const { stack, scope } = scoped();
    const { scalableTarget } = createTargetTracking(scope, SPEC);
    return { stack, scope, scalableTarget, ...createScaleOutFromZero(scope, scalableTarget, trigger) };
  }

  test('creates ScaleOutFromZero and ScaleOutFromZeroAlarm under the scope', () => {
    const { scope, policy, alarm } = fromZero();
    expect(scope.node.findChild('ScaleOutFromZero')).toBe(policy);
    expect(scope.node.findChild('ScaleOutFromZeroAlarm')).toBe(alarm);
  });

  test('a step policy on the same target that adds one unit', () => {
    const { stack, scalableTarget, policy } = fromZero();
    const properties = Template.fromStack(stack).toJSON().Resources[stack.getLogicalId(policy)].Properties;
    expect(properties).toEqual({
      PolicyName: expect.stringMatching(/AutoScaling.*-from-zero$/),
      PolicyType: 'StepScaling',
      ScalingTargetId: { Ref: stack.getLogicalId(scalableTarget) },
      StepScalingPolicyConfiguration: {
        AdjustmentType: 'ChangeInCapacity',
        Cooldown: 300,
        MetricAggregationType: 'Maximum',
        StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }],
      },
    });
    expect(properties.PolicyName.length).toBeLessThanOrEqual(255);
  });

  test('its alarm fires on one waiting request, treats missing data as not breaching, and runs the policy', () => {
    const { stack, policy } = fromZero();
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SageMaker',
      MetricName: 'NoCapacityInvocationFailures',
      Statistic: 'Maximum',
      Period: 60,
      Dimensions: [{ Name: 'EndpointName', Value: 'llm' }],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
      AlarmActions: [{ Ref: stack.getLogicalId(policy) }],
      AlarmDescription: Match.stringLikeRegexp('target tracking cannot scale out from zero'),
    });
  });

  test('its name is the target-tracking policy name plus -from-zero (short scope path)', () => {
    const { stack, scope, policy } = fromZero();
    const name = (construct: Construct) => Template.fromStack(stack).toJSON().Resources[stack.getLogicalId(construct as CfnElement)].Properties.PolicyName;
    expect(name(policy)).toBe(`${name(scope.node.findChild('Policy'))}-from-zero`);
  });
});
