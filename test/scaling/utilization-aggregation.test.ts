import { UtilizationAggregation, testing } from '../../lib';
import { PoolConcurrencyMetric, utilizationExpression } from '../../lib/scaling/utilization-queries';

const round2 = (value: number | undefined) => (value === undefined ? undefined : Math.round(value * 100 + 1e-9) / 100);
const pools = [
  { id: 'pool1', presenceId: 'pool1_instances', maxConcurrency: 20 },
  { id: 'pool2', presenceId: 'pool2_instances', maxConcurrency: 8 },
] as PoolConcurrencyMetric[];

/** A pool's state in one period: its concurrency (it has instances), IDLE (instances, no concurrency data) or NONE. */
type Pool = number | 'idle' | 'none';

/** The table documented on UtilizationAggregation and in the README, row by row: [p5, g6, active mean, all mean, max]. */
const DOCUMENTED: Array<[Pool, Pool, number | undefined, number | undefined, number | undefined]> = [
  [5, 2, 0.25, 0.25, 0.25],
  [12, 5, 0.61, 0.61, 0.63],
  [18, 7, 0.89, 0.89, 0.9],
  [14, 6, 0.73, 0.73, 0.75],
  [18, 'none', 0.9, 0.45, 0.9],
  [18, 'idle', 0.45, 0.45, 0.9],
  ['idle', 'none', 0, 0, 0],
  ['idle', 'idle', 0, 0, 0],
  ['none', 'none', undefined, undefined, undefined],
];

function values(p5: Pool, g6: Pool): { [id: string]: number } {
  const out: { [id: string]: number } = {};
  for (const [pool, state] of [[pools[0], p5], [pools[1], g6]] as const) {
    if (state === 'none') continue;
    out[pool.presenceId] = 2; // instance samples: the pool has instances
    if (typeof state === 'number') out[pool.id] = state;
  }
  return out;
}

describe('UtilizationAggregation', () => {
  test.each(DOCUMENTED)('p5 = %p, g6 = %p reads %p / %p / %p as documented', (p5, g6, active, all, max) => {
    const read = (aggregation: UtilizationAggregation) => round2(testing.MetricMath.evaluate(utilizationExpression(pools, aggregation), values(p5, g6)));
    expect(read(UtilizationAggregation.MEAN_OF_ACTIVE_POOLS)).toBe(active);
    expect(read(UtilizationAggregation.MEAN_OF_ALL_POOLS)).toBe(all);
    expect(read(UtilizationAggregation.MAX)).toBe(max);
  });

  test('a pool that reports concurrency counts even when no instance sample falls into the period', () => {
    // e.g. a publish frequency slower than the evaluation period: the signal reads as it did before presence metrics.
    for (const aggregation of Object.values(UtilizationAggregation)) {
      expect(testing.MetricMath.evaluate(utilizationExpression(pools, aggregation), { pool1: 18 })).toBeCloseTo(aggregation === UtilizationAggregation.MEAN_OF_ALL_POOLS ? 0.45 : 0.9, 5);
    }
  });

  test('a single pool needs no MAX()', () => {
    expect(utilizationExpression([pools[0]], UtilizationAggregation.MAX)).toBe('FILL(pool1, 0) / 20 / ((FILL(pool1_instances, 0) > 0) OR (FILL(pool1, -1) >= 0))');
  });

  test('the renderings', () => {
    expect(utilizationExpression(pools, UtilizationAggregation.MEAN_OF_ACTIVE_POOLS)).toBe('(FILL(pool1, 0) / 20 + FILL(pool2, 0) / 8) / '
      + '(((FILL(pool1_instances, 0) > 0) OR (FILL(pool1, -1) >= 0)) + ((FILL(pool2_instances, 0) > 0) OR (FILL(pool2, -1) >= 0)))');
    expect(utilizationExpression(pools, UtilizationAggregation.MEAN_OF_ALL_POOLS)).toBe('(FILL(pool1, 0) / 20 + FILL(pool2, 0) / 8) / 2 / '
      + '(((FILL(pool1_instances, 0) > 0) OR (FILL(pool1, -1) >= 0)) OR ((FILL(pool2_instances, 0) > 0) OR (FILL(pool2, -1) >= 0)))');
  });
});
