import type { DescribeInferenceRecommendationsJobResponse, InferenceRecommendation } from '@aws-sdk/client-sagemaker';
import { Candidate, JobState, PerformanceValue, RecommendationJob } from './recommendation-job';
import { iso, str } from '../collect/convert';

const STATES: Readonly<Record<string, JobState>> = {
  COMPLETED: 'completed', PENDING: 'running', IN_PROGRESS: 'running', STOPPING: 'running', FAILED: 'failed', STOPPED: 'stopped',
};

/**
 * Inference Recommender jobs name no performance objective. They are ranked by CostPerInference, the metric
 * AWS points to for overall price performance ("Recommendation results",
 * https://docs.aws.amazon.com/sagemaker/latest/dg/inference-recommender-interpret-results.html).
 */
const DEFAULT_METRIC = 'CostPerInference';

/**
 * A DescribeInferenceRecommendationsJob answer as a RecommendationJob. Each recommendation is one endpoint
 * configuration (an instance type and count, or a serverless configuration) with the environment the job tuned;
 * the model package is the job's own (InputConfig.ModelPackageVersionArn). Per-copy memory and copies per
 * instance are not part of these results.
 */
export function fromInferenceRecommenderJob(response: DescribeInferenceRecommendationsJobResponse, requestedName: string): RecommendationJob {
  const status = response.Status ?? 'Unknown';
  const input = response.InputConfig;
  const packageArn = str(input?.ModelPackageVersionArn);
  const noPackage = packageArn ? null
    : `the job ran on ${input?.ModelName ? `model '${input.ModelName}'` : 'a model'} (InputConfig.ModelName), not on a versioned model `
      + 'package (InputConfig.ModelPackageVersionArn): a pool model here is built from a package and its inference specification';
  return {
    kind: 'inference-recommender',
    name: response.JobName ?? requestedName,
    arn: str(response.JobArn),
    status,
    state: STATES[status] ?? 'other',
    failureReason: str(response.FailureReason),
    createdAt: iso(response.CreationTime),
    endedAt: iso(response.CompletionTime),
    objective: {
      source: 'default',
      metrics: [{ name: DEFAULT_METRIC, direction: 'lower' }],
      reason: 'Inference Recommender jobs name no performance objective; CostPerInference is the metric AWS points to for price performance',
    },
    candidates: (response.InferenceRecommendations ?? []).map((r, i) => candidate(r, i + 1, packageArn, noPackage)),
    notes: [],
  };
}

function candidate(r: InferenceRecommendation, index: number, packageArn: string | null, noPackage: string | null): Candidate {
  const endpoint = r.EndpointConfiguration;
  const model = r.ModelConfiguration;
  const missing: string[] = [];
  const instanceType = str(endpoint?.InstanceType);
  if (!instanceType) {
    missing.push(endpoint?.ServerlessConfig
      ? 'it is a serverless configuration (ServerlessConfig): instance pools need an instance type'
      : 'it names no instance type (EndpointConfiguration.InstanceType)');
  }
  if (noPackage) missing.push(noPackage);
  const environment: Record<string, string> = {};
  for (const p of model?.EnvironmentParameters ?? []) if (p.Key) environment[p.Key] = p.Value ?? '';
  const m = r.Metrics ?? {};
  // Units as "Recommendation results" gives them (https://docs.aws.amazon.com/sagemaker/latest/dg/inference-recommender-interpret-results.html):
  // US dollars, InvokeEndpoint requests per minute, and ModelLatency in milliseconds.
  const performance: PerformanceValue[] = [
    metric('CostPerInference', m.CostPerInference, 'USD'),
    metric('CostPerHour', m.CostPerHour, 'USD'),
    metric('MaxInvocations', m.MaxInvocations, 'per minute'),
    metric('ModelLatency', m.ModelLatency, 'ms'),
  ].filter((p): p is PerformanceValue => p !== null);
  return {
    index,
    instanceType,
    instanceCount: endpoint?.InitialInstanceCount ?? null,
    copiesPerInstance: null,
    modelPackageArn: packageArn,
    inferenceSpecificationName: str(model?.InferenceSpecificationName),
    environment,
    minMemoryMiB: null,
    performance,
    description: str(r.RecommendationId),
    missing,
  };
}

function metric(name: string, value: number | undefined, unit: string | null): PerformanceValue | null {
  // The API documents NaN for values that are not available.
  if (value === undefined || !Number.isFinite(value)) return null;
  return { metric: name, stat: null, value, reported: String(value), unit };
}
