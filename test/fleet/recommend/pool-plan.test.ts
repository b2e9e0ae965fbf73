import { AI_JOB, aiJob, aiRecommendation, LEGACY_JOB, legacyJob, packageArn } from './jobs';
import { fromAiRecommendationJob } from '../../../bin/fleet/recommend/ai-recommendation-job';
import { fromInferenceRecommenderJob } from '../../../bin/fleet/recommend/inference-recommender-job';
import { buildPlan, identifierFor } from '../../../bin/fleet/recommend/pool-plan';
import { rankCandidates } from '../../../bin/fleet/recommend/ranking';
import { RecommendationJob } from '../../../bin/fleet/recommend/recommendation-job';

function plan(job: RecommendationJob, target: 'endpoint' | 'inference-components' = 'endpoint') {
  return buildPlan(job, rankCandidates(job, { requireMemory: target === 'inference-components' }), target);
}

const job = (recs: Parameters<typeof aiRecommendation>[0][]) => fromAiRecommendationJob(aiJob({ Recommendations: recs.map(aiRecommendation) }), AI_JOB);

/** The note that no pool (specification) has a measured concurrency: neither job kind measures one. */
const POOL_CONCURRENCY = expect.stringMatching(/^no pool has maxConcurrency: the job does not measure .* load test/);
const COPY_CONCURRENCY = expect.stringMatching(/^no specification has maxConcurrencyPerCopy: the job does not measure .* load test/);

describe('buildPlan', () => {
  test('endpoint pools in priority order with their models, sizes and the job facts', () => {
    const p = plan(fromAiRecommendationJob(aiJob(), AI_JOB));
    expect(p).toMatchObject({
      schemaVersion: 1,
      job: { name: AI_JOB, kind: 'ai-recommendation', status: 'Completed', failureReason: null, endedAt: '2026-11-24T08:10:00.000Z' },
      target: 'endpoint',
      ranking: { rule: 'performance-objective' },
      fleet: { initialInstanceCount: 1, copyCount: null, managedInstanceScaling: null },
      notes: [POOL_CONCURRENCY],
    });
    expect(p.pools.map((x) => [x.priority, x.instanceType, x.model, x.recommendation])).toEqual([
      [1, 'ml.p5.48xlarge', 'p548xlargeModel', 3],
      [2, 'ml.g6e.24xlarge', 'g6e24xlargeModel', 8],
      [3, 'ml.g6e.12xlarge', 'g6e12xlargeModel', 1],
      [4, 'ml.g6.48xlarge', 'g648xlargeModel', 6],
      [5, 'ml.g6.12xlarge', 'g612xlargeModel', 2],
    ]);
    expect(p.pools[0]).toMatchObject({
      modelPackageArn: packageArn(3), inferenceSpecificationName: 'p5-48xlarge-tp4', instanceCount: 1, copiesPerInstance: 2,
      acceleratorCount: 4, acceleratorCountFrom: 'OPTION_TENSOR_PARALLEL_DEGREE',
    });
    expect(p.dropped.map((d) => d.recommendation)).toEqual([4, 5, 7]);
  });

  test('pools with the same package, specification and environment share one model', () => {
    const p = plan(job([
      { type: 'ml.g6e.12xlarge', pkg: 1, spec: 'tp4', ttft: '100' },
      { type: 'ml.g6e.24xlarge', pkg: 1, spec: 'tp4', ttft: '110' },
      { type: 'ml.g6.12xlarge', pkg: 1, spec: 'tp4', ttft: '120', tp: '2' },
    ]));
    expect(p.pools.map((x) => x.model)).toEqual(['g6e12xlargeModel', 'g6e12xlargeModel', 'g612xlargeModel']);
  });

  test('inference components: copies, managed instance scaling, accelerators from the tensor-parallel degree', () => {
    const p = plan(job([
      { type: 'ml.p5.48xlarge', pkg: 1, spec: 'a', ttft: '90', count: 2, copies: 2, memory: 20480 },
      { type: 'ml.g6e.12xlarge', pkg: 2, spec: 'b', ttft: '150', copies: 1, memory: 100 },
    ]), 'inference-components');
    // 2 instances × 2 copies = 4 copies; on ml.g6e.12xlarge (1 per instance) that takes 4 instances.
    expect(p.fleet).toEqual({ initialInstanceCount: 2, copyCount: 4, managedInstanceScaling: { minInstanceCount: 1, maxInstanceCount: 4 } });
    expect(p.pools.map((x) => [x.instanceType, x.acceleratorCount, x.acceleratorCountFrom, x.minMemoryMiB])).toEqual([
      ['ml.p5.48xlarge', 4, 'OPTION_TENSOR_PARALLEL_DEGREE', 20480],
      ['ml.g6e.12xlarge', 4, 'OPTION_TENSOR_PARALLEL_DEGREE', 128],
    ]);
    expect(p.notes).toEqual(['ml.g6e.12xlarge: the job recommends 100 MiB per copy; SageMaker reserves at least 128, so minMemory is 128 MiB', COPY_CONCURRENCY]);
  });

  test('inference components without a tensor-parallel setting: acceleratorCount is left unset, with a note', () => {
    const j = job([{ type: 'ml.g6e.12xlarge', pkg: 1, spec: 'a', ttft: '1' }]);
    const env = { ...j, candidates: j.candidates.map((c) => ({ ...c, environment: { OPTION_TENSOR_PARALLEL_DEGREE: 'max' } })) };
    const p = plan(env, 'inference-components');
    expect(p.pools[0].acceleratorCount).toBeNull();
    expect(p.notes).toEqual([expect.stringMatching(/^ml.g6e.12xlarge: the recommendation does not say how many accelerators a copy uses/), COPY_CONCURRENCY]);
  });

  test.each([['SM_NUM_GPUS', '2'], ['VLLM_TENSOR_PARALLEL_SIZE', '2'], ['tensor_parallel_degree', '2']])('%s=%s gives 2 accelerators', (key, value) => {
    const j = job([{ type: 'ml.g6e.12xlarge', pkg: 1, spec: 'a', ttft: '1' }]);
    const env = { ...j, candidates: j.candidates.map((c) => ({ ...c, environment: { [key]: value } })) };
    expect(plan(env, 'inference-components').pools[0]).toMatchObject({ acceleratorCount: 2, acceleratorCountFrom: key });
  });

  test('a missing instance count or inference specification is noted', () => {
    const j = job([{ type: 'ml.g6e.12xlarge', pkg: 1, ttft: '1' }]);
    const p = plan({ ...j, candidates: j.candidates.map((c) => ({ ...c, instanceCount: null })) });
    expect(p.fleet?.initialInstanceCount).toBe(1);
    expect(p.notes).toEqual([
      "ml.g6e.12xlarge: the recommendation names no inference specification, so the model package's default one is used",
      POOL_CONCURRENCY,
      'ml.g6e.12xlarge: the recommendation gives no instance count, so the endpoint starts with 1 instance',
    ]);
  });

  test('a job that has not completed: no ranking, no pools, no fleet', () => {
    const running = fromAiRecommendationJob(aiJob({ AIRecommendationJobStatus: 'InProgress', Recommendations: [] }), AI_JOB);
    expect(buildPlan(running, null, 'endpoint')).toMatchObject({ ranking: null, pools: [], dropped: [], fleet: null, job: { status: 'InProgress' }, notes: [] });
  });

  test('the concurrency note names what each kind of job measures instead', () => {
    expect(plan(job([{ type: 'ml.g6e.12xlarge', pkg: 1, spec: 'a', ttft: '1' }])).notes)
      .toContainEqual(expect.stringContaining('(its ExpectedPerformance gives cost, throughput and ttft-ms)'));
    expect(plan(fromInferenceRecommenderJob(legacyJob(), LEGACY_JOB)).notes)
      .toContainEqual(expect.stringContaining('(its Metrics give cost, MaxInvocations (requests per minute, not requests in flight) and ModelLatency)'));
  });
});

describe('identifierFor', () => {
  test.each([
    ['ml.g6e.12xlarge', 'g6e12xlarge'], ['ml.p6-b200.48xlarge', 'p6B20048xlarge'], ['ml.g4dn.xlarge', 'g4dnXlarge'], ['ml.9x.large', 'type9xLarge'],
  ])('%s → %s', (type, id) => {
    expect(identifierFor(type)).toBe(id);
  });
});
