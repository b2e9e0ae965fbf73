import { Duration } from 'aws-cdk-lib';
import { PredefinedMetric } from 'aws-cdk-lib/aws-applicationautoscaling';
import { checkPositive } from '../core/validation';
import { ICapacityAwareEndpoint } from '../pools/capacity-aware-endpoint-base';
import { dimensionedMetric, INVOCATION_NAMESPACE } from '../pools/metric-factory';
import { ScalingSignalConfig, TargetValueOptions, WeightedUtilizationOptions } from './scaling-signal-options';
import { concurrencyMetrics, predefinedSignalConfig, weightedSignalConfig, weightedSignalSettings } from './signal-config';
import { PoolConcurrencyMetric } from './utilization-queries';

/**
 * What the endpoint's target-tracking policy holds steady.
 */
export abstract class ScalingSignal {
  /**
   * Per instance type, the observed `ConcurrentRequestsPerModel` (AWS/SageMaker, dimensions EndpointName,
   * VariantName, InstanceType, Average) divided by that type's measured `maxConcurrency`, combined across pools
   * by `aggregation`. The right signal for fleets whose hardware differs in capacity. Every pool needs
   * `maxConcurrency`.
   */
  public static weightedUtilization(options: WeightedUtilizationOptions = {}): ScalingSignal {
    const { target, aggregation } = weightedSignalSettings(options);
    return new (class extends ScalingSignal {
      public bind(endpoint: ICapacityAwareEndpoint): ScalingSignalConfig {
        return weightedSignalConfig(target, aggregation, poolConcurrencyMetrics(endpoint));
      }
    })();
  }

  /**
   * The predefined `SageMakerVariantConcurrentRequestsPerModelHighResolution` metric: concurrent requests per
   * model copy across the whole variant. Simple and fast, but blind to hardware differences: use it when the
   * pools' types have similar capacity.
   */
  public static concurrentRequestsPerModel(options: TargetValueOptions): ScalingSignal {
    checkPositive('targetValue', options.targetValue);
    return new (class extends ScalingSignal {
      public bind(endpoint: ICapacityAwareEndpoint): ScalingSignalConfig {
        return predefinedSignalConfig(options.targetValue, endpoint.metric('ConcurrentRequestsPerModel', { statistic: 'Average' }),
          PredefinedMetric.SAGEMAKER_VARIANT_CONCURRENT_REQUESTS_PER_MODEL_HIGH_RESOLUTION);
      }
    })();
  }

  /**
   * `ApproximateBacklogSizePerInstance` (AWS/SageMaker, dimension EndpointName, Average): queued requests per
   * instance. The signal for asynchronous endpoints, which do not publish per-instance invocation metrics.
   */
  public static backlogPerInstance(options: TargetValueOptions): ScalingSignal {
    checkPositive('targetValue', options.targetValue);
    return new (class extends ScalingSignal {
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

  /** Renders the signal for `endpoint`. */
  public abstract bind(endpoint: ICapacityAwareEndpoint): ScalingSignalConfig;
}

/** One `ConcurrentRequestsPerModel` metric per pool, in priority order; every pool needs maxConcurrency. */
function poolConcurrencyMetrics(endpoint: ICapacityAwareEndpoint): PoolConcurrencyMetric[] {
  return concurrencyMetrics(endpoint.pools.map((pool, i) => ({
    id: `pool${pool.priority}`,
    instanceType: pool.instanceType,
    maxConcurrency: pool.maxConcurrency,
    maxConcurrencyProp: `pools[${i}].maxConcurrency`,
    // High-resolution metric: graph it per minute (target tracking itself takes no period).
    metric: endpoint.metric('ConcurrentRequestsPerModel', { instanceType: pool.instanceType, statistic: 'Average', period: Duration.minutes(1) }),
  })), 'the weighted-utilization signal needs the measured max concurrency of every pool');
}
