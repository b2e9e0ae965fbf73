import { testing } from '../../lib';

const policyResource = (expression: string) => ({
  Type: 'AWS::ApplicationAutoScaling::ScalingPolicy',
  Properties: { TargetTrackingScalingPolicyConfiguration: { TargetValue: 0.5, CustomizedMetricSpecification: { Metrics: [
    { Id: 'a', ReturnData: false, MetricStat: { Metric: { MetricName: 'ConcurrentRequestsPerModel', Dimensions: [{ Name: 'InstanceType', Value: 'ml.g6.xlarge' }, { Name: 'EndpointName', Value: { Ref: 'X' } }] }, Stat: 'Average' } },
    { Id: 'b', ReturnData: false, MetricStat: { Metric: { MetricName: 'ConcurrentRequestsPerModel', Dimensions: [{ Name: 'InstanceType', Value: 'ml.g5.xlarge' }] }, Stat: 'Average' } },
    { Id: 'half', ReturnData: false, Expression: 'a / 2' },
    { Id: 'out', ReturnData: true, Expression: expression },
  ] } } },
});

describe('TargetTrackingPolicy', () => {
  test('finds the single policy and evaluates it by instance type or by id', () => {
    const policy = testing.TargetTrackingPolicy.fromTemplate({ Resources: { P: policyResource('half + b') } });
    expect(policy.targetValue).toBe(0.5);
    expect(policy.expression).toBe('half + b');
    expect(policy.instanceTypes).toEqual(['ml.g6.xlarge', 'ml.g5.xlarge']);
    expect(policy.evaluate({ 'ml.g6.xlarge': 4, 'ml.g5.xlarge': 1 })).toBe(3);
    expect(policy.evaluate({ 'ml.g6.xlarge': 4 })).toBe(2);
    expect(policy.evaluate({})).toBeUndefined();
    expect(policy.evaluateById({ a: 2, b: 2 })).toBe(3);
  });

  test('a key that is none of the policy\'s instance types throws, naming them (a typo is not a pool without instances)', () => {
    const policy = testing.TargetTrackingPolicy.fromTemplate({ Resources: { P: policyResource('half + b') } });
    const named = "must name the policy's instance types (ml.g6.xlarge, ml.g5.xlarge), got 'ml.p5.48xl'";
    expect(() => policy.evaluate({ 'ml.p5.48xl': 18 })).toThrow(`metric math: valuesByInstanceType ${named}`);
    expect(() => policy.evaluateFleet({ 'ml.p5.48xl': { instances: 1 } })).toThrow(`metric math: fleet ${named}`);
  });

  test.each([
    [{ 'ml.g6.xlarge': { instances: 2 } }, "valuesByInstanceType['ml.g6.xlarge'] must be a number, got an object with keys instances"],
    [{ 'ml.g6.xlarge': '4' }, "valuesByInstanceType['ml.g6.xlarge'] must be a number, got '4'"],
    [{ 'ml.g6.xlarge': [4] }, "valuesByInstanceType['ml.g6.xlarge'] must be a number, got an array of 1"],
    [{ 'ml.g6.xlarge': null }, "valuesByInstanceType['ml.g6.xlarge'] must be a number, got null"],
    [{ 'ml.g6.xlarge': NaN }, "valuesByInstanceType['ml.g6.xlarge'] must be a number, got NaN"],
    [{ 'ml.g6.xlarge': Infinity }, "valuesByInstanceType['ml.g6.xlarge'] must be a number, got Infinity"],
  ])('evaluate(%p): a value that is not a number is named, never [object Object]', (values, message) => {
    const policy = testing.TargetTrackingPolicy.fromTemplate({ Resources: { P: policyResource('half + b') } });
    expect(() => policy.evaluate(values as any)).toThrow(`metric math: ${message}`);
  });

  test.each([
    [{ 'ml.g6.xlarge': 4 }, "fleet['ml.g6.xlarge'] must be an object { instances, concurrency }, got 4"],
    [{ 'ml.g6.xlarge': { instances: '2' } }, "fleet['ml.g6.xlarge'].instances must be a number, or left out, got '2'"],
    [{ 'ml.g6.xlarge': { concurrency: { value: 2 } } }, "fleet['ml.g6.xlarge'].concurrency must be a number, or left out, got an object with keys value"],
  ])('evaluateFleet(%p): a reading that is not a number is named', (fleet, message) => {
    const policy = testing.TargetTrackingPolicy.fromTemplate({ Resources: { P: policyResource('half + b') } });
    expect(() => policy.evaluateFleet(fleet as any)).toThrow(`metric math: ${message}`);
  });

  test('presence queries (SampleCount) take the instances, load queries the concurrency', () => {
    const metric = (id: string, type: string, stat: string) => ({ Id: id, ReturnData: false, MetricStat: { Metric: { MetricName: 'M', Dimensions: [{ Name: 'InstanceType', Value: type }] }, Stat: stat } });
    const policy = testing.TargetTrackingPolicy.fromTemplate({ Resources: { P: {
      Type: 'AWS::ApplicationAutoScaling::ScalingPolicy',
      Properties: { TargetTrackingScalingPolicyConfiguration: { TargetValue: 1, CustomizedMetricSpecification: { Metrics: [
        metric('c1', 'ml.p5.48xlarge', 'Average'), metric('n1', 'ml.p5.48xlarge', 'SampleCount'),
        { Id: 'out', ReturnData: true, Expression: 'FILL(c1, -1) * 100 + FILL(n1, 0)' },
      ] } } },
    } } });
    expect(policy.instanceTypes).toEqual(['ml.p5.48xlarge']);
    expect(policy.evaluateFleet({ 'ml.p5.48xlarge': { instances: 3, concurrency: 2 } })).toBe(203);
    expect(policy.evaluateFleet({ 'ml.p5.48xlarge': { instances: 3 } })).toBe(-97);
    expect(policy.evaluateFleet({ 'ml.p5.48xlarge': { concurrency: 2 } })).toBe(200);
    expect(policy.evaluateFleet({ 'ml.p5.48xlarge': { instances: 0, concurrency: 2 } })).toBe(200);
    expect(policy.evaluateFleet({})).toBe(-100);
    // evaluate(): a type in the map has instances and that load value.
    expect(policy.evaluate({ 'ml.p5.48xlarge': 2 })).toBe(201);
  });

  test('picks a policy by logical ID when there are several', () => {
    const template = { Resources: { P: policyResource('a'), Q: policyResource('b') } };
    // Several policies: the error lists their logical IDs and names the option that chooses one.
    expect(() => testing.TargetTrackingPolicy.fromTemplate(template)).toThrow('expected exactly one target-tracking policy with metric queries (an AWS::ApplicationAutoScaling::ScalingPolicy whose '
      + 'CustomizedMetricSpecification has Metrics), found 2 (P, Q); pass { logicalId } to choose one, e.g. fromTemplate(template, '
      + '{ logicalId: Stack.of(endpoint).getLogicalId(endpoint.autoScaling!.scalingPolicy) })');
    expect(testing.TargetTrackingPolicy.fromTemplate(template, { logicalId: 'Q' }).expression).toBe('b');
    expect(() => testing.TargetTrackingPolicy.fromTemplate(template, { logicalId: 'R' }))
      .toThrow('expected exactly one target-tracking policy with metric queries (an AWS::ApplicationAutoScaling::ScalingPolicy whose '
        + "CustomizedMetricSpecification has Metrics) named R, found 0; the template's target-tracking policies with metric queries: 2 (P, Q)");
    expect(() => testing.TargetTrackingPolicy.fromTemplate({ Resources: {} }))
      .toThrow('expected exactly one target-tracking policy with metric queries (an AWS::ApplicationAutoScaling::ScalingPolicy whose '
        + 'CustomizedMetricSpecification has Metrics), found 0');
  });

  test('rejects a policy without exactly one returning expression', () => {
    const broken = policyResource('a');
    (broken.Properties.TargetTrackingScalingPolicyConfiguration.CustomizedMetricSpecification.Metrics[3] as any).ReturnData = false;
    expect(() => testing.TargetTrackingPolicy.fromTemplate({ Resources: { P: broken } })).toThrow('expected exactly one expression with ReturnData true, found 0');
  });
});
