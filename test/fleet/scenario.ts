/**
 * Plain test data and fakes, with no SDK at run time so that pure tests load fast. The featured scenario: an
 * endpoint on two instance pools, ml.p5.48xlarge preferred and ml.g6.48xlarge fallback, with weighted target
 * tracking. Account 111122223333 and every name here are made up.
 */
import type { ScalingActivity, ScalingPolicy } from '@aws-sdk/client-application-auto-scaling';
import type { DescribeEndpointConfigOutput, DescribeEndpointOutput, ProductionVariantSummary } from '@aws-sdk/client-sagemaker';
import type { OutputStream, Runtime } from '../../bin/fleet/runtime';

export const ENDPOINT = 'llm-endpoint';
export const ACCOUNT = '111122223333';
export const REGION = 'us-east-1';
export const CONFIG = 'LlmEndpointConfig-3f9a1c';
export const VARIANT_RESOURCE = `endpoint/${ENDPOINT}/variant/AllTraffic`;
/** "Now" for every test: 2026-11-26 10:00 UTC. */
export const NOW = Date.parse('2026-11-26T10:00:00Z');

export const P5 = 'ml.p5.48xlarge';
export const G6 = 'ml.g6.48xlarge';

export function pooledVariant(p5: number, g6: number, extra: Partial<ProductionVariantSummary> = {}): ProductionVariantSummary {
  return {
    VariantName: 'AllTraffic',
    CurrentWeight: 1,
    DesiredWeight: 1,
    CurrentInstanceCount: p5 + g6,
    DesiredInstanceCount: p5 + g6,
    // SageMaker's order is not the priority order: the fallback pool comes first here on purpose.
    InstancePools: [{ InstanceType: G6, CurrentInstanceCount: g6 }, { InstanceType: P5, CurrentInstanceCount: p5 }],
    ...extra,
  };
}

export function describeEndpoint(extra: Partial<DescribeEndpointOutput> = {}): DescribeEndpointOutput {
  return {
    EndpointName: ENDPOINT,
    EndpointArn: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:endpoint/${ENDPOINT}`,
    EndpointConfigName: CONFIG,
    EndpointStatus: 'InService',
    CreationTime: new Date('2026-11-20T09:12:00Z'),
    LastModifiedTime: new Date('2026-11-26T09:41:00Z'),
    ProductionVariants: [pooledVariant(4, 2)],
    ...extra,
  };
}

export function endpointConfig(name = CONFIG, extra: Partial<DescribeEndpointConfigOutput> = {}): DescribeEndpointConfigOutput {
  return {
    EndpointConfigName: name,
    EndpointConfigArn: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:endpoint-config/${name.toLowerCase()}`,
    ProductionVariants: [{
      VariantName: 'AllTraffic',
      ModelName: 'Fp16Model-9c1e2a',
      InstancePools: [
        { InstanceType: P5, Priority: 1 },
        { InstanceType: G6, Priority: 2, ModelNameOverride: 'Int4Model-77d0b3' },
      ],
      RoutingConfig: { RoutingStrategy: 'LEAST_OUTSTANDING_REQUESTS' },
    }],
    CreationTime: new Date('2026-11-26T09:30:00Z'),
    ...extra,
  };
}

export const WEIGHTED_POLICY: ScalingPolicy = {
  PolicyARN: `arn:aws:autoscaling:${REGION}:${ACCOUNT}:scalingPolicy:0d5c7f4e:resource/sagemaker/${VARIANT_RESOURCE}:policyName/WeightedUtilization`,
  PolicyName: 'WeightedUtilization',
  ServiceNamespace: 'sagemaker',
  ResourceId: VARIANT_RESOURCE,
  ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
  PolicyType: 'TargetTrackingScaling',
  TargetTrackingScalingPolicyConfiguration: {
    TargetValue: 0.7,
    CustomizedMetricSpecification: {
      Metrics: [
        { Id: 'p5', ReturnData: false, MetricStat: { Stat: 'Average', Metric: { Namespace: 'AWS/SageMaker', MetricName: 'ConcurrentRequestsPerModel' } } },
        { Id: 'g6', ReturnData: false, MetricStat: { Stat: 'Average', Metric: { Namespace: 'AWS/SageMaker', MetricName: 'ConcurrentRequestsPerModel' } } },
        { Id: 'utilization', Expression: '(FILL(p5, 0) / 20 + FILL(g6, 0) / 8) / 2', ReturnData: true },
      ],
    },
    ScaleOutCooldown: 60,
    ScaleInCooldown: 300,
  },
  CreationTime: new Date('2026-11-20T09:40:00Z'),
};

export const ACTIVITIES: ScalingActivity[] = [
  {
    ActivityId: 'a1', ServiceNamespace: 'sagemaker', ResourceId: VARIANT_RESOURCE, ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
    Description: 'Setting desired instance count to 6.',
    Cause: 'monitor alarm TargetTracking-endpoint/llm-endpoint/variant/AllTraffic-AlarmHigh-5e0b in state ALARM triggered policy WeightedUtilization',
    StartTime: new Date('2026-11-26T09:41:00Z'), EndTime: new Date('2026-11-26T09:52:00Z'), StatusCode: 'Successful',
    StatusMessage: 'Successfully set desired instance count to 6. Change successfully fulfilled by sagemaker.',
  },
  {
    ActivityId: 'a0', ServiceNamespace: 'sagemaker', ResourceId: VARIANT_RESOURCE, ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
    Description: 'Setting desired instance count to 4.',
    Cause: 'monitor alarm TargetTracking-endpoint/llm-endpoint/variant/AllTraffic-AlarmLow-91c2 in state ALARM triggered policy WeightedUtilization',
    StartTime: new Date('2026-11-26T06:05:00Z'), EndTime: new Date('2026-11-26T06:11:00Z'), StatusCode: 'Successful',
  },
];

// ---------------------------------------------------------------------------------------------------------
// Errors

/** An error shaped like the ones the SDK throws for an AWS error response. */
export function awsError(name: string, message: string, status = 400, fault: 'client' | 'server' = 'client'): Error {
  return Object.assign(new Error(message), { name, $fault: fault, $metadata: { httpStatusCode: status } });
}

/** An error shaped like Node's for a failed connection. */
export function networkError(code: string, hostname = 'api.sagemaker.us-east-1.amazonaws.com'): Error {
  return Object.assign(new Error(`getaddrinfo ${code} ${hostname}`), { code, hostname, $metadata: { attempts: 1 } });
}

// ---------------------------------------------------------------------------------------------------------
// Runtime fakes

export interface CapturedStream extends OutputStream {
  readonly text: () => string;
}

export function capture(isTTY = false): CapturedStream {
  const chunks: string[] = [];
  return { isTTY, write: (chunk: string) => chunks.push(chunk), text: () => chunks.join('') };
}

export interface FakeRuntime extends Runtime {
  readonly stdout: CapturedStream;
  readonly stderr: CapturedStream;
  /** Every sleep, in milliseconds; sleeping advances the clock by that much. */
  readonly sleeps: number[];
}

/** A clock that starts at NOW and only moves when the code under test sleeps. */
export function fakeRuntime(options: { tty?: boolean; start?: number } = {}): FakeRuntime {
  let clock = options.start ?? NOW;
  const sleeps: number[] = [];
  return {
    stdout: capture(options.tty),
    stderr: capture(),
    sleeps,
    now: () => clock,
    sleep: async (ms: number) => { sleeps.push(ms); clock += ms; },
    random: () => 0.5,
  };
}
