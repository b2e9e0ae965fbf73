import { Token } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { InstancePool, InstanceType } from '../../lib';
import { rankPools } from '../../lib/pools/rank-pools';
import { testStack } from '../util';

const pool = (name: string, maxConcurrency?: number): InstancePool => ({ instanceType: InstanceType.of(name), maxConcurrency });

describe('rankPools', () => {
  test('priority follows the order, first = 1', () => {
    const stack = testStack();
    const ranked = rankPools(stack, [pool('ml.p5.48xlarge', 20), pool('ml.g6.48xlarge', 8)]);
    expect(ranked.map((p) => [p.instanceType.name, p.priority, p.maxConcurrency])).toEqual([
      ['ml.p5.48xlarge', 1, 20], ['ml.g6.48xlarge', 2, 8],
    ]);
    expect(Object.isFrozen(ranked)).toBe(true);
    expect(Object.isFrozen(ranked[0])).toBe(true);
  });

  test('rejects an empty pool list', () => {
    expect(() => rankPools(testStack(), [])).toThrow('pools: between 1 and 5 instance pools, got 0 [PoolCount]');
  });

  test('rejects six pools', () => {
    const six = ['g5.xlarge', 'g5.2xlarge', 'g5.4xlarge', 'g5.8xlarge', 'g5.12xlarge', 'g5.16xlarge'].map((t) => pool(`ml.${t}`));
    expect(() => rankPools(testStack(), six)).toThrow('pools: between 1 and 5 instance pools, got 6 [PoolCount]');
  });

  test('rejects duplicate instance types and names both positions', () => {
    expect(() => rankPools(testStack(), [pool('ml.g6.xlarge'), pool('ml.g5.xlarge'), pool('ml.g6.xlarge')]))
      .toThrow("pools[2].instanceType: each instance type at most once (already pools[0]), got 'ml.g6.xlarge' [DuplicateInstanceType]");
  });

  test('rejects instance types without the ml. prefix', () => {
    expect(() => rankPools(testStack(), [pool('g6.xlarge')]))
      .toThrow("InstanceType.of: a SageMaker instance type: lower-case 'ml.<family>.<size>' such as 'ml.g6.48xlarge', without whitespace; it starts with 'g6.', not 'ml.' (did you mean 'ml.g6.xlarge'?), got 'g6.xlarge' [InvalidInstanceType]");
  });

  test.each([0, -1, NaN])('rejects maxConcurrency %p', (value) => {
    expect(() => rankPools(testStack(), [pool('ml.g6.xlarge', 4), pool('ml.g5.xlarge', value)]))
      .toThrow(/pools\[1\]\.maxConcurrency: must be a number from 0.001 to 1000000.*\[InvalidMaxConcurrency\]/);
  });

  test('warns when burstable types sit next to GPU pools', () => {
    const stack = testStack();
    rankPools(stack, [pool('ml.g6.xlarge'), pool('ml.t2.medium')]);
    Annotations.fromStack(stack).hasWarning('*', Match.stringLikeRegexp('burstable ml.t2.medium next to accelerated ml.g6.xlarge'));
  });

  test('no warning for an all-CPU fleet', () => {
    const stack = testStack();
    rankPools(stack, [pool('ml.m5.xlarge'), pool('ml.t2.medium')]);
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  test('tokens skip per-pool checks', () => {
    const token = Token.asString({ Ref: 'Type' });
    expect(() => rankPools(testStack(), [pool(token), pool(token)])).not.toThrow();
  });

  test('a token instance type does not skip the maxConcurrency check', () => {
    expect(() => rankPools(testStack(), [pool(Token.asString({ Ref: 'Type' }), 0)])).toThrow(/pools\[0\]\.maxConcurrency: .*got 0 \[InvalidMaxConcurrency\]/);
  });
});
