import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { InstanceType } from '../instance-types/instance-type';
import { ICapacityAwareEndpoint } from '../pools/capacity-aware-endpoint-base';
import { RankedInstancePool } from '../pools/instance-pool';
import { dimensionedMetric, ENDPOINT_INSTANCE_NAMESPACE } from '../pools/metric-factory';

/**
 * The metric factory of the monitoring layer: per-instance-type metrics of an endpoint, all built from the
 * endpoint's own dimensions (`EndpointName`, `VariantName`, `InstanceType`), so dashboards, alarms and
 * autoscaling always query the same series. Pure: creates no constructs.
 */

/** The dimensions the endpoint's metric helpers use, optionally narrowed to one instance type. */
export function poolDimensions(endpoint: ICapacityAwareEndpoint, instanceType?: InstanceType): { [name: string]: string } {
  return { ...endpoint.metric('Invocations', { instanceType }).dimensions } as { [name: string]: string };
}

/**
 * The endpoint name as the metrics carry it. For an endpoint with a fixed name this is the plain name, not a
 * reference to the endpoint resource, so alarms built on it can be rollback alarms of that same endpoint.
 */
export function metricEndpointName(endpoint: ICapacityAwareEndpoint): string {
  return poolDimensions(endpoint).EndpointName;
}

/** A metric of the `AWS/SageMaker` namespace (invocations, latency, concurrency, errors). */
export function invocationMetric(endpoint: ICapacityAwareEndpoint, metricName: string, statistic: string, period: Duration,
  instanceType?: InstanceType, label?: string): cloudwatch.Metric {
  return endpoint.metric(metricName, { instanceType, statistic, period, label });
}

/** A metric of the `/aws/sagemaker/Endpoints` namespace (CPU, memory, GPU, disk utilization). */
export function instanceMetric(endpoint: ICapacityAwareEndpoint, metricName: string, statistic: string, period: Duration,
  instanceType?: InstanceType, label?: string): cloudwatch.Metric {
  return dimensionedMetric(ENDPOINT_INSTANCE_NAMESPACE, metricName, statistic, poolDimensions(endpoint, instanceType), { period, label });
}

/**
 * GPU utilization (or GPU memory utilization) per GPU, 0–100 %: SageMaker sums the metric over the
 * instance's GPUs (4 GPUs read 0–400 %). Undivided, and labelled so, when the GPU count is unknown.
 */
export function perGpuMetric(endpoint: ICapacityAwareEndpoint, metricName: string, pool: RankedInstancePool, period: Duration, label: string): cloudwatch.IMetric {
  const gpus = pool.instanceType.gpuCount;
  const m = instanceMetric(endpoint, metricName, 'Average', period, pool.instanceType);
  if (gpus === undefined) {
    return m.with({ label: `${label} (summed over GPUs)` });
  }
  if (gpus === 1) {
    return m.with({ label: `${label} (1 GPU)` });
  }
  return new cloudwatch.MathExpression({ expression: `m / ${gpus}`, usingMetrics: { m }, period, label: `${label} per GPU (${gpus} GPUs)` });
}

/**
 * Instances of one type, estimated. SageMaker documents no instance-count metric
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html lists none; the `InstanceCount` that
 * AWS's launch blog post for instance pools mentions appears nowhere in the reference); every instance publishes `CPUUtilization` once a minute, so its sample count
 * per minute counts the instances that reported. `PERIOD()` keeps the estimate right when the dashboard
 * widens the period for long time ranges.
 */
export function instanceCountMetric(endpoint: ICapacityAwareEndpoint, pool: RankedInstancePool, period: Duration): cloudwatch.IMetric {
  const samples = instanceMetric(endpoint, 'CPUUtilization', 'SampleCount', period, pool.instanceType);
  const id = `samples${pool.priority}`; // unique within the stacked graph of all pools
  return new cloudwatch.MathExpression({
    expression: `${id} / (PERIOD(${id}) / 60)`, usingMetrics: { [id]: samples }, period, label: pool.instanceType.name,
  });
}
