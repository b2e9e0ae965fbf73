/**
 * How the weighted scaling signal combines the per-pool utilizations `u_i = concurrency_i / maxConcurrency_i`.
 *
 * The table of AWS's launch blog post (p5 max 20, g6 max 8, target 0.7,
 * https://aws.amazon.com/blogs/machine-learning/capacity-aware-inference-automatic-instance-fallback-for-sagemaker-ai-endpoints) reads the same under `MEAN_OF_ACTIVE_POOLS` and
 * `MEAN_OF_ALL_POOLS` while both pools serve traffic; they differ when a pool has no instances, the normal case
 * for fallback pools:
 *
 * | p5 | g6 | MEAN_OF_ACTIVE_POOLS | MEAN_OF_ALL_POOLS | MAX |
 * |----|----|------|------|------|
 * | 5  | 2  | 0.25 | 0.25 | 0.25 |
 * | 12 | 5  | 0.61 | 0.61 | 0.63 |
 * | 18 | 7  | 0.89 | 0.89 | 0.90 |
 * | 14 | 6  | 0.73 | 0.73 | 0.75 |
 * | 18 | (no instances) | 0.90 | 0.45 (scales in an overloaded fleet) | 0.90 |
 * | (no instances) | (no instances) | no data (scaler holds) | no data | no data |
 */
export enum UtilizationAggregation {
  /**
   * The mean over the pools that currently report data (default). An empty pool is left out instead of counting
   * as 0, so fallback pools never dilute the signal; with no pool reporting, the signal has no data and the
   * scaler holds. Rendered as `(FILL(m1,0)/c1 + ...) / ((FILL(m1,-1) >= 0) + ...)`: an idle pool (0 requests)
   * still counts, a pool without instances does not, and 0/0 drops the point.
   */
  MEAN_OF_ACTIVE_POOLS = 'MEAN_OF_ACTIVE_POOLS',
  /**
   * The blog post's plain mean over all pools, `(m1/c1 + m2/c2) / 2`. Metric math counts a missing value as 0, so an
   * empty pool halves (or thirds, ...) the signal: with p5 at 18 and no g6 instances it reads 0.45 instead of
   * 0.90. Use only when every pool always has instances.
   */
  MEAN_OF_ALL_POOLS = 'MEAN_OF_ALL_POOLS',
  /**
   * The most utilized pool, `MAX([m1/c1, m2/c2])`: the most conservative choice, scaling out as soon as any
   * hardware type runs hot. Empty pools are ignored; with no data at all the signal has no data.
   */
  MAX = 'MAX',
}
