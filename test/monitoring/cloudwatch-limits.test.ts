import { countWidgetMetrics, dashboardLimitErrors, parseDashboardBody } from '../../lib/monitoring/cloudwatch-limits';

const metric = (name: string) => ['N', name, { stat: 'Sum' }];
const graph = (lines: any[]) => ({ type: 'metric', properties: { metrics: lines } });

describe('CloudWatch dashboard limits', () => {
  test('parses a plain body and a Fn::Join body with tokens', () => {
    expect(parseDashboardBody('{"widgets":[]}')).toEqual({ widgets: [] });
    const joined = { 'Fn::Join': ['', ['{"widgets":[{"properties":{"region":"', { Ref: 'AWS::Region' }, '","value":', { Ref: 'N' }, '}}]}']] };
    expect(parseDashboardBody(joined)).toEqual({ widgets: [{ properties: { region: '0', value: 0 } }] });
    expect(() => parseDashboardBody({ 'Fn::Sub': 'x' })).toThrow(/Unexpected dashboard body/);
  });

  test('counts metrics (also those only used in math) and expressions per widget', () => {
    const lines = [[{ expression: 'a + b' }], [...metric('a'), { id: 'a', visible: false }], metric('b'), metric('c')];
    expect(countWidgetMetrics(graph(lines))).toEqual({ metrics: 3, expressions: 1 });
    expect(countWidgetMetrics({ type: 'text', properties: { markdown: 'x' } })).toEqual({ metrics: 0, expressions: 0 });
  });

  test('500 widgets, 500 metrics and expressions per graph and 2500 metrics per dashboard are fine; one more is not', () => {
    const full = (n: number) => graph(Array.from({ length: n }, (_, i) => metric(`m${i}`)));
    expect(dashboardLimitErrors('d', Array.from({ length: 500 }, () => ({ type: 'text' })))).toEqual([]);
    expect(dashboardLimitErrors('d', [full(500), full(500), full(500), full(500), full(500)])).toEqual([]);
    expect(dashboardLimitErrors('d', Array.from({ length: 501 }, () => ({ type: 'text' }))).map((e) => e.message))
      .toEqual(['d: a dashboard holds at most 500 widgets, got 501 [DashboardLimit]']);
    expect(dashboardLimitErrors('d', [graph([[{ expression: 'SUM(METRICS())' }], ...full(500).properties.metrics])]).map((e) => e.message))
      .toEqual(['d: a graph holds at most 500 metrics and expressions (widgets[0]), got 501 [DashboardLimit]']);
    expect(dashboardLimitErrors('d', [full(500), full(500), full(500), full(500), full(500), full(1)]).map((e) => e.code)).toEqual(['DashboardLimit']);
  });
});
