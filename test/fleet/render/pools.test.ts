import { poolSummary, poolTable } from '../../../bin/fleet/render/pools';
import { PoolReport } from '../../../bin/fleet/model';

const pool = (priority: number | null, instanceType: string, count: number, share: number, fallback: boolean, modelNameOverride: string | null = null): PoolReport =>
  ({ priority, instanceType, count, share, fallback, modelNameOverride });

describe('poolTable', () => {
  test('header, one row per pool, fallback mark and model override', () => {
    expect(poolTable([pool(1, 'ml.p5.48xlarge', 3, 0.75, false), pool(2, 'ml.g6.48xlarge', 1, 0.25, true, 'Int4')], 'INSTANCES', null)).toEqual([
      'PRIORITY  INSTANCE TYPE   INSTANCES  SHARE',
      '1         ml.p5.48xlarge          3  75.0%  ███████████████░░░░░',
      '2         ml.g6.48xlarge          1  25.0%  █████░░░░░░░░░░░░░░░  <- FALLBACK  model Int4',
    ]);
  });

  test('bars are scaled to the target while provisioning, so they fill up', () => {
    const [, row] = poolTable([pool(1, 'ml.p5.48xlarge', 1, 1, false)], 'INSTANCES', 4);
    expect(row).toContain('█████░░░░░░░░░░░░░░░');
    expect(row).toContain('100.0%');
  });

  test('unknown priority prints as ?', () => {
    expect(poolTable([pool(null, 'ml.g5.xlarge', 1, 1, true)], 'COPIES', null)[1]).toMatch(/^\? +ml\.g5\.xlarge +1/);
  });

  test('no pools, no table', () => {
    expect(poolTable([], 'INSTANCES', null)).toEqual([]);
  });
});

test('poolSummary is compact and marks fallback', () => {
  expect(poolSummary([pool(1, 'ml.p5.48xlarge', 3, 0.75, false), pool(2, 'ml.g6.48xlarge', 1, 0.25, true)]))
    .toBe('ml.p5.48xlarge 3, ml.g6.48xlarge 1 (fallback)');
});
