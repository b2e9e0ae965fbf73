import type { PendingProductionVariantSummary, ProductionVariant, ProductionVariantSummary } from '@aws-sdk/client-sagemaker';
import { iso, num, str } from './convert';
import { configuredPools, ObservedPool, rankPools } from './pools';
import { ScalingInfo, VariantReport } from '../model';

type VariantSummary = ProductionVariantSummary | PendingProductionVariantSummary;

/**
 * One variant as DescribeEndpoint reports it, ranked with the pools of the matching endpoint-config variant.
 * A variant without InstancePools (a single InstanceType) becomes one pool of priority 1 holding all its
 * instances; a serverless variant has no pools.
 */
export function variantReport(
  summary: VariantSummary,
  role: VariantReport['role'],
  configVariant: ProductionVariant | undefined,
  scaling: ScalingInfo,
): VariantReport {
  const serverless = Boolean(summary.CurrentServerlessConfig ?? summary.DesiredServerlessConfig ?? configVariant?.ServerlessConfig);
  const reportedPools = summary.InstancePools ?? [];
  const instancePools = reportedPools.length > 0 || (configVariant?.InstancePools ?? []).length > 0;

  let observed: ObservedPool[];
  if (reportedPools.length > 0) {
    observed = reportedPools.flatMap((p) => (p.InstanceType ? [{ instanceType: p.InstanceType, count: p.CurrentInstanceCount ?? 0 }] : []));
  } else {
    // Only the pending summary names the single instance type; for a live variant it is in the config.
    const single = ('InstanceType' in summary ? summary.InstanceType : undefined) ?? configVariant?.InstanceType;
    observed = single && !serverless ? [{ instanceType: single, count: summary.CurrentInstanceCount ?? 0 }] : [];
  }
  const ranked = rankPools(observed, serverless ? undefined : configuredPools(configVariant));

  return {
    name: summary.VariantName ?? '(unnamed)',
    role,
    currentInstanceCount: num(summary.CurrentInstanceCount),
    desiredInstanceCount: num(summary.DesiredInstanceCount),
    currentWeight: num(summary.CurrentWeight),
    desiredWeight: num(summary.DesiredWeight),
    instancePools,
    serverless,
    prioritySource: ranked.prioritySource,
    pools: ranked.pools,
    fallback: ranked.fallback,
    fallbackInstanceCount: ranked.fallbackCount,
    stages: (summary.VariantStatus ?? []).map((s) => ({
      status: s.Status ?? 'Unknown', message: str(s.StatusMessage), startTime: iso(s.StartTime),
    })),
    managedInstanceScaling: summary.ManagedInstanceScaling ? {
      status: str(summary.ManagedInstanceScaling.Status),
      minInstanceCount: num(summary.ManagedInstanceScaling.MinInstanceCount),
      maxInstanceCount: num(summary.ManagedInstanceScaling.MaxInstanceCount),
    } : null,
    scaling,
  };
}
