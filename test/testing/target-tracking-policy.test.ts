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
    expect(policy.evaluate({ 'ml.p5.48xlarge': 4 })).toBeUndefined();
    expect(policy.evaluateById({ a: 2, b: 2 })).toBe(3);
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
    expect(() => testing.TargetTrackingPolicy.fromTemplate(template)).toThrow('expected exactly one target-tracking policy with metric queries, found 2');
    expect(testing.TargetTrackingPolicy.fromTemplate(template, { logicalId: 'Q' }).expression).toBe('b');
    expect(() => testing.TargetTrackingPolicy.fromTemplate(template, { logicalId: 'R' })).toThrow(/named R, found 0/);
  });

  test('rejects a policy without exactly one returning expression', () => {
    const broken = policyResource('a');
    (broken.Properties.TargetTrackingScalingPolicyConfiguration.CustomizedMetricSpecification.Metrics[3] as any).ReturnData = false;
    expect(() => testing.TargetTrackingPolicy.fromTemplate({ Resources: { P: broken } })).toThrow('expected exactly one expression with ReturnData true, found 0');
  });
});
