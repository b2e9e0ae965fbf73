import { Size, Token } from 'aws-cdk-lib';
import { CopyScalingSignal, InferenceComponentSpecification, UtilizationAggregation } from '../../lib';
import { testStack } from '../util';
import { icEndpoint, pooledComponent, tpModels } from './fixtures';

describe('CopyScalingSignal', () => {
  test('weighted: one ConcurrentRequestsPerCopy query per instance type, divided by its max concurrency per copy', () => {
    // GIVEN
    const stack = testStack();
    const { component } = pooledComponent(stack);
    // WHEN
    const config = CopyScalingSignal.weightedUtilization().bind(component);
    // THEN
    expect(config.targetValue).toBe(0.7);
    expect(config.weighted).toBe(true);
    expect(config.predefinedMetricSpecification).toBeUndefined();
    const queries = stack.resolve(config.customizedMetricSpecification!.metrics);
    expect(queries.map((q: any) => q.id)).toEqual(['type1', 'type1_copies', 'type2', 'type2_copies', 'type3', 'type3_copies', 'weighted_utilization']);
    const dimensions = [{ name: 'InferenceComponentName', value: component.inferenceComponentName }, { name: 'InstanceType', value: 'ml.g6.24xlarge' }];
    expect(queries[2]).toEqual({
      id: 'type2', label: 'ml.g6.24xlarge', returnData: false,
      metricStat: { stat: 'Average', metric: { namespace: 'AWS/SageMaker', metricName: 'ConcurrentRequestsPerCopy', dimensions } },
    });
    // Each copy reports its CPUUtilizationNormalized whatever its traffic: the sample count says the type runs copies.
    expect(queries[3]).toEqual({
      id: 'type2_copies', label: 'ml.g6.24xlarge samples', returnData: false,
      metricStat: { stat: 'SampleCount', metric: { namespace: '/aws/sagemaker/InferenceComponents', metricName: 'CPUUtilizationNormalized', dimensions } },
    });
    const active = (i: number) => `((FILL(type${i}_copies, 0) > 0) OR (FILL(type${i}, -1) >= 0))`;
    expect(queries[6].expression).toBe(`(FILL(type1, 0) / 16 + FILL(type2, 0) / 8 + FILL(type3, 0) / 12) / (${active(1)} + ${active(2)} + ${active(3)})`);
    expect(config.metric.toMetricConfig().mathExpression?.expression).toBe(queries[6].expression);
  });

  test('weighted: target and aggregation options', () => {
    const { component } = pooledComponent(testStack());
    const config = CopyScalingSignal.weightedUtilization({ targetUtilization: 0.5, aggregation: UtilizationAggregation.MAX }).bind(component);
    expect(config.targetValue).toBe(0.5);
    const active = (i: number) => `((FILL(type${i}_copies, 0) > 0) OR (FILL(type${i}, -1) >= 0))`;
    expect(config.metric.toMetricConfig().mathExpression?.expression)
      .toBe(`MAX([FILL(type1, 0) / 16 / ${active(1)}, FILL(type2, 0) / 8 / ${active(2)}, FILL(type3, 0) / 12 / ${active(3)}])`);
  });

  test('weighted: a single specification weighs every pool type alike', () => {
    const stack = testStack();
    const endpoint = icEndpoint(stack);
    const component = endpoint.addInferenceComponent('Ic', {
      specification: InferenceComponentSpecification.forAllInstanceTypes({ model: tpModels(stack).tp4, minMemory: Size.mebibytes(512), maxConcurrencyPerCopy: 4 }),
    });
    const expression = CopyScalingSignal.weightedUtilization({ aggregation: UtilizationAggregation.MEAN_OF_ALL_POOLS }).bind(component).metric.toMetricConfig().mathExpression?.expression;
    expect(expression).toMatch(/^\(FILL\(type1, 0\) \/ 4 \+ FILL\(type2, 0\) \/ 4 \+ FILL\(type3, 0\) \/ 4\) \/ 3 \/ /);
  });

  test('weighted: every instance type needs maxConcurrencyPerCopy', () => {
    const stack = testStack();
    const endpoint = icEndpoint(stack);
    const component = endpoint.addInferenceComponent('Ic', {
      specification: InferenceComponentSpecification.forAllInstanceTypes({ model: tpModels(stack).tp4, minMemory: Size.mebibytes(512) }),
    });
    expect(() => CopyScalingSignal.weightedUtilization().bind(component))
      .toThrow("specification.maxConcurrencyPerCopy: the weighted copy-count signal needs the measured max concurrency per copy on every instance type (ml.g6.48xlarge), got undefined [MissingMaxConcurrency]");
  });

  test.each([0, 1.5, -0.1])('weighted: rejects targetUtilization %p', (target) => {
    expect(() => CopyScalingSignal.weightedUtilization({ targetUtilization: target }))
      .toThrow(`targetUtilization: must be a number greater than 0 and at most 1, got ${target} [OutOfRange]`);
  });

  test('predefined: concurrent requests per copy (high resolution) and invocations per copy', () => {
    const { component } = pooledComponent(testStack());
    const concurrency = CopyScalingSignal.concurrentRequestsPerCopy({ targetValue: 4 }).bind(component);
    expect(concurrency).toEqual(expect.objectContaining({
      targetValue: 4, weighted: false,
      predefinedMetricSpecification: { predefinedMetricType: 'SageMakerInferenceComponentConcurrentRequestsPerCopyHighResolution' },
    }));
    expect(concurrency.customizedMetricSpecification).toBeUndefined();
    expect((concurrency.metric as any).metricName).toBe('ConcurrentRequestsPerCopy');
    const invocations = CopyScalingSignal.invocationsPerCopy({ targetValue: 100 }).bind(component);
    expect(invocations.predefinedMetricSpecification).toEqual({ predefinedMetricType: 'SageMakerInferenceComponentInvocationsPerCopy' });
    expect((invocations.metric as any).statistic).toBe('Sum');
  });

  test('predefined: the target must be positive', () => {
    expect(() => CopyScalingSignal.concurrentRequestsPerCopy({ targetValue: 0 })).toThrow('targetValue: must be a number greater than 0 (Application Auto Scaling takes 8.515920e-109 to 1.174271e+108), got 0 [OutOfRange]');
    expect(() => CopyScalingSignal.invocationsPerCopy({ targetValue: -1 })).toThrow(/targetValue: .*got -1/);
  });

  test('tokens never trip validation', () => {
    const n = Token.asNumber({ Ref: 'T' });
    expect(() => CopyScalingSignal.weightedUtilization({ targetUtilization: n })).not.toThrow();
    expect(() => CopyScalingSignal.concurrentRequestsPerCopy({ targetValue: n })).not.toThrow();
  });
});
