import { Duration } from 'aws-cdk-lib';
import { testStack } from '../util';
import { G6_24, pooledComponent } from './fixtures';

describe('InferenceComponentBase: metrics', () => {
  test('invocation metrics: AWS/SageMaker, InferenceComponentName and optionally InstanceType', () => {
    // GIVEN
    const stack = testStack();
    const { component } = pooledComponent(stack);
    const name = component.inferenceComponentName;
    // WHEN
    const latency = component.metricModelLatency({ instanceType: G6_24 });
    // THEN
    expect(latency.namespace).toBe('AWS/SageMaker');
    expect(latency.metricName).toBe('ModelLatency');
    expect(latency.statistic).toBe('Average');
    expect(latency.dimensions).toEqual({ InferenceComponentName: name, InstanceType: 'ml.g6.24xlarge' });
    expect(component.metricInvocations().dimensions).toEqual({ InferenceComponentName: name });
  });

  test.each([
    ['metricInvocations', 'Invocations', 'Sum'],
    ['metricInvocationsPerCopy', 'InvocationsPerCopy', 'Sum'],
    ['metricInvocation4XXErrors', 'Invocation4XXErrors', 'Sum'],
    ['metricInvocation5XXErrors', 'Invocation5XXErrors', 'Sum'],
    ['metricInvocationModelErrors', 'InvocationModelErrors', 'Sum'],
    ['metricModelLatency', 'ModelLatency', 'Average'],
  ] as const)('%s reads %s (%s over 5 minutes) from AWS/SageMaker', (method, metricName, statistic) => {
    const { component } = pooledComponent(testStack());
    const metric = component[method]();
    expect([metric.namespace, metric.metricName, metric.statistic, metric.period.toMinutes()]).toEqual(['AWS/SageMaker', metricName, statistic, 5]);
  });

  test('ConcurrentRequestsPerCopy is high resolution: 1-minute average by default', () => {
    const { component } = pooledComponent(testStack());
    const metric = component.metricConcurrentRequestsPerCopy({ instanceType: G6_24 });
    expect([metric.namespace, metric.metricName, metric.statistic, metric.period.toMinutes()]).toEqual(['AWS/SageMaker', 'ConcurrentRequestsPerCopy', 'Average', 1]);
    expect(component.metricConcurrentRequestsPerCopy({ period: Duration.minutes(5) }).period.toMinutes()).toBe(5);
  });

  test('an option passed as undefined keeps its default', () => {
    const { component } = pooledComponent(testStack());
    const concurrency = component.metricConcurrentRequestsPerCopy({ period: undefined, statistic: undefined });
    expect([concurrency.statistic, concurrency.period.toMinutes()]).toEqual(['Average', 1]);
    expect(component.metricInvocations({ statistic: undefined }).statistic).toBe('Sum');
  });

  test.each([
    ['metricGPUUtilizationNormalized', 'GPUUtilizationNormalized'],
    ['metricGPUMemoryUtilizationNormalized', 'GPUMemoryUtilizationNormalized'],
    ['metricCPUUtilizationNormalized', 'CPUUtilizationNormalized'],
    ['metricMemoryUtilizationNormalized', 'MemoryUtilizationNormalized'],
  ] as const)('%s reads %s from /aws/sagemaker/InferenceComponents', (method, metricName) => {
    const { component } = pooledComponent(testStack());
    const metric = component[method]({ instanceType: G6_24 });
    expect([metric.namespace, metric.metricName, metric.statistic]).toEqual(['/aws/sagemaker/InferenceComponents', metricName, 'Average']);
    expect(metric.dimensions).toEqual({ InferenceComponentName: component.inferenceComponentName, InstanceType: 'ml.g6.24xlarge' });
  });

  test('generic helpers take any metric name and options', () => {
    const { component } = pooledComponent(testStack());
    const m = component.metric('OverheadLatency', { statistic: 'p99', label: 'overhead' });
    expect([m.namespace, m.metricName, m.statistic, m.label]).toEqual(['AWS/SageMaker', 'OverheadLatency', 'p99', 'overhead']);
    expect(component.metricUtilization('GPUUtilizationNormalized').namespace).toBe('/aws/sagemaker/InferenceComponents');
  });
});
