import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { InstanceType } from '../instance-types/instance-type';
import { ICapacityAwareEndpoint } from './capacity-aware-endpoint-base';
import { endpointDimensions } from './endpoint-dimensions';
import { dimensionedMetric, ENDPOINT_INSTANCE_NAMESPACE } from './metric-factory';

/**
 * The instances of one instance type, as CloudWatch sees them. SageMaker documents no instance-count metric
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html lists none; the `InstanceCount` that
 * AWS's launch blog post for instance pools mentions appears nowhere in the reference), but every instance publishes
 * `CPUUtilization` (`/aws/sagemaker/Endpoints`) once per publish interval whatever its traffic, and with instance
 * pools SageMaker adds the `InstanceType` dimension
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/realtime-endpoints-heterogeneous.html). Its `SampleCount` over a
 * period is therefore instances × period / interval: positive exactly when the type has instances.
 *
 * Scaling (which pools are active), alarms (running on fallback hardware) and dashboards (instances per type)
 * all read this one series.
 */
export function instanceSamplesMetric(endpoint: ICapacityAwareEndpoint, instanceType: InstanceType, period: Duration): cloudwatch.Metric {
  // The endpoint's own dimensions (EndpointName, VariantName, InstanceType), as its metric helpers build them.
  const dimensions = endpointDimensions(endpoint, instanceType);
  return dimensionedMetric(ENDPOINT_INSTANCE_NAMESPACE, 'CPUUtilization', 'SampleCount', dimensions, { period });
}
