import { Duration } from 'aws-cdk-lib';
import { PredefinedMetric } from 'aws-cdk-lib/aws-applicationautoscaling';
import { metricCadence } from '../pools/metric-publishing';
import { ScalingSignalConfig, TargetValueOptions, WeightedUtilizationOptions } from '../scaling/scaling-signal-options';
import { markSignalTarget } from '../scaling/signal-target';
import { checkTargetValue, concurrencyMetrics, predefinedSignalConfig, weightedSignalConfig, weightedSignalSettings } from '../scaling/signal-config';
import { PoolConcurrencyMetric } from '../scaling/utilization-queries';
import { IInferenceComponent } from './inference-component-base';

/**
 * What the copy-count target-tracking policy of an inference component holds steady.
 */
export abstract class CopyScalingSignal {
  /**
   * Per instance type, the observed `ConcurrentRequestsPerCopy` (AWS/SageMaker, dimensions
   * InferenceComponentName, InstanceType, Average) divided by that type's measured `maxConcurrencyPerCopy`,
   * combined across types by `aggregation`: by default the mean over the types that currently run copies, so a
   * fallback type without copies never dilutes the signal. Every instance type of the specification needs
   * `maxConcurrencyPerCopy`.
   *
   * A type counts as running copies when its copies report `CPUUtilizationNormalized`
   * (`/aws/sagemaker/InferenceComponents`, dimensions InferenceComponentName, InstanceType; "reported by each copy
   * of the inference component", https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html):
   * its `SampleCount` has data exactly when the type runs copies, whatever their traffic. Copies without
   * concurrency data read 0, so an idle component scales in to `minCopyCount`.
   */
  public static weightedUtilization(options: WeightedUtilizationOptions = {}): CopyScalingSignal {
    const { target, aggregation } = weightedSignalSettings(options);
    return new (class extends CopyScalingSignal {
      public bind(component: IInferenceComponent): ScalingSignalConfig {
        return weightedSignalConfig(target, aggregation, copyConcurrencyMetrics(component), metricCadence(component.endpoint));
      }
    })();
  }

  /**
   * The predefined `SageMakerInferenceComponentConcurrentRequestsPerCopyHighResolution` metric: concurrent
   * requests per copy across every instance type. Fast, but blind to hardware differences: use it when the copies
   * on every type carry about the same load.
   */
  public static concurrentRequestsPerCopy(options: TargetValueOptions): CopyScalingSignal {
    return predefined(options, 'ConcurrentRequestsPerCopy', 'Average', PredefinedMetric.SAGEMAKER_INFERENCE_COMPONENT_CONCURRENT_REQUESTS_PER_COPY_HIGH_RESOLUTION);
  }

  /** The predefined `SageMakerInferenceComponentInvocationsPerCopy` metric: requests per copy per minute. */
  public static invocationsPerCopy(options: TargetValueOptions): CopyScalingSignal {
    return predefined(options, 'InvocationsPerCopy', 'Sum', PredefinedMetric.SAGEMAKER_INFERENCE_COMPONENT_INVOCATIONS_PER_COPY);
  }

  /** Renders the signal for `component`. */
  public abstract bind(component: IInferenceComponent): ScalingSignalConfig;
}
markSignalTarget(CopyScalingSignal, 'copies');

function predefined(options: TargetValueOptions, metricName: string, statistic: string, type: PredefinedMetric): CopyScalingSignal {
  checkTargetValue(metricName, options);
  return new (class extends CopyScalingSignal {
    public bind(component: IInferenceComponent): ScalingSignalConfig {
      return predefinedSignalConfig(options.targetValue, component.metric(metricName, { statistic }), type);
    }
  })();
}

/**
 * One `ConcurrentRequestsPerCopy` metric per instance type, in priority order, with the type's copy samples;
 * every type needs maxConcurrencyPerCopy.
 */
function copyConcurrencyMetrics(component: IInferenceComponent): PoolConcurrencyMetric[] {
  const period = Duration.minutes(1);
  return concurrencyMetrics(component.placements.map((placement, i) => ({
    id: `type${i + 1}`,
    instanceType: placement.instanceType,
    maxConcurrency: placement.maxConcurrencyPerCopy,
    maxConcurrencyProp: 'specification.maxConcurrencyPerCopy',
    metric: component.metric('ConcurrentRequestsPerCopy', { instanceType: placement.instanceType, statistic: 'Average', period }),
    presenceId: `type${i + 1}_copies`,
    presence: component.metricUtilization('CPUUtilizationNormalized', { instanceType: placement.instanceType, statistic: 'SampleCount', period }),
  })), 'the weighted copy-count signal needs the measured max concurrency per copy on every instance type');
}
