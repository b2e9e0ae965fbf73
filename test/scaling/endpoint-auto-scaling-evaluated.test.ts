import { Template } from 'aws-cdk-lib/assertions';
import { CapacityAwareEndpoint, InstanceType, ScalingSignal, UtilizationAggregation, testing } from '../../lib';
import { lmiModel, seedEndpoint } from '../endpoint/fixtures';
import { testStack } from '../util';

/*
 * The weighted policy that EndpointAutoScaling synthesizes, read back with the public metric-math evaluator: the
 * seed table, empty pools, idle fleets and no instances at all. Resources and validation: endpoint-auto-scaling.test.ts.
 */

/** The seed's table is rounded half up to two decimals (0.725 reads 0.73). */
const round2 = (value: number | undefined) => (value === undefined ? undefined : Math.round(value * 100 + 1e-9) / 100);

const P5 = 'ml.p5.48xlarge';
const G6 = 'ml.g6.48xlarge';

function seedPolicy(aggregation?: UtilizationAggregation) {
  const stack = testStack();
  const endpoint = seedEndpoint(stack);
  endpoint.autoScale({ minCapacity: 1, maxCapacity: 10, signal: ScalingSignal.weightedUtilization({ aggregation }) });
  return { stack, endpoint, policy: testing.TargetTrackingPolicy.fromTemplate(Template.fromStack(stack).toJSON()) };
}

describe('EndpointAutoScaling: the synthesized policy, evaluated', () => {
  const seedTable: Array<[number, number, number]> = [[5, 2, 0.25], [12, 5, 0.61], [18, 7, 0.89], [14, 6, 0.73]];

  test.each(seedTable)('default: p5 = %p, g6 = %p reads %p (the seed table)', (p5, g6, signal) => {
    const { policy } = seedPolicy();
    expect(policy.targetValue).toBe(0.7);
    expect(round2(policy.evaluate({ [P5]: p5, [G6]: g6 }))).toBe(signal);
  });

  test('default: an empty g6 pool does not dilute the signal (0.90, not 0.45)', () => {
    expect(seedPolicy().policy.evaluate({ [P5]: 18 })).toBeCloseTo(0.9, 5);
  });

  test('default: an empty p5 pool does not dilute the signal either', () => {
    expect(seedPolicy().policy.evaluate({ [G6]: 6 })).toBeCloseTo(0.75, 5);
  });

  test('default: an idle pool (0 requests) still counts', () => {
    expect(seedPolicy().policy.evaluate({ [P5]: 18, [G6]: 0 })).toBeCloseTo(0.45, 5);
  });

  test('default: with no instances at all, the signal has no data (the scaler holds instead of scaling in)', () => {
    expect(seedPolicy().policy.evaluate({})).toBeUndefined();
    expect(seedPolicy().policy.evaluateFleet({ [P5]: {}, [G6]: { instances: 0 } })).toBeUndefined();
  });

  test('default: an idle fleet (instances, no concurrency data) reads 0, so it scales in to minCapacity', () => {
    const { policy } = seedPolicy();
    expect(policy.evaluateFleet({ [P5]: { instances: 3 } })).toBe(0);
    expect(policy.evaluateFleet({ [P5]: { instances: 3 }, [G6]: { instances: 1 } })).toBe(0);
    expect(policy.evaluateFleet({ [G6]: { instances: 1 } })).toBe(0);
    expect(policy.evaluateFleet({ [P5]: { instances: 3, concurrency: 0 } })).toBe(0);
  });

  test('default: an empty fallback pool still does not dilute the signal', () => {
    const { policy } = seedPolicy();
    expect(policy.evaluateFleet({ [P5]: { instances: 4, concurrency: 18 } })).toBeCloseTo(0.9, 5);
    expect(policy.evaluateFleet({ [P5]: { instances: 4, concurrency: 18 }, [G6]: { instances: 0 } })).toBeCloseTo(0.9, 5);
  });

  test('default: a pool that reports concurrency counts even without an instance sample in the period', () => {
    expect(seedPolicy().policy.evaluateFleet({ [P5]: { concurrency: 18 }, [G6]: { concurrency: 0 } })).toBeCloseTo(0.45, 5);
  });

  test.each([UtilizationAggregation.MEAN_OF_ALL_POOLS, UtilizationAggregation.MAX])('%s: idle reads 0, no instances reads no data', (aggregation) => {
    const { policy } = seedPolicy(aggregation);
    expect(policy.evaluateFleet({ [P5]: { instances: 2 } })).toBe(0);
    expect(policy.evaluateFleet({})).toBeUndefined();
  });

  test.each(seedTable)('seed mean: p5 = %p, g6 = %p reads %p', (p5, g6, signal) => {
    expect(round2(seedPolicy(UtilizationAggregation.MEAN_OF_ALL_POOLS).policy.evaluate({ [P5]: p5, [G6]: g6 }))).toBe(signal);
  });

  test('seed mean: an empty pool dilutes the signal, as documented', () => {
    const { policy } = seedPolicy(UtilizationAggregation.MEAN_OF_ALL_POOLS);
    expect(policy.expression).toMatch(/^\(FILL\(pool1, 0\) \/ 20 \+ FILL\(pool2, 0\) \/ 8\) \/ 2 \/ /);
    expect(policy.evaluate({ [P5]: 18 })).toBeCloseTo(0.45, 5);
    expect(policy.evaluate({})).toBeUndefined();
  });

  test('max: the hottest pool, empty pools ignored', () => {
    const { policy } = seedPolicy(UtilizationAggregation.MAX);
    expect(policy.evaluate({ [P5]: 12, [G6]: 5 })).toBeCloseTo(0.625, 5);
    expect(policy.evaluate({ [P5]: 18 })).toBeCloseTo(0.9, 5);
    expect(policy.evaluate({})).toBeUndefined();
  });

  test("the sample notebook's three pools (max 12, 16, 7), each empty in turn", () => {
    const stack = testStack();
    const endpoint = new CapacityAwareEndpoint(stack, 'Nb', {
      model: lmiModel(stack, 'M'),
      pools: [
        { instanceType: InstanceType.ML_G6_24XLARGE, maxConcurrency: 12 },
        { instanceType: InstanceType.ML_G5_48XLARGE, maxConcurrency: 16 },
        { instanceType: InstanceType.ML_G5_12XLARGE, maxConcurrency: 7 },
      ],
    });
    endpoint.autoScale({ maxCapacity: 10 });
    const policy = testing.TargetTrackingPolicy.fromTemplate(Template.fromStack(stack).toJSON());
    expect(policy.instanceTypes).toEqual(['ml.g6.24xlarge', 'ml.g5.48xlarge', 'ml.g5.12xlarge']);
    expect(policy.evaluate({ 'ml.g6.24xlarge': 6, 'ml.g5.48xlarge': 8, 'ml.g5.12xlarge': 3.5 })).toBeCloseTo(0.5, 5);
    expect(policy.evaluate({ 'ml.g5.48xlarge': 8, 'ml.g5.12xlarge': 7 })).toBeCloseTo(0.75, 5);
    expect(policy.evaluate({ 'ml.g6.24xlarge': 12, 'ml.g5.12xlarge': 3.5 })).toBeCloseTo(0.75, 5);
    expect(policy.evaluate({ 'ml.g6.24xlarge': 9, 'ml.g5.48xlarge': 16 })).toBeCloseTo(0.875, 5);
    expect(policy.evaluate({ 'ml.g6.24xlarge': 9 })).toBeCloseTo(0.75, 5);
    expect(policy.evaluate({})).toBeUndefined();
  });
});
