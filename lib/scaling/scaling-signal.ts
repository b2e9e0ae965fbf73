import { Duration } from 'aws-cdk-lib';
import { PredefinedMetric } from 'aws-cdk-lib/aws-applicationautoscaling';
import { CapacityAwareEndpointBase, ICapacityAwareEndpoint } from '../pools/capacity-aware-endpoint-base';
import { instanceSamplesMetric } from '../pools/instance-samples';
import { dimensionedMetric, INVOCATION_NAMESPACE } from '../pools/metric-factory';
import { metricCadence } from '../pools/metric-publishing';
import { ScalingSignalConfig, SignalMetricSource, TargetValueOptions, WeightedUtilizationOptions } from './scaling-signal-options';
import { checkTargetValue, concurrencyMetrics, predefinedSignalConfig, weightedSignalConfig, weightedSignalSettings } from './signal-config';
import { PoolConcurrencyMetric } from './utilization-queries';
import { markSignalTarget } from './signal-target';

/**
 * What the endpoint's target-tracking policy holds steady.
 */
export abstract class ScalingSignal {
  /**
   * Per instance type, the observed `ConcurrentRequestsPerModel` (AWS/SageMaker, dimensions EndpointName,
   * VariantName, InstanceType, Average) divided by that type's measured `maxConcurrency`, combined across pools
   * by `aggregation`. The right signal for fleets whose hardware differs in capacity. Every pool needs
   * `maxConcurrency`.
   *
   * A pool counts as active when it has instances, seen in its `CPUUtilization` `SampleCount`
   * (`/aws/sagemaker/Endpoints`, InstanceType dimension), which every instance publishes whatever its traffic: a
   * pool with instances and no concurrency data reads 0, so an idle fleet scales in to `minCapacity`. Each pool
   * reads two metrics; five pools use all ten a metric-math alarm takes. Real-time endpoints only: an asynchronous
   * endpoint publishes no `ConcurrentRequestsPerModel` (`autoScale` throws `[AsyncScalingSignal]`).
   */
  public static weightedUtilization(options: WeightedUtilizationOptions = {}): ScalingSignal {
    const { target, aggregation } = weightedSignalSettings(options);
    return new (class extends ScalingSignal {
      public readonly source = SignalMetricSource.CONCURRENCY;
      public bind(endpoint: ICapacityAwareEndpoint): ScalingSignalConfig {
        return weightedSignalConfig(target, aggregation, poolConcurrencyMetrics(endpoint), metricCadence(endpoint));
      }
    })();
  }

  /**
   * The predefined `SageMakerVariantConcurrentRequestsPerModelHighResolution` metric: concurrent requests per
   * model copy across the whole variant. Simple and fast, but blind to hardware differences: use it when the
   * pools' types have similar capacity. Real-time endpoints only (`[AsyncScalingSignal]` on an asynchronous one).
   */
  public static concurrentRequestsPerModel(options: TargetValueOptions): ScalingSignal {
    checkTargetValue('concurrentRequestsPerModel', options);
    return new (class extends ScalingSignal {
      public readonly source = SignalMetricSource.CONCURRENCY;
      public bind(endpoint: ICapacityAwareEndpoint): ScalingSignalConfig {
        return predefinedSignalConfig(options.targetValue, endpoint.metric('ConcurrentRequestsPerModel', { statistic: 'Average' }),
          PredefinedMetric.SAGEMAKER_VARIANT_CONCURRENT_REQUESTS_PER_MODEL_HIGH_RESOLUTION);
      }
    })();
  }

  /**
   * `ApproximateBacklogSizePerInstance` (AWS/SageMaker, dimension EndpointName, Average): queued requests per
   * instance. The signal for asynchronous endpoints, which do not publish per-instance invocation metrics; a
   * real-time endpoint publishes no backlog (`autoScale` throws `[BacklogSignalOnRealTime]`).
   */
  public static backlogPerInstance(options: TargetValueOptions): ScalingSignal {
    checkTargetValue('backlogPerInstance', options);
    return new (class extends ScalingSignal {
      public readonly source = SignalMetricSource.BACKLOG;
      public bind(endpoint: ICapacityAwareEndpoint): ScalingSignalConfig {
        return {
          targetValue: options.targetValue,
          weighted: false,
          metric: dimensionedMetric(INVOCATION_NAMESPACE, 'ApproximateBacklogSizePerInstance', 'Average', { EndpointName: endpoint.endpointName }),
          customizedMetricSpecification: {
            namespace: INVOCATION_NAMESPACE, metricName: 'ApproximateBacklogSizePerInstance', statistic: 'Average',
            dimensions: [{ name: 'EndpointName', value: endpoint.endpointName }],
          },
        };
      }
    })();
  }

  /**
   * What the signal reads, so that autoscaling can refuse a signal the endpoint never publishes: concurrency on an
   * asynchronous endpoint, the backlog on a real-time one.
   * @default - unknown (a signal of your own): not checked against the endpoint kind
   */
  public readonly source?: SignalMetricSource;

  /** Renders the signal for `endpoint`. */
  public abstract bind(endpoint: ICapacityAwareEndpoint): ScalingSignalConfig;
}
markSignalTarget(ScalingSignal, 'instances');

/**
 * One `ConcurrentRequestsPerModel` metric per pool, in priority order, with the pool's instance samples; every
 * pool needs maxConcurrency.
 */
function poolConcurrencyMetrics(endpoint: ICapacityAwareEndpoint): PoolConcurrencyMetric[] {
  // Graphed per minute (the signal's period follows the publish frequency); target tracking takes no period.
  const period = Duration.minutes(1);
  const poolsProp = endpoint instanceof CapacityAwareEndpointBase ? endpoint._poolsProp : 'pools';
  return concurrencyMetrics(endpoint.pools.map((pool, i) => ({
    id: `pool${pool.priority}`,
    instanceType: pool.instanceType,
    maxConcurrency: pool.maxConcurrency,
    maxConcurrencyProp: `${poolsProp}[${i}].maxConcurrency`,
    metric: endpoint.metric('ConcurrentRequestsPerModel', { instanceType: pool.instanceType, statistic: 'Average', period }),
    presenceId: `pool${pool.priority}_instances`,
    presence: instanceSamplesMetric(endpoint, pool.instanceType, period),
  })), 'the weighted-utilization signal needs the measured max concurrency of every pool');
}
