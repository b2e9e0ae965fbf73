import 'aws-sdk-client-mock-jest';
import { DescribeAIRecommendationJobCommand, DescribeInferenceRecommendationsJobCommand } from '@aws-sdk/client-sagemaker';
import { AI_JOB, aiJob, LEGACY_JOB, legacyJob } from './jobs';
import { FleetError } from '../../../bin/fleet/errors';
import { readRecommendationJob } from '../../../bin/fleet/recommend/read-job';
import { awsError, REGION, sdkMocks, testApi } from '../fixtures';

const mocks = sdkMocks();
beforeEach(() => mocks.sagemaker.reset());

const notFound = () => awsError('ResourceNotFound', 'Resource not found.');

/** The FleetError the read fails with. */
async function failure(read: Promise<unknown>): Promise<FleetError> {
  const error = await read.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof FleetError)) throw new Error(`expected a FleetError, got ${String(error)}`);
  return error;
}

describe('readRecommendationJob', () => {
  test('auto: an AI recommendation job is read first', async () => {
    mocks.sagemaker.on(DescribeAIRecommendationJobCommand, { AIRecommendationJobName: AI_JOB }).resolves(aiJob());
    const job = await readRecommendationJob(testApi(), AI_JOB, 'auto', REGION);
    expect(job.kind).toBe('ai-recommendation');
    expect(mocks.sagemaker).not.toHaveReceivedCommand(DescribeInferenceRecommendationsJobCommand);
  });

  test('auto: without an AI recommendation job by that name, the Inference Recommender job', async () => {
    mocks.sagemaker.on(DescribeAIRecommendationJobCommand).rejects(notFound());
    mocks.sagemaker.on(DescribeInferenceRecommendationsJobCommand, { JobName: LEGACY_JOB }).resolves(legacyJob());
    const job = await readRecommendationJob(testApi(), LEGACY_JOB, 'auto', REGION);
    expect(job.kind).toBe('inference-recommender');
  });

  test('auto: neither exists → not found, naming both kinds and the region', async () => {
    mocks.sagemaker.on(DescribeAIRecommendationJobCommand).rejects(notFound());
    mocks.sagemaker.on(DescribeInferenceRecommendationsJobCommand).rejects(notFound());
    const error = await failure(readRecommendationJob(testApi(), 'nope', 'auto', REGION));
    expect(error.kind).toBe('not-found');
    expect(error.message).toBe("no AI recommendation job or Inference Recommender job named 'nope' in us-east-1: check the name, --region and --profile.");
  });

  test('--job-type ai-recommendation never asks the Inference Recommender', async () => {
    mocks.sagemaker.on(DescribeAIRecommendationJobCommand).rejects(notFound());
    const error = await failure(readRecommendationJob(testApi(), 'nope', 'ai-recommendation', REGION));
    expect(error.message).toMatch(/^no AI recommendation job named 'nope'/);
    expect(mocks.sagemaker).not.toHaveReceivedCommand(DescribeInferenceRecommendationsJobCommand);
  });

  test('--job-type inference-recommender asks only the Inference Recommender', async () => {
    mocks.sagemaker.on(DescribeInferenceRecommendationsJobCommand).rejects(notFound());
    const error = await failure(readRecommendationJob(testApi(), 'nope', 'inference-recommender', REGION));
    expect(error.message).toMatch(/^no Inference Recommender job named 'nope'/);
    expect(mocks.sagemaker).not.toHaveReceivedCommand(DescribeAIRecommendationJobCommand);
  });

  test('access denied on the AI job is not taken for "no such job": it fails at once', async () => {
    mocks.sagemaker.on(DescribeAIRecommendationJobCommand).rejects(awsError('AccessDeniedException', 'not authorized to perform: sagemaker:DescribeAIRecommendationJob', 403));
    const error = await failure(readRecommendationJob(testApi(), AI_JOB, 'auto', REGION));
    expect(error.kind).toBe('access-denied');
    expect(error.message).toBe('access denied on DescribeAIRecommendationJob: not authorized to perform: sagemaker:DescribeAIRecommendationJob');
    expect(mocks.sagemaker).not.toHaveReceivedCommand(DescribeInferenceRecommendationsJobCommand);
  });
});
