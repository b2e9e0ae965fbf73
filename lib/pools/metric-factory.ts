import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { checkDuration, requireObject, requireString } from '../core/required';
import { checkMetricName } from '../core/string-rules';
import { InstanceType } from '../instance-types/instance-type';
import { checkTypeInPools, PoolInstanceTypes } from './pool-instance-types';
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
 * `options.dimensionsMap` (which wins on a clash). `statistic` and `defaultPeriod` (else CloudWatch's 5 minutes) are
 * the defaults; `options.statistic` and `options.period` override them. The one place where the caller's options meet
 * the defaults: an option passed as `undefined` (or `null`, from JavaScript) keeps its default. With `pools`, the
 * instance type must be one of them (`[InstanceTypeNotInPools]`): SageMaker publishes no data for another.
 */
export function dimensionedMetric(namespace: string, metricName: string, statistic: string, dimensions: { [name: string]: string },
  options: DimensionedMetricOptions = {}, defaultPeriod?: Duration, pools?: PoolInstanceTypes): cloudwatch.Metric {
  checkMetricName('metricName', metricName, 'a SageMaker metric name');
  const given = requireObject('options', options, true);
  const instanceType = given.instanceType;
  if (instanceType !== undefined && instanceType !== null) {
    checkInstanceType('options.instanceType', instanceType);
    if (pools) checkTypeInPools('options.instanceType', instanceType, pools);
  }
  if (given.statistic !== undefined && given.statistic !== null) requireString('options.statistic', given.statistic, 'a statistic (Average, Sum, p99, ...)', 'InvalidEnumValue');
  checkDuration('options.period', given.period);
  const extraDimensions = requireObject('options.dimensionsMap', given.dimensionsMap, true);
  // The defaults, then every option that is set: spreading `{ statistic: undefined }` over the defaults would replace
  // the default with nothing (aws-cdk-lib's Average, 5 minutes) rather than keep it. One pass over the options, no
  // intermediate copies: the library builds dozens of metrics per endpoint.
  const metricProps: { [key: string]: unknown } = { namespace, metricName, statistic, period: defaultPeriod };
  for (const key of Object.keys(given)) {
    const value = (given as { [key: string]: unknown })[key];
    if (key !== 'instanceType' && value !== undefined && value !== null) metricProps[key] = value;
  }
  const dimensionsMap: { [name: string]: string } = { ...dimensions };
  if (instanceType) dimensionsMap.InstanceType = instanceType.name;
  metricProps.dimensionsMap = Object.assign(dimensionsMap, extraDimensions);
  return new cloudwatch.Metric(metricProps as unknown as cloudwatch.MetricProps);
}
