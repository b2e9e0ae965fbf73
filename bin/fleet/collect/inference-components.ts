import type { DescribeInferenceComponentOutput, InferenceComponentSummary, ProductionVariant } from '@aws-sdk/client-sagemaker';
import { num, str } from './convert';
import { configuredPools, rankPools } from './pools';
import { AwsApi } from '../aws';
import { FleetError } from '../errors';
import { mapLimit } from '../map-limit';
import { InferenceComponentReport, ScalingInfo } from '../model';

/** DescribeInferenceComponent calls in flight at once: enough to be quick, few enough not to be throttled. */
const PARALLEL_DESCRIBES = 4;

/**
 * Every inference component on the endpoint, described. A component deleted between the list and the
 * describe is skipped; access denied becomes a warning and the list summary stands in for the details.
 */
export async function collectInferenceComponents(
  api: AwsApi,
  endpointName: string,
  warnings: string[],
): Promise<DescribeInferenceComponentOutput[]> {
  let summaries: InferenceComponentSummary[];
  try {
    summaries = await api.listInferenceComponents(endpointName);
  } catch (error) {
    if (error instanceof FleetError && error.kind === 'access-denied') {
      warnings.push(`inference components not shown: ${error.message}`);
      return [];
    }
    throw error;
  }
  const names = summaries.map((s) => s.InferenceComponentName).filter((n): n is string => Boolean(n)).sort();
  const described = await mapLimit(names, PARALLEL_DESCRIBES, async (name): Promise<DescribeInferenceComponentOutput | undefined> => {
    try {
      return await api.describeInferenceComponent(name);
    } catch (error) {
      if (error instanceof FleetError && error.kind === 'not-found') return undefined;
      if (error instanceof FleetError && error.kind === 'access-denied') {
        warnings.push(`details of inference component ${name} not shown: ${error.message}`);
        const summary = summaries.find((s) => s.InferenceComponentName === name);
        return summary as DescribeInferenceComponentOutput;
      }
      throw error;
    }
  });
  return described.filter((d): d is DescribeInferenceComponentOutput => d !== undefined);
}

/**
 * Copies per instance type (RuntimeConfig.PlacementStatus), ranked with the pool priorities of the variant the
 * component runs on.
 */
export function componentReport(
  component: DescribeInferenceComponentOutput,
  configVariants: readonly ProductionVariant[] | undefined,
  scaling: ScalingInfo,
): InferenceComponentReport {
  const variant = configVariants?.find((v) => v.VariantName === component.VariantName)
    ?? (configVariants?.length === 1 ? configVariants[0] : undefined);
  const runtime = component.RuntimeConfig;
  const observed = (runtime?.PlacementStatus ?? []).flatMap((p) => (p.InstanceType ? [{ instanceType: p.InstanceType, count: p.CurrentCopyCount ?? 0 }] : []));
  const ranked = rankPools(observed, configuredPools(variant));
  return {
    name: component.InferenceComponentName ?? '(unnamed)',
    variantName: str(component.VariantName),
    status: str(component.InferenceComponentStatus),
    failureReason: str(component.FailureReason),
    currentCopyCount: num(runtime?.CurrentCopyCount),
    desiredCopyCount: num(runtime?.DesiredCopyCount),
    prioritySource: ranked.prioritySource,
    // ModelNameOverride applies to single-model variants; a component's model per type is in its Specifications.
    placement: ranked.pools.map((p) => ({ ...p, modelNameOverride: null })),
    fallback: ranked.fallback,
    fallbackCopyCount: ranked.fallbackCount,
    scaling,
  };
}
