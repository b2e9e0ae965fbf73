import { configuredPools, rankPools } from '../../../bin/fleet/collect/pools';
import { G6, P5 } from '../scenario';

const G5 = 'ml.g5.48xlarge';

describe('rankPools', () => {
  test('orders by the configured priority, not by the order SageMaker returned', () => {
    const ranked = rankPools(
      [{ instanceType: G6, count: 2 }, { instanceType: P5, count: 4 }],
      [{ instanceType: G6, priority: 2 }, { instanceType: P5, priority: 1 }],
    );
    expect(ranked.prioritySource).toBe('endpoint-config');
    expect(ranked.pools.map((p) => [p.priority, p.instanceType, p.count, p.share, p.fallback])).toEqual([
      [1, P5, 4, 0.6667, false],
      [2, G6, 2, 0.3333, true],
    ]);
    expect(ranked.fallback).toBe(true);
    expect(ranked.fallbackCount).toBe(2);
  });

  test('keeps configured pools with no instances, which are not fallback', () => {
    const ranked = rankPools([{ instanceType: P5, count: 3 }], [
      { instanceType: P5, priority: 1 }, { instanceType: G6, priority: 2 }, { instanceType: G5, priority: 3, modelNameOverride: 'Small' },
    ]);
    expect(ranked.pools.map((p) => [p.instanceType, p.count, p.share, p.fallback, p.modelNameOverride])).toEqual([
      [P5, 3, 1, false, null], [G6, 0, 0, false, null], [G5, 0, 0, false, 'Small'],
    ]);
    expect(ranked.fallback).toBe(false);
  });

  test('all instances on lower priorities is fallback even when priority 1 is absent from the report', () => {
    const ranked = rankPools([{ instanceType: G5, count: 1 }], [{ instanceType: P5, priority: 1 }, { instanceType: G5, priority: 3 }]);
    expect(ranked.pools.map((p) => [p.priority, p.count])).toEqual([[1, 0], [3, 1]]);
    expect(ranked.fallbackCount).toBe(1);
  });

  test('a reported pool the config does not list goes last, priority null, and counts as fallback', () => {
    const ranked = rankPools([{ instanceType: G5, count: 1 }, { instanceType: P5, count: 1 }], [{ instanceType: P5, priority: 1 }]);
    expect(ranked.pools.map((p) => [p.priority, p.instanceType, p.fallback])).toEqual([[1, P5, false], [null, G5, true]]);
  });

  test('without a config, the order SageMaker returned is the priority order, and says so', () => {
    const ranked = rankPools([{ instanceType: G6, count: 2 }, { instanceType: P5, count: 4 }], undefined);
    expect(ranked.prioritySource).toBe('response-order');
    expect(ranked.pools.map((p) => [p.priority, p.instanceType, p.fallback])).toEqual([[1, G6, false], [2, P5, true]]);
  });

  test('an empty fleet has zero shares and no fallback', () => {
    const ranked = rankPools([{ instanceType: P5, count: 0 }, { instanceType: G6, count: 0 }], undefined);
    expect(ranked.pools.map((p) => p.share)).toEqual([0, 0]);
    expect(ranked.fallback).toBe(false);
  });

  test('shares add up to 1', () => {
    const ranked = rankPools([{ instanceType: P5, count: 1 }, { instanceType: G6, count: 1 }, { instanceType: G5, count: 1 }], undefined);
    expect(ranked.pools.reduce((sum, p) => sum + p.share, 0)).toBeCloseTo(1, 3);
  });
});

describe('configuredPools', () => {
  test('InstancePools with priorities and model overrides', () => {
    expect(configuredPools({
      VariantName: 'v',
      InstancePools: [{ InstanceType: P5, Priority: 1 }, { InstanceType: G6, Priority: 2, ModelNameOverride: 'Int4' }],
    })).toEqual([
      { instanceType: P5, priority: 1, modelNameOverride: undefined },
      { instanceType: G6, priority: 2, modelNameOverride: 'Int4' },
    ]);
  });

  test('a single InstanceType is one pool of priority 1', () => {
    expect(configuredPools({ VariantName: 'v', InstanceType: 'ml.g5.xlarge' })).toEqual([{ instanceType: 'ml.g5.xlarge', priority: 1 }]);
  });

  test('nothing to rank by: no config, serverless', () => {
    expect(configuredPools(undefined)).toBeUndefined();
    expect(configuredPools({ VariantName: 'v', ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 } })).toBeUndefined();
  });
});
