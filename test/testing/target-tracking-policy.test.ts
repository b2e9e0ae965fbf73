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
