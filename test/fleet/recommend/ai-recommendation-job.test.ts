import { AI_JOB, aiJob, aiRecommendation, packageArn, PACKAGE_GROUP } from './jobs';
import { fromAiRecommendationJob } from '../../../bin/fleet/recommend/ai-recommendation-job';

describe('fromAiRecommendationJob', () => {
  test('a completed job: status, objective and one candidate per recommendation, in the job order', () => {
    const job = fromAiRecommendationJob(aiJob(), AI_JOB);
    expect(job).toMatchObject({
      kind: 'ai-recommendation', name: AI_JOB, status: 'Completed', state: 'completed', failureReason: null,
      createdAt: '2026-11-24T06:00:00.000Z', endedAt: '2026-11-24T08:10:00.000Z',
      objective: { source: 'performance-target', metrics: [{ name: 'ttft-ms', direction: 'lower' }], reason: null },
      notes: [],
    });
    expect(job.candidates.map((c) => [c.index, c.instanceType])).toEqual([
      [1, 'ml.g6e.12xlarge'], [2, 'ml.g6.12xlarge'], [3, 'ml.p5.48xlarge'], [4, 'ml.g6e.12xlarge'],
      [5, 'ml.g5.48xlarge'], [6, 'ml.g6.48xlarge'], [7, 'ml.g5.12xlarge'], [8, 'ml.g6e.24xlarge'],
    ]);
    expect(job.candidates[2]).toEqual({
      index: 3,
      instanceType: 'ml.p5.48xlarge',
      instanceCount: 1,
      copiesPerInstance: 2,
      modelPackageArn: packageArn(3),
      inferenceSpecificationName: 'p5-48xlarge-tp4',
      environment: { OPTION_TENSOR_PARALLEL_DEGREE: '4', OPTION_MAX_MODEL_LEN: '16384' },
      minMemoryMiB: 16384,
      performance: [
        { metric: 'ttft-ms', stat: 'p50', value: 95.2, reported: '95.2', unit: 'ms' },
        { metric: 'throughput', stat: 'average', value: 512, reported: '512.0', unit: 'tokens/second' },
      ],
      description: 'Qwen3-4B on ml.p5.48xlarge',
      missing: [],
    });
  });

  test('a recommendation without a model package says what is missing and where packages come from', () => {
    const job = fromAiRecommendationJob(aiJob(), AI_JOB);
    expect(job.candidates[6].missing).toEqual([
      expect.stringContaining(`it has no model package (ModelDetails.ModelPackageArn): the job registers deployable model packages in the model package group of its OutputConfig.ModelPackageGroupIdentifier ('${PACKAGE_GROUP}')`),
    ]);
    const noGroup = fromAiRecommendationJob(aiJob({ OutputConfig: { S3OutputLocation: 's3://b/' } }), AI_JOB);
    expect(noGroup.candidates[6].missing[0]).toContain('(not set for this job)');
  });

  test('instance type, count and copies fall back to the model details; several types without a choice are missing', () => {
    const fromDetails = aiRecommendation({ type: 'ml.g6.12xlarge', pkg: 1 });
    fromDetails.DeploymentConfiguration = { EnvironmentVariables: {} };
    fromDetails.ModelDetails!.InstanceDetails = [{ InstanceType: 'ml.g6.12xlarge', InstanceCount: 3, CopyCountPerInstance: 2 }];
    const ambiguous = aiRecommendation({ type: 'ml.g6.12xlarge', pkg: 2 });
    ambiguous.DeploymentConfiguration = {};
    ambiguous.ModelDetails!.InstanceDetails = [{ InstanceType: 'ml.g6.12xlarge' }, { InstanceType: 'ml.g6e.12xlarge' }];
    const job = fromAiRecommendationJob(aiJob({ Recommendations: [fromDetails, ambiguous] }), AI_JOB);
    expect(job.candidates[0]).toMatchObject({ instanceType: 'ml.g6.12xlarge', instanceCount: 3, copiesPerInstance: 2, minMemoryMiB: null, missing: [] });
    expect(job.candidates[1]).toMatchObject({
      instanceType: null,
      missing: ['it lists several instance types (ml.g6.12xlarge, ml.g6e.12xlarge) and no DeploymentConfiguration.InstanceType to choose one'],
    });
  });

  test.each([
    ['InProgress', 'running'], ['Stopping', 'running'], ['Failed', 'failed'], ['Stopped', 'stopped'], ['Deleting', 'other'],
  ])('status %s is %s', (status, state) => {
    expect(fromAiRecommendationJob(aiJob({ AIRecommendationJobStatus: status as never }), AI_JOB).state).toBe(state);
  });

  test('a failed job keeps its reason; a job without a usable objective says so', () => {
    const job = fromAiRecommendationJob(aiJob({
      AIRecommendationJobStatus: 'Failed', FailureReason: 'Model artifacts not found at s3://amzn-s3-demo-bucket/models/qwen3-4b/',
      PerformanceTarget: { Constraints: [{ Metric: 'energy' as never }] }, Recommendations: undefined,
    }), AI_JOB);
    expect(job.failureReason).toBe('Model artifacts not found at s3://amzn-s3-demo-bucket/models/qwen3-4b/');
    expect(job.objective).toEqual({ source: 'performance-target', metrics: [], reason: 'the job names no performance objective it can be ranked by' });
    expect(job.notes).toEqual(["the job's performance target names 'energy', which this tool cannot rank by"]);
    expect(job.candidates).toEqual([]);
  });

  test('LoRA adapters are noted: the generated code deploys the base model only', () => {
    const withAdapters = aiRecommendation({ type: 'ml.g6e.12xlarge', pkg: 1 });
    withAdapters.AdapterDetails = {
      S3Uris: [{ AdapterId: 'sql', S3Uri: 's3://b/sql/' }, { AdapterId: 'chat', S3Uri: 's3://b/chat/' }],
      ModelPackageArns: [{ AdapterId: 'sql', ModelPackageArn: packageArn(20) }],
    };
    const job = fromAiRecommendationJob(aiJob({ Recommendations: [withAdapters] }), AI_JOB);
    expect(job.notes).toEqual([expect.stringMatching(/^recommendation 1 serves LoRA adapters \(sql, chat\) next to the base model/)]);
  });

  test('a missing name falls back to the one asked for', () => {
    expect(fromAiRecommendationJob({ ...aiJob(), AIRecommendationJobName: undefined }, 'asked').name).toBe('asked');
  });
});
