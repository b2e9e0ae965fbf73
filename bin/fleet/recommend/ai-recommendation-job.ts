import type { AIRecommendation, DescribeAIRecommendationJobResponse } from '@aws-sdk/client-sagemaker';
import { Candidate, Direction, JobState, numericValue, ObjectiveMetric, RecommendationJob } from './recommendation-job';
import { iso, str } from '../collect/convert';

/**
 * The performance objectives a job can name (AIRecommendationConstraint.Metric, SageMaker API reference:
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_AIRecommendationConstraint.html) and which way is better.
 */
const OBJECTIVE_DIRECTIONS: Readonly<Record<string, Direction>> = { 'ttft-ms': 'lower', 'throughput': 'higher', 'cost': 'lower' };

const STATES: Readonly<Record<string, JobState>> = {
  Completed: 'completed', InProgress: 'running', Stopping: 'running', Failed: 'failed', Stopped: 'stopped',
};

/** A DescribeAIRecommendationJob answer as a RecommendationJob. */
export function fromAiRecommendationJob(response: DescribeAIRecommendationJobResponse, requestedName: string): RecommendationJob {
  const status = response.AIRecommendationJobStatus ?? 'Unknown';
  const constraints = response.PerformanceTarget?.Constraints ?? [];
  const metrics: ObjectiveMetric[] = [];
  const notes: string[] = [];
  for (const c of constraints) {
    const name = c.Metric ?? '';
    const direction = OBJECTIVE_DIRECTIONS[name];
    if (direction && !metrics.some((m) => m.name === name)) metrics.push({ name, direction });
    else if (!direction) notes.push(`the job's performance target names '${name}', which this tool cannot rank by`);
  }
  const packageGroup = str(response.OutputConfig?.ModelPackageGroupIdentifier);
  const candidates = (response.Recommendations ?? []).map((r, i) => candidate(r, i + 1, packageGroup));
  for (const c of candidates) {
    const adapters = adapterIds(response.Recommendations?.[c.index - 1]);
    if (adapters.length > 0) {
      notes.push(`recommendation ${c.index} serves LoRA adapters (${adapters.join(', ')}) next to the base model: the code `
        + 'below deploys the base model only; add one inference component per adapter');
    }
  }
  return {
    kind: 'ai-recommendation',
    name: response.AIRecommendationJobName ?? requestedName,
    arn: str(response.AIRecommendationJobArn),
    status,
    state: STATES[status] ?? 'other',
    failureReason: str(response.FailureReason),
    createdAt: iso(response.CreationTime),
    endedAt: iso(response.EndTime),
    objective: {
      source: 'performance-target',
      metrics,
      reason: metrics.length === 0 ? 'the job names no performance objective it can be ranked by' : null,
    },
    candidates,
    notes,
  };
}

function candidate(r: AIRecommendation, index: number, packageGroup: string | null): Candidate {
  const deployment = r.DeploymentConfiguration ?? {};
  const details = r.ModelDetails?.InstanceDetails ?? [];
  const missing: string[] = [];

  // The deployment configuration names the type; the model details may list it too (and, in principle, several).
  const listed = [...new Set(details.map((d) => d.InstanceType).filter((t): t is NonNullable<typeof t> => Boolean(t)))];
  let instanceType: string | null = str(deployment.InstanceType);
  if (!instanceType && listed.length === 1) instanceType = listed[0];
  if (!instanceType) {
    missing.push(listed.length > 1
      ? `it lists several instance types (${listed.join(', ')}) and no DeploymentConfiguration.InstanceType to choose one`
      : 'it names no instance type (DeploymentConfiguration.InstanceType)');
  }
  const detail = details.find((d) => d.InstanceType === instanceType);

  const modelPackageArn = str(r.ModelDetails?.ModelPackageArn);
  if (!modelPackageArn) {
    missing.push('it has no model package (ModelDetails.ModelPackageArn): the job registers deployable model packages in the '
      + `model package group of its OutputConfig.ModelPackageGroupIdentifier (${packageGroup ? `'${packageGroup}'` : 'not set for this job'}); `
      + 'without one, deploy DeploymentConfiguration (ImageUri, S3 data, environment) yourself');
  }
  return {
    index,
    instanceType,
    instanceCount: deployment.InstanceCount ?? detail?.InstanceCount ?? null,
    copiesPerInstance: deployment.CopyCountPerInstance ?? detail?.CopyCountPerInstance ?? null,
    modelPackageArn,
    inferenceSpecificationName: str(r.ModelDetails?.InferenceSpecificationName),
    environment: { ...(deployment.EnvironmentVariables ?? {}) },
    minMemoryMiB: deployment.MinCpuMemoryRequiredInMb ?? null,
    performance: (r.ExpectedPerformance ?? []).map((p) => ({
      metric: p.Metric ?? '',
      stat: str(p.Stat),
      value: numericValue(p.Value),
      reported: p.Value ?? '',
      unit: str(p.Unit),
    })),
    description: str(r.RecommendationDescription),
    missing,
  };
}

function adapterIds(r: AIRecommendation | undefined): string[] {
  const details = r?.AdapterDetails;
  const ids = [...(details?.ModelPackageArns ?? []), ...(details?.S3Uris ?? [])].map((a) => a.AdapterId).filter((id): id is string => Boolean(id));
  return [...new Set(ids)];
}
