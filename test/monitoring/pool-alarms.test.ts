import { Annotations as CdkAnnotations, Duration, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { IConstruct } from 'constructs';
import { CapacityAwareEndpoint, InstanceType, PoolAlarms, PoolAlarmsProps, testing } from '../../lib';
import { lmiModel, seedEndpoint } from '../endpoint/fixtures';
import { testStack } from '../util';

const P5 = 'ml.p5.48xlarge';
const G6 = 'ml.g6.48xlarge';

function seed(options: Partial<PoolAlarmsProps> = {}) {
  const stack = testStack();
  const endpoint = seedEndpoint(stack, { endpointName: 'llm' });
  const alarms = new PoolAlarms(stack, 'Alarms', { endpoint, modelLatencyThreshold: Duration.seconds(20), ...options });
  return { stack, endpoint, alarms, template: Template.fromStack(stack) };
}

const alarmProps = (template: Template) => Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((r: any) => r.Properties);
const byName = (template: Template, name: string) => alarmProps(template).find((p) => p.AlarmName === name);
const dims = (type: string) => [{ Name: 'EndpointName', Value: 'llm' }, { Name: 'InstanceType', Value: type }, { Name: 'VariantName', Value: 'AllTraffic' }];

describe('PoolAlarms', () => {
  test('deterministic names: <prefix>-<endpoint>-<variant>-<instanceType>-<metric>', () => {
    // GIVEN / WHEN
    const { template } = seed();
    // THEN
    expect(alarmProps(template).map((p) => p.AlarmName).sort()).toEqual([
      ...[P5, G6].flatMap((t) => ['ModelLatencyP99', 'Invocation5XXErrorRate', 'ConcurrencyAboveMax'].map((m) => `SageMaker-llm-AllTraffic-${t}-${m}`)),
      'SageMaker-llm-AllTraffic-RunningOnFallback',
    ].sort());
  });

  test('every alarm treats missing data as not breaching (fallback pools are normally empty)', () => {
    const { template } = seed();
    const treatments = alarmProps(template).map((p) => p.TreatMissingData);
    expect(treatments).toHaveLength(7);
    expect(new Set(treatments)).toEqual(new Set(['notBreaching']));
  });

  test('p99 ModelLatency per instance type, compared in milliseconds', () => {
    const { template } = seed();
    for (const type of [P5, G6]) {
      expect(byName(template, `SageMaker-llm-AllTraffic-${type}-ModelLatencyP99`)).toMatchObject({
        Threshold: 20000, ComparisonOperator: 'GreaterThanThreshold', EvaluationPeriods: 5, DatapointsToAlarm: 3,
        Metrics: [
          { Id: 'expr_1', Expression: 'latency / 1000', ReturnData: true },
          { Id: 'latency', ReturnData: false, MetricStat: { Stat: 'p99', Period: 60, Metric: { Namespace: 'AWS/SageMaker', MetricName: 'ModelLatency', Dimensions: dims(type) } } },
        ],
      });
    }
  });

  test('5XX error rate per instance type: the average of Invocation5XXErrors (1 per 5XX response, 0 per other), in percent', () => {
    const { template } = seed({ errorRateThresholdPercent: 2.5 });
    const alarm = byName(template, `SageMaker-llm-AllTraffic-${G6}-Invocation5XXErrorRate`);
    expect(alarm).toMatchObject({
      Threshold: 2.5,
      Metrics: [
        { Expression: '100 * errors', ReturnData: true },
        { Id: 'errors', MetricStat: { Stat: 'Average', Metric: { MetricName: 'Invocation5XXErrors', Dimensions: dims(G6) } } },
      ],
    });
    // It reads no Invocations: asynchronous endpoints do not publish it.
    expect(JSON.stringify(alarm)).not.toContain('"Invocations"');
    // 3 failed requests of 40: the average of the 0/1 samples is 0.075, the alarm reads 7.5 %.
    // Evaluated from the alarm's own queries, so that a changed expression or statistic shows here.
    const queries = alarm.Metrics.map((m: any) => ({ id: m.Id, expression: m.Expression }));
    const result = alarm.Metrics.find((m: any) => m.ReturnData).Id;
    expect(testing.MetricMath.evaluateQueries(queries, result, { errors: 3 / 40 })).toBeCloseTo(7.5);
  });

  describe('on an asynchronous endpoint (which publishes no Invocations and no ConcurrentRequestsPerModel)', () => {
    function asyncSeed(options: Partial<PoolAlarmsProps> = {}) {
      const stack = testStack();
      const endpoint = seedEndpoint(stack, { endpointName: 'llm', asyncInference: { outputBucket: new s3.Bucket(stack, 'Out') } });
      const alarms = new PoolAlarms(stack, 'Alarms', { endpoint, modelLatencyThreshold: Duration.seconds(20), ...options });
      return { stack, endpoint, alarms, template: Template.fromStack(stack) };
    }

    test('the 5XX error rate reads only metrics the endpoint publishes, so a deployment can roll back on it', () => {
      const { template, alarms } = asyncSeed();
      expect(alarms.errorRateAlarms).toHaveLength(2);
      const metrics = alarmProps(template).flatMap((p) => (p.Metrics ?? []).map((m: any) => m.MetricStat?.Metric.MetricName)).filter(Boolean);
      expect(new Set(metrics)).toEqual(new Set(['ModelLatency', 'Invocation5XXErrors', 'CPUUtilization']));
    });

    test('no concurrency alarms: they would never have data', () => {
      const { template, alarms } = asyncSeed();
      expect(alarms.concurrencyAlarms).toEqual([]);
      expect(alarmProps(template).map((p) => p.AlarmName).filter((n: string) => n.endsWith('ConcurrencyAboveMax'))).toEqual([]);
    });

    test('a concurrency threshold there is ignored, with a warning', () => {
      const { stack } = asyncSeed({ concurrencyThresholdPercent: 90 });
      Annotations.fromStack(stack).hasWarning('/TestStack/Alarms', Match.stringLikeRegexp(
        '^concurrencyThresholdPercent: an asynchronous endpoint publishes no ConcurrentRequestsPerModel, so it gets no concurrency alarms'));
      const { stack: quiet } = asyncSeed();
      Annotations.fromStack(quiet).hasNoWarning('*', Match.stringLikeRegexp('concurrencyThresholdPercent'));
    });
  });

  test("concurrency above each pool's maxConcurrency, as utilization in percent", () => {
    const { template } = seed({ concurrencyThresholdPercent: 90 });
    expect(byName(template, `SageMaker-llm-AllTraffic-${P5}-ConcurrencyAboveMax`)).toMatchObject({
      Threshold: 90,
      Metrics: [
        { Expression: '100 * concurrency / 20' },
        { Id: 'concurrency', MetricStat: { Stat: 'Average', Period: 60, Metric: { MetricName: 'ConcurrentRequestsPerModel', Dimensions: dims(P5) } } },
      ],
    });
    expect(byName(template, `SageMaker-llm-AllTraffic-${G6}-ConcurrencyAboveMax`).Metrics[0].Expression).toBe('100 * concurrency / 8');
  });

  const threePools = (props: object = {}) => {
    const stack = testStack();
    const endpoint = new CapacityAwareEndpoint(stack, 'Ep', {
      model: lmiModel(stack, 'M'), endpointName: 'llm',
      pools: [{ instanceType: InstanceType.ML_P5_48XLARGE }, { instanceType: InstanceType.ML_G6E_48XLARGE }, { instanceType: InstanceType.ML_G6_48XLARGE }],
      ...props,
    });
    const alarms = new PoolAlarms(stack, 'Alarms', { endpoint, fallbackAlarmAfter: Duration.minutes(30) });
    return { stack, alarms, fallback: byName(Template.fromStack(stack), 'SageMaker-llm-AllTraffic-RunningOnFallback') };
  };

  test('running on fallback hardware: fallback pools had instances in every 5-minute period for the configured time', () => {
    const { fallback } = threePools();
    const samples = (type: string) => ({ Stat: 'SampleCount', Period: 300, Metric: { Namespace: '/aws/sagemaker/Endpoints', MetricName: 'CPUUtilization', Dimensions: dims(type) } });
    expect(fallback).toMatchObject({
      Threshold: 0, ComparisonOperator: 'GreaterThanThreshold', EvaluationPeriods: 6, DatapointsToAlarm: 6, TreatMissingData: 'notBreaching',
      Metrics: [
        { Expression: '(p2 + p3) * 60 / 300', Label: 'Instances on fallback pools', ReturnData: true },
        { Id: 'p2', MetricStat: samples('ml.g6e.48xlarge') },
        { Id: 'p3', MetricStat: samples(G6) },
      ],
    });
    expect(fallback.Metrics).toHaveLength(3); // the preferred pool is not part of it
    expect(fallback.AlarmDescription).toMatch(/had instances for 30 minutes/);
  });

  test.each([10, 30, 60, 120, 180, 240, 300])('the fallback alarm reads instances, whatever their traffic, at a publish interval of %p s', (interval) => {
    const { fallback } = threePools({ metricPublishFrequency: Duration.seconds(interval) });
    const expression = fallback.Metrics[0].Expression;
    expect(expression).toBe(`(p2 + p3) * ${interval} / 300`);
    // One idle g6 instance for the whole period, two g6e instances half of it: samples per period are instances × 300 / interval.
    const perInstance = 300 / interval;
    expect(testing.MetricMath.evaluate(expression, { p3: perInstance })).toBeCloseTo(1, 5);
    expect(testing.MetricMath.evaluate(expression, { p2: perInstance, p3: perInstance })).toBeCloseTo(2, 5);
    // An instance present for part of a period still has at least one sample, so the period breaches (> 0).
    expect(testing.MetricMath.evaluate(expression, { p2: 1 })).toBeGreaterThan(0);
    // No fallback instance: no data, which the alarm treats as not breaching.
    expect(testing.MetricMath.evaluate(expression, {})).toBeUndefined();
  });

  test('per-type alarms default to the publish interval of the invocation metrics when it exceeds a minute', () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack, { endpointName: 'llm', metricPublishFrequency: Duration.minutes(5), enhancedMetrics: true });
    new PoolAlarms(stack, 'Alarms', { endpoint, modelLatencyThreshold: Duration.seconds(20) });
    const latency = byName(Template.fromStack(stack), `SageMaker-llm-AllTraffic-${P5}-ModelLatencyP99`);
    expect(latency.Metrics[1].MetricStat.Period).toBe(300);
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('publish interval'));
    // Without enhanced metrics, invocation metrics stay on SageMaker's minute.
    const plain = seed().template;
    expect(byName(plain, `SageMaker-llm-AllTraffic-${P5}-ModelLatencyP99`).Metrics[1].MetricStat.Period).toBe(60);
  });

  test('warns about a period that holds no whole publish interval of the invocation metrics', () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack, { endpointName: 'llm', metricPublishFrequency: Duration.minutes(2), enhancedMetrics: true });
    new PoolAlarms(stack, 'Alarms', { endpoint, period: Duration.minutes(3) });
    Annotations.fromStack(stack).hasWarning('/TestStack/Alarms', Match.stringLikeRegexp('period: 180 s holds no whole publish interval .*every 120 s'));
  });

  test('one fallback pool renders without parentheses', () => {
    expect(byName(seed().template, 'SageMaker-llm-AllTraffic-RunningOnFallback').Metrics[0].Expression).toBe('p2 * 60 / 300');
  });

  test('the fallback alarm keeps its construct ID, logical ID and name (it is updated in place, never replaced)', () => {
    const { stack, alarms } = threePools();
    expect(alarms.fallbackAlarm!.node.id).toBe('RunningOnFallback');
    expect(stack.getLogicalId(alarms.fallbackAlarm!.node.defaultChild as cloudwatch.CfnAlarm)).toBe('AlarmsRunningOnFallbackDCE8A0F5');
    expect(Template.fromStack(stack).toJSON().Resources.AlarmsRunningOnFallbackDCE8A0F5.Properties.AlarmName).toBe('SageMaker-llm-AllTraffic-RunningOnFallback');
  });

  test('defaults: no latency alarms without a threshold, no concurrency alarm without maxConcurrency, no fallback alarm for one pool', () => {
    const stack = testStack();
    const endpoint = new CapacityAwareEndpoint(stack, 'Ep', { model: lmiModel(stack, 'M'), endpointName: 'one', pools: [{ instanceType: InstanceType.ML_G6_XLARGE }] });
    const alarms = new PoolAlarms(stack, 'Alarms', { endpoint });
    expect(alarms.latencyAlarms).toEqual([]);
    expect(alarms.concurrencyAlarms).toEqual([]);
    expect(alarms.fallbackAlarm).toBeUndefined();
    expect(alarmProps(Template.fromStack(stack))).toEqual([expect.objectContaining({ AlarmName: 'SageMaker-one-AllTraffic-ml.g6.xlarge-Invocation5XXErrorRate', Threshold: 5 })]);
  });

  test('actions and prefix are set once for every alarm', () => {
    const stack = testStack();
    const topic = new sns.Topic(stack, 'Oncall');
    const endpoint = seedEndpoint(stack, { endpointName: 'llm' });
    const alarms = new PoolAlarms(stack, 'Alarms', {
      endpoint, alarmNamePrefix: 'team-a', alarmActions: [new actions.SnsAction(topic)], okActions: [new actions.SnsAction(topic)],
    });
    const props = alarmProps(Template.fromStack(stack));
    expect(props).toHaveLength(alarms.alarms.length);
    for (const p of props) {
      expect(p.AlarmName).toMatch(/^team-a-llm-AllTraffic-/);
      expect(p.AlarmActions).toEqual([{ Ref: stack.getLogicalId(topic.node.defaultChild as sns.CfnTopic) }]);
      expect(p.OKActions).toEqual(p.AlarmActions);
    }
  });

  test('warns when no alarm action is given, and not otherwise', () => {
    const { stack } = seed();
    Annotations.fromStack(stack).hasWarning('/TestStack', Match.stringLikeRegexp('alarmActions: none given to the alarms of endpoint TestStack/Llm;'));
    const other = testStack();
    new PoolAlarms(other, 'Alarms', { endpoint: seedEndpoint(other, { endpointName: 'llm' }), alarmActions: [new actions.SnsAction(new sns.Topic(other, 'T'))] });
    Annotations.fromStack(other).hasNoWarning('*', Match.stringLikeRegexp('alarmActions: none given'));
  });

  test('warns once per stack, naming every endpoint whose alarms have no action', () => {
    // GIVEN
    const stack = testStack();
    const endpoints = ['A', 'B', 'C'].map((id) => new CapacityAwareEndpoint(stack, id, {
      model: lmiModel(stack, `${id}Model`), endpointName: `llm-${id.toLowerCase()}`, pools: [{ instanceType: InstanceType.ML_G6_XLARGE }],
    }));
    // WHEN
    endpoints[0].addAlarms();
    endpoints[1].addAlarms({ alarmActions: [new actions.SnsAction(new sns.Topic(stack, 'T'))] });
    endpoints[2].addAlarms();
    // THEN
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('alarmActions: none given'));
    expect(warnings.map((w) => w.id)).toEqual(['/TestStack']);
    expect(warnings[0].entry.data).toMatch(/^alarmActions: none given to the alarms of 2 endpoints: TestStack\/A, TestStack\/C;/);
  });

  test.each([
    ['the alarms of one endpoint leaves that endpoint out', (alarms: IConstruct[]) => [alarms[0]], /of endpoint TestStack\/B;/],
    ['the endpoint itself leaves it out', (alarms: IConstruct[]) => [alarms[1].node.scope!], /of endpoint TestStack\/A;/],
    ['every endpoint silences the warning', (alarms: IConstruct[]) => alarms, undefined],
    ['the stack silences the warning', (alarms: IConstruct[]) => [Stack.of(alarms[0])], undefined],
  ])('acknowledging it on %s', (_what, where, expected) => {
    // GIVEN
    const stack = testStack();
    const alarms = ['A', 'B'].map((id) => new CapacityAwareEndpoint(stack, id, {
      model: lmiModel(stack, `${id}Model`), endpointName: `llm-${id.toLowerCase()}`, pools: [{ instanceType: InstanceType.ML_G6_XLARGE }],
    }).addAlarms());
    // WHEN
    where(alarms).forEach((scope) => CdkAnnotations.of(scope).acknowledgeWarning('cdk-sagemaker-instance-pools:alarmsWithoutActions', 'reviewed'));
    // THEN
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('alarmActions: none given'));
    if (expected) {
      expect(warnings).toHaveLength(1);
      expect(warnings[0].entry.data).toMatch(expected);
    } else {
      expect(warnings).toHaveLength(0);
    }
  });

  test('construct IDs follow the instance type, so reordering pools keeps every alarm', () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack, {
      endpointName: 'llm',
      pools: [{ instanceType: InstanceType.ML_G6_48XLARGE, maxConcurrency: 8 }, { instanceType: InstanceType.ML_P5_48XLARGE, maxConcurrency: 20 }],
    });
    const alarms = new PoolAlarms(stack, 'Alarms', { endpoint });
    expect(alarms.errorRateAlarms.map((a) => a.node.path)).toEqual([`TestStack/Alarms/${G6}/Invocation5XXErrorRate`, `TestStack/Alarms/${P5}/Invocation5XXErrorRate`]);
    expect(alarms.fallbackAlarm!.node.path).toBe('TestStack/Alarms/RunningOnFallback');
  });

  test('an endpoint with a generated name is named through its attribute', () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack);
    new PoolAlarms(stack, 'Alarms', { endpoint });
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: { 'Fn::Join': ['', ['SageMaker-', { 'Fn::GetAtt': [stack.getLogicalId(endpoint.cfnEndpoint), 'EndpointName'] }, `-AllTraffic-${P5}-Invocation5XXErrorRate`]] },
    });
  });

  test.each([
    [{ alarmNamePrefix: 'my prefix' }, "alarmNamePrefix: letters, digits, -, _ and . (starting with a letter or digit), at most 64 characters, got 'my prefix' [InvalidName]"],
    [{ alarmNamePrefix: 'a'.repeat(65) }, /^alarmNamePrefix: letters, digits.*\[InvalidName\]$/],
    [{ modelLatencyThreshold: Duration.millis(0) }, "modelLatencyThreshold: must be more than 0 and at most 60 minutes, got 0 millis [OutOfRange]"],
    [{ modelLatencyThreshold: Duration.minutes(61) }, "modelLatencyThreshold: must be more than 0 and at most 60 minutes, got 1 hour 1 minute [OutOfRange]"],
    [{ errorRateThresholdPercent: 0 }, 'errorRateThresholdPercent: must be a percentage from 0.01 to 100, got 0 [OutOfRange]'],
    [{ errorRateThresholdPercent: 101 }, 'got 101'],
    [{ concurrencyThresholdPercent: 0.5 }, 'concurrencyThresholdPercent: must be a percentage from 1 to 200, got 0.5 [OutOfRange]'],
    [{ concurrencyThresholdPercent: 201 }, 'got 201'],
    [{ period: Duration.seconds(90) }, 'period: must be a whole number of minutes, got 90 [OutOfRange]'],
    [{ period: Duration.seconds(10) }, 'period: must be a whole number of seconds from 60 to 86400, got 10 [OutOfRange]'],
    [{ evaluationPeriods: 0 }, 'evaluationPeriods: must be an integer from 1 to 1440, got 0 [OutOfRange]'],
    [{ evaluationPeriods: 2, datapointsToAlarm: 3 }, 'datapointsToAlarm: must not exceed evaluationPeriods (2), got 3 [OutOfRange]'],
    [{ period: Duration.hours(2), evaluationPeriods: 13, datapointsToAlarm: 1 }, "evaluationPeriods: times period (7200 s) must not exceed one day (CloudWatch's longest evaluation range), got 13 [OutOfRange]"],
    [{ fallbackAlarmAfter: Duration.minutes(4) }, 'fallbackAlarmAfter: must be a whole number of seconds from 300 to 86400, got 240 [OutOfRange]'],
    [{ fallbackAlarmAfter: Duration.hours(25) }, 'got 90000'],
    [{ fallbackAlarmAfter: Duration.minutes(7) }, 'fallbackAlarmAfter: must be a whole number of 5-minute periods, got 420 [OutOfRange]'],
    [{ fallbackAlarmAfter: Duration.seconds(Token.asNumber({ Ref: 'T' })) }, "fallbackAlarmAfter: must be known at synth time (CloudWatch metric periods in aws-cdk-lib cannot be tokens), got a token [OutOfRange]"],
    [{ period: Duration.seconds(Token.asNumber({ Ref: 'T' })) }, /^period: must be known at synth time/],
  ])('rejects %p', (options, message) => {
    expect(() => seed(options as Partial<PoolAlarmsProps>)).toThrow(message);
  });

  test('rejects alarm names longer than CloudWatch takes', () => {
    const stack = testStack();
    const endpoint = new CapacityAwareEndpoint(stack, 'Ep', {
      model: lmiModel(stack, 'M'), endpointName: 'e'.repeat(63), variantName: 'v'.repeat(63),
      pools: [{ instanceType: InstanceType.of(`ml.g6-${'x'.repeat(57)}.48xlarge`) }],
    });
    expect(() => new PoolAlarms(stack, 'Alarms', { endpoint, alarmNamePrefix: 'p'.repeat(64) }))
      .toThrow(/^alarmName: CloudWatch takes alarm names of at most 255 characters \(p{64}-e{63}-v{63}-ml\.g6-x{57}\.48xlarge-Invocation5XXErrorRate\), got 288 \[InvalidName\]$/);
  });

  test('validates before creating any alarm', () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack);
    expect(() => new PoolAlarms(stack, 'Alarms', { endpoint, errorRateThresholdPercent: 0 })).toThrow(/OutOfRange/);
    expect(stack.node.findChild('Alarms').node.children).toHaveLength(0);
  });

  test('tokens never trip validation', () => {
    const stack = testStack();
    const n = Token.asNumber({ Ref: 'N' });
    const endpoint = new CapacityAwareEndpoint(stack, 'Ep', {
      model: lmiModel(stack, 'M'), endpointName: Token.asString({ Ref: 'Name' }),
      pools: [{ instanceType: InstanceType.of(Token.asString({ Ref: 'Type' })), maxConcurrency: n }, { instanceType: InstanceType.ML_G6_48XLARGE }],
    });
    new PoolAlarms(stack, 'Alarms', {
      endpoint, alarmNamePrefix: Token.asString({ Ref: 'Prefix' }), modelLatencyThreshold: Duration.millis(n), errorRateThresholdPercent: n,
      concurrencyThresholdPercent: n, evaluationPeriods: n, datapointsToAlarm: n,
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { Threshold: { Ref: 'N' }, Metrics: Match.arrayWith([Match.objectLike({ Expression: { 'Fn::Join': ['', ['100 * concurrency / ', { Ref: 'N' }]] } })]) });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { EvaluationPeriods: { Ref: 'N' }, DatapointsToAlarm: { Ref: 'N' } });
  });

  test('snapshot', () => {
    const stack = testStack();
    const topic = new sns.Topic(stack, 'Oncall');
    const endpoint = seedEndpoint(stack, { endpointName: 'llm' });
    new PoolAlarms(stack, 'Alarms', { endpoint, modelLatencyThreshold: Duration.seconds(20), alarmActions: [new actions.SnsAction(topic)] });
    expect(Template.fromStack(stack).findResources('AWS::CloudWatch::Alarm')).toMatchSnapshot();
  });
});
