import { duration } from './format';
import { poolSummary } from './pools';
import { FleetStatus, VariantReport } from '../model';

/**
 * One line per refresh of `--watch` when the output is not a terminal (CI logs, pipes): elapsed time, endpoint
 * status and the provisioning progress per pool, for the live fleet, the new fleet and inference components.
 */
export function progressLine(status: FleetStatus, elapsedSeconds: number): string {
  const parts = [`[+${duration(elapsedSeconds)}] ${status.endpoint.status}`];
  for (const v of status.variants) parts.push(variantProgress(v, v.role === 'shadow' ? 'shadow ' : ''));
  for (const v of status.pendingDeployment?.variants ?? []) parts.push(variantProgress(v, 'new '));
  for (const c of status.inferenceComponents) {
    parts.push(`component ${c.name} ${c.status ?? '?'} ${c.currentCopyCount ?? '?'}/${c.desiredCopyCount ?? '?'} copies`
      + (c.placement.length > 0 ? `: ${poolSummary(c.placement)}` : ''));
  }
  return parts.join(' · ');
}

function variantProgress(v: VariantReport, prefix: string): string {
  const stage = v.stages.length > 0 ? ` ${v.stages[v.stages.length - 1].status}` : '';
  const pools = v.pools.length > 0 ? `: ${poolSummary(v.pools)}` : '';
  return `${prefix}${v.name} ${v.currentInstanceCount ?? '?'}/${v.desiredInstanceCount ?? '?'}${stage}${pools}`;
}
