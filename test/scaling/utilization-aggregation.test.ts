import { UtilizationAggregation, testing } from '../../lib';
import { PoolConcurrencyMetric, utilizationExpression } from '../../lib/scaling/utilization-queries';

const round2 = (value: number | undefined) => (value === undefined ? undefined : Math.round(value * 100 + 1e-9) / 100);
const pools = [{ id: 'pool1', maxConcurrency: 20 }, { id: 'pool2', maxConcurrency: 8 }] as PoolConcurrencyMetric[];

/** The table documented on UtilizationAggregation, row by row: [p5, g6, active mean, all mean, max]. */
const DOCUMENTED: Array<[number | undefined, number | undefined, number | undefined, number | undefined, number | undefined]> = [
  [5, 2, 0.25, 0.25, 0.25],
  [12, 5, 0.61, 0.61, 0.63],
  [18, 7, 0.89, 0.89, 0.9],
  [14, 6, 0.73, 0.73, 0.75],
  [18, undefined, 0.9, 0.45, 0.9],
  [undefined, undefined, undefined, undefined, undefined],
];

describe('UtilizationAggregation', () => {
  test.each(DOCUMENTED)('p5 = %p, g6 = %p reads %p / %p / %p as documented', (p5, g6, active, all, max) => {
    const values: { [id: string]: number } = {};
    if (p5 !== undefined) values.pool1 = p5;
    if (g6 !== undefined) values.pool2 = g6;
    const read = (aggregation: UtilizationAggregation) => round2(testing.MetricMath.evaluate(utilizationExpression(pools, aggregation), values));
    expect(read(UtilizationAggregation.MEAN_OF_ACTIVE_POOLS)).toBe(active);
    expect(read(UtilizationAggregation.MEAN_OF_ALL_POOLS)).toBe(all);
    expect(read(UtilizationAggregation.MAX)).toBe(max);
  });

  test('a single pool needs no MAX()', () => {
    expect(utilizationExpression([pools[0]], UtilizationAggregation.MAX)).toBe('pool1 / 20');
  });
});
