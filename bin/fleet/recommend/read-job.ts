import { fromAiRecommendationJob } from './ai-recommendation-job';
import { fromInferenceRecommenderJob } from './inference-recommender-job';
import { JobType } from './recommend-args';
import { RecommendationJob } from './recommendation-job';
import { AwsApi } from '../aws';
import { FleetError } from '../errors';

/**
 * Reads the job from DescribeAIRecommendationJob or DescribeInferenceRecommendationsJob. With `auto`, an AI
 * recommendation job is looked for first and the older Inference Recommender only when there is none by that name
 * (the two APIs keep separate name spaces).
 */
export async function readRecommendationJob(api: AwsApi, name: string, jobType: JobType, region: string): Promise<RecommendationJob> {
  if (jobType !== 'inference-recommender') {
    try {
      return fromAiRecommendationJob(await api.describeAIRecommendationJob(name), name);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      if (jobType === 'ai-recommendation') throw notFound(name, 'AI recommendation job', region, error);
    }
  }
  try {
    return fromInferenceRecommenderJob(await api.describeInferenceRecommendationsJob(name), name);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    const what = jobType === 'auto' ? 'AI recommendation job or Inference Recommender job' : 'Inference Recommender job';
    throw notFound(name, what, region, error);
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof FleetError && error.kind === 'not-found';
}

function notFound(name: string, what: string, region: string, error: unknown): FleetError {
  return new FleetError('not-found', `no ${what} named '${name}' in ${region}: check the name, --region and --profile.`, error);
}
