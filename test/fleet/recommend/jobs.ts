/**
 * Recommendation jobs as the SageMaker API answers them, for the `recommend` tests. The featured AI job ranks by
 * time to first token and has eight recommendations: six distinct instance types with a model package (one more
 * than a variant holds), a second, slower build for ml.g6e.12xlarge, and one without a model package. Every name
 * and account here is made up.
 */
import type {
  AIRecommendation, DescribeAIRecommendationJobResponse, DescribeInferenceRecommendationsJobResponse, InferenceRecommendation,
} from '@aws-sdk/client-sagemaker';

export const AI_JOB = 'qwen3-recs';
export const LEGACY_JOB = 'qwen3-ir-default';
export const PACKAGE_GROUP = 'arn:aws:sagemaker:us-east-1:111122223333:model-package-group/qwen3-recs';
export const packageArn = (version: number): string => `arn:aws:sagemaker:us-east-1:111122223333:model-package/qwen3-recs/${version}`;

interface Rec {
  readonly type: string;
  readonly pkg?: number;
  readonly spec?: string;
  readonly ttft?: string;
  readonly throughput?: string;
  readonly count?: number;
  readonly copies?: number;
  readonly memory?: number;
  readonly tp?: string;
}

export function aiRecommendation(r: Rec): AIRecommendation {
  return {
    RecommendationDescription: `Qwen3-4B on ${r.type}`,
    ModelDetails: {
      ModelPackageArn: r.pkg === undefined ? undefined : packageArn(r.pkg),
      InferenceSpecificationName: r.spec,
      InstanceDetails: [{ InstanceType: r.type as never, InstanceCount: r.count ?? 1, CopyCountPerInstance: r.copies ?? 1 }],
    },
    DeploymentConfiguration: {
      ImageUri: '763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.36.0-lmi23.0.0-cu129',
      InstanceType: r.type as never,
      InstanceCount: r.count ?? 1,
      CopyCountPerInstance: r.copies ?? 1,
      EnvironmentVariables: { OPTION_TENSOR_PARALLEL_DEGREE: r.tp ?? '4', OPTION_MAX_MODEL_LEN: '16384' },
      MinCpuMemoryRequiredInMb: r.memory ?? 16384,
    },
    ExpectedPerformance: [
      ...(r.ttft ? [{ Metric: 'ttft-ms', Stat: 'p50', Value: r.ttft, Unit: 'ms' }] : []),
      { Metric: 'throughput', Stat: 'average', Value: r.throughput ?? '512.0', Unit: 'tokens/second' },
    ],
    AIBenchmarkJobArn: 'arn:aws:sagemaker:us-east-1:111122223333:ai-benchmark-job/qwen3-recs-bench',
  };
}

/** In the job's order; ranked by ttft: p5 (95.2), g6e.24 (150), g6e.12 (182.4; its second build 240), g6.48, g6.12, g5.48. */
export const FEATURED_RECOMMENDATIONS: readonly Rec[] = [
  { type: 'ml.g6e.12xlarge', pkg: 1, spec: 'g6e-12xlarge-tp4', ttft: '182.4', memory: 24576 },
  { type: 'ml.g6.12xlarge', pkg: 2, spec: 'g6-12xlarge-tp4', ttft: '311.0' },
  { type: 'ml.p5.48xlarge', pkg: 3, spec: 'p5-48xlarge-tp4', ttft: '95.2', copies: 2 },
  { type: 'ml.g6e.12xlarge', pkg: 4, spec: 'g6e-12xlarge-tp4-spec-decoding', ttft: '240.0' },
  { type: 'ml.g5.48xlarge', pkg: 5, spec: 'g5-48xlarge-tp8', ttft: '402.7', tp: '8' },
  { type: 'ml.g6.48xlarge', pkg: 6, spec: 'g6-48xlarge-tp8', ttft: '288.1', tp: '8' },
  { type: 'ml.g5.12xlarge', ttft: '350.0' },
  { type: 'ml.g6e.24xlarge', pkg: 8, spec: 'g6e-24xlarge-tp4', ttft: '150.3', count: 2 },
];

export function aiJob(extra: Partial<DescribeAIRecommendationJobResponse> = {},
  recommendations: readonly Rec[] = FEATURED_RECOMMENDATIONS): DescribeAIRecommendationJobResponse {
  return {
    AIRecommendationJobName: AI_JOB,
    AIRecommendationJobArn: `arn:aws:sagemaker:us-east-1:111122223333:ai-recommendation-job/${AI_JOB}`,
    AIRecommendationJobStatus: 'Completed',
    ModelSource: { S3: { S3Uri: 's3://amzn-s3-demo-bucket/models/qwen3-4b/' } },
    OutputConfig: { S3OutputLocation: 's3://amzn-s3-demo-bucket/recommendations/', ModelPackageGroupIdentifier: PACKAGE_GROUP },
    AIWorkloadConfigIdentifier: 'chat-workload',
    PerformanceTarget: { Constraints: [{ Metric: 'ttft-ms' }] },
    Recommendations: recommendations.map(aiRecommendation),
    RoleArn: 'arn:aws:iam::111122223333:role/RecommendationRole',
    CreationTime: new Date('2026-11-24T06:00:00Z'),
    StartTime: new Date('2026-11-24T06:01:00Z'),
    EndTime: new Date('2026-11-24T08:10:00Z'),
    ...extra,
  };
}

export function legacyRecommendation(type: string | undefined, costPerInference: number, extra: Partial<InferenceRecommendation> = {}): InferenceRecommendation {
  return {
    RecommendationId: `${LEGACY_JOB}/${type ?? 'serverless'}`,
    Metrics: { CostPerHour: 1.2, CostPerInference: costPerInference, MaxInvocations: 648, ModelLatency: 263, CpuUtilization: Number.NaN },
    EndpointConfiguration: {
      EndpointName: `${LEGACY_JOB}-ep`, VariantName: 'AllTraffic', InstanceType: type as never, InitialInstanceCount: type ? 1 : undefined,
      ServerlessConfig: type ? undefined : { MemorySizeInMB: 4096, MaxConcurrency: 5 },
    },
    ModelConfiguration: { InferenceSpecificationName: 'default', EnvironmentParameters: [{ Key: 'OMP_NUM_THREADS', ValueType: 'string', Value: '4' }] },
    ...extra,
  };
}

export function legacyJob(extra: Partial<DescribeInferenceRecommendationsJobResponse> = {}): DescribeInferenceRecommendationsJobResponse {
  return {
    JobName: LEGACY_JOB,
    JobType: 'Default',
    JobArn: `arn:aws:sagemaker:us-east-1:111122223333:inference-recommendations-job/${LEGACY_JOB}`,
    RoleArn: 'arn:aws:iam::111122223333:role/RecommenderRole',
    Status: 'COMPLETED',
    CreationTime: new Date('2026-11-20T10:00:00Z'),
    CompletionTime: new Date('2026-11-20T10:44:00Z'),
    LastModifiedTime: new Date('2026-11-20T10:44:00Z'),
    InputConfig: { ModelPackageVersionArn: packageArn(11) },
    InferenceRecommendations: [
      legacyRecommendation('ml.g5.xlarge', 0.0000052),
      legacyRecommendation('ml.g4dn.xlarge', 0.0000041),
      legacyRecommendation(undefined, 0.0000012),
      legacyRecommendation('ml.g5.xlarge', 0.0000049, {
        ModelConfiguration: { InferenceSpecificationName: 'default', EnvironmentParameters: [{ Key: 'OMP_NUM_THREADS', ValueType: 'string', Value: '8' }] },
      }),
    ],
    ...extra,
  };
}
