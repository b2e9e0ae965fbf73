import { Duration, Size } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { InferenceComponentSpecification, InferenceComponentWidgets, InstanceType, Model } from '../../lib';
import { testStack } from '../util';
import { icEndpoint, pooledComponent } from './fixtures';

/** The rendered widgets of one row, as the dashboard body holds them. */
function render(stack: import('aws-cdk-lib').Stack, row: cloudwatch.IWidget): any[] {
  return stack.resolve(row.toJson());
}

describe('InferenceComponentWidgets', () => {
  test('one row per instance type, in priority order: a header and six graphs filling the width', () => {
    // GIVEN
    const stack = testStack();
    const { component } = pooledComponent(stack);
    // WHEN
    const rows = component.widgets();
    // THEN
    expect(rows).toHaveLength(3);
    const first = render(stack, rows[0]);
    expect(first.map((w) => w.properties.title ?? w.properties.markdown)).toEqual([
      '### Priority 1: ml.g6.48xlarge (preferred, 8 GPUs, model TestStack/Tp8, max concurrency per copy 16)',
      'ml.g6.48xlarge: ModelLatency (ms)',
      'ml.g6.48xlarge: ConcurrentRequestsPerCopy',
      'ml.g6.48xlarge: GPUUtilizationNormalized',
      'ml.g6.48xlarge: GPUMemoryUtilizationNormalized',
      'ml.g6.48xlarge: Invocations',
      'ml.g6.48xlarge: Invocation errors',
    ]);
    expect(first.slice(1).reduce((sum, w) => sum + w.width, 0)).toBe(24);
    expect(render(stack, rows[1])[0].properties.markdown).toBe('### Priority 2: ml.g6.24xlarge (fallback, 4 GPUs, model TestStack/Tp4, max concurrency per copy 8)');
  });

  test('graphs read the component metrics of that instance type, with the capacity line', () => {
    const stack = testStack();
    const { component } = pooledComponent(stack);
    const [, , concurrency, gpu, , , errors] = render(stack, component.widgets({ period: Duration.minutes(2) })[1]);
    const name = component.inferenceComponentName;
    expect(concurrency.properties.metrics).toEqual([
      ['AWS/SageMaker', 'ConcurrentRequestsPerCopy', 'InferenceComponentName', name, 'InstanceType', 'ml.g6.24xlarge', { label: 'average', period: 120 }],
    ]);
    expect(concurrency.properties.annotations).toEqual({ horizontal: [{ value: 8, label: 'max concurrency per copy 8', yAxis: 'left' }] });
    expect(gpu.properties.metrics[0].slice(0, 6)).toEqual(['/aws/sagemaker/InferenceComponents', 'GPUUtilizationNormalized', 'InferenceComponentName', name, 'InstanceType', 'ml.g6.24xlarge']);
    expect(gpu.properties.yAxis.left).toEqual({ min: 0, max: 100, label: '%', showUnits: false });
    expect(errors.properties.metrics.map((m: any[]) => m[1])).toEqual(['Invocation4XXErrors', 'Invocation5XXErrors', 'InvocationModelErrors']);
    expect(errors.properties.metrics[0][6]).toEqual({ label: '4XX', period: 120, stat: 'Sum' });
  });

  test("graphs hold whole publish intervals of the endpoint's metrics", () => {
    const stack = testStack();
    const endpoint = icEndpoint(stack, { metricPublishFrequency: Duration.minutes(4) });
    const { tp8, tp4 } = { tp8: Model.fromModelName(stack, 'Tp8', 'tp8'), tp4: Model.fromModelName(stack, 'Tp4', 'tp4') };
    const component = endpoint.addInferenceComponent('Ic', {
      specification: InferenceComponentSpecification.perInstanceType([
        { instanceType: InstanceType.ML_G6_48XLARGE, model: tp8, acceleratorCount: 8, minMemory: Size.mebibytes(512) },
        { instanceType: InstanceType.ML_G6_24XLARGE, model: tp4, acceleratorCount: 4, minMemory: Size.mebibytes(512) },
        { instanceType: InstanceType.ML_G5_48XLARGE, model: tp8, acceleratorCount: 8, minMemory: Size.mebibytes(512) },
      ]),
    });
    const [, , concurrency, gpu] = render(stack, component.widgets()[0]);
    // Utilization every 240 s; invocation metrics stay on SageMaker's minute without enhanced metrics.
    expect(gpu.properties.metrics[0][6].period).toBe(240);
    expect(concurrency.properties.metrics[0][6].period).toBe(60);
  });

  test('CPU-only types show CPU and memory utilization; no capacity line without maxConcurrencyPerCopy', () => {
    const stack = testStack();
    const endpoint = icEndpoint(stack, { pools: [{ instanceType: InstanceType.ML_M5_2XLARGE }] });
    const component = endpoint.addInferenceComponent('Cpu', {
      specification: InferenceComponentSpecification.forAllInstanceTypes({ model: Model.fromModelName(stack, 'M', 'small'), minMemory: Size.mebibytes(1024) }),
    });
    const widgets = render(stack, new InferenceComponentWidgets(component).widgets()[0]);
    expect(widgets.map((w) => w.properties.title).slice(3, 5)).toEqual(['ml.m5.2xlarge: CPUUtilizationNormalized', 'ml.m5.2xlarge: MemoryUtilizationNormalized']);
    expect(widgets[2].properties.annotations).toBeUndefined();
    expect(widgets[0].properties.markdown).toBe('### Priority 1: ml.m5.2xlarge (preferred, model TestStack/M)');
  });

  test('AWS Inferentia types publish no GPU metrics: CPU and memory utilization, as in the pool widgets', () => {
    // GIVEN
    const stack = testStack();
    const endpoint = icEndpoint(stack, { pools: [{ instanceType: InstanceType.ML_INF2_XLARGE }] });
    const component = endpoint.addInferenceComponent('Neuron', {
      specification: InferenceComponentSpecification.forAllInstanceTypes({ model: Model.fromModelName(stack, 'M', 'small'), minMemory: Size.mebibytes(1024), acceleratorCount: 1 }),
    });
    // WHEN
    const titles = render(stack, new InferenceComponentWidgets(component).widgets()[0]).map((w) => w.properties.title);
    // THEN
    expect(titles.slice(3, 5)).toEqual(['ml.inf2.xlarge: CPUUtilizationNormalized', 'ml.inf2.xlarge: MemoryUtilizationNormalized']);
    expect(titles.some((t) => t?.includes('GPU'))).toBe(false);
  });

  test('rejects a period that is not whole minutes and a bad widget height', () => {
    const { component } = pooledComponent(testStack());
    expect(() => component.widgets({ period: Duration.seconds(90) })).toThrow('period: must be a whole number of minutes, got 90 [OutOfRange]');
    expect(() => component.widgets({ period: Duration.seconds(30) })).toThrow(/period: must be a whole number of seconds from 60 to 86400, got 30/);
    expect(() => component.widgets({ widgetHeight: 0 })).toThrow('widgetHeight: must be an integer from 1 to 24, got 0 [OutOfRange]');
  });
});
