import { Duration } from 'aws-cdk-lib';
import { CfnScalableTarget, CfnScalingPolicy } from 'aws-cdk-lib/aws-applicationautoscaling';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { checkConstruct, checkEnumLike, checkScopeAndId, requireNumber, requireObject } from '../core/required';
import { checkCapacityRange } from '../core/validation';
import { metricCadence } from '../pools/metric-publishing';
import { warnSparseSignal } from '../scaling/signal-config';
import { checkSignalTarget } from '../scaling/signal-target';
import { createScaleOutFromZero, createTargetTracking } from '../scaling/target-tracking';
import { TargetTrackingOptions } from '../scaling/target-tracking-options';
import { warnCopiesBeyondFleet } from './copy-fit';
import { CopyScalingSignal } from './copy-scaling-signal';
import { IInferenceComponent } from './inference-component-base';

/** Options of copy-count autoscaling, as taken by `component.autoScale(...)`. */
export interface CopyAutoScalingOptions extends TargetTrackingOptions {
  /**
   * The fewest copies; 0 lets the component release every copy when idle (and, with managed instance
   * scaling, the endpoint its instances). A step-scaling policy on `NoCapacityInvocationFailures` then brings
   * the first copy back, which target tracking cannot do.
   * @default 1
   */
  readonly minCopyCount?: number;
  /**
   * The most copies, across all instance types (within the API's 32-bit integer range). More than the endpoint's
   * `managedInstanceScaling.maxInstanceCount` instances can hold is warned about (`copiesExceedFleet`).
   */
  readonly maxCopyCount: number;
  /**
   * What the target-tracking policy holds steady.
   * @default CopyScalingSignal.weightedUtilization() - target 0.7, mean over the instance types that run copies
   */
  readonly signal?: CopyScalingSignal;
}

/** Properties of `InferenceComponentAutoScaling`. */
export interface InferenceComponentAutoScalingProps extends CopyAutoScalingOptions {
  /** The inference component whose copy count scales. */
  readonly component: IInferenceComponent;
  /**
   * The component's initial copy count, checked to lie within [minCopyCount, maxCopyCount].
   * @default - not checked
   */
  readonly copyCount?: number;
}

/**
 * Target-tracking autoscaling of an inference component's copy count (`inference-component/NAME`,
 * `sagemaker:inference-component:DesiredCopyCount`), rendered with the L1 `CfnScalingPolicy` so that metric math
 * works. With managed instance scaling on the endpoint, new copies bring new instances from the pools. Construct
 * IDs `Target` and `Policy` are a public contract.
 */
export class InferenceComponentAutoScaling extends Construct {
  /** The scalable target (Application Auto Scaling uses its service-linked role; no role is created). */
  public readonly scalableTarget: CfnScalableTarget;
  /** The target-tracking policy. */
  public readonly scalingPolicy: CfnScalingPolicy;
  /** The signal the policy tracks, as a CloudWatch metric (for dashboards and alarms). */
  public readonly signal: cloudwatch.IMetric;
  /** The value the policy holds the signal at. */
  public readonly targetValue: number;
  /** The fewest copies. */
  public readonly minCopyCount: number;
  /** The most copies. */
  public readonly maxCopyCount: number;

  /**
   * @throws `[MissingRequiredProp]` without `component` or `maxCopyCount`; `[InvalidCapacity]` for counts outside
   * the API's range or `minCopyCount` above `maxCopyCount`
   */
  constructor(scope: Construct, id: string, props: InferenceComponentAutoScalingProps) {
    super(scope, checkScopeAndId(scope, id));
    props = requireObject('autoScale options', props);
    checkConstruct('component', props.component, 'an inference component');
    requireNumber('maxCopyCount', props.maxCopyCount, 'the most copies, across all instance types', 'InvalidCapacity');
    checkEnumLike('signal', props.signal, ['bind'], 'CopyScalingSignal.weightedUtilization(), .concurrentRequestsPerCopy() or .invocationsPerCopy()', true);
    checkSignalTarget(props.signal, 'copies', 'CopyScalingSignal.weightedUtilization(), .concurrentRequestsPerCopy() or .invocationsPerCopy()');
    this.minCopyCount = props.minCopyCount ?? 1;
    this.maxCopyCount = props.maxCopyCount;
    checkCapacityRange({
      minProp: 'minCopyCount', min: this.minCopyCount, minFloor: 0, maxProp: 'maxCopyCount', max: this.maxCopyCount,
      valueProp: 'copyCount', value: props.copyCount,
    });
    warnCopiesBeyondFleet(this, 'maxCopyCount', this.maxCopyCount, props.component.endpoint, props.component.placements);
    const signal = (props.signal ?? CopyScalingSignal.weightedUtilization()).bind(props.component);
    if (signal.weighted) warnSparseSignal(this, metricCadence(props.component.endpoint));
    this.signal = signal.metric;
    this.targetValue = signal.targetValue;

    const created = createTargetTracking(this, {
      ...props,
      resourceId: `inference-component/${props.component.inferenceComponentName}`,
      scalableDimension: 'sagemaker:inference-component:DesiredCopyCount',
      minCapacity: this.minCopyCount,
      maxCapacity: this.maxCopyCount,
      signal,
    });
    this.scalableTarget = created.scalableTarget;
    this.scalingPolicy = created.scalingPolicy;
    if (this.minCopyCount === 0) {
      createScaleOutFromZero(this, this.scalableTarget, new cloudwatch.Metric({
        namespace: 'AWS/SageMaker', metricName: 'NoCapacityInvocationFailures', statistic: 'Maximum', period: Duration.minutes(1),
        dimensionsMap: { InferenceComponentName: props.component.inferenceComponentName },
      }));
    }
  }
}
