/**
 * The fleet report: what `status` prints as text and, unchanged, as `--json`. Field names are part of the
 * JSON contract (bump `schemaVersion` on a breaking change). Times are ISO-8601 strings, counts are numbers,
 * and "unknown" is always `null`, never a missing key.
 */
export const SCHEMA_VERSION = 1;

export interface FleetStatus {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  /** When this report was taken. */
  readonly observedAt: string;
  readonly region: string;
  readonly endpoint: EndpointInfo;
  /** True when any instance (or inference-component copy) runs on a pool other than priority 1. */
  readonly fallback: boolean;
  /** Live variants, production first, then shadow. */
  readonly variants: readonly VariantReport[];
  /** The deployment in progress (UpdateEndpoint), with the new fleet as it is being provisioned. */
  readonly pendingDeployment: PendingDeployment | null;
  /** Inference components hosted on this endpoint (empty for single-model endpoints). */
  readonly inferenceComponents: readonly InferenceComponentReport[];
  /** Parts of the report that could not be read (e.g. access denied to autoscaling), one line each. */
  readonly warnings: readonly string[];
  /** Present in `--watch` output only. */
  readonly watch?: WatchInfo;
}

export interface EndpointInfo {
  readonly name: string;
  readonly arn: string | null;
  /** Creating | Updating | SystemUpdating | RollingBack | InService | OutOfService | Deleting | Failed | UpdateRollbackFailed */
  readonly status: string;
  readonly failureReason: string | null;
  readonly endpointConfigName: string | null;
  readonly creationTime: string | null;
  readonly lastModifiedTime: string | null;
}

export interface WatchInfo {
  /** Seconds since `--watch` started. */
  readonly elapsedSeconds: number;
  /** Seconds since the current deployment started (creation or update), when known. */
  readonly deploymentElapsedSeconds: number | null;
}

/** Where pool priorities came from: the endpoint config (authoritative), or the order DescribeEndpoint returned. */
export type PrioritySource = 'endpoint-config' | 'response-order';

export interface PoolReport {
  /** 1 = preferred hardware. `null` for a pool SageMaker reports that the endpoint config does not list. */
  readonly priority: number | null;
  readonly instanceType: string;
  /** Instances (or, for inference components, copies) on this instance type right now. */
  readonly count: number;
  /** count / sum of counts over the variant's pools, 0..1 (0 when the fleet is empty). */
  readonly share: number;
  /** True when this pool is not priority 1 and has at least one instance. */
  readonly fallback: boolean;
  readonly modelNameOverride: string | null;
}

export interface VariantReport {
  readonly name: string;
  readonly role: 'production' | 'shadow' | 'pending';
  readonly currentInstanceCount: number | null;
  readonly desiredInstanceCount: number | null;
  readonly currentWeight: number | null;
  readonly desiredWeight: number | null;
  /** False for a classic variant with a single InstanceType (shown as one pool of priority 1) or a serverless one. */
  readonly instancePools: boolean;
  readonly serverless: boolean;
  readonly prioritySource: PrioritySource;
  /** In priority order. */
  readonly pools: readonly PoolReport[];
  readonly fallback: boolean;
  readonly fallbackInstanceCount: number;
  /** Deployment stages SageMaker reports (Creating, Updating, ActivatingTraffic, Baking ...). */
  readonly stages: readonly VariantStage[];
  readonly managedInstanceScaling: ManagedInstanceScaling | null;
  /** Application Auto Scaling on `endpoint/<name>/variant/<variant>`; `{ state: 'none' }` for pending and shadow variants. */
  readonly scaling: ScalingInfo;
}

export interface VariantStage {
  readonly status: string;
  readonly message: string | null;
  readonly startTime: string | null;
}

export interface ManagedInstanceScaling {
  readonly status: string | null;
  readonly minInstanceCount: number | null;
  readonly maxInstanceCount: number | null;
}

export interface PendingDeployment {
  readonly endpointConfigName: string | null;
  readonly startTime: string | null;
  readonly variants: readonly VariantReport[];
}

export type RegisteredScaling = { readonly state: 'registered' } & ScalingTarget;

export type ScalingInfo =
  | RegisteredScaling
  | { readonly state: 'none' }
  | { readonly state: 'unknown'; readonly reason: string };

export interface ScalingTarget {
  readonly resourceId: string;
  readonly scalableDimension: string;
  readonly minCapacity: number | null;
  readonly maxCapacity: number | null;
  /** From SageMaker: DesiredInstanceCount of the variant, DesiredCopyCount of an inference component. */
  readonly desiredCapacity: number | null;
  /** Suspended parts: 'scale-in', 'scale-out', 'scheduled'. */
  readonly suspended: readonly string[];
  /** `null` when the policies could not be read (see warnings). */
  readonly policies: readonly PolicyReport[] | null;
  /** Most recent first; `null` when they could not be read (see warnings). */
  readonly activities: readonly ActivityReport[] | null;
}

export interface PolicyReport {
  readonly name: string;
  /** TargetTrackingScaling | StepScaling | PredictiveScaling */
  readonly type: string;
  readonly targetValue: number | null;
  /** What the policy tracks, e.g. 'SageMakerVariantInvocationsPerInstance' or 'metric math: (p5 / 20 + g6 / 8) / 2'. */
  readonly metric: string | null;
  readonly scaleOutCooldownSeconds: number | null;
  readonly scaleInCooldownSeconds: number | null;
  readonly disableScaleIn: boolean;
}

export interface ActivityReport {
  readonly startTime: string | null;
  readonly endTime: string | null;
  /** Pending | InProgress | Successful | Overridden | Unfulfilled | Failed */
  readonly status: string;
  readonly description: string;
  readonly cause: string | null;
  readonly statusMessage: string | null;
}

export interface InferenceComponentReport {
  readonly name: string;
  readonly variantName: string | null;
  readonly status: string | null;
  readonly failureReason: string | null;
  readonly currentCopyCount: number | null;
  readonly desiredCopyCount: number | null;
  readonly prioritySource: PrioritySource;
  /** Copies per instance type (RuntimeConfig.PlacementStatus), in the variant's pool priority order. */
  readonly placement: readonly PoolReport[];
  readonly fallback: boolean;
  readonly fallbackCopyCount: number;
  /** Application Auto Scaling on `inference-component/<name>` (DesiredCopyCount). */
  readonly scaling: ScalingInfo;
}
