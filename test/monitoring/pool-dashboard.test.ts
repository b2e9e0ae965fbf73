import { App, Duration, Stack, Stage, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { CapacityAwareEndpoint, InstanceType, PoolAlarms, PoolDashboard } from '../../lib';
import { lmiModel, seedEndpoint } from '../endpoint/fixtures';
import { testStack } from '../util';
import { instanceTypeOf, metricLines, renderWidgets, templateWidgets } from './dashboard-body';

const P5 = 'ml.p5.48xlarge';
const G6 = 'ml.g6.48xlarge';

/** A graph of `count` metrics. */
function graphOf(count: number): cloudwatch.GraphWidget {
  return new cloudwatch.GraphWidget({ left: Array.from({ length: count }, (_, i) => new cloudwatch.Metric({ namespace: 'N', metricName: `m${i}` })) });
}

describe('PoolDashboard', () => {
  test("every pool's instance type is queried for the seed's five metrics", () => {
    // GIVEN
    const stack = testStack();
    const endpoint = seedEndpoint(stack, { endpointName: 'llm' });
    // WHEN
    new PoolDashboard(stack, 'Dashboard', { endpoint });
    // THEN
    Template.fromStack(stack).resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    const lines = templateWidgets(stack).filter((w) => w.type === 'metric').flatMap(metricLines);
    for (const type of [P5, G6]) {
      const metrics = new Set(lines.filter((l) => instanceTypeOf(l) === type).map((l) => l[1]));
      // CPUUtilization (sample count) is the documented stand-in for the blog's InstanceCount.
      for (const name of ['ModelLatency', 'ConcurrentRequestsPerModel', 'GPUUtilization', 'CPUUtilization', 'Invocations']) {
        expect(metrics).toContain(name);
      }
    }
    // Nothing is queried for the whole variant: every line names its instance type.
    expect(lines.filter((l) => instanceTypeOf(l) === undefined)).toEqual([]);
  });

  test('warns that the instance estimate assumes per-type samples at the publish frequency (not documented)', () => {
    const stack = testStack();
    new PoolDashboard(stack, 'Dashboard', { endpoint: seedEndpoint(stack, { endpointName: 'llm', metricPublishFrequency: Duration.seconds(10) }) });
    Annotations.fromStack(stack).hasWarning('/TestStack/Dashboard', Match.stringLikeRegexp('every 10 s.*would read 10/60 of the instances'));
    const slow = testStack();
    new PoolDashboard(slow, 'Dashboard', { endpoint: seedEndpoint(slow, { endpointName: 'llm', metricPublishFrequency: Duration.minutes(3) }) });
    Annotations.fromStack(slow).hasWarning('/TestStack/Dashboard', Match.stringLikeRegexp('would read 3 times the instances'));
    const standard = testStack();
    new PoolDashboard(standard, 'Dashboard', { endpoint: seedEndpoint(standard, { endpointName: 'llm' }) });
    Annotations.fromStack(standard).hasNoWarning('*', Match.stringLikeRegexp('instances-per-type graph'));
  });

  test('lays out the fleet row on top and a row per pool in priority order', () => {
    const stack = testStack();
    new PoolDashboard(stack, 'Dashboard', { endpoint: seedEndpoint(stack), dashboardName: 'llm-fleet', defaultInterval: Duration.hours(6) });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'llm-fleet' });
    const widgets = templateWidgets(stack);
    const headers = widgets.filter((w) => w.type === 'text');
    expect(headers.map((w) => [w.properties.markdown.split(' ')[2], w.y])).toEqual([['1:', 6], ['2:', 13]]);
    expect(widgets.filter((w) => w.y === 0).map((w) => w.properties.title)).toEqual(['Instances per type (estimated: CPUUtilization samples per minute)', 'Invocations per instance type']);
  });

  test('adds to an existing dashboard, below what it shows, and creates none', () => {
    const stack = testStack();
    const existing = new cloudwatch.Dashboard(stack, 'Ops');
    existing.addWidgets(new cloudwatch.TextWidget({ markdown: '# Ops', width: 24, height: 2 }));
    const dashboard = new PoolDashboard(stack, 'Dashboard', { endpoint: seedEndpoint(stack), dashboard: existing });
    expect(dashboard.dashboard).toBe(existing);
    expect(dashboard.node.children).toHaveLength(0);
    Template.fromStack(stack).resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    const widgets = templateWidgets(stack);
    expect(widgets[0]).toMatchObject({ type: 'text', y: 0, properties: { markdown: '# Ops' } });
    expect(Math.min(...widgets.slice(1).map((w) => w.y))).toBe(2);
  });

  test('widgets() returns copies for other dashboards', () => {
    const stack = testStack();
    const dashboard = new PoolDashboard(stack, 'Dashboard', { endpoint: seedEndpoint(stack) });
    const mine = new cloudwatch.Dashboard(stack, 'Mine');
    mine.addWidgets(...dashboard.widgets());
    expect(renderWidgets(stack, dashboard.widgets())).toHaveLength(templateWidgets(stack).length / 2);
  });

  test('shows the alarm status and the scaling signal when given', () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack, { endpointName: 'llm' });
    const alarms = new PoolAlarms(stack, 'Alarms', { endpoint });
    new PoolDashboard(stack, 'Dashboard', { endpoint, alarms: alarms.alarms, scalingSignal: endpoint.metricConcurrentRequestsPerModel(), scalingTarget: 10 });
    const top = templateWidgets(stack).filter((w) => w.y === 0);
    expect(top.map((w) => w.type)).toEqual(['metric', 'metric', 'metric', 'alarm']);
    expect(top[3].properties.alarms).toHaveLength(alarms.alarms.length);
  });

  test('rejects dashboardName or defaultInterval next to an existing dashboard', () => {
    const stack = testStack();
    const dashboard = new cloudwatch.Dashboard(stack, 'Ops');
    const endpoint = seedEndpoint(stack);
    expect(() => new PoolDashboard(stack, 'D1', { endpoint, dashboard, dashboardName: 'x' }))
      .toThrow("dashboardName: applies to a new dashboard only; not with dashboard, got TestStack/Ops [ConflictingOptions]");
    expect(() => new PoolDashboard(stack, 'D2', { endpoint, dashboard, defaultInterval: Duration.hours(1) })).toThrow(/^defaultInterval: .*\[ConflictingOptions\]$/);
  });

  test('rejects more than 500 widgets, counting what the dashboard holds', () => {
    const stack = testStack();
    const dashboard = new cloudwatch.Dashboard(stack, 'Ops');
    dashboard.addWidgets(...Array.from({ length: 490 }, () => new cloudwatch.TextWidget({ markdown: 'x' })));
    expect(() => new PoolDashboard(stack, 'Dashboard', { endpoint: seedEndpoint(stack), dashboard }))
      .toThrow('dashboard: a dashboard holds at most 500 widgets, got 506 [DashboardLimit]');
    expect(stack.node.findChild('Dashboard').node.children).toHaveLength(0);
  });

  test('rejects more than 500 metrics and expressions in one graph', () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack);
    const usingMetrics = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`m${i}`, endpoint.metric(`M${i}`)]));
    const signal = new cloudwatch.MathExpression({ expression: 'SUM(METRICS())', usingMetrics });
    expect(() => new PoolDashboard(stack, 'Dashboard', { endpoint, scalingSignal: signal }))
      .toThrow("dashboard: a graph holds at most 500 metrics and expressions (widgets[2] 'Scaling signal vs target'), got 501 [DashboardLimit]");
  });

  test('rejects more than 2500 metrics per dashboard, including those only used in math', () => {
    const stack = testStack();
    const dashboard = new cloudwatch.Dashboard(stack, 'Ops');
    dashboard.addWidgets(...Array.from({ length: 5 }, () => graphOf(497)));
    expect(() => new PoolDashboard(stack, 'Dashboard', { endpoint: seedEndpoint(stack), dashboard }))
      .toThrow(/^dashboard: a dashboard holds at most 2500 metrics, including those only used inside math expressions, got 25\d\d \[DashboardLimit\]$/);
  });

  test('widgets added to the dashboard later are checked at synth time', () => {
    const stack = testStack();
    const pools = new PoolDashboard(stack, 'Dashboard', { endpoint: seedEndpoint(stack) });
    pools.dashboard.addWidgets(graphOf(501));
    expect(() => Template.fromStack(stack)).toThrow(/dashboard: a graph holds at most 500 metrics and expressions \(widgets\[16\]\), got 501 \[DashboardLimit\]/);
  });

  test('its limit checks render nothing, and its rows are rendered once per synthesis where a plain row is rendered at each resolution', () => {
    // GIVEN
    const stack = testStack();
    const endpoint = seedEndpoint(stack);
    const plainRow = new cloudwatch.Row(new cloudwatch.TextWidget({ markdown: 'x' }));
    new cloudwatch.Dashboard(stack, 'Plain').addWidgets(plainRow);
    const rendered = jest.spyOn(cloudwatch.Row.prototype, 'toJson');
    try {
      // WHEN
      new PoolDashboard(stack, 'Dashboard', { endpoint });
      const atConstruction = rendered.mock.calls.length;
      Template.fromStack(stack);
      // THEN: aws-cdk-lib renders a dashboard body at each resolution of a synthesis (two here, three with the tree
      // metadata the test apps leave out); the library's rows (the fleet, then one per pool) are rendered once each
      const plain = rendered.mock.contexts.filter((row) => row === plainRow).length;
      expect(atConstruction).toBe(0);
      expect(plain).toBeGreaterThanOrEqual(2);
      expect(rendered.mock.calls.length - plain).toBe(1 + endpoint.pools.length);
    } finally {
      rendered.mockRestore();
    }
  });

  test('rendered once, its body is what a plain dashboard of the same widgets renders', () => {
    // GIVEN
    const stack = testStack();
    const endpoint = seedEndpoint(stack, { endpointName: 'llm' });
    const pools = new PoolDashboard(stack, 'Dashboard', { endpoint });
    const plain = new cloudwatch.Dashboard(stack, 'Plain');
    plain.addWidgets(...pools.widgets());
    // WHEN
    const bodies = Template.fromStack(stack).findResources('AWS::CloudWatch::Dashboard');
    // THEN
    const [own, copy] = [pools.dashboard, plain].map((d) => bodies[stack.getLogicalId(d.node.defaultChild as cloudwatch.CfnDashboard)].Properties.DashboardBody);
    expect(own).toEqual(copy);
  });

  test('shows the alarms listed at construction: an alarm pushed to the list later changes neither the body nor a copy of the widgets', () => {
    // GIVEN: a dashboard body resolved once before the list changes (its rows are then rendered), then a forced synth
    const stack = testStack();
    const alarm = (id: string) => new cloudwatch.Alarm(stack, id, { metric: new cloudwatch.Metric({ namespace: 'N', metricName: id }), threshold: 1, evaluationPeriods: 1 });
    const alarms: cloudwatch.IAlarm[] = [alarm('First')];
    const pools = new PoolDashboard(stack, 'Dashboard', { endpoint: seedEndpoint(stack, { endpointName: 'llm' }), alarms });
    const plain = new cloudwatch.Dashboard(stack, 'Plain');
    plain.addWidgets(...pools.widgets());
    stack.resolve((pools.dashboard.node.defaultChild as cloudwatch.CfnDashboard).dashboardBody);
    // WHEN
    alarms.push(alarm('Later'));
    const assembly = Stage.of(stack)!.synth({ force: true });
    // THEN
    const resources = assembly.getStackByName(stack.stackName).template.Resources;
    const bodies = [pools.dashboard, plain].map((d) => JSON.stringify(resources[stack.getLogicalId(d.node.defaultChild as cloudwatch.CfnDashboard)].Properties.DashboardBody));
    expect(bodies[0]).toContain(stack.getLogicalId(alarms[0].node.defaultChild as cloudwatch.CfnAlarm));
    expect(bodies[0]).not.toContain(stack.getLogicalId(alarms[1].node.defaultChild as cloudwatch.CfnAlarm));
    expect(bodies[1]).toEqual(bodies[0]);
  });

  test.each([
    ['region', { account: '111111111111', region: 'eu-west-1' }],
    ['account', { account: '222222222222', region: 'us-east-1' }],
  ])('a dashboard in another %s than the endpoint is refused: its metrics name none, so it would graph nothing', (what, env) => {
    const stack = testStack();
    const elsewhere = new Stack(stack.node.root as App, 'Elsewhere', { env });
    const endpoint = seedEndpoint(stack, { endpointName: 'llm' });
    expect(() => endpoint.addDashboard('D', { dashboard: new cloudwatch.Dashboard(elsewhere, 'Ops') }))
      .toThrow(new RegExp(`^dashboard: in the endpoint's ${what} \\(${what === 'region' ? 'us-east-1' : '111111111111'}\\): .*, got '${env[what as 'region' | 'account']}' \\[CrossEnvironmentDashboard\\]$`));
    expect(() => new PoolDashboard(elsewhere, 'Own', { endpoint })).toThrow(/\[CrossEnvironmentDashboard\]$/);
  });

  test('a dashboard in an environment-agnostic stack cannot be compared, and is taken', () => {
    const stack = testStack();
    const agnostic = new Stack(stack.node.root as App, 'Agnostic');
    const endpoint = seedEndpoint(stack, { endpointName: 'llm' });
    expect(() => endpoint.addDashboard('D', { dashboard: new cloudwatch.Dashboard(agnostic, 'Ops') })).not.toThrow();
  });

  test('a bound past a limit is counted exactly: metrics shared between expressions count once', () => {
    // GIVEN: 603 entries as written, 303 as rendered (the 300 metrics are shared by both expressions)
    const stack = testStack();
    const endpoint = seedEndpoint(stack);
    const shared = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`m${i}`, endpoint.metric(`M${i}`)]));
    const signal = new cloudwatch.MathExpression({
      expression: 'a + b',
      usingMetrics: {
        a: new cloudwatch.MathExpression({ expression: 'SUM(METRICS("m"))', usingMetrics: shared }),
        b: new cloudwatch.MathExpression({ expression: 'MAX(METRICS("m"))', usingMetrics: shared }),
      },
    });
    // WHEN / THEN
    expect(() => new PoolDashboard(stack, 'Dashboard', { endpoint, scalingSignal: signal })).not.toThrow();
    expect(() => Template.fromStack(stack)).not.toThrow();
  });

  test('tokens never trip validation', () => {
    const stack = testStack();
    const endpoint = new CapacityAwareEndpoint(stack, 'Ep', {
      model: lmiModel(stack, 'M'), endpointName: Token.asString({ Ref: 'Name' }),
      pools: [{ instanceType: InstanceType.of(Token.asString({ Ref: 'Type' })), maxConcurrency: Token.asNumber({ Ref: 'Max' }) }],
    });
    new PoolDashboard(stack, 'Dashboard', { endpoint, dashboardName: Token.asString({ Ref: 'Dash' }), scalingSignal: endpoint.metricInvocations(), scalingTarget: Token.asNumber({ Ref: 'T' }) });
    expect(() => Template.fromStack(stack)).not.toThrow();
  });

  test('snapshot', () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack, { endpointName: 'llm' });
    const alarms = new PoolAlarms(stack, 'Alarms', { endpoint });
    new PoolDashboard(stack, 'Dashboard', { endpoint, alarms: alarms.alarms, scalingSignal: endpoint.metricConcurrentRequestsPerModel(), scalingTarget: 10 });
    expect(templateWidgets(stack)).toMatchSnapshot();
  });
});
