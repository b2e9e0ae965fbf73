import { Duration, Names } from 'aws-cdk-lib';
import { CfnScalableTarget, CfnScalingPolicy } from 'aws-cdk-lib/aws-applicationautoscaling';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { described, InstancePoolsError } from '../core/errors';
import { checkBoolean, checkDuration, requireNumber, requireObject } from '../core/required';
import { checkDurationSeconds, checkPositive } from '../core/validation';
import { TargetTrackingOptions } from './target-tracking-options';

/** What a target-tracking policy tracks, as the scaling signals render it. */
export interface TrackedSignal {
  readonly targetValue: number;
  readonly customizedMetricSpecification?: CfnScalingPolicy.CustomizedMetricSpecificationProperty;
  readonly predefinedMetricSpecification?: CfnScalingPolicy.PredefinedMetricSpecificationProperty;
}

/** A SageMaker scalable target with its capacity range and target-tracking policy. */
export interface TargetTrackingSpec extends TargetTrackingOptions {
  readonly resourceId: string;
  readonly scalableDimension: string;
  readonly minCapacity: number;
  readonly maxCapacity: number;
  readonly signal: TrackedSignal;
}

/**
 * Creates the scalable target (`Target`, no role: Application Auto Scaling uses its SageMaker service-linked role)
 * and the target-tracking policy (`Policy`, L1 so metric math works, aws/aws-cdk#20659) under `scope`.
 */
export function createTargetTracking(scope: Construct, spec: TargetTrackingSpec): { scalableTarget: CfnScalableTarget; scalingPolicy: CfnScalingPolicy } {
  checkTrackedSignal(spec.signal);
  checkBoolean('disableScaleIn', spec.disableScaleIn);
  const scaleIn = checkDurationSeconds('scaleInCooldown', checkDuration('scaleInCooldown', spec.scaleInCooldown) ?? Duration.minutes(5), 0, 86400);
  const scaleOut = checkDurationSeconds('scaleOutCooldown', checkDuration('scaleOutCooldown', spec.scaleOutCooldown) ?? Duration.minutes(1), 0, 86400);
  const scalableTarget = new CfnScalableTarget(scope, 'Target', {
    serviceNamespace: 'sagemaker',
    resourceId: spec.resourceId,
    scalableDimension: spec.scalableDimension,
    minCapacity: spec.minCapacity,
    maxCapacity: spec.maxCapacity,
  });
  const scalingPolicy = new CfnScalingPolicy(scope, 'Policy', {
    policyName: Names.uniqueResourceName(scope, { maxLength: 255 }),
    policyType: 'TargetTrackingScaling',
    scalingTargetId: scalableTarget.ref,
    targetTrackingScalingPolicyConfiguration: {
      targetValue: spec.signal.targetValue,
      scaleInCooldown: scaleIn,
      scaleOutCooldown: scaleOut,
      disableScaleIn: spec.disableScaleIn,
      customizedMetricSpecification: spec.signal.customizedMetricSpecification,
      predefinedMetricSpecification: spec.signal.predefinedMetricSpecification,
    },
  });
  return { scalableTarget, scalingPolicy };
}

/**
 * What a signal's `bind()` returned, checked before it is rendered: the library's signals always pass, but a signal
 * written by hand (in plain JavaScript, without a type checker) could return anything, which would otherwise end in
 * aws-cdk-lib's property validation. A target-tracking policy needs a positive `TargetValue` and exactly one of a
 * customized or a predefined metric specification
 * (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_TargetTrackingScalingPolicyConfiguration.html).
 */
function checkTrackedSignal(signal: TrackedSignal): void {
  const prop = 'signal.bind()';
  requireObject(prop, signal);
  checkPositive(`${prop}.targetValue`, requireNumber(`${prop}.targetValue`, signal.targetValue, 'the value the policy holds the signal at'));
  const customized = signal.customizedMetricSpecification !== undefined && signal.customizedMetricSpecification !== null;
  const predefined = signal.predefinedMetricSpecification !== undefined && signal.predefinedMetricSpecification !== null;
  if (customized === predefined) {
    throw new InstancePoolsError(customized ? 'ConflictingOptions' : 'MissingRequiredProp', prop,
      'must return exactly one of customizedMetricSpecification and predefinedMetricSpecification',
      described(customized ? 'both' : 'neither'));
  }
  if (customized) requireObject(`${prop}.customizedMetricSpecification`, signal.customizedMetricSpecification);
  if (predefined) requireObject(`${prop}.predefinedMetricSpecification`, signal.predefinedMetricSpecification);
}

/**
 * Target tracking never scales out from zero: with no instance (or copy) the tracked metric has no data, and
 * insufficient data does not scale
 * (https://docs.aws.amazon.com/autoscaling/application/userguide/target-tracking-scaling-policy-overview.html). The documented remedy is a step-scaling policy that adds
 * one unit when `trigger` (requests waiting without capacity) reaches 1, created here as `ScaleOutFromZero` and
 * `ScaleOutFromZeroAlarm`.
 */
export function createScaleOutFromZero(scope: Construct, scalableTarget: CfnScalableTarget, trigger: cloudwatch.IMetric): { policy: CfnScalingPolicy; alarm: cloudwatch.Alarm } {
  const policy = new CfnScalingPolicy(scope, 'ScaleOutFromZero', {
    policyName: Names.uniqueResourceName(scope, { maxLength: 240 }) + '-from-zero',
    policyType: 'StepScaling',
    scalingTargetId: scalableTarget.ref,
    stepScalingPolicyConfiguration: {
      adjustmentType: 'ChangeInCapacity',
      cooldown: 300,
      metricAggregationType: 'Maximum',
      stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 1 }],
    },
  });
  const alarm = new cloudwatch.Alarm(scope, 'ScaleOutFromZeroAlarm', {
    metric: trigger,
    threshold: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    alarmDescription: 'Requests are waiting and no capacity serves them: add the first unit (target tracking cannot scale out from zero).',
  });
  alarm.addAlarmAction({ bind: () => ({ alarmActionArn: policy.ref }) });
  return { policy, alarm };
}
