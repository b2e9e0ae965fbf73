import { Duration, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CapacityAwareEndpoint, EndpointAutoScaling, ICapacityAwareEndpoint, InstanceType, Model, ScalingSignal, ScalingSignalConfig, UtilizationAggregation, testing } from '../../lib';
import { seedEndpoint } from '../endpoint/fixtures';
import { testStack } from '../util';

const P5 = 'ml.p5.48xlarge';
const G6 = 'ml.g6.48xlarge';

function seedPolicy(aggregation?: UtilizationAggregation) {
  const stack = testStack();
  const endpoint = seedEndpoint(stack);
  endpoint.autoScale({ minCapacity: 1, maxCapacity: 10, signal: ScalingSignal.weightedUtilization({ aggregation }) });
  return { stack, endpoint, policy: testing.TargetTrackingPolicy.fromTemplate(Template.fromStack(stack).toJSON()) };
}

describe('EndpointAutoScaling: resources', () => {
  test('registers the variant as a scalable target, after the endpoint, without a role', () => {
    const { stack, endpoint } = seedPolicy();
    const template = Template.fromStack(stack);
    template.hasResource('AWS::ApplicationAutoScaling::ScalableTarget', {
      Properties: {
        ServiceNamespace: 'sagemaker',
        ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
        ResourceId: { 'Fn::Join': ['', ['endpoint/', { 'Fn::GetAtt': [stack.getLogicalId(endpoint.cfnEndpoint), 'EndpointName'] }, '/variant/AllTraffic']] },
        MinCapacity: 1,
        MaxCapacity: 10,
        RoleARN: Match.absent(),
      },
      DependsOn: [stack.getLogicalId(endpoint.cfnEndpoint)],
    });
    template.resourceCountIs('AWS::IAM::Role', 2); // only the two model roles
  });

  test('target tracking on the weighted signal with cooldowns, through the L1 metrics list', () => {
    const { stack } = seedPolicy();
    Template.fromStack(stack).hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: 0.7, ScaleInCooldown: 300, ScaleOutCooldown: 60, DisableScaleIn: Match.absent(),
        CustomizedMetricSpecification: { Metrics: [
          Match.objectLike({ Id: 'pool1', ReturnData: false, MetricStat: { Stat: 'Average', Metric: Match.objectLike({
            Namespace: 'AWS/SageMaker', MetricName: 'ConcurrentRequestsPerModel',
            Dimensions: Match.arrayWith([{ Name: 'InstanceType', Value: P5 }, { Name: 'VariantName', Value: 'AllTraffic' }]),
          }) } }),
          Match.objectLike({ Id: 'pool1_instances', ReturnData: false, MetricStat: { Stat: 'SampleCount', Metric: Match.objectLike({
            Namespace: '/aws/sagemaker/Endpoints', MetricName: 'CPUUtilization',
            Dimensions: Match.arrayWith([{ Name: 'InstanceType', Value: P5 }, { Name: 'VariantName', Value: 'AllTraffic' }]),
          }) } }),
          Match.objectLike({ Id: 'pool2', ReturnData: false, MetricStat: Match.objectLike({ Metric: Match.objectLike({ Dimensions: Match.arrayWith([{ Name: 'InstanceType', Value: G6 }]) }) }) }),
          Match.objectLike({ Id: 'pool2_instances', MetricStat: Match.objectLike({ Stat: 'SampleCount' }) }),
          { Id: 'weighted_utilization', Label: 'Weighted utilization', ReturnData: true, Expression: Match.anyValue() },
        ] },
      },
    });
  });

  test('the endpoint keeps its live instance count on updates once autoscaling is attached', () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack);
    expect(Template.fromStack(stack).findResources('AWS::SageMaker::Endpoint')[stack.getLogicalId(endpoint.cfnEndpoint)].Properties.RetainAllVariantProperties).toBeUndefined();
    const stack2 = testStack();
    seedEndpoint(stack2).autoScale({ maxCapacity: 4 });
    Template.fromStack(stack2).hasResourceProperties('AWS::SageMaker::Endpoint', { RetainAllVariantProperties: true });
  });

  test('options: cooldowns, disable scale-in, predefined high-resolution metric', () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack);
    const scaling = endpoint.autoScale({
      minCapacity: 1, maxCapacity: 3, scaleInCooldown: Duration.minutes(10), scaleOutCooldown: Duration.seconds(30), disableScaleIn: true,
      signal: ScalingSignal.concurrentRequestsPerModel({ targetValue: 6 }),
    });
    expect(endpoint.autoScaling).toBe(scaling);
    expect(scaling.targetValue).toBe(6);
    Template.fromStack(stack).hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: 6, ScaleInCooldown: 600, ScaleOutCooldown: 30, DisableScaleIn: true,
        PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantConcurrentRequestsPerModelHighResolution' },
        CustomizedMetricSpecification: Match.absent(),
      },
    });
  });

  test('asynchronous endpoints scale on the backlog, and from zero through a step policy on HasBacklogWithoutCapacity', () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack, { asyncInference: { outputBucket: new s3.Bucket(stack, 'Out') } });
    const scaling = endpoint.autoScale({ minCapacity: 0, maxCapacity: 4, signal: ScalingSignal.backlogPerInstance({ targetValue: 5 }) });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: 5,
        CustomizedMetricSpecification: { MetricName: 'ApproximateBacklogSizePerInstance', Namespace: 'AWS/SageMaker', Statistic: 'Average', Dimensions: [{ Name: 'EndpointName', Value: Match.anyValue() }] },
      },
    });
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      PolicyType: 'StepScaling',
      ScalingTargetId: { Ref: stack.getLogicalId(scaling.scalableTarget) },
      StepScalingPolicyConfiguration: { AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }] },
    });
    const stepId = Object.entries(template.findResources('AWS::ApplicationAutoScaling::ScalingPolicy'))
      .find(([, r]) => r.Properties.PolicyType === 'StepScaling')![0];
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'HasBacklogWithoutCapacity', Namespace: 'AWS/SageMaker', Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold', AlarmActions: [{ Ref: stepId }],
    });
  });

  test('no scale-out-from-zero policy while at least one instance stays', () => {
    const stack = testStack();
    seedEndpoint(stack, { asyncInference: { outputBucket: new s3.Bucket(stack, 'Out') } })
      .autoScale({ minCapacity: 1, maxCapacity: 4, signal: ScalingSignal.backlogPerInstance({ targetValue: 5 }) });
    Template.fromStack(stack).resourceCountIs('AWS::ApplicationAutoScaling::ScalingPolicy', 1);
    Template.fromStack(stack).resourceCountIs('AWS::CloudWatch::Alarm', 0);
  });

  describe('a signal the endpoint never publishes is refused (https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-monitor.html)', () => {
    const asyncEndpoint = (stack = testStack()) => seedEndpoint(stack, { asyncInference: { outputBucket: new s3.Bucket(stack, 'Out') } });
    const ASYNC_RULE = 'signal: asynchronous endpoints queue requests and publish no ConcurrentRequestsPerModel '
      + '(https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-monitor.html): pass ScalingSignal.backlogPerInstance({ targetValue })';

    test.each<[string, ScalingSignal | undefined, string]>([
      ['no signal (the default reads concurrency)', undefined, 'none (the default weighted-utilization signal reads concurrency)'],
      ['the weighted utilization, which would read 0 whenever instances run: scale in for ever', ScalingSignal.weightedUtilization(), 'a concurrency signal'],
      ['the predefined concurrency, which would have no data: never scale', ScalingSignal.concurrentRequestsPerModel({ targetValue: 4 }), 'a concurrency signal'],
    ])('asynchronous endpoint, %s: [AsyncScalingSignal]', (_, signal, got) => {
      expect(() => asyncEndpoint().autoScale({ maxCapacity: 4, signal })).toThrow(`${ASYNC_RULE}, got ${got} [AsyncScalingSignal]`);
    });

    test('asynchronous endpoint: the error comes before the weighted signal\'s own checks (no maxConcurrency needed to be told)', () => {
      const stack = testStack();
      const endpoint = new CapacityAwareEndpoint(stack, 'Ep', {
        model: Model.fromModelName(stack, 'M', 'm'), pools: [{ instanceType: InstanceType.ML_G6_XLARGE }],
        asyncInference: { outputBucket: new s3.Bucket(stack, 'Out') },
      });
      expect(() => endpoint.autoScale({ maxCapacity: 4, signal: ScalingSignal.weightedUtilization() })).toThrow(/\[AsyncScalingSignal\]$/);
    });

    test('real-time endpoint, the backlog signal: [BacklogSignalOnRealTime]', () => {
      expect(() => seedEndpoint(testStack()).autoScale({ maxCapacity: 4, signal: ScalingSignal.backlogPerInstance({ targetValue: 5 }) })).toThrow(
        'signal: a real-time endpoint has no queue and publishes no ApproximateBacklogSizePerInstance, an asynchronous-inference metric: '
        + 'scale it on ScalingSignal.weightedUtilization() or ScalingSignal.concurrentRequestsPerModel({ targetValue }), '
        + 'got ScalingSignal.backlogPerInstance() [BacklogSignalOnRealTime]');
    });

    test('the endpoint kind comes from the endpoint when the construct is used directly', () => {
      const stack = testStack();
      const endpoint = asyncEndpoint(stack);
      expect(() => new EndpointAutoScaling(stack, 'Direct', { endpoint, maxCapacity: 4 })).toThrow(/\[AsyncScalingSignal\]$/);
      const imported = CapacityAwareEndpoint.fromEndpointAttributes(stack, 'Imported', {
        endpointName: 'queue', pools: [{ instanceType: InstanceType.ML_G6_XLARGE }], asyncInference: true,
      });
      expect(() => new EndpointAutoScaling(stack, 'OfImported', { endpoint: imported, maxCapacity: 4 })).toThrow(/\[AsyncScalingSignal\]$/);
      new EndpointAutoScaling(stack, 'Backlog', { endpoint: imported, maxCapacity: 4, minCapacity: 0, signal: ScalingSignal.backlogPerInstance({ targetValue: 5 }) });
    });

    test.each<[string, boolean, boolean]>([
      ['an asynchronous endpoint told real-time would take a concurrency signal it never publishes', true, false],
      ['a real-time endpoint told asynchronous would take minCapacity 0 and the backlog signal it never publishes', false, true],
    ])('asyncInference that contradicts the endpoint: %s: [ConflictingOptions]', (_, endpointAsync, said) => {
      const stack = testStack();
      const endpoint = endpointAsync ? asyncEndpoint(stack) : seedEndpoint(stack);
      const signal = said ? ScalingSignal.backlogPerInstance({ targetValue: 5 }) : ScalingSignal.weightedUtilization();
      expect(() => new EndpointAutoScaling(stack, 'Direct', { endpoint, maxCapacity: 4, minCapacity: said ? 0 : 1, asyncInference: said, signal }))
        .toThrow(`asyncInference: must match the endpoint's asyncInference (${endpointAsync}); leave it unset, got ${said} [ConflictingOptions]`);
    });

    test('asyncInference that agrees with the endpoint is accepted', () => {
      const stack = testStack();
      new EndpointAutoScaling(stack, 'Async', { endpoint: asyncEndpoint(stack), maxCapacity: 4, asyncInference: true, signal: ScalingSignal.backlogPerInstance({ targetValue: 5 }) });
      const realTime = testStack();
      new EndpointAutoScaling(realTime, 'RealTime', { endpoint: seedEndpoint(realTime), maxCapacity: 4, asyncInference: false });
    });

    test('the matching signals are accepted, and a signal of your own is not checked', () => {
      asyncEndpoint().autoScale({ maxCapacity: 4, signal: ScalingSignal.backlogPerInstance({ targetValue: 5 }) });
      seedEndpoint(testStack()).autoScale({ maxCapacity: 4, signal: ScalingSignal.concurrentRequestsPerModel({ targetValue: 4 }) });
      const own = new (class extends ScalingSignal {
        public bind(e: ICapacityAwareEndpoint): ScalingSignalConfig {
          return { targetValue: 1, weighted: false, metric: e.metric('ModelLatency'), customizedMetricSpecification: { metricName: 'ModelLatency', namespace: 'AWS/SageMaker', statistic: 'Average' } };
        }
      })();
      asyncEndpoint().autoScale({ maxCapacity: 4, signal: own });
    });
  });

  test('the signal is available as a metric for dashboards', () => {
    const stack = testStack();
    const scaling = seedEndpoint(stack).autoScale({ maxCapacity: 10 });
    const config = scaling.signal.toMetricConfig();
    expect(config.mathExpression?.expression).toBe('(FILL(pool1, 0) / 20 + FILL(pool2, 0) / 8) / '
      + '(((FILL(pool1_instances, 0) > 0) OR (FILL(pool1, -1) >= 0)) + ((FILL(pool2_instances, 0) > 0) OR (FILL(pool2, -1) >= 0)))');
    expect(Object.keys(config.mathExpression!.usingMetrics)).toEqual(['pool1', 'pool1_instances', 'pool2', 'pool2_instances']);
    expect(config.mathExpression!.period).toBe(60);
  });

  test("the graphed signal follows the endpoint's publish frequency (signalPeriod has the full table)", () => {
    const scaling = seedEndpoint(testStack(), { metricPublishFrequency: Duration.seconds(10), enhancedMetrics: true }).autoScale({ maxCapacity: 10 });
    expect(scaling.signal.toMetricConfig().mathExpression!.period).toBe(10);
  });

  test('warns when the samples arrive less often than every minute', () => {
    const stack = testStack();
    seedEndpoint(stack, { metricPublishFrequency: Duration.minutes(2) }).autoScale({ maxCapacity: 10 });
    Annotations.fromStack(stack).hasWarning('/TestStack/Llm/AutoScaling',
      Match.stringLikeRegexp('metricPublishFrequency: SageMaker publishes the instance samples every 120 s, less often than the one-minute periods'));
    const enhanced = testStack();
    seedEndpoint(enhanced, { metricPublishFrequency: Duration.minutes(3), enhancedMetrics: true }).autoScale({ maxCapacity: 10 });
    Annotations.fromStack(enhanced).hasWarning('/TestStack/Llm/AutoScaling', Match.stringLikeRegexp('every 180 s and its concurrency too'));
    for (const props of [{}, { metricPublishFrequency: Duration.seconds(10), enhancedMetrics: true }]) {
      const quiet = testStack();
      seedEndpoint(quiet, props).autoScale({ maxCapacity: 10 });
      Annotations.fromStack(quiet).hasNoWarning('*', Match.stringLikeRegexp('less often than'));
    }
    // A predefined signal reads no per-type samples: nothing to warn about.
    const predefined = testStack();
    seedEndpoint(predefined, { metricPublishFrequency: Duration.minutes(5) }).autoScale({ maxCapacity: 10, signal: ScalingSignal.concurrentRequestsPerModel({ targetValue: 4 }) });
    Annotations.fromStack(predefined).hasNoWarning('*', Match.stringLikeRegexp('less often than'));
  });

  test('construct IDs of the target and policy are frozen', () => {
    const { stack, endpoint } = seedPolicy();
    expect(stack.getLogicalId(endpoint.autoScaling!.scalableTarget)).toBe('LlmAutoScalingTarget55292AFC');
    expect(stack.getLogicalId(endpoint.autoScaling!.scalingPolicy)).toBe('LlmAutoScalingPolicy260CD04C');
  });

  test('snapshot of the autoscaling resources', () => {
    const { stack } = seedPolicy();
    const template = Template.fromStack(stack);
    expect({
      target: template.findResources('AWS::ApplicationAutoScaling::ScalableTarget'),
      policy: template.findResources('AWS::ApplicationAutoScaling::ScalingPolicy'),
    }).toMatchSnapshot();
  });
});

describe('EndpointAutoScaling: validation', () => {
  test('the weighted signal needs every pool maxConcurrency', () => {
    const stack = testStack();
    const endpoint = new CapacityAwareEndpoint(stack, 'Ep', {
      model: Model.fromModelName(stack, 'M', 'm'),
      pools: [{ instanceType: InstanceType.ML_G6_XLARGE, maxConcurrency: 4 }, { instanceType: InstanceType.ML_G5_XLARGE }],
    });
    expect(() => endpoint.autoScale({ maxCapacity: 4 }))
      .toThrow("pools[1].maxConcurrency: the weighted-utilization signal needs the measured max concurrency of every pool (ml.g5.xlarge), got undefined [MissingMaxConcurrency]");
  });

  test('minCapacity must not exceed maxCapacity', () => {
    expect(() => seedEndpoint(testStack()).autoScale({ minCapacity: 5, maxCapacity: 4 }))
      .toThrow('minCapacity: must not exceed maxCapacity (4), got 5 [InvalidCapacity]');
  });

  test('the initial instance count must lie within the capacity range', () => {
    expect(() => seedEndpoint(testStack(), { initialInstanceCount: 3 }).autoScale({ minCapacity: 1, maxCapacity: 2 }))
      .toThrow('initialInstanceCount: must lie within minCapacity..maxCapacity (1..2), got 3 [InvalidCapacity]');
    expect(() => seedEndpoint(testStack(), { initialInstanceCount: 1 }).autoScale({ minCapacity: 2, maxCapacity: 4 }))
      .toThrow(/initialInstanceCount: must lie within minCapacity\.\.maxCapacity \(2\.\.4\), got 1/);
  });

  test('capacities are whole numbers; zero only for asynchronous endpoints', () => {
    expect(() => seedEndpoint(testStack()).autoScale({ minCapacity: 0, maxCapacity: 4 }))
      .toThrow(`minCapacity: must be an integer of at least 1 (and at most 2147483647, the API's integer range): 0 is for asynchronous endpoints only, which queue requests while no instance runs (a real-time endpoint without instances fails every request), got 0 [InvalidCapacity]`);
    expect(() => seedEndpoint(testStack()).autoScale({ maxCapacity: 2.5 })).toThrow(/maxCapacity: must be an integer.*got 2.5 \[InvalidCapacity\]/);
    expect(() => seedEndpoint(testStack()).autoScale({ maxCapacity: 0 })).toThrow(/maxCapacity: .*got 0/);
  });

  test('cooldowns are whole seconds from 0 to one day', () => {
    expect(() => seedEndpoint(testStack()).autoScale({ maxCapacity: 4, scaleInCooldown: Duration.days(2) }))
      .toThrow('scaleInCooldown: must be a whole number of seconds from 0 to 86400, got 172800 [OutOfRange]');
    expect(() => seedEndpoint(testStack()).autoScale({ maxCapacity: 4, scaleOutCooldown: Duration.millis(1500) })).toThrow(/scaleOutCooldown.*got 1.5/);
  });

  test('autoScale() can be called once per endpoint', () => {
    const endpoint = seedEndpoint(testStack());
    endpoint.autoScale({ maxCapacity: 4 });
    expect(() => endpoint.autoScale({ maxCapacity: 5 })).toThrow(/autoScale: a variant has one scalable target; autoScale\(\) was already called, got TestStack\/Llm \[AutoScalingExists\]/);
  });

  test('tokens never trip validation', () => {
    const stack = testStack();
    const n = (ref: string) => Token.asNumber({ Ref: ref });
    const endpoint = seedEndpoint(stack);
    expect(() => endpoint.autoScale({ minCapacity: n('Min'), maxCapacity: n('Max'), signal: ScalingSignal.weightedUtilization({ targetUtilization: n('T') }) })).not.toThrow();
  });

  test('standalone use on an imported endpoint', () => {
    const stack = testStack();
    const endpoint = CapacityAwareEndpoint.fromEndpointAttributes(stack, 'Imported', {
      endpointName: 'llm', pools: [{ instanceType: InstanceType.ML_G6_XLARGE, maxConcurrency: 4 }],
    });
    new EndpointAutoScaling(stack, 'Scaling', { endpoint, maxCapacity: 3 });
    Template.fromStack(stack).hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { ResourceId: 'endpoint/llm/variant/AllTraffic' });
  });
});
