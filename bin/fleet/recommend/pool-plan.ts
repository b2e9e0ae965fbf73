import { DroppedRecommendation, Ranking, RankingRule } from './ranking';
import { Candidate, JobKind, PerformanceValue, RecommendationJob } from './recommendation-job';

/**
 * What `recommend` prints: the ranked pools with their models and sizes, what was dropped and why. The same
 * data renders as TypeScript or, with `--json`, as this document (bump `schemaVersion` on a breaking change).
 */
export const RECOMMENDATION_SCHEMA_VERSION = 1;

/** InferenceComponentComputeResourceRequirements.MinMemoryRequiredInMb is at least 128 (SageMaker API reference). */
const MIN_COPY_MEMORY_MIB = 128;

/**
 * Environment variables that carry a model server's tensor-parallel degree (DJL LMI `OPTION_TENSOR_PARALLEL_DEGREE`,
 * TGI `SM_NUM_GPUS`, vLLM-style `..._TENSOR_PARALLEL_SIZE`): the accelerators one copy uses.
 */
const TENSOR_PARALLEL_KEY = /(^|_)(TENSOR_PARALLEL_(DEGREE|SIZE)|NUM_GPUS)$/;

export type PlanTarget = 'endpoint' | 'inference-components';

export interface RecommendationPlan {
  readonly schemaVersion: typeof RECOMMENDATION_SCHEMA_VERSION;
  readonly job: {
    readonly name: string;
    readonly kind: JobKind;
    readonly arn: string | null;
    readonly status: string;
    readonly failureReason: string | null;
    readonly createdAt: string | null;
    readonly endedAt: string | null;
  };
  readonly target: PlanTarget;
  /** `null` until the job has completed. */
  readonly ranking: { readonly rule: RankingRule; readonly description: string } | null;
  /** Priority order, 1 first. */
  readonly pools: readonly PlannedPool[];
  readonly dropped: readonly DroppedRecommendation[];
  /** Sizes for the endpoint (and the component); `null` without pools. */
  readonly fleet: FleetSize | null;
  readonly notes: readonly string[];
}

export interface PlannedPool {
  readonly priority: number;
  /** Position of the recommendation in the job's list (1-based). */
  readonly recommendation: number;
  readonly instanceType: string;
  /** Name of the model in the generated code; pools with the same package, specification and environment share one. */
  readonly model: string;
  readonly modelPackageArn: string;
  readonly inferenceSpecificationName: string | null;
  readonly environment: Readonly<Record<string, string>>;
  readonly instanceCount: number | null;
  readonly copiesPerInstance: number | null;
  readonly minMemoryMiB: number | null;
  /** Accelerators per copy, when the environment states the tensor-parallel degree (used by inference components). */
  readonly acceleratorCount: number | null;
  /** The environment variable `acceleratorCount` was read from. */
  readonly acceleratorCountFrom: string | null;
  readonly expectedPerformance: readonly PerformanceValue[];
  readonly description: string | null;
}

export interface FleetSize {
  /** The priority-1 recommendation's instance count (1 when it gives none). */
  readonly initialInstanceCount: number;
  /** Inference components: copies on the priority-1 fleet (instances × copies per instance). */
  readonly copyCount: number | null;
  /** Inference components: enough instances for `copyCount` on the type with the fewest copies per instance. */
  readonly managedInstanceScaling: { readonly minInstanceCount: number; readonly maxInstanceCount: number } | null;
}

/** Builds the plan from a job and, once the job has completed, its ranking. */
export function buildPlan(job: RecommendationJob, ranking: Ranking | null, target: PlanTarget): RecommendationPlan {
  const notes: string[] = [...job.notes, ...(ranking?.notes ?? [])];
  const pools = (ranking?.pools ?? []).map((c, i) => plannedPool(c, i + 1, target, notes));
  assignModels(pools);
  if (pools.length > 0) notes.push(concurrencyNote(job.kind, target));
  return {
    schemaVersion: RECOMMENDATION_SCHEMA_VERSION,
    job: { name: job.name, kind: job.kind, arn: job.arn, status: job.status, failureReason: job.failureReason, createdAt: job.createdAt, endedAt: job.endedAt },
    target,
    ranking: ranking ? { rule: ranking.rule, description: ranking.description } : null,
    pools,
    dropped: ranking?.dropped ?? [],
    fleet: pools.length > 0 ? fleetSize(pools, target, notes) : null,
    notes,
  };
}

type MutablePool = { -readonly [K in keyof PlannedPool]: PlannedPool[K] };

function plannedPool(c: Candidate, priority: number, target: PlanTarget, notes: string[]): MutablePool {
  const type = c.instanceType!;
  let minMemoryMiB = c.minMemoryMiB;
  if (target === 'inference-components' && minMemoryMiB !== null && minMemoryMiB < MIN_COPY_MEMORY_MIB) {
    notes.push(`${type}: the job recommends ${minMemoryMiB} MiB per copy; SageMaker reserves at least ${MIN_COPY_MEMORY_MIB}, so minMemory is ${MIN_COPY_MEMORY_MIB} MiB`);
    minMemoryMiB = MIN_COPY_MEMORY_MIB;
  }
  const accelerators = tensorParallelDegree(c.environment);
  if (target === 'inference-components' && !accelerators) {
    notes.push(`${type}: the recommendation does not say how many accelerators a copy uses, so acceleratorCount is not set `
      + '(SageMaker then reserves none for the copy); set it to the model\'s tensor-parallel degree before deploying');
  }
  if (!c.inferenceSpecificationName) {
    notes.push(`${type}: the recommendation names no inference specification, so the model package's default one is used`);
  }
  return {
    priority,
    recommendation: c.index,
    instanceType: type,
    model: '',
    modelPackageArn: c.modelPackageArn!,
    inferenceSpecificationName: c.inferenceSpecificationName,
    environment: c.environment,
    instanceCount: c.instanceCount,
    copiesPerInstance: c.copiesPerInstance,
    minMemoryMiB: target === 'inference-components' ? minMemoryMiB : c.minMemoryMiB,
    acceleratorCount: accelerators?.count ?? null,
    acceleratorCountFrom: accelerators?.key ?? null,
    expectedPerformance: c.performance,
    description: c.description,
  };
}

/**
 * What the job's results give, per kind: neither measures the concurrent requests one instance (or copy) carries.
 * AI recommendation jobs: ExpectedPerformance, AIRecommendationPerformanceMetric entries in @aws-sdk/client-sagemaker,
 * with the metrics AIRecommendationConstraint names: cost, throughput, ttft-ms
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_AIRecommendationConstraint.html); Inference
 * Recommender: RecommendationMetrics
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_RecommendationMetrics.html), whose MaxInvocations
 * counts requests per minute, not requests in flight.
 */
const JOB_RESULTS: Readonly<Record<JobKind, string>> = {
  'ai-recommendation': 'its ExpectedPerformance gives cost, throughput and ttft-ms',
  'inference-recommender': 'its Metrics give cost, MaxInvocations (requests per minute, not requests in flight) and ModelLatency',
};

/**
 * The note that the generated code leaves the per-instance (per-copy) concurrency unset on purpose: a value the
 * job did not measure would look measured, and it drives weighted autoscaling and the concurrency alarms.
 */
function concurrencyNote(kind: JobKind, target: PlanTarget): string {
  const measured = `the job does not measure the concurrent requests one ${target === 'endpoint' ? 'instance' : 'model copy'} carries (${JOB_RESULTS[kind]})`;
  return target === 'endpoint'
    ? `no pool has maxConcurrency: ${measured}. Measure it per instance type with a load test and set it on each pool `
      + 'before calling autoScale() with its default weighted signal (which throws MissingMaxConcurrency without it); '
      + 'a pool without it gets no concurrency alarm and no capacity line'
    : `no specification has maxConcurrencyPerCopy: ${measured}. Measure it per instance type with a load test and set it `
      + 'before scaling copies on the weighted signal (which throws MissingMaxConcurrency without it)';
}

/** `ml.g6e.12xlarge` → `g6e12xlarge`; pools whose container is identical share the first one's model. */
function assignModels(pools: MutablePool[]): void {
  const byContainer = new Map<string, string>();
  for (const pool of pools) {
    const key = JSON.stringify([pool.modelPackageArn, pool.inferenceSpecificationName, Object.entries(pool.environment).sort()]);
    const existing = byContainer.get(key);
    pool.model = existing ?? `${identifierFor(pool.instanceType)}Model`;
    if (!existing) byContainer.set(key, pool.model);
  }
}

/** A lowerCamelCase identifier from an instance type: `ml.p6-b200.48xlarge` → `p6B20048xlarge`. */
export function identifierFor(instanceType: string): string {
  const parts = instanceType.replace(/^ml\./, '').split(/[^a-zA-Z0-9]+/).filter(Boolean);
  const camel = parts.map((p, i) => (i === 0 ? p.toLowerCase() : p.charAt(0).toUpperCase() + p.slice(1).toLowerCase())).join('');
  return /^[a-z]/.test(camel) ? camel : `type${camel}`;
}

function tensorParallelDegree(environment: Readonly<Record<string, string>>): { key: string; count: number } | null {
  for (const [key, value] of Object.entries(environment)) {
    if (TENSOR_PARALLEL_KEY.test(key.toUpperCase()) && /^\s*\d+\s*$/.test(value) && Number(value) >= 1) return { key, count: Number(value) };
  }
  return null;
}

function fleetSize(pools: readonly PlannedPool[], target: PlanTarget, notes: string[]): FleetSize {
  const first = pools[0];
  const initialInstanceCount = Math.max(1, first.instanceCount ?? 1);
  if (first.instanceCount === null) notes.push(`${first.instanceType}: the recommendation gives no instance count, so the endpoint starts with 1 instance`);
  if (target === 'endpoint') return { initialInstanceCount, copyCount: null, managedInstanceScaling: null };
  const copyCount = initialInstanceCount * Math.max(1, first.copiesPerInstance ?? 1);
  const maxInstanceCount = Math.max(initialInstanceCount,
    ...pools.map((p) => Math.ceil(copyCount / Math.max(1, p.copiesPerInstance ?? 1))));
  return { initialInstanceCount, copyCount, managedInstanceScaling: { minInstanceCount: 1, maxInstanceCount } };
}
