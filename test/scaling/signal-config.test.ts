import { Token } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { PredefinedMetric } from 'aws-cdk-lib/aws-applicationautoscaling';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { InstanceType, UtilizationAggregation } from '../../lib';
import { InstancePoolsError } from '../../lib/core/errors';
import {
  concurrencyMetrics, ConcurrencySource, predefinedSignalConfig, signalPeriod, warnSparseSignal, weightedSignalConfig, weightedSignalSettings,
} from '../../lib/scaling/signal-config';
import { targetTrackingQueries, utilizationExpression } from '../../lib/scaling/utilization-queries';
import { testStack } from '../util';

const REQUIREMENT = 'the weighted-utilization signal needs the measured max concurrency of every pool';

const concurrency = (type: InstanceType) => new cloudwatch.Metric({
  namespace: 'AWS/SageMaker', metricName: 'ConcurrentRequestsPerModel', statistic: 'Average',
  dimensionsMap: { EndpointName: 'llm', VariantName: 'AllTraffic', InstanceType: type.name },
});

const samples = (type: InstanceType) => new cloudwatch.Metric({
  namespace: '/aws/sagemaker/Endpoints', metricName: 'CPUUtilization', statistic: 'SampleCount',
  dimensionsMap: { EndpointName: 'llm', VariantName: 'AllTraffic', InstanceType: type.name },
});

const source = (i: number, type: InstanceType, maxConcurrency?: number): ConcurrencySource => ({
  id: `pool${i + 1}`, instanceType: type, maxConcurrency, maxConcurrencyProp: `pools[${i}].maxConcurrency`, metric: concurrency(type),
  presenceId: `pool${i + 1}_instances`, presence: samples(type),
});

/** SageMaker's default: every metric once a minute. */
const MINUTE = { utilizationSeconds: 60, invocationSeconds: 60 };

const P5 = source(0, InstanceType.ML_P5_48XLARGE, 20);
const G6 = source(1, InstanceType.ML_G6_48XLARGE, 8);

describe('weightedSignalSettings', () => {
  test('defaults: target utilization 0.7, mean of active pools', () => {
    expect(weightedSignalSettings({})).toEqual({ target: 0.7, aggregation: UtilizationAggregation.MEAN_OF_ACTIVE_POOLS });
  });

  test('takes the given target and aggregation', () => {
    expect(weightedSignalSettings({ targetUtilization: 0.5, aggregation: UtilizationAggregation.MAX })).toEqual({ target: 0.5, aggregation: UtilizationAggregation.MAX });
  });

  test.each([1, 0.01, Number.MIN_VALUE])('accepts target utilization %p', (targetUtilization) => {
    expect(weightedSignalSettings({ targetUtilization }).target).toBe(targetUtilization);
  });

  test('accepts a token target, as it is', () => {
    const targetUtilization = Token.asNumber({ Ref: 'Target' });
    expect(weightedSignalSettings({ targetUtilization }).target).toBe(targetUtilization);
  });

  test.each([0, -0.5, 1.01, 70, NaN, Infinity])('rejects target utilization %p', (targetUtilization) => {
    expect(() => weightedSignalSettings({ targetUtilization }))
      .toThrow(`targetUtilization: must be a number greater than 0 and at most 1, got ${targetUtilization} [OutOfRange]`);
  });
});

describe('concurrencyMetrics', () => {
  test('one metric per source, in the order given, labelled with the instance type, with its presence metric', () => {
    expect(concurrencyMetrics([P5, G6], REQUIREMENT)).toEqual([
      { id: 'pool1', label: 'ml.p5.48xlarge', maxConcurrency: 20, metric: P5.metric, presenceId: 'pool1_instances', presence: P5.presence },
      { id: 'pool2', label: 'ml.g6.48xlarge', maxConcurrency: 8, metric: G6.metric, presenceId: 'pool2_instances', presence: G6.presence },
    ]);
    expect(concurrencyMetrics([G6, P5], REQUIREMENT).map((m) => m.id)).toEqual(['pool2', 'pool1']);
    expect(concurrencyMetrics([P5], REQUIREMENT)[0].metric).toBe(P5.metric);
  });

  test('no sources, no metrics', () => {
    expect(concurrencyMetrics([], REQUIREMENT)).toEqual([]);
  });

  test('a source without maxConcurrency: MissingMaxConcurrency on its prop, naming the requirement and the type', () => {
    const missing = source(1, InstanceType.ML_G6_48XLARGE);
    let error: unknown;
    try {
      concurrencyMetrics([P5, missing], REQUIREMENT);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InstancePoolsError);
    expect(error).toMatchObject({ code: 'MissingMaxConcurrency', prop: 'pools[1].maxConcurrency' });
    expect((error as Error).message).toBe(`pools[1].maxConcurrency: ${REQUIREMENT} (ml.g6.48xlarge), got undefined [MissingMaxConcurrency]`);
  });

  test('names the first source without maxConcurrency', () => {
    const sources = [source(0, InstanceType.ML_P5_48XLARGE), source(1, InstanceType.ML_G6_48XLARGE)];
    expect(() => concurrencyMetrics(sources, 'copies need it')).toThrow("pools[0].maxConcurrency: copies need it (ml.p5.48xlarge), got undefined [MissingMaxConcurrency]");
  });

  test('a prop path shared by several types is named as given', () => {
    const copies = { ...source(0, InstanceType.ML_G5_XLARGE), maxConcurrencyProp: 'specification.maxConcurrencyPerCopy' };
    expect(() => concurrencyMetrics([copies], 'per copy')).toThrow("specification.maxConcurrencyPerCopy: per copy (ml.g5.xlarge), got undefined [MissingMaxConcurrency]");
  });
});

describe('weightedSignalConfig', () => {
  const metrics = concurrencyMetrics([P5, G6], REQUIREMENT);

  test.each(Object.values(UtilizationAggregation))('%s: the metric-math expression and the same expression as target-tracking queries', (aggregation) => {
    const config = weightedSignalConfig(0.7, aggregation, metrics, MINUTE);
    expect(Object.keys(config).sort()).toEqual(['customizedMetricSpecification', 'metric', 'targetValue', 'weighted']);
    expect([config.targetValue, config.weighted]).toEqual([0.7, true]);
    const math = config.metric as cloudwatch.MathExpression;
    expect(math).toBeInstanceOf(cloudwatch.MathExpression);
    expect(math.expression).toBe(utilizationExpression(metrics, aggregation));
    const using = Object.entries(math.usingMetrics).map(([id, m]) => [id, (m as cloudwatch.Metric).metricName, (m as cloudwatch.Metric).statistic]);
    expect(using).toEqual([
      ['pool1', 'ConcurrentRequestsPerModel', 'Average'], ['pool1_instances', 'CPUUtilization', 'SampleCount'],
      ['pool2', 'ConcurrentRequestsPerModel', 'Average'], ['pool2_instances', 'CPUUtilization', 'SampleCount'],
    ]);
    expect(math.label).toBe('Weighted utilization');
    expect(math.period.toSeconds()).toBe(60);
    expect(config.customizedMetricSpecification).toEqual({ metrics: targetTrackingQueries(metrics, aggregation) });
  });

  test('the queries: two metric stats per source (concurrency, presence), returning no data, then the signal', () => {
    const queries = weightedSignalConfig(0.7, UtilizationAggregation.MEAN_OF_ACTIVE_POOLS, metrics, MINUTE).customizedMetricSpecification!.metrics as any[];
    expect(queries.map((q) => [q.id, q.label, q.returnData])).toEqual([
      ['pool1', 'ml.p5.48xlarge', false], ['pool1_instances', 'ml.p5.48xlarge samples', false],
      ['pool2', 'ml.g6.48xlarge', false], ['pool2_instances', 'ml.g6.48xlarge samples', false],
      ['weighted_utilization', 'Weighted utilization', true],
    ]);
    expect(queries[0].metricStat).toEqual({
      metric: {
        namespace: 'AWS/SageMaker', metricName: 'ConcurrentRequestsPerModel',
        dimensions: [{ name: 'EndpointName', value: 'llm' }, { name: 'InstanceType', value: 'ml.p5.48xlarge' }, { name: 'VariantName', value: 'AllTraffic' }],
      },
      stat: 'Average',
    });
    expect(queries[1].metricStat.stat).toBe('SampleCount');
    expect(queries[4].expression).toBe('(FILL(pool1, 0) / 20 + FILL(pool2, 0) / 8) / '
      + '(((FILL(pool1_instances, 0) > 0) OR (FILL(pool1, -1) >= 0)) + ((FILL(pool2_instances, 0) > 0) OR (FILL(pool2, -1) >= 0)))');
  });

  test('validates the queries against the Application Auto Scaling rules', () => {
    const twice = [metrics[0], { ...metrics[1], id: 'pool1' }];
    expect(() => weightedSignalConfig(0.7, UtilizationAggregation.MAX, twice, MINUTE)).toThrow("metrics[2].id: must be unique within the policy, got 'pool1' [InvalidMetricQuery]");
  });

  test.each<[number, number, number]>([[60, 60, 60], [10, 60, 60], [10, 10, 10], [30, 30, 30], [120, 60, 120], [300, 300, 300]])(
    'utilization every %p s, invocations every %p s: the graphed signal has a %p-second period', (utilizationSeconds, invocationSeconds, period) => {
      expect(signalPeriod({ utilizationSeconds, invocationSeconds }).toSeconds()).toBe(period);
      const math = weightedSignalConfig(0.7, UtilizationAggregation.MAX, metrics, { utilizationSeconds, invocationSeconds }).metric as cloudwatch.MathExpression;
      expect(math.period.toSeconds()).toBe(period);
    });
});

describe('warnSparseSignal', () => {
  test.each<[number, number, RegExp | undefined]>([
    [60, 60, undefined],
    [10, 10, undefined],
    [120, 60, /instance samples every 120 s, less often than/],
    [300, 300, /every 300 s and its concurrency too \(enhanced metrics\), so the signal has data only once per 300 s/],
  ])('utilization every %p s, invocations every %p s', (utilizationSeconds, invocationSeconds, warning) => {
    const stack = testStack();
    warnSparseSignal(stack, { utilizationSeconds, invocationSeconds });
    const annotations = Annotations.fromStack(stack);
    if (warning) annotations.hasWarning('/TestStack', Match.stringLikeRegexp(warning.source));
    else annotations.hasNoWarning('*', Match.anyValue());
  });
});

describe('predefinedSignalConfig', () => {
  test('the predefined metric type for the policy, and the same series for dashboards', () => {
    const metric = concurrency(InstanceType.ML_G6_XLARGE);
    const config = predefinedSignalConfig(5, metric, PredefinedMetric.SAGEMAKER_VARIANT_CONCURRENT_REQUESTS_PER_MODEL_HIGH_RESOLUTION);
    expect(config).toStrictEqual({
      targetValue: 5,
      weighted: false,
      metric,
      predefinedMetricSpecification: { predefinedMetricType: 'SageMakerVariantConcurrentRequestsPerModelHighResolution' },
    });
    expect(config.metric).toBe(metric);
  });
});
