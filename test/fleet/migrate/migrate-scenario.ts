/**
 * The endpoint `migrate` and `export` tests start from: made in the console, one variant on a single
 * ml.p5.48xlarge type, autoscaled (6 instances now, min 2, max 10), with data capture, a KMS key and tags, one
 * of them an `aws:` tag set by CloudFormation. Account 111122223333 and every name here are made up.
 */
import type { ScalableTarget, ScalingPolicy } from '@aws-sdk/client-application-auto-scaling';
import type { DescribeEndpointConfigOutput, DescribeEndpointOutput, Tag } from '@aws-sdk/client-sagemaker';
import type { EndpointSnapshot } from '../../../bin/fleet/snapshot/endpoint-snapshot';
import { ACCOUNT, ENDPOINT, P5, REGION } from '../scenario';

export const OLD_CONFIG = 'llm-endpoint-config-v1';
export const OLD_CONFIG_ARN = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:endpoint-config/${OLD_CONFIG}`;
export const ENDPOINT_ARN = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:endpoint/${ENDPOINT}`;
/** What newConfigName gives at NOW with random() = 0.5. */
export const NEW_CONFIG = 'llm-endpoint-pools-20261126-100000-8000';
export const MODEL = 'qwen3-fp16';
export const KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
export const RESOURCE_ID = `endpoint/${ENDPOINT}/variant/AllTraffic`;

export function singleTypeEndpoint(extra: Partial<DescribeEndpointOutput> = {}): DescribeEndpointOutput {
  return {
    EndpointName: ENDPOINT,
    EndpointArn: ENDPOINT_ARN,
    EndpointConfigName: OLD_CONFIG,
    EndpointStatus: 'InService',
    CreationTime: new Date('2026-10-01T08:00:00Z'),
    LastModifiedTime: new Date('2026-11-20T09:00:00Z'),
    ProductionVariants: [{
      VariantName: 'AllTraffic', CurrentWeight: 1, DesiredWeight: 1, CurrentInstanceCount: 6, DesiredInstanceCount: 6,
      DeployedImages: [],
    }],
    ...extra,
  };
}

export function singleTypeConfig(extra: Partial<DescribeEndpointConfigOutput> = {}): DescribeEndpointConfigOutput {
  return {
    EndpointConfigName: OLD_CONFIG,
    EndpointConfigArn: OLD_CONFIG_ARN,
    CreationTime: new Date('2026-10-01T07:55:00Z'),
    ProductionVariants: [{
      VariantName: 'AllTraffic',
      ModelName: MODEL,
      InitialInstanceCount: 2,
      InstanceType: P5,
      InitialVariantWeight: 1,
      ContainerStartupHealthCheckTimeoutInSeconds: 900,
      ModelDataDownloadTimeoutInSeconds: 1200,
    }],
    DataCaptureConfig: {
      EnableCapture: true, InitialSamplingPercentage: 10, DestinationS3Uri: 's3://llm-capture/endpoint/',
      CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }],
    },
    KmsKeyId: KEY_ARN,
    ...extra,
  };
}

export const CONFIG_TAGS: Tag[] = [
  { Key: 'team', Value: 'inference' },
  { Key: 'cost-center', Value: 'ml-42' },
  { Key: 'aws:cloudformation:stack-name', Value: 'legacy-llm' },
];

export const TARGET: ScalableTarget = {
  ServiceNamespace: 'sagemaker', ResourceId: RESOURCE_ID, ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
  MinCapacity: 2, MaxCapacity: 10, RoleARN: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/sagemaker.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_SageMakerEndpoint`,
  CreationTime: new Date('2026-10-01T08:30:00Z'),
};

export const INVOCATIONS_POLICY: ScalingPolicy = {
  PolicyARN: `arn:aws:autoscaling:${REGION}:${ACCOUNT}:scalingPolicy:1f2e:resource/sagemaker/${RESOURCE_ID}:policyName/InvocationsPerInstance`,
  PolicyName: 'InvocationsPerInstance',
  ServiceNamespace: 'sagemaker',
  ResourceId: RESOURCE_ID,
  ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
  PolicyType: 'TargetTrackingScaling',
  TargetTrackingScalingPolicyConfiguration: {
    TargetValue: 120,
    PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance' },
    ScaleInCooldown: 600,
    ScaleOutCooldown: 60,
  },
  CreationTime: new Date('2026-10-01T08:31:00Z'),
};

/** What readEndpointSnapshot returns for the scenario endpoint. */
export function scenarioSnapshot(extra: Partial<EndpointSnapshot> = {}): EndpointSnapshot {
  return {
    region: REGION,
    endpoint: singleTypeEndpoint(),
    config: singleTypeConfig(),
    unknownConfigMembers: [],
    configTags: CONFIG_TAGS,
    endpointTags: CONFIG_TAGS.slice(0, 1),
    scaling: [{ variantName: 'AllTraffic', resourceId: RESOURCE_ID, target: TARGET, policies: [INVOCATIONS_POLICY] }],
    ...extra,
  };
}
