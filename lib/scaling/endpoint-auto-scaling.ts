import { Duration } from 'aws-cdk-lib';
import { CfnScalableTarget, CfnScalingPolicy } from 'aws-cdk-lib/aws-applicationautoscaling';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { described, InstancePoolsError } from '../core/errors';
import { checkBoolean, checkEnumLike, checkScopeAndId, requireNumber, requireObject } from '../core/required';
import { checkCapacityRange } from '../core/validation';
import { checkCapacityAwareEndpoint, ICapacityAwareEndpoint } from '../pools/capacity-aware-endpoint-base';
import { metricCadence } from '../pools/metric-publishing';
import { ScalingSignal } from './scaling-signal';
import { SignalMetricSource } from './scaling-signal-options';
import { warnSparseSignal } from './signal-config';
import { checkSignalTarget } from './signal-target';
import { createScaleOutFromZero, createTargetTracking } from './target-tracking';
import { TargetTrackingOptions } from './target-tracking-options';

/** Options of endpoint autoscaling, as taken by `endpoint.autoScale(...)`. */
export interface AutoScalingOptions extends TargetTrackingOptions {
  /**
   * The fewest instances. 0 is allowed only for asynchronous endpoints (scale to zero): a step-scaling policy on
   * `HasBacklogWithoutCapacity` then brings the first instance back, which target tracking cannot do.
   * @default 1
   */
  readonly minCapacity?: number;
  /** The most instances, across all pools. */
  readonly maxCapacity: number;
  /**
   * What the target-tracking policy holds steady. Required for asynchronous endpoints, which scale on their
   * backlog (`ScalingSignal.backlogPerInstance(...)`).
   * @default ScalingSignal.weightedUtilization() - target 0.7, mean over the pools that have instances
   */
  readonly signal?: ScalingSignal;
}

/** Properties of `EndpointAutoScaling`. */
export interface EndpointAutoScalingProps extends AutoScalingOptions {
  /** The endpoint whose variant scales. */
  readonly endpoint: ICapacityAwareEndpoint;
  /**
   * The endpoint's initial instance count, checked to lie within [minCapacity, maxCapacity].
   * @default - not checked
   */
  readonly initialInstanceCount?: number;
  /**
   * Whether the endpoint serves asynchronously: allows `minCapacity: 0`, and takes only the backlog signal. Only for an
   * endpoint of your own without `asyncInference`: every endpoint of the library says it, and a value that contradicts
   * it throws `[ConflictingOptions]`.
   * @default - the endpoint's `asyncInference`
   */
  readonly asyncInference?: boolean;
}

/**
 * Target-tracking autoscaling of an endpoint variant's instance count (`endpoint/NAME/variant/VARIANT`,
 * `sagemaker:variant:DesiredInstanceCount`), rendered with the L1 `CfnScalingPolicy` so that metric math works
 * (the L2 rejects it, aws/aws-cdk#20659). Construct IDs `Target` and `Policy` are a public contract.
 */
export class EndpointAutoScaling extends Construct {
  /** The scalable target (Application Auto Scaling uses its service-linked role; no role is created). */
  public readonly scalableTarget: CfnScalableTarget;
  /** The target-tracking policy. */
  public readonly scalingPolicy: CfnScalingPolicy;
  /** The signal the policy tracks, as a CloudWatch metric (for dashboards and alarms). */
  public readonly signal: cloudwatch.IMetric;
  /** The value the policy holds the signal at. */
  public readonly targetValue: number;
  /** The fewest instances. */
  public readonly minCapacity: number;
  /** The most instances. */
  public readonly maxCapacity: number;

  /** Whether the policy tracks per-instance-type metrics (the weighted signal), which need the variant's pools. @internal */
  public readonly _perInstanceType: boolean;

  /**
   * @throws `[MissingRequiredProp]` without `endpoint` or `maxCapacity`; `[InvalidCapacity]` for counts outside the
   * API's range, `minCapacity: 0` on a real-time endpoint, or `minCapacity` above `maxCapacity`;
   * `[AsyncScalingSignal]` for an asynchronous endpoint without a signal or with a concurrency signal;
   * `[BacklogSignalOnRealTime]` for the backlog signal on a real-time endpoint; `[ConflictingOptions]` for an
   * `asyncInference` that contradicts the endpoint's
   */
  constructor(scope: Construct, id: string, props: EndpointAutoScalingProps) {
    super(scope, checkScopeAndId(scope, id));
    props = requireObject('autoScale options', props);
    checkCapacityAwareEndpoint('endpoint', props.endpoint);
    requireNumber('maxCapacity', props.maxCapacity, 'the most instances, across all pools', 'InvalidCapacity');
    checkEnumLike('signal', props.signal, ['bind'], 'ScalingSignal.weightedUtilization(), .concurrentRequestsPerModel() or .backlogPerInstance()', true);
    checkSignalTarget(props.signal, 'instances', 'ScalingSignal.weightedUtilization(), .concurrentRequestsPerModel() or .backlogPerInstance()');
    checkBoolean('asyncInference', props.asyncInference);
    this.minCapacity = props.minCapacity ?? 1;
    this.maxCapacity = props.maxCapacity;
    const asyncInference = endpointKind(props.asyncInference, props.endpoint.asyncInference);
    validateCapacity(this.minCapacity, this.maxCapacity, props.initialInstanceCount, asyncInference);
    checkSignalSource(props.signal, asyncInference);
    const signal = (props.signal ?? ScalingSignal.weightedUtilization()).bind(props.endpoint);
    if (signal.weighted) warnSparseSignal(this, metricCadence(props.endpoint));
    this.signal = signal.metric;
    this.targetValue = signal.targetValue;
    this._perInstanceType = signal.weighted;

    const endpoint = props.endpoint;
    const created = createTargetTracking(this, {
      ...props,
      resourceId: `endpoint/${endpoint.endpointName}/variant/${endpoint.variantName}`,
      scalableDimension: 'sagemaker:variant:DesiredInstanceCount',
      minCapacity: this.minCapacity,
      maxCapacity: this.maxCapacity,
      signal,
    });
    this.scalableTarget = created.scalableTarget;
    this.scalingPolicy = created.scalingPolicy;
    if (asyncInference && this.minCapacity === 0) {
      createScaleOutFromZero(this, this.scalableTarget, new cloudwatch.Metric({
        namespace: 'AWS/SageMaker', metricName: 'HasBacklogWithoutCapacity', statistic: 'Maximum', period: Duration.minutes(1),
        dimensionsMap: { EndpointName: endpoint.endpointName },
      }));
    }
  }
}

function validateCapacity(min: number, max: number, initial: number | undefined, asyncInference: boolean): void {
  checkCapacityRange({
    minProp: 'minCapacity', min, minFloor: asyncInference ? 0 : 1, maxProp: 'maxCapacity', max,
    minFloorReason: asyncInference ? undefined
      : ': 0 is for asynchronous endpoints only, which queue requests while no instance runs (a real-time endpoint without instances fails every request)',
    valueProp: 'initialInstanceCount', value: initial,
  });
}

/**
 * Whether the endpoint serves asynchronously: the endpoint says so (`asyncInference` of every endpoint of the library);
 * the prop only stands in for an endpoint of your own that does not. A prop that contradicts the endpoint would check
 * the signal and `minCapacity` against the wrong kind (a concurrency signal, which an asynchronous endpoint never
 * publishes; `minCapacity: 0` and the backlog signal on a real-time one).
 */
function endpointKind(said: boolean | undefined, endpoint: boolean | undefined): boolean {
  if (typeof endpoint !== 'boolean') return said === true;
  if (said !== undefined && said !== null && said !== endpoint) {
    throw new InstancePoolsError('ConflictingOptions', 'asyncInference', `must match the endpoint's asyncInference (${endpoint}); leave it unset`, said);
  }
  return endpoint;
}

/**
 * A signal must read what the endpoint publishes. An asynchronous endpoint publishes no metric but those AWS lists
 * for it, which include no `ConcurrentRequestsPerModel` (and no `Invocations`, `InvocationsPerInstance`):
 * https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-monitor.html. The weighted signal would read 0
 * whenever instances exist (their CPU samples count them active), scaling in for ever; the predefined concurrency
 * metric would have no data, and never scale. A real-time endpoint publishes no backlog, which is an asynchronous
 * inference metric (same page). Signals of your own (no `source`) are not checked.
 */
function checkSignalSource(signal: ScalingSignal | undefined, asyncInference: boolean): void {
  if (asyncInference && (!signal || signal.source === SignalMetricSource.CONCURRENCY)) {
    throw new InstancePoolsError('AsyncScalingSignal', 'signal',
      'asynchronous endpoints queue requests and publish no ConcurrentRequestsPerModel (https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-monitor.html): '
      + 'pass ScalingSignal.backlogPerInstance({ targetValue })',
      described(signal ? 'a concurrency signal' : 'none (the default weighted-utilization signal reads concurrency)'));
  }
  if (!asyncInference && signal?.source === SignalMetricSource.BACKLOG) {
    throw new InstancePoolsError('BacklogSignalOnRealTime', 'signal',
      'a real-time endpoint has no queue and publishes no ApproximateBacklogSizePerInstance, an asynchronous-inference metric: '
      + 'scale it on ScalingSignal.weightedUtilization() or ScalingSignal.concurrentRequestsPerModel({ targetValue })',
      described('ScalingSignal.backlogPerInstance()'));
  }
}
