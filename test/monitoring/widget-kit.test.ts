import { Duration, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { InstanceType } from '../../lib';
import { latencyPercentiles, rowHeader, showsGpuMetrics, typeGraph } from '../../lib/monitoring/widget-kit';
import { testStack } from '../util';
import { renderWidgets } from './dashboard-body';

const latency = (statistic = 'Average') => new cloudwatch.Metric({
  namespace: 'AWS/SageMaker', metricName: 'ModelLatency', statistic, dimensionsMap: { EndpointName: 'llm', InstanceType: 'ml.p5.48xlarge' },
});

/** The one widget `widget` renders, as CloudWatch receives it. */
const render = (widget: cloudwatch.IWidget) => renderWidgets(testStack(), [widget])[0];

describe('rowHeader', () => {
  test('a full-width, one-unit-high markdown widget', () => {
    expect(render(rowHeader('### ml.p5.48xlarge (pool 1)'))).toEqual({
      type: 'text', width: 24, height: 1, properties: { markdown: '### ml.p5.48xlarge (pool 1)', background: 'transparent' },
    });
  });
});

describe('typeGraph', () => {
  test('four units wide, the given height, left axis from 0 without units', () => {
    const widget = render(typeGraph('Model latency', 6, [latency()]));
    expect([widget.type, widget.width, widget.height]).toEqual(['metric', 4, 6]);
    expect(widget.properties).toMatchObject({ title: 'Model latency', yAxis: { left: { min: 0, showUnits: false } } });
    expect(widget.properties.metrics).toEqual([['AWS/SageMaker', 'ModelLatency', 'EndpointName', 'llm', 'InstanceType', 'ml.p5.48xlarge']]);
  });

  test('six graphs fill the dashboard width', () => {
    expect(6 * typeGraph('x', 6, []).width).toBe(24);
  });

  test('extra sets other props, and replaces the left axis as a whole', () => {
    const widget = render(typeGraph('GPU utilization', 5, [latency()], {
      leftYAxis: { max: 100, label: '%' }, leftAnnotations: [{ value: 80, label: 'hot' }], stacked: true,
    }));
    expect(widget.properties.yAxis.left).toEqual({ max: 100, label: '%' });
    expect(widget.properties.stacked).toBe(true);
    expect(widget.properties.annotations).toEqual({ horizontal: [{ value: 80, label: 'hot', yAxis: 'left' }] });
    expect(widget.height).toBe(5);
  });

  test('extra overrides width, height and title too', () => {
    const widget = typeGraph('a', 6, [], { width: 12, height: 3, title: 'b' });
    expect([widget.width, widget.height, render(widget).properties.title]).toEqual([12, 3, 'b']);
  });
});

describe('latencyPercentiles', () => {
  test('p50, p90 and p99 in milliseconds, each with its own metric id', () => {
    const asked: string[] = [];
    const lines = latencyPercentiles(Duration.minutes(1), (statistic) => {
      asked.push(statistic);
      return latency(statistic);
    });
    expect(asked).toEqual(['p50', 'p90', 'p99']);
    expect(lines.map((l) => [l.expression, l.label, l.period.toSeconds(), Object.keys(l.usingMetrics)])).toEqual([
      ['latency_p50 / 1000', 'p50', 60, ['latency_p50']],
      ['latency_p90 / 1000', 'p90', 60, ['latency_p90']],
      ['latency_p99 / 1000', 'p99', 60, ['latency_p99']],
    ]);
    expect(lines.map((l) => (l.usingMetrics[Object.keys(l.usingMetrics)[0]] as cloudwatch.Metric).statistic)).toEqual(['p50', 'p90', 'p99']);
  });

  test('renders as three expressions over three hidden ModelLatency metrics, at the given period', () => {
    const lines = latencyPercentiles(Duration.minutes(2), (statistic) => latency(statistic));
    const metrics = render(new cloudwatch.GraphWidget({ left: lines })).properties.metrics as any[];
    expect(metrics.filter((m) => m.length === 1).map((m) => m[0])).toEqual([
      { expression: 'latency_p50 / 1000', label: 'p50', period: 120 },
      { expression: 'latency_p90 / 1000', label: 'p90', period: 120 },
      { expression: 'latency_p99 / 1000', label: 'p99', period: 120 },
    ]);
    expect(metrics.filter((m) => m.length > 1).map((m) => m[m.length - 1])).toEqual([
      { id: 'latency_p50', visible: false, period: 120, stat: 'p50' },
      { id: 'latency_p90', visible: false, period: 120, stat: 'p90' },
      { id: 'latency_p99', visible: false, period: 120, stat: 'p99' },
    ]);
  });
});

describe('showsGpuMetrics', () => {
  test.each([
    ['ml.p5.48xlarge', 'NVIDIA', true],
    ['ml.g6.xlarge', 'NVIDIA', true],
    ['ml.g4dn.12xlarge', 'NVIDIA', true],
    ['ml.p3.2xlarge', 'NVIDIA without local storage', true],
    ['ml.inf2.xlarge', 'AWS Inferentia', false],
    ['ml.inf2.48xlarge', 'AWS Inferentia', false],
    ['ml.trn1.32xlarge', 'AWS Trainium', false],
    ['ml.m5.xlarge', 'CPU', false],
    ['ml.c5d.2xlarge', 'CPU with local storage', false],
    ['ml.t2.medium', 'burstable CPU', false],
    ['ml.g9.xlarge', 'unknown family (might have GPUs)', true],
    ['ml.g7.2xlarge', 'catalogued, traits unknown (might have GPUs)', true],
    ['ml.dl1.24xlarge', 'Habana Gaudi', false],
  ])('%s (%s): %p', (name, _, gpu) => {
    expect(showsGpuMetrics(InstanceType.of(name))).toBe(gpu);
  });

  test('a token instance type might have GPUs', () => {
    expect(showsGpuMetrics(InstanceType.of(Token.asString({ Ref: 'Type' })))).toBe(true);
  });
});
