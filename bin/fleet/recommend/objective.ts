import { Candidate, ObjectiveMetric, PerformanceValue } from './recommendation-job';

/**
 * Compares candidates by the job's objective. A job names its objective (`ttft-ms`, `throughput`, `cost`) in a
 * different spelling than some of the metrics it reports, and reports a metric once per statistic; so each
 * objective metric is matched loosely, one statistic is chosen for all candidates (the one most of them report),
 * and a metric whose units differ between candidates is not compared at all.
 */

/** How one objective metric is compared across the candidates. */
export interface MetricComparison {
  readonly metric: ObjectiveMetric;
  /** The statistic compared (p50, average ...), or null when the job reports none. */
  readonly stat: string | null;
  readonly unit: string | null;
  /** False when no candidate reports the metric, or candidates report it in different units. */
  readonly usable: boolean;
  /** Why it is not usable, for the output. */
  readonly problem: string | null;
}

/** `ttft-ms` matches `ttft`, `TTFT-ms`, `time-to-first-token`; `cost` matches `cost-per-hour`; others match by name. */
export function matchesMetric(objective: string, reported: string): boolean {
  const o = normalize(objective);
  const r = normalize(reported);
  if (o === r) return true;
  if (o === 'ttftms' || o === 'ttft') return r === 'ttft' || r === 'ttftms' || r.startsWith('timetofirsttoken');
  if (o === 'cost') return r.startsWith('cost');
  return false;
}

/** Chooses the statistic for each objective metric and checks the units agree. */
export function compareBy(metrics: readonly ObjectiveMetric[], candidates: readonly Candidate[]): MetricComparison[] {
  return metrics.map((metric) => {
    const reports = candidates.flatMap((c) => c.performance.filter((p) => matchesMetric(metric.name, p.metric) && p.value !== null));
    if (reports.length === 0) {
      return { metric, stat: null, unit: null, usable: false, problem: `no recommendation reports a value for ${metric.name}` };
    }
    const stat = mostCommon(reports.map((p) => p.stat));
    const units = new Set(reports.filter((p) => p.stat === stat).map((p) => p.unit ?? ''));
    if (units.size > 1) {
      return { metric, stat, unit: null, usable: false, problem: `recommendations report ${metric.name} in different units (${[...units].join(', ')})` };
    }
    const unit = [...units][0] || null;
    return { metric, stat, unit, usable: true, problem: null };
  });
}

/** The value a candidate reports for a compared metric, or null. */
export function valueFor(candidate: Candidate, comparison: MetricComparison): PerformanceValue | null {
  return candidate.performance.find((p) => matchesMetric(comparison.metric.name, p.metric) && p.stat === comparison.stat && p.value !== null) ?? null;
}

/**
 * Best first by the usable comparisons in order; a candidate without a value ranks after those with one, and
 * ties keep the job's order.
 */
export function compareCandidates(comparisons: readonly MetricComparison[]): (a: Candidate, b: Candidate) => number {
  const usable = comparisons.filter((c) => c.usable);
  return (a, b) => {
    for (const comparison of usable) {
      const va = valueFor(a, comparison)?.value ?? null;
      const vb = valueFor(b, comparison)?.value ?? null;
      if (va === vb) continue;
      if (va === null) return 1;
      if (vb === null) return -1;
      return comparison.metric.direction === 'lower' ? va - vb : vb - va;
    }
    return a.index - b.index;
  };
}

/** "ttft-ms (p50, ms; lower is better)". */
export function describeComparison(c: MetricComparison): string {
  const detail = [c.stat, c.unit].filter(Boolean).join(', ');
  return `${c.metric.name} (${detail ? `${detail}; ` : ''}${c.metric.direction} is better)`;
}

function normalize(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The most frequent value, the first seen on a tie. */
function mostCommon<T>(values: readonly T[]): T {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0];
  for (const [v, n] of counts) if (n > (counts.get(best) ?? 0)) best = v;
  return best;
}
