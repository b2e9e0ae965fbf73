import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { InstancePoolsError } from '../core/errors';
import { checkConstruct } from '../core/required';
import { InstanceType } from '../instance-types/instance-type';
import { IInstancePoolEndpoint, InstancePoolEndpointBase } from './instance-pool-endpoint';
import { dimensionedMetric, ENDPOINT_INSTANCE_NAMESPACE, INVOCATION_NAMESPACE } from './metric-factory';

/** Options of the endpoint's metric helpers. */
export interface EndpointMetricOptions extends cloudwatch.MetricOptions {
  /**
   * Restrict the metric to one instance type of the fleet (adds the `InstanceType` dimension SageMaker
   * publishes for endpoints with instance pools). It must be one of the variant's pools (of an inference component:
   * one of the types it runs on), since SageMaker publishes no data for another: `[InstanceTypeNotInPools]`
   * otherwise. A token passes.
   * @default - the whole variant, all instance types together
   */
  readonly instanceType?: InstanceType;
}

/**
 * A single-model endpoint (real-time or asynchronous) whose production variant runs on a ranked list of instance
 * pools. Its invocation metrics carry `EndpointName` and `VariantName` (and `InstanceType` per pool); monitoring
 * and variant autoscaling take this type, so an inference-component endpoint, whose metrics are per component,
 * cannot be passed by mistake.
 */
export interface ICapacityAwareEndpoint extends IInstancePoolEndpoint {
  /**
   * Whether the endpoint serves asynchronously. An asynchronous endpoint publishes only the metrics AWS lists for it
   * (backlog, time in backlog, invocations processed and failed, latency and errors, instance metrics), none of
   * `Invocations`, `InvocationsPerInstance` or `ConcurrentRequestsPerModel`
   * (https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-monitor.html): alarms, dashboards and scaling
   * signals read what it publishes.
   */
  readonly asyncInference: boolean;
  /**
   * Any metric of the `AWS/SageMaker` namespace for this variant. `metricName` takes 1 to 255 characters
   * (CloudWatch `MetricName`, `[InvalidName]` otherwise).
   */
  metric(metricName: string, options?: EndpointMetricOptions): cloudwatch.Metric;
}

/** Metric helpers and grants shared by created and imported capacity-aware endpoints. */
export abstract class CapacityAwareEndpointBase extends InstancePoolEndpointBase implements ICapacityAwareEndpoint {
  /** Whether the endpoint serves asynchronously. */
  public abstract readonly asyncInference: boolean;

  /** @default - average over 5 minutes */
  public metric(metricName: string, options: EndpointMetricOptions = {}): cloudwatch.Metric {
    return this.variantMetric(INVOCATION_NAMESPACE, metricName, 'Average', options);
  }

  /** Time the model took to respond, in microseconds (`ModelLatency`). @default - average over 5 minutes */
  public metricModelLatency(options: EndpointMetricOptions = {}): cloudwatch.Metric {
    return this.variantMetric(INVOCATION_NAMESPACE, 'ModelLatency', 'Average', options);
  }

  /** Time SageMaker added on top of the model, in microseconds (`OverheadLatency`). @default - average over 5 minutes */
  public metricOverheadLatency(options: EndpointMetricOptions = {}): cloudwatch.Metric {
    return this.variantMetric(INVOCATION_NAMESPACE, 'OverheadLatency', 'Average', options);
  }

  /** Requests sent to the variant (`Invocations`). @default - sum over 5 minutes */
  public metricInvocations(options: EndpointMetricOptions = {}): cloudwatch.Metric {
    return this.variantMetric(INVOCATION_NAMESPACE, 'Invocations', 'Sum', options);
  }

  /** Requests per instance (`InvocationsPerInstance`). @default - sum over 5 minutes */
  public metricInvocationsPerInstance(options: EndpointMetricOptions = {}): cloudwatch.Metric {
    return this.variantMetric(INVOCATION_NAMESPACE, 'InvocationsPerInstance', 'Sum', options);
  }

  /** Concurrent requests per model copy (`ConcurrentRequestsPerModel`, high resolution). @default - average over 1 minute */
  public metricConcurrentRequestsPerModel(options: EndpointMetricOptions = {}): cloudwatch.Metric {
    return this.variantMetric(INVOCATION_NAMESPACE, 'ConcurrentRequestsPerModel', 'Average', options, Duration.minutes(1));
  }

  /** Requests answered with a 4XX error (`Invocation4XXErrors`). @default - sum over 5 minutes */
  public metricInvocation4XXErrors(options: EndpointMetricOptions = {}): cloudwatch.Metric {
    return this.variantMetric(INVOCATION_NAMESPACE, 'Invocation4XXErrors', 'Sum', options);
  }

  /** Requests answered with a 5XX error (`Invocation5XXErrors`). @default - sum over 5 minutes */
  public metricInvocation5XXErrors(options: EndpointMetricOptions = {}): cloudwatch.Metric {
    return this.variantMetric(INVOCATION_NAMESPACE, 'Invocation5XXErrors', 'Sum', options);
  }

  /** CPU utilization in percent, summed over cores (`CPUUtilization`). @default - average over 5 minutes */
  public metricCPUUtilization(options: EndpointMetricOptions = {}): cloudwatch.Metric {
    return this.variantMetric(ENDPOINT_INSTANCE_NAMESPACE, 'CPUUtilization', 'Average', options);
  }

  /** Memory utilization in percent (`MemoryUtilization`). @default - average over 5 minutes */
  public metricMemoryUtilization(options: EndpointMetricOptions = {}): cloudwatch.Metric {
    return this.variantMetric(ENDPOINT_INSTANCE_NAMESPACE, 'MemoryUtilization', 'Average', options);
  }

  /** GPU utilization in percent, summed over the instance's GPUs (`GPUUtilization`). @default - average over 5 minutes */
  public metricGPUUtilization(options: EndpointMetricOptions = {}): cloudwatch.Metric {
    return this.variantMetric(ENDPOINT_INSTANCE_NAMESPACE, 'GPUUtilization', 'Average', options);
  }

  /** GPU memory utilization in percent, summed over the instance's GPUs (`GPUMemoryUtilization`). @default - average over 5 minutes */
  public metricGPUMemoryUtilization(options: EndpointMetricOptions = {}): cloudwatch.Metric {
    return this.variantMetric(ENDPOINT_INSTANCE_NAMESPACE, 'GPUMemoryUtilization', 'Average', options);
  }

  /** Disk utilization in percent (`DiskUtilization`). @default - average over 5 minutes */
  public metricDiskUtilization(options: EndpointMetricOptions = {}): cloudwatch.Metric {
    return this.variantMetric(ENDPOINT_INSTANCE_NAMESPACE, 'DiskUtilization', 'Average', options);
  }

  /**
   * The prop that holds the variant's pools, for messages: `pools`, or `variants[0].pools` for a further variant.
   * @internal
   */
  public get _poolsProp(): string {
    return 'pools';
  }

  /**
   * The `EndpointName` dimension of the metrics. A created endpoint with a fixed name uses the plain name rather
   * than a reference to the endpoint resource, so alarms on its metrics can guard its own deployments.
   */
  protected get metricEndpointName(): string {
    return this.endpointName;
  }

  private variantMetric(namespace: string, metricName: string, statistic: string, options: EndpointMetricOptions, period?: Duration): cloudwatch.Metric {
    // The pools are read only for a metric narrowed to a type (a subclass may not have set them yet otherwise).
    const pools = options?.instanceType ? { types: (this.pools ?? []).map((pool) => pool.instanceType), source: this._poolsProp } : undefined;
    return dimensionedMetric(namespace, metricName, statistic, { EndpointName: this.metricEndpointName, VariantName: this.variantName }, options, period, pools);
  }
}

/**
 * `value` must be a capacity-aware endpoint: a `CapacityAwareEndpoint`, one of its variants, or one imported with
 * `fromEndpointAttributes` (a construct with pools and metrics). Any other construct (a model, a stack) would fail
 * later with a raw error. Throws `[MissingRequiredProp]`.
 */
export function checkCapacityAwareEndpoint(prop: string, value: ICapacityAwareEndpoint | undefined | null): ICapacityAwareEndpoint {
  const what = 'a capacity-aware endpoint (CapacityAwareEndpoint, one of its variants, or CapacityAwareEndpoint.fromEndpointAttributes)';
  checkConstruct(prop, value, what);
  if (!Array.isArray((value as any).pools) || typeof (value as any).metric !== 'function') {
    throw new InstancePoolsError('MissingRequiredProp', prop, `must be ${what}`, value);
  }
  return value!;
}
