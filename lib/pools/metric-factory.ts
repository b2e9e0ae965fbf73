import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { checkDuration, requireObject, requireString } from '../core/required';
import { InstanceType } from '../instance-types/instance-type';
import { checkInstanceType } from './rank-pools';

/**
 * The one place that builds SageMaker CloudWatch metrics for endpoints and inference components: the
 * namespaces (https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html) and the dimensioned metric with the optional `InstanceType` dimension. Pure:
 * creates no constructs.
 */

/** Invocation metrics (invocations, latency, concurrency, errors) of endpoints and inference components. */
export const INVOCATION_NAMESPACE = 'AWS/SageMaker';

/** Instance metrics (CPU, memory, GPU, disk) of endpoint instances. */
export const ENDPOINT_INSTANCE_NAMESPACE = '/aws/sagemaker/Endpoints';

/** Utilization of inference-component copies, normalized to 0–100 % of what each copy reserved. */
export const INFERENCE_COMPONENT_NAMESPACE = '/aws/sagemaker/InferenceComponents';

/** Metric options plus the instance type to narrow the metric to (the endpoints' `EndpointMetricOptions`). */
export interface DimensionedMetricOptions extends cloudwatch.MetricOptions {
  /**
   * Adds the `InstanceType` dimension SageMaker publishes on endpoints with instance pools.
   * @default - no `InstanceType` dimension
   */
  readonly instanceType?: InstanceType;
}

/**
 * A metric with the resource's `dimensions`, then `InstanceType` when `options.instanceType` is set, then any
 * `options.dimensionsMap` (which wins on a clash). `statistic` is the default; `options.statistic` overrides it.
 */
export function dimensionedMetric(namespace: string, metricName: string, statistic: string, dimensions: { [name: string]: string },
  options: DimensionedMetricOptions = {}): cloudwatch.Metric {
  requireString('metricName', metricName, 'a SageMaker metric name');
  const { instanceType, ...metricOptions } = requireObject('options', options, true);
  if (instanceType !== undefined && instanceType !== null) checkInstanceType('options.instanceType', instanceType);
  if (metricOptions.statistic !== undefined && metricOptions.statistic !== null) requireString('options.statistic', metricOptions.statistic, 'a statistic (Average, Sum, p99, ...)', 'InvalidEnumValue');
  checkDuration('options.period', metricOptions.period);
  requireObject('options.dimensionsMap', metricOptions.dimensionsMap, true);
  const dimensionsMap: { [name: string]: string } = { ...dimensions };
  if (instanceType) dimensionsMap.InstanceType = instanceType.name;
  return new cloudwatch.Metric({ namespace, metricName, statistic, ...metricOptions, dimensionsMap: { ...dimensionsMap, ...metricOptions.dimensionsMap } });
}
