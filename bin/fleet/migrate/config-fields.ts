/**
 * The field table of `migrate`: for every member of the SDK's CreateEndpointConfig input and ProductionVariant
 * shapes, what the new endpoint config takes from the current one. The mapped types make the compiler reject a
 * table that misses a member of the installed SDK; test/fleet/migrate/config-fields.test.ts walks the SDK's runtime
 * schemas as well, and build-create-request.ts refuses any member it meets that is not listed here.
 */
import type { CreateEndpointConfigInput, DescribeEndpointConfigOutput, ProductionVariant } from '@aws-sdk/client-sagemaker';

/** How a member of CreateEndpointConfigInput is filled. */
export type ConfigFieldRule =
  /** The current config's value, deep-copied. */
  | 'copied'
  /** A new, generated name (config-name.ts). */
  | 'new-name'
  /** Every variant copied whole, except the one that moves onto pools (TARGET_VARIANT_FIELDS). */
  | 'variants'
  /** The current config's tags (ListTags), except the reserved `aws:` ones, which AWS sets and nobody else may. */
  | 'tags';

export const CONFIG_FIELDS: { readonly [K in keyof Required<CreateEndpointConfigInput>]: ConfigFieldRule } = {
  EndpointConfigName: 'new-name',
  ProductionVariants: 'variants',
  DataCaptureConfig: 'copied',
  Tags: 'tags',
  KmsKeyId: 'copied',
  AsyncInferenceConfig: 'copied',
  ExplainerConfig: 'copied',
  ShadowProductionVariants: 'variants',
  ExecutionRoleArn: 'copied',
  VpcConfig: 'copied',
  EnableNetworkIsolation: 'copied',
  MetricsConfig: 'copied',
};

/** Members DescribeEndpointConfig returns that CreateEndpointConfig does not take, and why they are not copied. */
export const DESCRIBE_ONLY_FIELDS: {
  readonly [K in Exclude<keyof DescribeEndpointConfigOutput, keyof CreateEndpointConfigInput | '$metadata'>]: string
} = {
  EndpointConfigArn: 'the identity of the current config; the new config gets its own ARN',
  CreationTime: 'set by SageMaker when a config is created',
};

/** How a member of the variant that moves onto instance pools is treated (every other variant is copied whole). */
export type VariantFieldRule =
  | { readonly kind: 'copied' }
  /** Copied, unless an option gives a new value. */
  | { readonly kind: 'option'; readonly option: string }
  /** Replaced by the instance pools. */
  | { readonly kind: 'replaced'; readonly by: string }
  /** Built from the options; the current variant must not have it. */
  | { readonly kind: 'built'; readonly from: string; readonly ifPresent: string }
  /** The variant cannot be moved while it has this member: the reason says why. */
  | { readonly kind: 'refused'; readonly reason: string };

const COPIED: VariantFieldRule = { kind: 'copied' };

export const TARGET_VARIANT_FIELDS: { readonly [K in keyof Required<ProductionVariant>]: VariantFieldRule } = {
  VariantName: COPIED,
  ModelName: COPIED,
  InitialInstanceCount: COPIED,
  InstanceType: { kind: 'replaced', by: 'InstancePools (--pools)' },
  InstancePools: {
    kind: 'built',
    from: '--pools and --model',
    ifPresent: 'it already runs on instance pools (InstancePools); migrate moves a variant off a single InstanceType (change pools with a new endpoint config, or in a CDK app)',
  },
  VariantInstanceProvisionTimeoutInSeconds: { kind: 'option', option: '--provisioning-timeout' },
  InitialVariantWeight: COPIED,
  AcceleratorType: {
    kind: 'refused',
    reason: 'it has an Elastic Inference accelerator (AcceleratorType), and the instance pool documentation does not say how accelerators combine with pools',
  },
  CoreDumpConfig: COPIED,
  ServerlessConfig: { kind: 'refused', reason: 'it is serverless (ServerlessConfig): there is no instance type to move onto pools' },
  VolumeSizeInGB: COPIED,
  ModelDataDownloadTimeoutInSeconds: COPIED,
  ContainerStartupHealthCheckTimeoutInSeconds: COPIED,
  EnableSSMAccess: COPIED,
  ManagedInstanceScaling: COPIED,
  RoutingConfig: { kind: 'option', option: '--routing (default least-outstanding-requests; prefix-aware routing is kept)' },
  InferenceAmiVersion: COPIED,
  CapacityReservationConfig: {
    kind: 'refused',
    reason: 'it draws on an ML capacity reservation (CapacityReservationConfig), which is bought for one instance type; '
      + 'the instance pool documentation does not say how reservations combine with pools',
  },
};

/** True for a member name the table knows (own keys only: `toString` is no member). */
export function isListed(table: object, member: string): boolean {
  return Object.prototype.hasOwnProperty.call(table, member);
}
