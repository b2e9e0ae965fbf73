import { Duration, IResource, Resource } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { EndpointMetricOptions } from '../pools/capacity-aware-endpoint-base';
import { IInstancePoolEndpoint } from '../pools/instance-pool-endpoint';
import { dimensionedMetric, INFERENCE_COMPONENT_NAMESPACE, INVOCATION_NAMESPACE } from '../pools/metric-factory';
import { PoolInstanceTypes } from '../pools/pool-instance-types';
import { InstanceTypePlacement } from './inference-component-specification';

/** An inference component on an endpoint with instance pools. */
export interface IInferenceComponent extends IResource {
  /** The inference component name. @attribute */
  readonly inferenceComponentName: string;
  /** The inference component ARN. @attribute */
  readonly inferenceComponentArn: string;
  /** The endpoint that hosts it (an inference-component endpoint for components this library creates). */
  readonly endpoint: IInstancePoolEndpoint;
  /** The instance types it runs on, with the model and measured capacity of each, in priority order. */
  readonly placements: InstanceTypePlacement[];
  /**
   * Any metric of the `AWS/SageMaker` namespace (invocations, latency, concurrency) for this component. `metricName`
   * takes 1 to 255 characters (CloudWatch `MetricName`, `[InvalidName]` otherwise).
   */
  metric(metricName: string, options?: EndpointMetricOptions): cloudwatch.Metric;
  /** Any metric of the `/aws/sagemaker/InferenceComponents` namespace (utilization of the copies). */
  metricUtilization(metricName: string, options?: EndpointMetricOptions): cloudwatch.Metric;
}

/**
 * Metric helpers of an inference component. Every helper takes an optional `instanceType`, which adds the
 * `InstanceType` dimension SageMaker publishes next to `InferenceComponentName` on endpoints with pools.
 */
export abstract class InferenceComponentBase extends Resource implements IInferenceComponent {
  public abstract readonly inferenceComponentName: string;
  public abstract readonly inferenceComponentArn: string;
  public abstract readonly endpoint: IInstancePoolEndpoint;
  public abstract readonly placements: InstanceTypePlacement[];

  /** @default - average over 5 minutes */
  public metric(metricName: string, options: EndpointMetricOptions = {}): cloudwatch.Metric {
    return this.componentMetric(INVOCATION_NAMESPACE, metricName, 'Average', options);
  }

  /** @default - average over 5 minutes */
  public metricUtilization(metricName: string, options: EndpointMetricOptions = {}): cloudwatch.Metric {
    return this.componentMetric(INFERENCE_COMPONENT_NAMESPACE, metricName, 'Average', options);
  }

  /** Requests sent to the component (`Invocations`). @default - sum over 5 minutes */
  public metricInvocations(options: EndpointMetricOptions = {}): cloudwatch.Metric {
    return this.componentMetric(INVOCATION_NAMESPACE, 'Invocations', 'Sum', options);
  }

  /** Requests per copy (`InvocationsPerCopy`). @default - sum over 5 minutes */
  public metricInvocationsPerCopy(options: EndpointMetricOptions = {}): cloudwatch.Metric {
    return this.componentMetric(INVOCATION_NAMESPACE, 'InvocationsPerCopy', 'Sum', options);
  }

  /** Concurrent requests per copy (`ConcurrentRequestsPerCopy`, high resolution). @default - average over 1 minute */
  public metricConcurrentRequestsPerCopy(options: EndpointMetricOptions = {}): cloudwatch.Metric {
    return this.componentMetric(INVOCATION_NAMESPACE, 'ConcurrentRequestsPerCopy', 'Average', options, Duration.minutes(1));
  }

  /** Time the model took to respond, in microseconds (`ModelLatency`). @default - average over 5 minutes */
  public metricModelLatency(options: EndpointMetricOptions = {}): cloudwatch.Metric {
    return this.componentMetric(INVOCATION_NAMESPACE, 'ModelLatency', 'Average', options);
  }

  /** Requests answered with a 4XX error (`Invocation4XXErrors`). @default - sum over 5 minutes */
  public metricInvocation4XXErrors(options: EndpointMetricOptions = {}): cloudwatch.Metric {
    return this.componentMetric(INVOCATION_NAMESPACE, 'Invocation4XXErrors', 'Sum', options);
  }

  /** Requests answered with a 5XX error (`Invocation5XXErrors`). @default - sum over 5 minutes */
  public metricInvocation5XXErrors(options: EndpointMetricOptions = {}): cloudwatch.Metric {
    return this.componentMetric(INVOCATION_NAMESPACE, 'Invocation5XXErrors', 'Sum', options);
  }

  /** Requests the model did not answer with a 2XX (`InvocationModelErrors`). @default - sum over 5 minutes */
  public metricInvocationModelErrors(options: EndpointMetricOptions = {}): cloudwatch.Metric {
    return this.componentMetric(INVOCATION_NAMESPACE, 'InvocationModelErrors', 'Sum', options);
  }

  /** GPU utilization of the copies, 0–100 % of their reserved accelerators (`GPUUtilizationNormalized`). @default - average over 5 minutes */
  public metricGPUUtilizationNormalized(options: EndpointMetricOptions = {}): cloudwatch.Metric {
    return this.componentMetric(INFERENCE_COMPONENT_NAMESPACE, 'GPUUtilizationNormalized', 'Average', options);
  }

  /** GPU memory utilization of the copies, 0–100 % (`GPUMemoryUtilizationNormalized`). @default - average over 5 minutes */
  public metricGPUMemoryUtilizationNormalized(options: EndpointMetricOptions = {}): cloudwatch.Metric {
    return this.componentMetric(INFERENCE_COMPONENT_NAMESPACE, 'GPUMemoryUtilizationNormalized', 'Average', options);
  }

  /** CPU utilization of the copies, 0–100 % of their reserved cores (`CPUUtilizationNormalized`). @default - average over 5 minutes */
  public metricCPUUtilizationNormalized(options: EndpointMetricOptions = {}): cloudwatch.Metric {
    return this.componentMetric(INFERENCE_COMPONENT_NAMESPACE, 'CPUUtilizationNormalized', 'Average', options);
  }

  /** Memory utilization of the copies, 0–100 % of their reserved memory (`MemoryUtilizationNormalized`). @default - average over 5 minutes */
  public metricMemoryUtilizationNormalized(options: EndpointMetricOptions = {}): cloudwatch.Metric {
    return this.componentMetric(INFERENCE_COMPONENT_NAMESPACE, 'MemoryUtilizationNormalized', 'Average', options);
  }

  private componentMetric(namespace: string, metricName: string, statistic: string, options: EndpointMetricOptions, period?: Duration): cloudwatch.Metric {
    const pools = options?.instanceType ? componentTypes(this) : undefined;
    return dimensionedMetric(namespace, metricName, statistic, { InferenceComponentName: this.inferenceComponentName }, options, period, pools);
  }
}

/**
 * The instance types a component runs on (its placements: every pool type, or the types of its per-type
 * specification): SageMaker publishes a component's per-InstanceType metrics for the types that host its copies.
 */
function componentTypes(component: IInferenceComponent): PoolInstanceTypes {
  return { types: (component.placements ?? []).map((placement) => placement.instanceType), source: "the component's specification" };
}
