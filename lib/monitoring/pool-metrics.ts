import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { InstanceType } from '../instance-types/instance-type';
import { ICapacityAwareEndpoint } from '../pools/capacity-aware-endpoint-base';
import { endpointDimensions } from '../pools/endpoint-dimensions';
import { RankedInstancePool } from '../pools/instance-pool';
import { instanceSamplesMetric } from '../pools/instance-samples';
import { dimensionedMetric, ENDPOINT_INSTANCE_NAMESPACE, INVOCATION_NAMESPACE } from '../pools/metric-factory';
import { alignedPeriod, metricCadence } from '../pools/metric-publishing';

/**
 * The metric factory of the monitoring layer: per-instance-type metrics of an endpoint, all built from the
 * endpoint's own dimensions (`EndpointName`, `VariantName`, `InstanceType`), so dashboards, alarms and
 * autoscaling always query the same series. Pure: creates no constructs.
 */

/** The dimensions the endpoint's metric helpers use, optionally narrowed to one instance type. */
export function poolDimensions(endpoint: ICapacityAwareEndpoint, instanceType?: InstanceType): { [name: string]: string } {
  return endpointDimensions(endpoint, instanceType);
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
 * Instances of one type, estimated from their `CPUUtilization` samples (see `instanceSamplesMetric`): every
 * instance publishes one per publish interval (`MetricPublishFrequencyInSeconds`, 10 to 300 s), so samples per
 * period divided by (period / interval) counts the instances that reported: `samples / (PERIOD(samples) / 10)` at
 * a 10-second interval, which reads 6 samples a minute per instance. `PERIOD()` keeps the estimate right when the
 * dashboard widens the period for long time ranges; the period is rounded up to whole publish intervals.
 */
export function instanceCountMetric(endpoint: ICapacityAwareEndpoint, pool: RankedInstancePool, period: Duration): cloudwatch.IMetric {
  const interval = metricCadence(endpoint).utilizationSeconds;
  const aligned = alignedPeriod(period, interval);
  const samples = instanceSamplesMetric(endpoint, pool.instanceType, aligned);
  const id = `samples${pool.priority}`; // unique within the stacked graph of all pools
  return new cloudwatch.MathExpression({
    expression: `${id} / (PERIOD(${id}) / ${interval})`, usingMetrics: { [id]: samples }, period: aligned, label: pool.instanceType.name,
  });
}

/**
 * Requests per instance of one type over the graph's period: the type's `Invocations` divided by its instances
 * (estimated as in `instanceCountMetric`). SageMaker's own `InvocationsPerInstance` sends `1/numberOfInstances` per
 * request, "the number of active instances for the ProductionVariant"
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ScalingPolicyMetric.html): with the `InstanceType`
 * dimension it would divide one type's requests by the whole variant's instances and read low whenever other types
 * run too (which count the per-type series uses is not documented). The period holds whole publish intervals of both
 * metrics.
 */
export function invocationsPerInstanceOfType(endpoint: ICapacityAwareEndpoint, pool: RankedInstancePool, period: Duration): cloudwatch.IMetric {
  const cadence = metricCadence(endpoint);
  const aligned = alignedPeriod(period, Math.max(cadence.utilizationSeconds, cadence.invocationSeconds));
  return new cloudwatch.MathExpression({
    expression: `invocations / (samples / (PERIOD(samples) / ${cadence.utilizationSeconds}))`,
    usingMetrics: {
      invocations: invocationMetric(endpoint, 'Invocations', 'Sum', aligned, pool.instanceType),
      samples: instanceSamplesMetric(endpoint, pool.instanceType, aligned),
    },
    period: aligned,
    label: `invocations per ${pool.instanceType.name} instance`,
  });
}

/**
 * A metric of an asynchronous endpoint's queue (`ApproximateBacklogSize`, `ApproximateBacklogSizePerInstance`,
 * `ApproximateAgeOfOldestRequest`, `HasBacklogWithoutCapacity`), which SageMaker publishes "with the `EndpointName`
 * dimension" only, not per variant or instance type
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-monitor.html,
 * https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-autoscale.html).
 */
export function backlogMetric(endpoint: ICapacityAwareEndpoint, metricName: string, period: Duration, label?: string,
  statistic = 'Average'): cloudwatch.Metric {
  return dimensionedMetric(INVOCATION_NAMESPACE, metricName, statistic, { EndpointName: metricEndpointName(endpoint) }, { period, label });
}
