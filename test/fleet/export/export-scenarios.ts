/**
 * Live endpoints for the export tests, besides the single-instance-type one of migrate-scenario.ts.
 */
import { ScalableTarget, ScalableTarget$, ScalingPolicy, ScalingPolicy$ } from '@aws-sdk/client-application-auto-scaling';
import {
  DeploymentConfig, DeploymentConfig$, DescribeEndpointConfigOutput, DescribeEndpointConfigOutput$, ProductionVariant, ProductionVariant$,
} from '@aws-sdk/client-sagemaker';
import type { EndpointSnapshot } from '../../../bin/fleet/snapshot/endpoint-snapshot';
import { INVOCATIONS_POLICY, RESOURCE_ID, scenarioSnapshot, singleTypeConfig, singleTypeEndpoint, TARGET } from '../migrate/migrate-scenario';
import { ACCOUNT, G6, P5, REGION } from '../scenario';
import { sample } from '../sdk-samples';

export const SUCCESS_TOPIC = `arn:aws:sns:${REGION}:${ACCOUNT}:llm-async-done`;
export const ERROR_TOPIC = `arn:aws:sns:${REGION}:${ACCOUNT}:llm-async-failed`;
export const OUTPUT_KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/0f1e2d3c-aaaa-bbbb-cccc-000011112222`;

const CONCURRENCY_POLICY: ScalingPolicy = {
  ...INVOCATIONS_POLICY,
  PolicyName: 'ConcurrentRequests',
  TargetTrackingScalingPolicyConfiguration: {
    TargetValue: 6,
    PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantConcurrentRequestsPerModelHighResolution' },
    ScaleInCooldown: 300,
    ScaleOutCooldown: 60,
  },
};

/** Already on pools (its own model on the fallback), least-outstanding-requests, rolling deployments, two policies. */
export function pooledSnapshot(): EndpointSnapshot {
  const config: DescribeEndpointConfigOutput = singleTypeConfig({
    ProductionVariants: [{
      VariantName: 'AllTraffic', ModelName: 'qwen3-fp16', InitialInstanceCount: 2, InitialVariantWeight: 1,
      InstancePools: [{ InstanceType: P5, Priority: 1 }, { InstanceType: G6, Priority: 2, ModelNameOverride: 'qwen3-int4' }],
      RoutingConfig: { RoutingStrategy: 'LEAST_OUTSTANDING_REQUESTS' },
      VariantInstanceProvisionTimeoutInSeconds: 1800,
    }],
  });
  return scenarioSnapshot({
    config,
    endpoint: singleTypeEndpoint({
      LastDeploymentConfig: {
        RollingUpdatePolicy: {
          MaximumBatchSize: { Type: 'CAPACITY_PERCENT', Value: 20 }, WaitIntervalInSeconds: 300,
          MaximumExecutionTimeoutInSeconds: 7200, RollbackMaximumBatchSize: { Type: 'INSTANCE_COUNT', Value: 1 },
        },
        AutoRollbackConfiguration: { Alarms: [{ AlarmName: 'llm-5xx' }] },
      },
    }),
    scaling: [{ variantName: 'AllTraffic', resourceId: RESOURCE_ID, target: TARGET, policies: [CONCURRENCY_POLICY, INVOCATIONS_POLICY] }],
  });
}

/** Asynchronous: output without a trailing slash and without a failure path (the library writes both otherwise). */
export function asyncSnapshot(representable = false): EndpointSnapshot {
  const config = singleTypeConfig({
    KmsKeyId: undefined,
    DataCaptureConfig: undefined,
    AsyncInferenceConfig: representable ? {
      OutputConfig: {
        S3OutputPath: 's3://llm-async/out/', S3FailurePath: 's3://llm-async-errors/failed/', KmsKeyId: OUTPUT_KEY,
        NotificationConfig: { SuccessTopic: SUCCESS_TOPIC, ErrorTopic: ERROR_TOPIC },
      },
      ClientConfig: { MaxConcurrentInvocationsPerInstance: 4 },
    } : {
      OutputConfig: {
        S3OutputPath: 's3://llm-async/out',
        NotificationConfig: { SuccessTopic: SUCCESS_TOPIC, IncludeInferenceResponseIn: ['SUCCESS_NOTIFICATION_TOPIC'] },
      },
    },
  });
  const backlog: ScalingPolicy = {
    ...INVOCATIONS_POLICY,
    PolicyName: 'Backlog',
    TargetTrackingScalingPolicyConfiguration: {
      TargetValue: 5,
      CustomizedMetricSpecification: {
        MetricName: 'ApproximateBacklogSizePerInstance', Namespace: 'AWS/SageMaker', Statistic: 'Average',
        Dimensions: [{ Name: 'EndpointName', Value: 'llm-endpoint' }],
      },
      ScaleInCooldown: 600,
      ScaleOutCooldown: 120,
    },
  };
  return scenarioSnapshot({ config, scaling: [{ variantName: 'AllTraffic', resourceId: RESOURCE_ID, target: TARGET, policies: [backlog] }] });
}

/**
 * Every member the SDK knows, set: the config (a second production variant and a shadow variant with everything,
 * the chosen one without ServerlessConfig), the last deployment config, a scalable target with every policy
 * configuration. Made for the type check, not for SageMaker (the strings are placeholders).
 */
export function everythingSnapshot(): EndpointSnapshot {
  const config = sample(DescribeEndpointConfigOutput$) as DescribeEndpointConfigOutput;
  const full = sample(ProductionVariant$) as ProductionVariant;
  const { ServerlessConfig: _serverless, InstanceType: _single, ...main } = { ...full, VariantName: 'AllTraffic' };
  const policy = { ...(sample(ScalingPolicy$) as ScalingPolicy), PolicyType: 'TargetTrackingScaling' as const };
  return scenarioSnapshot({
    config: { ...config, EndpointConfigName: 'everything', ProductionVariants: [main, { ...full, VariantName: 'Other' }] },
    endpoint: singleTypeEndpoint({ LastDeploymentConfig: sample(DeploymentConfig$) as DeploymentConfig }),
    scaling: [{ variantName: 'AllTraffic', resourceId: RESOURCE_ID, target: sample(ScalableTarget$) as ScalableTarget, policies: [policy] }],
  });
}
