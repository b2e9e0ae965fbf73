import { AI_JOB, aiJob, LEGACY_JOB, legacyJob } from './jobs';
import { FleetError } from '../../../bin/fleet/errors';
import { fromAiRecommendationJob } from '../../../bin/fleet/recommend/ai-recommendation-job';
import { fromInferenceRecommenderJob } from '../../../bin/fleet/recommend/inference-recommender-job';
import { rankCandidates } from '../../../bin/fleet/recommend/ranking';

const featured = () => fromAiRecommendationJob(aiJob(), AI_JOB);
const types = (pools: readonly { instanceType: string | null }[]) => pools.map((p) => p.instanceType);

describe('rankCandidates', () => {
  test('by the performance objective: best five distinct types, the rest dropped with reasons', () => {
    const ranking = rankCandidates(featured(), { requireMemory: false });
    expect(ranking.rule).toBe('performance-objective');
    expect(ranking.description).toBe("ranked by the job's performance objective: ttft-ms (p50, ms; lower is better)");
    expect(types(ranking.pools)).toEqual(['ml.p5.48xlarge', 'ml.g6e.24xlarge', 'ml.g6e.12xlarge', 'ml.g6.48xlarge', 'ml.g6.12xlarge']);
    expect(ranking.pools[2].index).toBe(1); // the faster of the two ml.g6e.12xlarge builds
    expect(ranking.dropped).toEqual([
      { recommendation: 4, instanceType: 'ml.g6e.12xlarge', reason: 'recommendation 1 for the same instance type ranks higher; a variant lists each instance type once' },
      { recommendation: 5, instanceType: 'ml.g5.48xlarge', reason: 'it ranks below the 5 pools kept; a variant holds at most 5 instance pools' },
      { recommendation: 7, instanceType: 'ml.g5.12xlarge', reason: expect.stringMatching(/^it has no model package/) },
    ]);
    expect(ranking.notes).toEqual([]);
  });

  test('--order wins over the objective; unlisted types are dropped as such', () => {
    const ranking = rankCandidates(featured(), { order: ['ml.g6.12xlarge', 'ml.g6e.12xlarge'], requireMemory: false });
    expect(ranking.rule).toBe('order-option');
    expect(ranking.description).toBe('ranked by --order: ml.g6.12xlarge, ml.g6e.12xlarge');
    expect(ranking.pools.map((p) => [p.instanceType, p.index])).toEqual([['ml.g6.12xlarge', 2], ['ml.g6e.12xlarge', 1]]);
    expect(ranking.dropped.filter((d) => d.reason === 'its instance type is not listed in --order').map((d) => d.recommendation)).toEqual([3, 5, 6, 8]);
  });

  test('--order naming a type without a usable recommendation is a usage error listing the usable types', () => {
    const error = (() => {
      try {
        rankCandidates(featured(), { order: ['ml.g5.12xlarge'], requireMemory: false });
      } catch (e) {
        return e as FleetError;
      }
      return undefined;
    })();
    expect(error?.kind).toBe('usage');
    expect(error?.message).toBe(`--order: ml.g5.12xlarge is not among the usable recommendations of job ${AI_JOB} `
      + '(ml.g6e.12xlarge, ml.g6.12xlarge, ml.p5.48xlarge, ml.g5.48xlarge, ml.g6.48xlarge, ml.g6e.24xlarge).');
  });

  test('without an objective: the job order, said so', () => {
    const ranking = rankCandidates(fromAiRecommendationJob(aiJob({ PerformanceTarget: undefined }), AI_JOB), { requireMemory: false });
    expect(ranking.rule).toBe('job-order');
    expect(ranking.description).toBe('in the order the job returned its recommendations: the job names no performance objective it can be ranked by; pass --order to choose');
    expect(types(ranking.pools)).toEqual(['ml.g6e.12xlarge', 'ml.g6.12xlarge', 'ml.p5.48xlarge', 'ml.g5.48xlarge', 'ml.g6.48xlarge']);
  });

  test('an objective nobody reports a value for: the job order, with a note', () => {
    const job = fromAiRecommendationJob(aiJob({ PerformanceTarget: { Constraints: [{ Metric: 'cost' }] } }), AI_JOB);
    const ranking = rankCandidates(job, { requireMemory: false });
    expect(ranking.rule).toBe('job-order');
    expect(ranking.description).toMatch(/no recommendation reports a comparable value for its objective; pass --order to choose$/);
    expect(ranking.notes).toEqual(['not ranked by cost: no recommendation reports a value for cost']);
  });

  test('Inference Recommender: ranked by CostPerInference, the default metric, the cheaper build of a type kept', () => {
    const ranking = rankCandidates(fromInferenceRecommenderJob(legacyJob(), LEGACY_JOB), { requireMemory: false });
    expect(ranking.rule).toBe('default-metric');
    expect(ranking.description).toMatch(/^ranked by CostPerInference \(USD; lower is better\): Inference Recommender jobs name no performance objective/);
    expect(ranking.pools.map((p) => [p.instanceType, p.index])).toEqual([['ml.g4dn.xlarge', 2], ['ml.g5.xlarge', 4]]);
    expect(ranking.dropped.map((d) => d.recommendation)).toEqual([1, 3]);
  });

  test('inference components from an Inference Recommender job: every recommendation is dropped, naming what that job type lacks', () => {
    const ranking = rankCandidates(fromInferenceRecommenderJob(legacyJob(), LEGACY_JOB), { requireMemory: true });
    expect(ranking.pools).toEqual([]);
    expect(ranking.dropped.map((d) => d.reason)).toContainEqual('Inference Recommender results give no memory per model copy, which an inference '
      + 'component needs (ComputeResourceRequirements.MinMemoryRequiredInMb): an AI recommendation job reports it, or write the specification yourself');
    expect(ranking.dropped.map((d) => d.reason).join(' ')).not.toContain('DeploymentConfiguration');
  });

  test('inference components: a recommendation without memory per copy is dropped', () => {
    const job = fromAiRecommendationJob(aiJob(), AI_JOB);
    const withoutMemory = { ...job, candidates: job.candidates.map((c) => (c.index === 3 ? { ...c, minMemoryMiB: null } : c)) };
    const ranking = rankCandidates(withoutMemory, { requireMemory: true });
    expect(types(ranking.pools)[0]).toBe('ml.g6e.24xlarge');
    expect(ranking.dropped).toContainEqual({
      recommendation: 3, instanceType: 'ml.p5.48xlarge',
      reason: 'it gives no memory per model copy (DeploymentConfiguration.MinCpuMemoryRequiredInMb), which an inference component needs',
    });
  });
});
