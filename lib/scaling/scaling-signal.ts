import { Duration } from 'aws-cdk-lib';
import { CfnScalingPolicy, PredefinedMetric } from 'aws-cdk-lib/aws-applicationautoscaling';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { UtilizationAggregation } from './utilization-aggregation';
import { ICapacityAwareEndpoint } from '../endpoint/endpoint-base';
import { dimensionedMetric, INVOCATION_NAMESPACE } from '../private/metric-factory';
import { concurrencyMetrics, predefinedSignalConfig, weightedSignalConfig, weightedSignalSettings } from '../private/signal-config';
import { PoolConcurrencyMetric } from '../private/utilization-queries';
import { checkPositive } from '../private/validation';

/** Options of the weighted-utilization signal. */
export interface WeightedUtilizationOptions {
  /**
   * The utilization to hold, as a fraction of each pool's `maxConcurrency` (0 < target ≤ 1).
   * @default 0.7
   */
  readonly targetUtilization?: number;
  /**
   * How per-pool utilizations combine into one signal.
   * @default UtilizationAggregation.MEAN_OF_ACTIVE_POOLS
   */
  readonly aggregation?: UtilizationAggregation;
}

/** Options of a signal tracked against an absolute value. */
export interface TargetValueOptions {
  /** The value of the metric to hold. */
  readonly targetValue: number;
}

/** A signal bound to an endpoint: what the target-tracking policy renders. */
export interface ScalingSignalConfig {
  /** The value the policy holds the signal at. */
  readonly targetValue: number;
  /** The metric the policy tracks, for dashboards and alarms. */
  readonly metric: cloudwatch.IMetric;
  /** Set for customized (metric-math or single-metric) signals. @default - a predefined metric */
  readonly customizedMetricSpecification?: CfnScalingPolicy.CustomizedMetricSpecificationProperty;
  /** Set for predefined signals. @default - a customized metric */
  readonly predefinedMetricSpecification?: CfnScalingPolicy.PredefinedMetricSpecificationProperty;
  /** Whether the signal reads per-instance-type metrics and needs every pool's `maxConcurrency`. */
  readonly weighted: boolean;
}

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
