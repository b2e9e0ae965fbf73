import type { DescribeEndpointConfigOutput, DescribeEndpointOutput, ProductionVariant } from '@aws-sdk/client-sagemaker';
import { iso, str } from './convert';
import { collectInferenceComponents, componentReport } from './inference-components';
import { collectScaling, componentResource, ScalableResource, variantResource } from './scaling';
import { variantReport } from './variants';
import { AwsApi } from '../aws';
import { FleetError } from '../errors';
import { FleetStatus, PendingDeployment, SCHEMA_VERSION, ScalingInfo, VariantReport } from '../model';

export interface CollectorOptions {
  /** How many recent scaling activities to show per scalable target. */
  readonly activityCount: number;
  /** Clock for `observedAt`. */
  now(): number;
}

const NO_SCALING: ScalingInfo = { state: 'none' };

/**
 * Builds one FleetStatus from DescribeEndpoint, DescribeEndpointConfig (pool priorities: DescribeEndpoint does
 * not return them), Application Auto Scaling and, for inference-component endpoints, the components. Endpoint
 * configs are immutable, so a collector reused by `--watch` fetches each one once.
 */
export class FleetStatusCollector {
  private readonly configs = new Map<string, DescribeEndpointConfigOutput>();

  constructor(private readonly api: AwsApi, private readonly region: string, private readonly options: CollectorOptions) {}

  public async collect(endpointName: string): Promise<FleetStatus> {
    const warnings: string[] = [];
    const endpoint = await this.describeEndpoint(endpointName);
    const pending = endpoint.PendingDeploymentSummary;
    const [config, pendingConfig] = await Promise.all([
      this.endpointConfig(endpoint.EndpointConfigName, 'the live variants', warnings),
      this.endpointConfig(pending?.EndpointConfigName, 'the pending variants', warnings),
    ]);

    const hostsComponents = config === undefined || (config.ProductionVariants ?? []).some((v) => !v.ModelName && !v.ServerlessConfig);
    const components = hostsComponents ? await collectInferenceComponents(this.api, endpointName, warnings) : [];

    const production = endpoint.ProductionVariants ?? [];
    const resources: ScalableResource[] = [
      ...production.flatMap((v) => (v.VariantName ? [variantResource(endpointName, v.VariantName, v.DesiredInstanceCount ?? null)] : [])),
      ...components.flatMap((c) => (c.InferenceComponentName
        ? [componentResource(c.InferenceComponentName, c.RuntimeConfig?.DesiredCopyCount ?? null)] : [])),
    ];
    const scaling = await collectScaling(this.api, resources, this.options.activityCount, warnings);
    const scalingOf = (resourceId: string): ScalingInfo => scaling.get(resourceId) ?? NO_SCALING;

    const configVariant = (c: DescribeEndpointConfigOutput | undefined, shadow: boolean, name: string | undefined): ProductionVariant | undefined =>
      (shadow ? c?.ShadowProductionVariants : c?.ProductionVariants)?.find((v) => v.VariantName === name);

    const variants: VariantReport[] = [
      ...production.map((v) => variantReport(v, 'production', configVariant(config, false, v.VariantName),
        scalingOf(variantResource(endpointName, v.VariantName ?? '', null).resourceId))),
      ...(endpoint.ShadowProductionVariants ?? []).map((v) => variantReport(v, 'shadow', configVariant(config, true, v.VariantName), NO_SCALING)),
    ];
    const pendingDeployment: PendingDeployment | null = pending ? {
      endpointConfigName: str(pending.EndpointConfigName),
      startTime: iso(pending.StartTime),
      variants: [
        ...(pending.ProductionVariants ?? []).map((v) => variantReport(v, 'pending', configVariant(pendingConfig, false, v.VariantName), NO_SCALING)),
        ...(pending.ShadowProductionVariants ?? []).map((v) => variantReport(v, 'pending', configVariant(pendingConfig, true, v.VariantName), NO_SCALING)),
      ],
    } : null;
    const inferenceComponents = components.map((c) => componentReport(c, config?.ProductionVariants,
      scalingOf(componentResource(c.InferenceComponentName ?? '', null).resourceId)));

    return {
      schemaVersion: SCHEMA_VERSION,
      observedAt: new Date(this.options.now()).toISOString(),
      region: this.region,
      endpoint: {
        name: endpoint.EndpointName ?? endpointName,
        arn: str(endpoint.EndpointArn),
        status: endpoint.EndpointStatus ?? 'Unknown',
        failureReason: str(endpoint.FailureReason),
        endpointConfigName: str(endpoint.EndpointConfigName),
        creationTime: iso(endpoint.CreationTime),
        lastModifiedTime: iso(endpoint.LastModifiedTime),
      },
      fallback: [...variants, ...(pendingDeployment?.variants ?? [])].some((v) => v.fallback) || inferenceComponents.some((c) => c.fallback),
      variants,
      pendingDeployment,
      inferenceComponents,
      warnings,
    };
  }

  private async describeEndpoint(name: string): Promise<DescribeEndpointOutput> {
    try {
      return await this.api.describeEndpoint(name);
    } catch (error) {
      if (error instanceof FleetError && error.kind === 'not-found') {
        throw new FleetError('not-found', `endpoint '${name}' not found in ${this.region}: check the name, --region and --profile.`, error);
      }
      throw error;
    }
  }

  /** The config, or undefined with a warning when it is gone (deleted after an update) or not readable. */
  private async endpointConfig(name: string | undefined, usedFor: string, warnings: string[]): Promise<DescribeEndpointConfigOutput | undefined> {
    if (!name) return undefined;
    const cached = this.configs.get(name);
    if (cached) return cached;
    try {
      const config = await this.api.describeEndpointConfig(name);
      this.configs.set(name, config);
      return config;
    } catch (error) {
      if (error instanceof FleetError && (error.kind === 'not-found' || error.kind === 'access-denied')) {
        warnings.push(`pool priorities of ${usedFor} follow the order SageMaker returned: endpoint config ${name} is not readable (${error.message})`);
        return undefined;
      }
      throw error;
    }
  }
}
