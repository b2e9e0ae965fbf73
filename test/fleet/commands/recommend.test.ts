import 'aws-sdk-client-mock-jest';
import { DescribeAIRecommendationJobCommand, DescribeInferenceRecommendationsJobCommand } from '@aws-sdk/client-sagemaker';
import { RecommendationPlan } from '../../../bin/fleet/recommend/pool-plan';
import { awsError, fakeRuntime, NOW, runMain, sdkMocks } from '../fixtures';
import { AI_JOB, aiJob, aiRecommendation, LEGACY_JOB, legacyJob } from '../recommend/jobs';
import { readmeBlockAfter } from '../readme-output';

/** `sagemaker-fleet recommend ...` in-process against the mocked SDK: output streams and exit codes. */
const mocks = sdkMocks();
beforeEach(() => mocks.sagemaker.reset());

function oneLine(err: string): string {
  const lines = err.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(err).not.toMatch(/\n\s+at /);
  return lines[0];
}

describe('recommend JOB_NAME', () => {
  test('a completed job: TypeScript on stdout, nothing on stderr, exit 0', async () => {
    mocks.sagemaker.on(DescribeAIRecommendationJobCommand).resolves(aiJob());
    const { code, out, err } = await runMain(['recommend', AI_JOB]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^\/\/ Instance pools from AI recommendation job qwen3-recs/);
    expect(out).toContain('export function recommendedEndpoint(scope: Construct, id: string): CapacityAwareEndpoint {');
    expect(mocks.sagemaker).toHaveReceivedCommandWith(DescribeAIRecommendationJobCommand, { AIRecommendationJobName: AI_JOB });
  });

  test('the README shows this output as it is printed', async () => {
    // The README's job: four recommendations, the second build for ml.g6e.12xlarge dropped.
    mocks.sagemaker.on(DescribeAIRecommendationJobCommand).resolves(aiJob({}, [
      { type: 'ml.g6e.12xlarge', pkg: 1, spec: 'g6e-12xlarge-tp4', ttft: '182.4', throughput: '612.5' },
      { type: 'ml.p5.48xlarge', pkg: 2, spec: 'p5-48xlarge-tp4', ttft: '95.2', throughput: '1843.0', copies: 2 },
      { type: 'ml.g6e.12xlarge', pkg: 3, spec: 'g6e-12xlarge-tp4-spec-decoding', ttft: '240.0', throughput: '655.0' },
      { type: 'ml.g6.12xlarge', pkg: 4, spec: 'g6-12xlarge-tp4', ttft: '311.0', throughput: '388.2', count: 2 },
    ]));
    const { code, out, err } = await runMain(['recommend', AI_JOB]);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out.trimEnd().split('\n')).toEqual(readmeBlockAfter('$ sagemaker-fleet recommend qwen3-recs > lib/recommended-pools.ts'));
  });

  test('--json: the plan document, with the rule and what was dropped', async () => {
    mocks.sagemaker.on(DescribeAIRecommendationJobCommand).resolves(aiJob());
    const { code, out } = await runMain(['recommend', AI_JOB, '--json', '--inference-components']);
    expect(code).toBe(0);
    const plan = JSON.parse(out) as RecommendationPlan;
    expect(plan).toMatchObject({
      schemaVersion: 1, target: 'inference-components', job: { name: AI_JOB, status: 'Completed' },
      ranking: { rule: 'performance-objective' },
      fleet: { initialInstanceCount: 1, copyCount: 2, managedInstanceScaling: { minInstanceCount: 1, maxInstanceCount: 2 } },
    });
    expect(plan.pools.map((p) => p.instanceType)).toEqual(['ml.p5.48xlarge', 'ml.g6e.24xlarge', 'ml.g6e.12xlarge', 'ml.g6.48xlarge', 'ml.g6.12xlarge']);
    expect(plan.dropped.map((d) => d.recommendation)).toEqual([4, 5, 7]);
  });

  test('a running job: its own exit code 7, one line on stderr, nothing on stdout', async () => {
    mocks.sagemaker.on(DescribeAIRecommendationJobCommand).resolves(aiJob({
      AIRecommendationJobStatus: 'InProgress', CreationTime: new Date(NOW - 25 * 60_000), EndTime: undefined, Recommendations: undefined,
    }));
    const { code, out, err } = await runMain(['recommend', AI_JOB]);
    expect(code).toBe(7);
    expect(out).toBe('');
    expect(oneLine(err)).toBe("sagemaker-fleet: recommendation job 'qwen3-recs' is still running (InProgress since 25m 00s): run this again when it has completed.");
  });

  test('a running job with --json: the document with its status on stdout, still exit 7', async () => {
    mocks.sagemaker.on(DescribeInferenceRecommendationsJobCommand).resolves(legacyJob({ Status: 'IN_PROGRESS', InferenceRecommendations: undefined }));
    const { code, out } = await runMain(['recommend', LEGACY_JOB, '--json', '--job-type', 'inference-recommender'], fakeRuntime());
    expect(code).toBe(7);
    expect(JSON.parse(out)).toMatchObject({ job: { kind: 'inference-recommender', status: 'IN_PROGRESS' }, ranking: null, pools: [], fleet: null });
  });

  test('a failed job: the reason, exit 1', async () => {
    mocks.sagemaker.on(DescribeAIRecommendationJobCommand).resolves(aiJob({
      AIRecommendationJobStatus: 'Failed', FailureReason: 'The execution role cannot read s3://amzn-s3-demo-bucket/models/qwen3-4b/.',
    }));
    const { code, out, err } = await runMain(['recommend', AI_JOB]);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(oneLine(err)).toBe("sagemaker-fleet: recommendation job 'qwen3-recs' failed: The execution role cannot read s3://amzn-s3-demo-bucket/models/qwen3-4b/.");
  });

  test.each([
    ['Stopped', /was stopped before it completed; it has no recommendations to rank\.$/],
    ['Deleting', /is Deleting: it has no recommendations to rank\.$/],
  ])('a %s job: exit 1', async (status, message) => {
    mocks.sagemaker.on(DescribeAIRecommendationJobCommand).resolves(aiJob({ AIRecommendationJobStatus: status as never }));
    const { code, err } = await runMain(['recommend', AI_JOB]);
    expect(code).toBe(1);
    expect(oneLine(err)).toMatch(message);
  });

  test('no recommendation can become a pool: each reason, exit 1', async () => {
    mocks.sagemaker.on(DescribeAIRecommendationJobCommand).resolves(aiJob({
      Recommendations: [aiRecommendation({ type: 'ml.g6.12xlarge', ttft: '1' }), aiRecommendation({ type: 'ml.g5.12xlarge', ttft: '2' })],
    }));
    const { code, out, err } = await runMain(['recommend', AI_JOB]);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(oneLine(err)).toMatch(/^sagemaker-fleet: none of the 2 recommendations of recommendation job 'qwen3-recs' can become a pool: recommendation 1 \(ml.g6.12xlarge\): it has no model package .* · recommendation 2 \(ml.g5.12xlarge\): it has no model package/);
  });

  test('a completed job without recommendations: exit 1', async () => {
    mocks.sagemaker.on(DescribeAIRecommendationJobCommand).resolves(aiJob({ Recommendations: [] }));
    const { code, err } = await runMain(['recommend', AI_JOB]);
    expect(code).toBe(1);
    expect(oneLine(err)).toBe("sagemaker-fleet: recommendation job 'qwen3-recs' completed without recommendations.");
  });

  test('Inference Recommender results have no memory per copy: --inference-components explains why nothing fits', async () => {
    mocks.sagemaker.on(DescribeAIRecommendationJobCommand).rejects(awsError('ResourceNotFound', 'Resource not found.'));
    mocks.sagemaker.on(DescribeInferenceRecommendationsJobCommand).resolves(legacyJob());
    const { code, err } = await runMain(['recommend', LEGACY_JOB, '--inference-components']);
    expect(code).toBe(1);
    expect(oneLine(err)).toContain('Inference Recommender results give no memory per model copy, which an inference component needs '
      + '(ComputeResourceRequirements.MinMemoryRequiredInMb)');
    expect(err).not.toContain('DeploymentConfiguration');
  });

  test('no such job: exit 3', async () => {
    mocks.sagemaker.on(DescribeAIRecommendationJobCommand).rejects(awsError('ResourceNotFound', 'Resource not found.'));
    mocks.sagemaker.on(DescribeInferenceRecommendationsJobCommand).rejects(awsError('ResourceNotFound', 'Resource not found.'));
    const { code, err } = await runMain(['recommend', 'missing-job']);
    expect(code).toBe(3);
    expect(oneLine(err)).toMatch(/no AI recommendation job or Inference Recommender job named 'missing-job' in us-east-1/);
  });

  test('--order naming a type the job did not recommend: exit 2', async () => {
    mocks.sagemaker.on(DescribeAIRecommendationJobCommand).resolves(aiJob());
    const { code, out, err } = await runMain(['recommend', AI_JOB, '--order', 'ml.p4d.24xlarge']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(oneLine(err)).toMatch(/^sagemaker-fleet: --order: ml.p4d.24xlarge is not among the usable recommendations of job qwen3-recs/);
  });
});
