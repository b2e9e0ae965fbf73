import { plural, timestamp } from './format';
import { poolTable } from './pools';
import { scalingLines } from './scaling';
import { FleetStatus, InferenceComponentReport, VariantReport } from '../model';

/**
 * The human-readable report: endpoint, fallback verdict, each variant's pools in priority order with counts and
 * shares, the deployment in progress, inference components, autoscaling, and notes on what could not be read.
 */
export function renderText(status: FleetStatus, nowMs: number): string {
  const e = status.endpoint;
  const lines: string[] = [
    `Endpoint ${e.name}  ${e.status}`,
    `  region ${status.region} · config ${e.endpointConfigName ?? '-'} · created ${timestamp(e.creationTime)} · modified ${timestamp(e.lastModifiedTime, nowMs)}`,
  ];
  if (e.failureReason) lines.push(`  Failure reason: ${e.failureReason}`);
  lines.push('', fallbackVerdict(status));

  for (const variant of status.variants) lines.push('', ...variantLines(variant, nowMs));

  const pending = status.pendingDeployment;
  if (pending) {
    lines.push('', `Deployment in progress  config ${pending.endpointConfigName ?? '-'} · started ${timestamp(pending.startTime, nowMs)}`);
    for (const variant of pending.variants) lines.push(...variantLines(variant, nowMs).map((l) => `  ${l}`));
  }

  for (const component of status.inferenceComponents) lines.push('', ...componentLines(component, nowMs));

  if (status.warnings.length > 0) {
    lines.push('', 'Notes');
    for (const w of status.warnings) lines.push(`  - ${w}`);
  }
  return lines.join('\n') + '\n';
}

/** The one line an operator looks for: is any of the fleet on fallback hardware? */
export function fallbackVerdict(status: FleetStatus): string {
  const fleets = [
    ...status.variants.map((v) => ({ name: `variant ${v.name}`, pools: v.pools, fallbackCount: v.fallbackInstanceCount, unit: 'instance' as const })),
    ...(status.pendingDeployment?.variants ?? []).map((v) => ({ name: `new variant ${v.name}`, pools: v.pools, fallbackCount: v.fallbackInstanceCount, unit: 'instance' as const })),
    ...status.inferenceComponents.map((c) => ({ name: `component ${c.name}`, pools: c.placement, fallbackCount: c.fallbackCopyCount, unit: 'copy' as const })),
  ];
  const onFallback = fleets.filter((f) => f.fallbackCount > 0);
  if (onFallback.length === 0) {
    const any = fleets.some((f) => f.pools.some((p) => p.count > 0));
    return any ? 'Fleet: all on priority-1 hardware' : 'Fleet: no instances yet';
  }
  const details = onFallback.map((f) => {
    const total = f.pools.reduce((sum, p) => sum + p.count, 0);
    const types = f.pools.filter((p) => p.fallback).map((p) => p.instanceType).join(', ');
    return `${f.name}: ${f.fallbackCount} of ${f.unit === 'copy' ? plural(total, 'copy', 'copies') : plural(total, 'instance')} on ${types}`;
  });
  return `FALLBACK HARDWARE IN USE  ${details.join('; ')}`;
}

function variantLines(v: VariantReport, nowMs: number): string[] {
  const label = v.role === 'pending' ? 'New variant' : v.role === 'shadow' ? 'Shadow variant' : 'Variant';
  const counts = v.serverless
    ? 'serverless'
    : `${v.currentInstanceCount ?? '?'} of ${v.desiredInstanceCount ?? '?'} instances`;
  const weight = v.currentWeight !== null ? ` · weight ${v.currentWeight}` : '';
  const lines = [`${label} ${v.name}  ${counts}${weight}${v.fallback ? '  [FALLBACK]' : ''}`];
  for (const stage of v.stages) {
    lines.push(`  ${stage.status} since ${timestamp(stage.startTime, nowMs)}${stage.message ? `: ${stage.message}` : ''}`);
  }
  if (!v.instancePools && !v.serverless && v.pools.length > 0) lines.push('  single instance type (no instance pools)');
  if (v.prioritySource === 'response-order' && v.pools.length > 0) lines.push('  priorities assumed from the order SageMaker returned (endpoint config not readable)');
  lines.push(...poolTable(v.pools, 'INSTANCES', v.desiredInstanceCount).map((l) => `  ${l}`));
  const mis = v.managedInstanceScaling;
  if (mis) lines.push(`  Managed instance scaling  ${mis.status ?? '?'} · min ${mis.minInstanceCount ?? '?'} · max ${mis.maxInstanceCount ?? '?'}`);
  if (v.role === 'production') lines.push(...scalingLines(v.scaling, nowMs).map((l) => `  ${l}`));
  return lines;
}

function componentLines(c: InferenceComponentReport, nowMs: number): string[] {
  const lines = [
    `Inference component ${c.name}  ${c.status ?? '?'} · ${c.currentCopyCount ?? '?'} of ${c.desiredCopyCount ?? '?'} copies`
    + `${c.variantName ? ` · variant ${c.variantName}` : ''}${c.fallback ? '  [FALLBACK]' : ''}`,
  ];
  if (c.failureReason) lines.push(`  Failure reason: ${c.failureReason}`);
  if (c.prioritySource === 'response-order' && c.placement.length > 0) lines.push('  priorities assumed from the order SageMaker returned (endpoint config not readable)');
  lines.push(...poolTable(c.placement, 'COPIES', c.desiredCopyCount).map((l) => `  ${l}`));
  lines.push(...scalingLines(c.scaling, nowMs).map((l) => `  ${l}`));
  return lines;
}
