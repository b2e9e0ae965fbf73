import { LEGACY_JOB, legacyJob, legacyRecommendation, packageArn } from './jobs';
import { fromInferenceRecommenderJob } from '../../../bin/fleet/recommend/inference-recommender-job';

describe('fromInferenceRecommenderJob', () => {
  test('one candidate per endpoint configuration, with the job\'s package, the tuned environment and the metrics', () => {
    const job = fromInferenceRecommenderJob(legacyJob(), LEGACY_JOB);
    expect(job).toMatchObject({
      kind: 'inference-recommender', name: LEGACY_JOB, status: 'COMPLETED', state: 'completed',
      createdAt: '2026-11-20T10:00:00.000Z', endedAt: '2026-11-20T10:44:00.000Z',
      objective: { source: 'default', metrics: [{ name: 'CostPerInference', direction: 'lower' }] },
    });
    expect(job.objective.reason).toMatch(/name no performance objective; CostPerInference is the metric AWS points to/);
    expect(job.candidates[0]).toEqual({
      index: 1,
      instanceType: 'ml.g5.xlarge',
      instanceCount: 1,
      copiesPerInstance: null,
      modelPackageArn: packageArn(11),
      inferenceSpecificationName: 'default',
      environment: { OMP_NUM_THREADS: '4' },
      minMemoryMiB: null,
      // CpuUtilization is NaN ("not available") and is not a ranking metric: left out.
      performance: [
        { metric: 'CostPerInference', stat: null, value: 0.0000052, reported: '0.0000052', unit: 'USD' },
        { metric: 'CostPerHour', stat: null, value: 1.2, reported: '1.2', unit: 'USD' },
        { metric: 'MaxInvocations', stat: null, value: 648, reported: '648', unit: 'per minute' },
        { metric: 'ModelLatency', stat: null, value: 263, reported: '263', unit: 'ms' },
      ],
      description: `${LEGACY_JOB}/ml.g5.xlarge`,
      missing: [],
    });
  });

  test('a serverless recommendation cannot become a pool', () => {
    const job = fromInferenceRecommenderJob(legacyJob(), LEGACY_JOB);
    expect(job.candidates[2]).toMatchObject({
      instanceType: null, missing: ['it is a serverless configuration (ServerlessConfig): instance pools need an instance type'],
    });
  });

  test('a job run on a model instead of a model package: every recommendation misses the package', () => {
    const job = fromInferenceRecommenderJob(legacyJob({ InputConfig: { ModelName: 'qwen3-model' } }), LEGACY_JOB);
    for (const c of job.candidates) {
      expect(c.modelPackageArn).toBeNull();
      expect(c.missing).toContainEqual(expect.stringMatching(/^the job ran on model 'qwen3-model' \(InputConfig.ModelName\), not on a versioned model package/));
    }
  });

  test.each([
    ['PENDING', 'running'], ['IN_PROGRESS', 'running'], ['STOPPING', 'running'], ['FAILED', 'failed'], ['STOPPED', 'stopped'], ['DELETED', 'other'],
  ])('status %s is %s', (status, state) => {
    expect(fromInferenceRecommenderJob(legacyJob({ Status: status as never }), LEGACY_JOB).state).toBe(state);
  });

  test('no metrics, no environment, no instance type', () => {
    const bare = legacyRecommendation('ml.c5.xlarge', 1, { Metrics: undefined, ModelConfiguration: undefined });
    bare.EndpointConfiguration = { EndpointName: 'e', VariantName: 'v' };
    const job = fromInferenceRecommenderJob(legacyJob({ InferenceRecommendations: [bare] }), LEGACY_JOB);
    expect(job.candidates[0]).toMatchObject({
      instanceType: null, environment: {}, performance: [], inferenceSpecificationName: null,
      missing: ['it names no instance type (EndpointConfiguration.InstanceType)'],
    });
  });
});
