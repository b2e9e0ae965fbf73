/**
 * Where `export` puts each member of the live endpoint config. The mapped types make the compiler reject a table
 * that misses a member of the installed SDK; test/fleet/export/export-members.test.ts walks the SDK's runtime model.
 */
import type { CreateEndpointConfigInput, ProductionVariant } from '@aws-sdk/client-sagemaker';

/**
 * - `library`: a property of `CapacityAwareEndpoint` (or of its `asyncInference`);
 * - `l1`: set on the underlying `CfnEndpointConfig`, as it is live (the library has no property for it);
 * - `generated`: CloudFormation names the new config;
 * - `variants`: the chosen variant through VARIANT_MEMBERS, every other variant on the L1 resource, whole.
 */
export type ExportHandling = 'library' | 'l1' | 'generated' | 'variants';

export const CONFIG_MEMBERS: { readonly [K in keyof Required<CreateEndpointConfigInput>]: ExportHandling } = {
  EndpointConfigName: 'generated',
  ProductionVariants: 'variants',
  DataCaptureConfig: 'l1',
  Tags: 'library',
  // The library's encryptionKey refuses pools with local NVMe storage; the live value is set as it is instead.
  KmsKeyId: 'l1',
  AsyncInferenceConfig: 'library',
  ExplainerConfig: 'l1',
  ShadowProductionVariants: 'variants',
  ExecutionRoleArn: 'l1',
  VpcConfig: 'l1',
  EnableNetworkIsolation: 'l1',
  MetricsConfig: 'l1',
};

/** The chosen variant's members: a library property, or the L1 variant as it is live. */
export const VARIANT_MEMBERS: { readonly [K in keyof Required<ProductionVariant>]: 'library' | 'l1' | 'refused' } = {
  VariantName: 'library',
  ModelName: 'library',
  InitialInstanceCount: 'library',
  InstanceType: 'library',
  InstancePools: 'library',
  VariantInstanceProvisionTimeoutInSeconds: 'library',
  // The library renders weight 1; another weight is set on the L1 variant.
  InitialVariantWeight: 'library',
  AcceleratorType: 'l1',
  CoreDumpConfig: 'l1',
  // A serverless variant has no instance type: there is nothing for CapacityAwareEndpoint to build.
  ServerlessConfig: 'refused',
  VolumeSizeInGB: 'l1',
  ModelDataDownloadTimeoutInSeconds: 'library',
  ContainerStartupHealthCheckTimeoutInSeconds: 'library',
  EnableSSMAccess: 'l1',
  ManagedInstanceScaling: 'l1',
  // LEAST_OUTSTANDING_REQUESTS and RANDOM are library values; prefix-aware routing is set on the L1 variant.
  RoutingConfig: 'library',
  InferenceAmiVersion: 'l1',
  CapacityReservationConfig: 'l1',
};
