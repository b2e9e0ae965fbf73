/**
 * A recommendation job as `recommend` reads it, whichever API it came from: one candidate per recommendation,
 * with what a pool needs (instance type, model package, inference specification) and what it is ranked by.
 * "Unknown" is `null`, never a missing key.
 */

export type JobKind = 'ai-recommendation' | 'inference-recommender';

/** completed: ready to rank · running: ask again later · failed / stopped / other: nothing to rank. */
export type JobState = 'completed' | 'running' | 'failed' | 'stopped' | 'other';

/** Better when lower (latency, cost) or when higher (throughput). */
export type Direction = 'lower' | 'higher';

export interface PerformanceValue {
  readonly metric: string;
  readonly stat: string | null;
  /** The value as a number; `null` when the job reported something that is not one. */
  readonly value: number | null;
  /** The value as the job reported it. */
  readonly reported: string;
  readonly unit: string | null;
}

/** A metric the job is ranked by. */
export interface ObjectiveMetric {
  /** As the job names it: `ttft-ms`, `throughput`, `cost`, or an Inference Recommender metric (`CostPerInference`). */
  readonly name: string;
  readonly direction: Direction;
}

export interface Objective {
  /** performance-target: the job's own objective · default: this tool's choice for a job without one. */
  readonly source: 'performance-target' | 'default';
  /** In order of importance; empty when the job names none. */
  readonly metrics: readonly ObjectiveMetric[];
  /** Why the default applies, for the output. */
  readonly reason: string | null;
}

export interface Candidate {
  /** 1-based position in the job's list of recommendations. */
  readonly index: number;
  readonly instanceType: string | null;
  /** Instances the job recommends on this type for the load it measured. */
  readonly instanceCount: number | null;
  readonly copiesPerInstance: number | null;
  readonly modelPackageArn: string | null;
  readonly inferenceSpecificationName: string | null;
  /** The container environment the job tuned (empty when none). */
  readonly environment: Readonly<Record<string, string>>;
  /** Host memory to reserve per model copy, in MiB (AI recommendation jobs only). */
  readonly minMemoryMiB: number | null;
  readonly performance: readonly PerformanceValue[];
  readonly description: string | null;
  /** What keeps this recommendation from becoming a pool, one sentence each; empty when nothing does. */
  readonly missing: readonly string[];
}

export interface RecommendationJob {
  readonly kind: JobKind;
  readonly name: string;
  readonly arn: string | null;
  /** As the API reports it (InProgress, Completed, FAILED ...). */
  readonly status: string;
  readonly state: JobState;
  readonly failureReason: string | null;
  readonly createdAt: string | null;
  readonly endedAt: string | null;
  readonly objective: Objective;
  readonly candidates: readonly Candidate[];
  /** Facts about the job worth a line in the output (adapters, compiled artifacts ...). */
  readonly notes: readonly string[];
}

/** "12.5" → 12.5; anything that is not a finite number → null. */
export function numericValue(reported: string | number | undefined | null): number | null {
  if (reported === undefined || reported === null) return null;
  const value = typeof reported === 'number' ? reported : Number(String(reported).trim());
  return String(reported).trim() !== '' && Number.isFinite(value) ? value : null;
}
