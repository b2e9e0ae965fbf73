import { Duration, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { CapacityAwareEndpoint, InferenceComponentEndpoint, InstanceType } from '../../lib';
import { alignedPeriod, checkMetricPublishFrequency, metricCadence, renderMetricsConfig } from '../../lib/pools/metric-publishing';
import { seedEndpoint } from '../endpoint/fixtures';
import { icEndpoint } from '../inference-components/fixtures';
import { testStack } from '../util';

describe('MetricsConfig on both endpoint kinds', () => {
  test('a CapacityAwareEndpoint renders enhanced metrics, detailed observability and the publish frequency', () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack, { enhancedMetrics: true, detailedObservability: false, metricPublishFrequency: Duration.seconds(10) });
    Template.fromStack(stack).hasResourceProperties('AWS::SageMaker::EndpointConfig', {
      MetricsConfig: { EnableEnhancedMetrics: true, EnableDetailedObservability: false, MetricPublishFrequencyInSeconds: 10 },
    });
    expect(endpoint.metricPublishFrequency?.toSeconds()).toBe(10);
    expect(endpoint.enhancedMetrics).toBe(true);
  });

  test('an InferenceComponentEndpoint renders them too', () => {
    const stack = testStack();
    const endpoint = icEndpoint(stack, { metricPublishFrequency: Duration.minutes(5), detailedObservability: true });
    Template.fromStack(stack).hasResourceProperties('AWS::SageMaker::EndpointConfig', {
      MetricsConfig: { EnableDetailedObservability: true, MetricPublishFrequencyInSeconds: 300, EnableEnhancedMetrics: Match.absent() },
    });
    expect(metricCadence(endpoint)).toEqual({ utilizationSeconds: 300, invocationSeconds: 60 });
  });

  test("without options there is no MetricsConfig: SageMaker's defaults, and an unchanged endpoint config", () => {
    const single = testStack();
    seedEndpoint(single);
    const components = testStack();
    icEndpoint(components);
    for (const stack of [single, components]) {
      Template.fromStack(stack).hasResourceProperties('AWS::SageMaker::EndpointConfig', { MetricsConfig: Match.absent() });
    }
    expect(renderMetricsConfig({ enhancedMetrics: false })).toEqual({ enableEnhancedMetrics: false, enableDetailedObservability: undefined, metricPublishFrequencyInSeconds: undefined });
  });

  test('imported endpoints carry the frequency for the metrics built on them', () => {
    const stack = testStack();
    const pools = [{ instanceType: InstanceType.ML_G6_48XLARGE }];
    const ep = CapacityAwareEndpoint.fromEndpointAttributes(stack, 'Ep', { endpointName: 'llm', pools, metricPublishFrequency: Duration.seconds(30), enhancedMetrics: true });
    expect(metricCadence(ep)).toEqual({ utilizationSeconds: 30, invocationSeconds: 30 });
    const ic = InferenceComponentEndpoint.fromEndpointAttributes(stack, 'Ic', { endpointName: 'ic', pools });
    expect(metricCadence(ic)).toEqual({ utilizationSeconds: 60, invocationSeconds: 60 });
    expect(() => CapacityAwareEndpoint.fromEndpointAttributes(stack, 'Bad', { endpointName: 'x', pools, metricPublishFrequency: Duration.seconds(20) }))
      .toThrow('metricPublishFrequency: must be one of 10, 30, 60, 120, 180, 240, 300 seconds, got 20 [OutOfRange]');
    expect(() => InferenceComponentEndpoint.fromEndpointAttributes(stack, 'Bad2', { endpointName: 'x', pools, metricPublishFrequency: Duration.seconds(5) }))
      .toThrow(/metricPublishFrequency: must be a whole number of seconds from 10 to 300, got 5/);
  });

  test("the cadence: utilization at the frequency; invocations too with enhanced metrics, else SageMaker's minute", () => {
    const stack = testStack();
    expect(metricCadence(seedEndpoint(stack))).toEqual({ utilizationSeconds: 60, invocationSeconds: 60 });
    expect(metricCadence(seedEndpoint(testStack(), { metricPublishFrequency: Duration.seconds(10) }))).toEqual({ utilizationSeconds: 10, invocationSeconds: 60 });
    expect(metricCadence(seedEndpoint(testStack(), { metricPublishFrequency: Duration.seconds(10), enhancedMetrics: true })))
      .toEqual({ utilizationSeconds: 10, invocationSeconds: 10 });
  });

  test('aligned periods hold a whole number of publish intervals', () => {
    expect(alignedPeriod(Duration.minutes(1), 10).toSeconds()).toBe(60);
    expect(alignedPeriod(Duration.minutes(1), 120).toSeconds()).toBe(120);
    expect(alignedPeriod(Duration.minutes(5), 120).toSeconds()).toBe(360);
    expect(alignedPeriod(Duration.minutes(5), 300).toSeconds()).toBe(300);
    expect(alignedPeriod(Duration.minutes(7), 180).toSeconds()).toBe(540);
  });
});

describe('metricPublishFrequency validation', () => {
  test.each([10, 30, 60, 120, 180, 240, 300])('accepts %p seconds', (seconds) => {
    expect(checkMetricPublishFrequency('metricPublishFrequency', Duration.seconds(seconds))).toBe(seconds);
  });

  test.each<[string, Duration, RegExp]>([
    ['not a listed value', Duration.seconds(90), /must be one of 10, 30, 60, 120, 180, 240, 300 seconds, got 90 \[OutOfRange\]/],
    ['below 10 s', Duration.seconds(1), /must be a whole number of seconds from 10 to 300, got 1 \[OutOfRange\]/],
    ['above 5 minutes', Duration.minutes(10), /from 10 to 300, got 600 \[OutOfRange\]/],
    ['a fraction of a second', Duration.millis(10500), /got 10.5 \[OutOfRange\]/],
    ['a token', Duration.seconds(Token.asNumber({ Ref: 'F' })), /must be known at synth time.*got a token \[OutOfRange\]/],
  ])('rejects %s, on both endpoint kinds, before creating any child', (_, frequency, error) => {
    const stack = testStack();
    expect(() => seedEndpoint(stack, { metricPublishFrequency: frequency })).toThrow(error);
    expect(stack.node.tryFindChild('Llm')?.node.tryFindChild('EndpointConfig')).toBeUndefined();
    expect(() => icEndpoint(testStack(), { metricPublishFrequency: frequency })).toThrow(error);
  });

  test('an unset frequency warns about nothing', () => {
    const stack = testStack();
    seedEndpoint(stack, { enhancedMetrics: true });
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('metricPublishFrequency'));
  });
});
