import type {
  DescribeEndpointConfigOutput, DescribeEndpointOutput, PendingProductionVariantSummary, ProductionVariantSummary,
} from '@aws-sdk/client-sagemaker';
import { AwsApi } from '../aws';
import { FleetError } from '../errors';
import { mapLimit } from '../map-limit';

/** DescribeEndpoint calls in flight at once. */
const PARALLEL_DESCRIBES = 4;

export interface EndpointUsage {
  /** Endpoints described (those deleted between the list and the describe are not). */
  readonly endpointsCounted: number;
  /** Running instances per instance type across every endpoint. */
  readonly byInstanceType: ReadonlyMap<string, number>;
  /** The same, per endpoint name. */
  readonly byEndpoint: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Instances that could not be put on an instance type, one sentence each. */
  readonly notes: readonly string[];
}

type VariantSummary = ProductionVariantSummary | PendingProductionVariantSummary;

/**
 * The instances the account's endpoints run now, per instance type: every endpoint (ListEndpoints), each
 * variant's pools with their CurrentInstanceCount (DescribeEndpoint), live, shadow and, during an update, the new
 * fleet too. A variant on a single InstanceType counts its CurrentInstanceCount on that type, read from its
 * endpoint config (DescribeEndpoint names it only for the new fleet of an update).
 */
export async function endpointUsage(api: AwsApi): Promise<EndpointUsage> {
  const names = (await api.listEndpoints()).map((e) => e.EndpointName).filter((n): n is string => Boolean(n));
  const configs = new Map<string, Promise<DescribeEndpointConfigOutput | undefined>>();
  const config = (name: string) => {
    if (!configs.has(name)) configs.set(name, api.describeEndpointConfig(name).catch(ignoreNotFound));
    return configs.get(name)!;
  };
  const described = await mapLimit(names, PARALLEL_DESCRIBES, (name) => api.describeEndpoint(name).catch(ignoreNotFound));

  const byEndpoint = new Map<string, Map<string, number>>();
  const notes: string[] = [];
  for (const endpoint of described) {
    if (!endpoint?.EndpointName) continue;
    byEndpoint.set(endpoint.EndpointName, await instancesOf(endpoint, config, notes));
  }
  const byInstanceType = new Map<string, number>();
  for (const counts of byEndpoint.values()) {
    for (const [type, n] of counts) byInstanceType.set(type, (byInstanceType.get(type) ?? 0) + n);
  }
  return { endpointsCounted: byEndpoint.size, byInstanceType, byEndpoint, notes };
}

async function instancesOf(
  endpoint: DescribeEndpointOutput,
  config: (name: string) => Promise<DescribeEndpointConfigOutput | undefined>,
  notes: string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const add = (type: string, n: number | undefined) => {
    if (n && n > 0) counts.set(type, (counts.get(type) ?? 0) + n);
  };
  const pending = endpoint.PendingDeploymentSummary;
  const groups: Array<{ summaries: readonly VariantSummary[]; configName: string | undefined; shadow: boolean }> = [
    { summaries: endpoint.ProductionVariants ?? [], configName: endpoint.EndpointConfigName, shadow: false },
    { summaries: endpoint.ShadowProductionVariants ?? [], configName: endpoint.EndpointConfigName, shadow: true },
    { summaries: pending?.ProductionVariants ?? [], configName: pending?.EndpointConfigName, shadow: false },
    { summaries: pending?.ShadowProductionVariants ?? [], configName: pending?.EndpointConfigName, shadow: true },
  ];
  for (const { summaries, configName, shadow } of groups) {
    for (const v of summaries) {
      if (v.CurrentServerlessConfig || v.DesiredServerlessConfig) continue;
      const pools = v.InstancePools ?? [];
      if (pools.length > 0) {
        for (const p of pools) if (p.InstanceType) add(p.InstanceType, p.CurrentInstanceCount);
        continue;
      }
      if (!v.CurrentInstanceCount) continue;
      let type = 'InstanceType' in v ? v.InstanceType : undefined;
      if (!type && configName) {
        const c = await config(configName);
        type = (shadow ? c?.ShadowProductionVariants : c?.ProductionVariants)?.find((cv) => cv.VariantName === v.VariantName)?.InstanceType;
      }
      if (type) add(type, v.CurrentInstanceCount);
      else notes.push(`${v.CurrentInstanceCount} instances of endpoint ${endpoint.EndpointName} (variant ${v.VariantName}) are not counted: `
        + `its instance type is in endpoint config ${configName ?? '(none)'}, which is gone`);
    }
  }
  return counts;
}

/** Deleted between the list and the describe: not running, not counted. */
function ignoreNotFound(error: unknown): undefined {
  if (error instanceof FleetError && error.kind === 'not-found') return undefined;
  throw error;
}
