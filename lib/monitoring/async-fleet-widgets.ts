import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { ICapacityAwareEndpoint } from '../pools/capacity-aware-endpoint-base';
import { backlogMetric, invocationMetric } from './pool-metrics';
import { graphWidget } from './widget-kit';

/**
 * The fleet graphs of an asynchronous endpoint, built from the metrics AWS lists for it: "Any metric not listed below
 * is not published if the endpoint is enabled for asynchronous inference", among them `Invocations`,
 * `InvocationsPerInstance` (https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-monitor.html). The queue
 * (`ApproximateBacklogSize`, `...PerInstance`, and `HasBacklogWithoutCapacity`, 1 while requests wait and no instance
 * runs: https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-autoscale.html; dimension `EndpointName`
 * only), the wait in it (`TimeInBacklog`) and the outcome (`InvocationsProcesssed`, so spelt by SageMaker, and
 * `InvocationFailures`: dimensions `EndpointName`, `VariantName`) take the place of the real-time endpoint's
 * invocations per type. Pure: creates no constructs.
 */
export function asyncFleetGraphs(endpoint: ICapacityAwareEndpoint, width: number, height: number, period: Duration): cloudwatch.GraphWidget[] {
  return [
    graphWidget({
      title: 'Backlog (requests queued or in progress)', width, height,
      left: [
        backlogMetric(endpoint, 'ApproximateBacklogSize', period, 'backlog'),
        backlogMetric(endpoint, 'ApproximateBacklogSizePerInstance', period, 'backlog per instance'),
      ],
      // The signal that brings the first instance back after a scale-in to zero (the library's step policy reads it).
      right: [backlogMetric(endpoint, 'HasBacklogWithoutCapacity', period, 'backlog without capacity (1: queued, no instance)', 'Maximum')],
      leftYAxis: { min: 0, label: 'requests', showUnits: false }, rightYAxis: { min: 0, max: 1, showUnits: false },
    }),
    graphWidget({
      title: 'TimeInBacklog (s)', width, height,
      // Microseconds, as SageMaker publishes it; queued requests wait seconds to minutes.
      left: [new cloudwatch.MathExpression({
        expression: 'wait / 1000000', period, label: 'average wait',
        usingMetrics: { wait: invocationMetric(endpoint, 'TimeInBacklog', 'Average', period) },
      })],
      leftYAxis: { min: 0, label: 's', showUnits: false },
    }),
    graphWidget({
      title: 'Requests processed and failed', width, height, stacked: false,
      left: [
        invocationMetric(endpoint, 'InvocationsProcesssed', 'Sum', period, undefined, 'processed'),
        invocationMetric(endpoint, 'InvocationFailures', 'Sum', period, undefined, 'failed'),
      ],
      leftYAxis: { min: 0, showUnits: false },
    }),
  ];
}
