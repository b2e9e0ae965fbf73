import { compareBy, compareCandidates, describeComparison } from './objective';
import { Candidate, RecommendationJob } from './recommendation-job';
import { FleetError } from '../errors';

/** A variant holds at most five instance pools (ProductionVariant.InstancePools, SageMaker API reference). */
export const MAX_POOLS = 5;

/** How the pools were put in order; the output always says which. */
export type RankingRule = 'order-option' | 'performance-objective' | 'default-metric' | 'job-order';

export interface Ranking {
  readonly rule: RankingRule;
  /** One sentence for the output, e.g. "ranked by the job's performance objective: ttft-ms (p50, ms; lower is better)". */
  readonly description: string;
  /** Best first, one per instance type, at most five. */
  readonly pools: readonly Candidate[];
  readonly dropped: readonly DroppedRecommendation[];
  readonly notes: readonly string[];
}

export interface DroppedRecommendation {
  readonly recommendation: number;
  readonly instanceType: string | null;
  readonly reason: string;
}

/**
 * Why a recommendation cannot become an inference component's specification without the memory a copy reserves
 * (ComputeResourceRequirements.MinMemoryRequiredInMb, which SageMaker requires:
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_InferenceComponentComputeResourceRequirements.html).
 * AI recommendation jobs report it per recommendation; Inference Recommender results have no such field.
 */
const NO_MEMORY: Readonly<Record<RecommendationJob['kind'], string>> = {
  'ai-recommendation': 'it gives no memory per model copy (DeploymentConfiguration.MinCpuMemoryRequiredInMb), which an inference component needs',
  'inference-recommender': 'Inference Recommender results give no memory per model copy, which an inference component needs '
    + '(ComputeResourceRequirements.MinMemoryRequiredInMb): an AI recommendation job reports it, or write the specification yourself',
};

export interface RankingOptions {
  /** `--order`: instance types, preferred first. */
  readonly order?: readonly string[];
  /** Inference components need the memory per copy: a recommendation without it cannot become a specification. */
  readonly requireMemory: boolean;
}

/**
 * Puts the job's recommendations in pool order: by `--order` when given, else by the job's objective (the
 * tool's default metric for a job without one, else the job's own order). Recommendations that cannot become a
 * pool, repeat an instance type or rank past the fifth pool are dropped, each with its reason.
 */
export function rankCandidates(job: RecommendationJob, options: RankingOptions): Ranking {
  const dropped: DroppedRecommendation[] = [];
  const usable: Candidate[] = [];
  for (const c of job.candidates) {
    const missing = [...c.missing];
    if (options.requireMemory && c.minMemoryMiB === null) missing.push(NO_MEMORY[job.kind]);
    if (missing.length > 0) dropped.push({ recommendation: c.index, instanceType: c.instanceType, reason: missing.join('; ') });
    else usable.push(c);
  }

  const comparisons = compareBy(job.objective.metrics, usable);
  const notes = comparisons.filter((c) => !c.usable && usable.length > 0).map((c) => `not ranked by ${c.metric.name}: ${c.problem}`);
  const byObjective = [...usable].sort(compareCandidates(comparisons));
  const compared = comparisons.filter((c) => c.usable);

  let rule: RankingRule;
  let description: string;
  let ordered: Candidate[];
  if (options.order) {
    rule = 'order-option';
    description = `ranked by --order: ${options.order.join(', ')}`;
    const available = [...new Set(usable.map((c) => c.instanceType!))];
    const unknown = options.order.find((t) => !available.includes(t));
    if (unknown) {
      throw new FleetError('usage', `--order: ${unknown} is not among the usable recommendations of job ${job.name}`
        + ` (${available.length > 0 ? available.join(', ') : 'none'}).`);
    }
    ordered = options.order.flatMap((type) => byObjective.filter((c) => c.instanceType === type));
    for (const c of byObjective) {
      if (!options.order.includes(c.instanceType!)) dropped.push({ recommendation: c.index, instanceType: c.instanceType, reason: 'its instance type is not listed in --order' });
    }
  } else if (compared.length > 0) {
    rule = job.objective.source === 'default' ? 'default-metric' : 'performance-objective';
    const by = compared.map(describeComparison).join(', then ');
    description = rule === 'default-metric' ? `ranked by ${by}: ${job.objective.reason}` : `ranked by the job's performance objective: ${by}`;
    ordered = byObjective;
  } else {
    rule = 'job-order';
    const why = job.objective.metrics.length === 0 ? job.objective.reason ?? 'the job names no objective' : 'no recommendation reports a comparable value for its objective';
    description = `in the order the job returned its recommendations: ${why}; pass --order to choose`;
    ordered = [...usable];
  }

  const pools: Candidate[] = [];
  for (const c of ordered) {
    const better = pools.find((p) => p.instanceType === c.instanceType);
    if (better) {
      dropped.push({ recommendation: c.index, instanceType: c.instanceType,
        reason: `recommendation ${better.index} for the same instance type ranks higher; a variant lists each instance type once` });
    } else if (pools.length >= MAX_POOLS) {
      dropped.push({ recommendation: c.index, instanceType: c.instanceType,
        reason: `it ranks below the ${MAX_POOLS} pools kept; a variant holds at most ${MAX_POOLS} instance pools` });
    } else {
      pools.push(c);
    }
  }
  dropped.sort((a, b) => a.recommendation - b.recommendation);
  return { rule, description, pools, dropped, notes };
}
