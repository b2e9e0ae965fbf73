/**
 * Ready-made reports (the output of the collector) for renderer and command tests, matching the featured
 * scenario in fixtures.ts: 4 × ml.p5.48xlarge (priority 1) + 2 × ml.g6.48xlarge (priority 2) with weighted
 * target tracking.
 */
import { FleetStatus, InferenceComponentReport, PoolReport, RegisteredScaling, VariantReport } from '../../bin/fleet/model';

export function pool(priority: number | null, instanceType: string, count: number, share: number, fallback: boolean): PoolReport {
  return { priority, instanceType, count, share, fallback, modelNameOverride: null };
}

export const REGISTERED_SCALING: RegisteredScaling = {
  state: 'registered',
  resourceId: 'endpoint/llm-endpoint/variant/AllTraffic',
  scalableDimension: 'sagemaker:variant:DesiredInstanceCount',
  minCapacity: 2,
  maxCapacity: 10,
  desiredCapacity: 6,
  suspended: [],
  policies: [{
    name: 'WeightedUtilization', type: 'TargetTrackingScaling', targetValue: 0.7,
    metric: 'metric math: (FILL(p5, 0) / 20 + FILL(g6, 0) / 8) / 2 (2 metrics)',
    scaleOutCooldownSeconds: 60, scaleInCooldownSeconds: 300, disableScaleIn: false,
  }],
  activities: [{
    startTime: '2026-11-26T09:41:00.000Z', endTime: '2026-11-26T09:52:00.000Z', status: 'Successful',
    description: 'Setting desired instance count to 6.', cause: 'monitor alarm AlarmHigh in state ALARM triggered policy WeightedUtilization',
    statusMessage: null,
  }],
};

export function variant(extra: Partial<VariantReport> = {}): VariantReport {
  return {
    name: 'AllTraffic', role: 'production', currentInstanceCount: 6, desiredInstanceCount: 6, currentWeight: 1, desiredWeight: 1,
    instancePools: true, serverless: false, prioritySource: 'endpoint-config',
    pools: [pool(1, 'ml.p5.48xlarge', 4, 0.6667, false), pool(2, 'ml.g6.48xlarge', 2, 0.3333, true)],
    fallback: true, fallbackInstanceCount: 2, stages: [], managedInstanceScaling: null, scaling: REGISTERED_SCALING,
    ...extra,
  };
}

export function component(extra: Partial<InferenceComponentReport> = {}): InferenceComponentReport {
  return {
    name: 'llm-ic', variantName: 'AllTraffic', status: 'InService', failureReason: null, currentCopyCount: 3, desiredCopyCount: 4,
    prioritySource: 'endpoint-config', placement: [pool(1, 'ml.p5.48xlarge', 3, 1, false), pool(2, 'ml.g6.48xlarge', 0, 0, false)],
    fallback: false, fallbackCopyCount: 0, scaling: { state: 'none' },
    ...extra,
  };
}

export function report(extra: Partial<FleetStatus> = {}, endpoint: Partial<FleetStatus['endpoint']> = {}): FleetStatus {
  return {
    schemaVersion: 1,
    observedAt: '2026-11-26T10:00:00.000Z',
    region: 'us-east-1',
    endpoint: {
      name: 'llm-endpoint', arn: 'arn:aws:sagemaker:us-east-1:111122223333:endpoint/llm-endpoint', status: 'InService', failureReason: null,
      endpointConfigName: 'LlmEndpointConfig-3f9a1c', creationTime: '2026-11-20T09:12:00.000Z', lastModifiedTime: '2026-11-26T09:41:00.000Z',
      ...endpoint,
    },
    fallback: true,
    variants: [variant()],
    pendingDeployment: null,
    inferenceComponents: [],
    warnings: [],
    ...extra,
  };
}
