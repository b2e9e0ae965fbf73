import { Duration, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CapacityAwareEndpoint, InstanceType, PoolWidgets, testing } from '../../lib';
import { lmiModel, seedEndpoint } from '../endpoint/fixtures';
import { testStack } from '../util';
import { instanceTypeOf, lineOptions, metricLines, renderWidgets } from './dashboard-body';

const P5 = 'ml.p5.48xlarge';
const G6 = 'ml.g6.48xlarge';

function seed(options = {}) {
  const stack = testStack();
  const endpoint = seedEndpoint(stack, { endpointName: 'llm' });
  const factory = new PoolWidgets(endpoint, options);
  return { stack, endpoint, factory };
}

describe('PoolWidgets', () => {
  test('a fleet row on top, then one row per pool in priority order', () => {
    // GIVEN
    const { stack, factory } = seed();
    // WHEN
    const widgets = renderWidgets(stack, factory.widgets());
    // THEN
    expect(factory.widgets()).toHaveLength(3);
    const headers = widgets.filter((w) => w.type === 'text').map((w) => w.properties.markdown);
    expect(headers).toEqual([
      `### Priority 1: ${P5} (preferred, 8 GPUs, max concurrency 20)`,
      `### Priority 2: ${G6} (fallback, 8 GPUs, max concurrency 8)`,
    ]);
    const titles = widgets.filter((w) => w.type === 'metric').map((w) => w.properties.title);
    expect(titles).toEqual([
      'Instances per type (estimated: CPUUtilization samples per minute)', 'Invocations per instance type',
      ...[`P1 ${P5}`, `P2 ${G6}`].flatMap((p) => [
        `${p}: ModelLatency (ms)`, `${p}: ConcurrentRequestsPerModel`, `${p}: GPUUtilization`, `${p}: GPUMemoryUtilization`,
        `${p}: Invocations per instance of this type`, `${p}: Invocation errors`,
      ]),
    ]);
  });

  test.each([[1, P5], [2, G6]])('pool %p row queries only %s, with endpoint and variant dimensions', (priority, type) => {
    const { stack, endpoint, factory } = seed();
    const widgets = renderWidgets(stack, factory.widgetsForPool(endpoint.pools[priority - 1])).filter((w) => w.type === 'metric');
    const lines = widgets.flatMap(metricLines);
    expect(new Set(lines.map((l) => l[1]))).toEqual(new Set([
      'ModelLatency', 'ConcurrentRequestsPerModel', 'GPUUtilization', 'GPUMemoryUtilization', 'Invocations', 'CPUUtilization', 'Invocation4XXErrors', 'Invocation5XXErrors',
    ]));
    for (const line of lines) {
      expect(line.slice(2)).toEqual(['EndpointName', 'llm', 'InstanceType', type, 'VariantName', 'AllTraffic']);
      expect(line[0]).toBe(/^(GPU|CPU)/.test(line[1]) ? '/aws/sagemaker/Endpoints' : 'AWS/SageMaker');
    }
  });

  test.each<[string, object, string, number, number]>([
    ['the default minute', {}, 'per minute', 60, 60],
    ['utilization every 10 s', { metricPublishFrequency: Duration.seconds(10) }, 'per 10 s', 60, 60],
    ['utilization every 5 minutes', { metricPublishFrequency: Duration.minutes(5) }, 'per 300 s', 300, 60],
    ['everything every 2 minutes (enhanced)', { metricPublishFrequency: Duration.minutes(2), enhancedMetrics: true }, 'per 120 s', 120, 120],
  ])('graphs hold whole publish intervals: %s', (_, props, title, utilization, invocation) => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack, { endpointName: 'llm', ...props });
    const widgets = renderWidgets(stack, new PoolWidgets(endpoint).widgets()).filter((w) => w.type === 'metric')
      // The per-instance graph reads both kinds over their common interval (its own test below).
      .filter((w) => !w.properties.title.endsWith('Invocations per instance of this type'));
    expect(widgets[0].properties.title).toBe(`Instances per type (estimated: CPUUtilization samples ${title})`);
    const periodsOf = (namespace: string) => new Set(widgets.flatMap((w) => (w.properties.metrics as any[])
      // A line without its own period takes the graph's (CloudWatch's default: 300 s).
      .filter((m) => m[0] === namespace).map((m) => m[m.length - 1].period ?? w.properties.period ?? 300)));
    expect(periodsOf('/aws/sagemaker/Endpoints')).toEqual(new Set([utilization]));
    expect(periodsOf('AWS/SageMaker')).toEqual(new Set([invocation]));
  });

  test.each<[string, object, number, number]>([
    ['the default minute', {}, 60, 60],
    ['utilization every 10 s', { metricPublishFrequency: Duration.seconds(10) }, 10, 60],
    ['utilization every 5 minutes', { metricPublishFrequency: Duration.minutes(5) }, 300, 300],
  ])('invocations per instance of a type: its invocations over its own instances, not the variant\'s (%s)', (_, props, interval, period) => {
    // SageMaker's InvocationsPerInstance divides by every instance of the variant: with the InstanceType dimension it
    // reads low whenever other types run too. The graph divides the type's invocations by its estimated instances.
    const stack = testStack();
    const endpoint = seedEndpoint(stack, { endpointName: 'llm', ...props });
    const graph = renderWidgets(stack, new PoolWidgets(endpoint).widgetsForPool(endpoint.pools[1]))
      .find((w) => w.properties.title === `P2 ${G6}: Invocations per instance of this type`);
    expect(metricLines(graph).map((l) => [l[1], instanceTypeOf(l)])).toEqual([['Invocations', G6], ['CPUUtilization', G6]]);
    // A line whose period is the graph's (CloudWatch's default, 300 s) carries none of its own.
    const own = period === 300 ? {} : { period };
    expect(lineOptions(graph)).toEqual([
      { label: `invocations per ${G6} instance`, expression: `invocations / (samples / (PERIOD(samples) / ${interval}))`, ...own },
      { id: 'invocations', visible: false, ...own, stat: 'Sum' },
      { id: 'samples', visible: false, ...own, stat: 'SampleCount' },
    ]);
    // 120 invocations of g6 in a minute with 2 g6 instances (2 samples at 60 s): 60 per instance, whatever the p5s do.
    expect(testing.MetricMath.evaluate('invocations / (samples / (PERIOD(samples) / 60))', { invocations: 120, samples: 2 }, { periodSeconds: 60 })).toBe(60);
    expect(JSON.stringify(graph)).not.toContain('InvocationsPerInstance');
  });

  describe('on an asynchronous endpoint (https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-monitor.html)', () => {
    function asyncSeed(options = {}) {
      const stack = testStack();
      const endpoint = seedEndpoint(stack, { endpointName: 'llm', asyncInference: { outputBucket: new s3.Bucket(stack, 'Out') } });
      return { stack, endpoint, factory: new PoolWidgets(endpoint, options) };
    }
    const PUBLISHED = new Set(['ApproximateBacklogSize', 'ApproximateBacklogSizePerInstance', 'HasBacklogWithoutCapacity', 'TimeInBacklog', 'InvocationsProcesssed',
      'InvocationFailures', 'ModelLatency', 'Invocation4XXErrors', 'Invocation5XXErrors', 'CPUUtilization', 'GPUUtilization', 'GPUMemoryUtilization']);

    test('every graph reads only metrics an asynchronous endpoint publishes', () => {
      const { stack, factory } = asyncSeed();
      const names = renderWidgets(stack, factory.widgets()).filter((w) => w.type === 'metric').flatMap(metricLines).map((l) => l[1]);
      expect(names.filter((n) => !PUBLISHED.has(n))).toEqual([]);
      expect(names).toEqual(expect.arrayContaining(['ApproximateBacklogSize', 'ApproximateBacklogSizePerInstance', 'HasBacklogWithoutCapacity',
        'TimeInBacklog', 'InvocationsProcesssed', 'InvocationFailures']));
      expect(names).not.toContain('ConcurrentRequestsPerModel');
    });

    test('the fleet row: instances per type, the backlog, the wait in it, processed against failed', () => {
      const { stack, factory } = asyncSeed();
      const widgets = renderWidgets(stack, factory.fleetWidgets());
      expect(widgets.map((w) => w.properties.title)).toEqual([
        'Instances per type (estimated: CPUUtilization samples per minute)', 'Backlog (requests queued or in progress)', 'TimeInBacklog (s)',
        'Requests processed and failed',
      ]);
      expect(widgets.map((w) => w.width)).toEqual([6, 6, 6, 6]);
      // The queue is published per endpoint only; the rest per endpoint and variant.
      expect(metricLines(widgets[1])).toEqual([
        ['AWS/SageMaker', 'ApproximateBacklogSize', 'EndpointName', 'llm'],
        ['AWS/SageMaker', 'ApproximateBacklogSizePerInstance', 'EndpointName', 'llm'],
        ['AWS/SageMaker', 'HasBacklogWithoutCapacity', 'EndpointName', 'llm'],
      ]);
      // Requests waiting while no instance runs (the scale-out-from-zero signal): 0 or 1, on the right axis.
      expect(lineOptions(widgets[1])[2]).toMatchObject({ stat: 'Maximum', yAxis: 'right' });
      expect(metricLines(widgets[3]).map((l) => l.slice(0, 6))).toEqual([
        ['AWS/SageMaker', 'InvocationsProcesssed', 'EndpointName', 'llm', 'VariantName', 'AllTraffic'],
        ['AWS/SageMaker', 'InvocationFailures', 'EndpointName', 'llm', 'VariantName', 'AllTraffic'],
      ]);
    });

    test('with a scaling signal and alarms the fleet row still fits the dashboard width', () => {
      const stack = testStack();
      const endpoint = seedEndpoint(stack, { endpointName: 'llm', asyncInference: { outputBucket: new s3.Bucket(stack, 'Out') } });
      const alarms = endpoint.addAlarms();
      const factory = new PoolWidgets(endpoint, { scalingSignal: endpoint.metric('ApproximateBacklogSizePerInstance'), alarms: alarms.alarms });
      const widths = renderWidgets(stack, factory.fleetWidgets()).map((w) => w.width);
      expect(widths).toHaveLength(6);
      expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(24);
    });

    test('pool rows leave out concurrency and invocation graphs', () => {
      const { stack, endpoint, factory } = asyncSeed();
      const titles = renderWidgets(stack, factory.widgetsForPool(endpoint.pools[0])).filter((w) => w.type === 'metric').map((w) => w.properties.title);
      expect(titles).toEqual([`P1 ${P5}: ModelLatency (ms)`, `P1 ${P5}: GPUUtilization`, `P1 ${P5}: GPUMemoryUtilization`, `P1 ${P5}: Invocation errors`]);
    });
  });

  test('latency shows p50, p90 and p99 in milliseconds', () => {
    const { stack, endpoint, factory } = seed();
    const [latency] = renderWidgets(stack, factory.widgetsForPool(endpoint.pools[0])).filter((w) => w.type === 'metric');
    expect(lineOptions(latency).filter((o) => o.expression)).toEqual(['p50', 'p90', 'p99'].map((stat) => ({ label: stat, expression: `latency_${stat} / 1000`, period: 60 })));
    expect(lineOptions(latency).filter((o) => o.stat).map((o) => o.stat)).toEqual(['p50', 'p90', 'p99']);
  });

  test("concurrency is drawn against the pool's maxConcurrency", () => {
    const { stack, endpoint, factory } = seed();
    const annotations = endpoint.pools.map((pool) => {
      const [, concurrency] = renderWidgets(stack, factory.widgetsForPool(pool)).filter((w) => w.type === 'metric');
      return concurrency.properties.annotations.horizontal;
    });
    expect(annotations).toEqual([
      [{ value: 20, label: 'max concurrency 20', yAxis: 'left' }],
      [{ value: 8, label: 'max concurrency 8', yAxis: 'left' }],
    ]);
  });

  test('GPU metrics are normalized per GPU where the GPU count is known, and labelled summed otherwise', () => {
    const stack = testStack();
    const endpoint = new CapacityAwareEndpoint(stack, 'Ep', {
      model: lmiModel(stack, 'M'),
      pools: [{ instanceType: InstanceType.ML_G6_12XLARGE }, { instanceType: InstanceType.ML_G6_XLARGE }, { instanceType: InstanceType.of('ml.g7.48xlarge') }],
    });
    const factory = new PoolWidgets(endpoint);
    const gpu = endpoint.pools.map((pool) => renderWidgets(stack, factory.widgetsForPool(pool)).find((w) => w.properties.title?.endsWith('GPUUtilization')));
    expect(lineOptions(gpu[0])[0]).toEqual({ label: 'GPU utilization per GPU (4 GPUs)', expression: 'm / 4', period: 60 });
    expect(gpu[0].properties.yAxis.left.max).toBe(100);
    expect(lineOptions(gpu[1])).toEqual([{ label: 'GPU utilization (1 GPU)', period: 60 }]);
    expect(lineOptions(gpu[2])).toEqual([{ label: 'GPU utilization (summed over GPUs)', period: 60 }]);
    expect(gpu[2].properties.yAxis.left.max).toBeUndefined();
  });

  test.each([InstanceType.ML_M5_XLARGE, InstanceType.ML_INF2_XLARGE])('%s shows CPU and memory utilization instead of GPU metrics', (type) => {
    const stack = testStack();
    const endpoint = new CapacityAwareEndpoint(stack, 'Ep', { model: lmiModel(stack, 'M'), pools: [{ instanceType: type }] });
    const titles = renderWidgets(stack, new PoolWidgets(endpoint).widgetsForPool(endpoint.pools[0])).map((w) => w.properties.title);
    expect(titles).toEqual(expect.arrayContaining([`P1 ${type.name}: CPUUtilization`, `P1 ${type.name}: MemoryUtilization`]));
    expect(titles.some((t) => t?.includes('GPU'))).toBe(false);
  });

  test('fleet composition: instances per type from CPUUtilization samples per minute, stacked', () => {
    const { stack, factory } = seed();
    const [composition, traffic] = renderWidgets(stack, factory.fleetWidgets());
    expect(composition.properties.stacked).toBe(true);
    expect(metricLines(composition).map((l) => [l[1], instanceTypeOf(l)])).toEqual([['CPUUtilization', P5], ['CPUUtilization', G6]]);
    expect(lineOptions(composition)).toEqual([
      { label: P5, expression: 'samples1 / (PERIOD(samples1) / 60)', period: 60 },
      { id: 'samples1', visible: false, period: 60, stat: 'SampleCount' },
      { label: G6, expression: 'samples2 / (PERIOD(samples2) / 60)', period: 60 },
      { id: 'samples2', visible: false, period: 60, stat: 'SampleCount' },
    ]);
    expect(traffic.properties.stacked).toBe(true);
    expect(metricLines(traffic).map((l) => [l[1], instanceTypeOf(l)])).toEqual([['Invocations', P5], ['Invocations', G6]]);
  });

  test('the scaling signal against its target, and the alarm status, when given', () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack, { endpointName: 'llm' });
    const signal = new cloudwatch.MathExpression({ expression: 'a / 20', usingMetrics: { a: endpoint.metricConcurrentRequestsPerModel() } });
    const alarm = cloudwatch.Alarm.fromAlarmArn(stack, 'A', 'arn:aws:cloudwatch:us-east-1:111111111111:alarm:a');
    const widgets = renderWidgets(stack, new PoolWidgets(endpoint, { scalingSignal: signal, scalingTarget: 0.7, alarms: [alarm] }).fleetWidgets());
    expect(widgets.map((w) => [w.type, w.width])).toEqual([['metric', 6], ['metric', 6], ['metric', 6], ['alarm', 6]]);
    expect(widgets[2].properties.title).toBe('Scaling signal vs target');
    expect(widgets[2].properties.annotations.horizontal).toEqual([{ value: 0.7, label: 'target 0.7', yAxis: 'left' }]);
    expect(widgets[3].properties.alarms).toEqual(['arn:aws:cloudwatch:us-east-1:111111111111:alarm:a']);
  });

  test('period and height apply to every graph', () => {
    const { stack, factory } = seed({ period: Duration.minutes(2), widgetHeight: 8 });
    const graphs = renderWidgets(stack, factory.widgets()).filter((w) => w.type === 'metric');
    expect(new Set(graphs.map((w) => w.height))).toEqual(new Set([8]));
    expect(new Set(graphs.flatMap(lineOptions).map((o) => o.period))).toEqual(new Set([120]));
  });

  test('returns new widgets on every call (a widget is positioned in one dashboard)', () => {
    const { factory } = seed();
    expect(factory.widgets()[0]).not.toBe(factory.widgets()[0]);
  });

  test.each([
    [{ period: Duration.seconds(90) }, 'period: must be a whole number of minutes, got 90 [OutOfRange]'],
    [{ period: Duration.seconds(30) }, 'period: must be a whole number of seconds from 60 to 86400, got 30 [OutOfRange]'],
    [{ scalingTarget: 0.7 }, 'scalingTarget: is drawn on scalingSignal; set both, got 0.7 [ConflictingOptions]'],
    [{ widgetHeight: 0 }, 'widgetHeight: must be an integer from 1 to 24, got 0 [OutOfRange]'],
    [{ period: Duration.seconds(Token.asNumber({ Ref: 'P' })) }, "period: must be known at synth time (CloudWatch metric periods in aws-cdk-lib cannot be tokens), got a token [OutOfRange]"],
  ])('rejects %p', (options, message) => {
    expect(() => seed(options)).toThrow(message);
  });

  test('rejects a scaling target that is not positive', () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack);
    expect(() => new PoolWidgets(endpoint, { scalingSignal: endpoint.metricInvocations(), scalingTarget: 0 }))
      .toThrow('scalingTarget: must be a number greater than 0, got 0 [OutOfRange]');
  });

  test('tokens never trip validation', () => {
    const stack = testStack();
    const n = Token.asNumber({ Ref: 'N' });
    const endpoint = new CapacityAwareEndpoint(stack, 'Ep', {
      model: lmiModel(stack, 'M'),
      endpointName: Token.asString({ Ref: 'Name' }),
      pools: [{ instanceType: InstanceType.of(Token.asString({ Ref: 'Type' })), maxConcurrency: n }],
    });
    // (CloudWatch metrics in aws-cdk-lib take no token periods, and the layout needs numeric sizes.)
    const factory = new PoolWidgets(endpoint, { scalingSignal: endpoint.metricInvocations(), scalingTarget: n });
    const widgets = renderWidgets(stack, factory.widgets());
    // The scaling target and the pool's max concurrency lines carry the tokens.
    const lines = widgets.flatMap((w) => w.properties.annotations?.horizontal ?? []).map((a: any) => a.value);
    expect(lines).toEqual([{ Ref: 'N' }, { Ref: 'N' }]);
  });
});
