import { bar, percent, table } from './format';
import { PoolReport } from '../model';

/**
 * The pools of one variant (or the placement of one inference component) in priority order: count, share of
 * the fleet, a bar and the fallback mark. Bars are scaled to `target` (the desired count while a deployment is
 * under way), so they fill up as instances are provisioned.
 */
export function poolTable(pools: readonly PoolReport[], unit: 'INSTANCES' | 'COPIES', target: number | null): string[] {
  if (pools.length === 0) return [];
  const total = pools.reduce((sum, p) => sum + p.count, 0);
  const whole = Math.max(total, target ?? 0);
  const rows = pools.map((p) => [
    p.priority === null ? '?' : String(p.priority),
    p.instanceType,
    String(p.count),
    percent(p.share),
    bar(p.count, whole),
    [p.fallback ? '<- FALLBACK' : '', p.modelNameOverride ? `model ${p.modelNameOverride}` : ''].filter(Boolean).join('  '),
  ]);
  return table([['PRIORITY', 'INSTANCE TYPE', unit, 'SHARE', '', ''], ...rows], [2, 3]);
}

/** "ml.p5.48xlarge 4, ml.g6.48xlarge 2 (fallback)": the compact form used in progress lines. */
export function poolSummary(pools: readonly PoolReport[]): string {
  return pools.map((p) => `${p.instanceType} ${p.count}${p.fallback ? ' (fallback)' : ''}`).join(', ');
}
