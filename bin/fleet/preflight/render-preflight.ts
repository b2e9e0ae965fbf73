import { FleetCheck, PreflightReport, VERDICT_LABELS } from './preflight-report';
import { plural, table } from '../render/format';

/**
 * The preflight as text: one table per fleet (type, priority, needed, quota, in use, headroom, verdict), then what
 * could not be resolved, notes, and the verdict line.
 */
export function renderPreflight(report: PreflightReport): string {
  const source = report.source.kind === 'template' ? `template ${report.source.path}` : `endpoint ${report.source.name}`;
  const lines = [
    `Preflight of ${source} · ${report.region} · ${plural(report.usage.endpointsCounted, 'endpoint')} running in the account`,
  ];
  for (const fleet of report.fleets) lines.push('', ...fleetLines(fleet));
  if (report.fleets.some((f) => f.pools.some((p) => p.quota?.source === 'default'))) {
    lines.push('', '* the AWS default: no quota value is applied to this account');
  }
  if (report.unresolved.length > 0 || report.fleets.some((f) => f.unresolved.length > 0)) {
    lines.push('', 'Could not resolve');
    for (const u of report.unresolved) lines.push(`  - ${u}`);
    for (const f of report.fleets) for (const u of f.unresolved) lines.push(`  - ${f.endpoint} variant ${f.variant}: ${u}`);
  }
  if (report.notes.length > 0) {
    lines.push('', 'Notes');
    for (const n of report.notes) lines.push(`  - ${n}`);
  }
  const unchecked = report.fleets.flatMap((f) => f.pools).filter((p) => p.verdict === 'unknown' || p.verdict === 'unresolved').length;
  const notChecked = unchecked > 0 ? ` (${plural(unchecked, 'pool')} not checked, see above)` : '';
  lines.push('', report.passed
    ? `PASSED: every priority-1 pool can reach its fleet's maximum, and every pool has a quota${notChecked}`
    : `FAILED: ${plural(report.failures.length, 'check')}${notChecked}`);
  for (const f of report.failures) lines.push(`  - ${f}`);
  return lines.join('\n') + '\n';
}

function fleetLines(f: FleetCheck): string[] {
  const kind = f.inferenceComponents ? ' · inference components' : '';
  const role = f.role === 'shadow' ? 'shadow variant' : 'variant';
  const reach = f.needed === null
    ? 'most instances unknown'
    : `up to ${plural(f.needed, 'instance')}${f.boundsResolved ? '' : ' or more'} (${f.neededFrom.join(', ')})`;
  const header = `Endpoint ${f.endpoint} · ${role} ${f.variant}${kind} · ${reach}`;
  if (f.pools.length === 0) return [header, '  no instance pools or instance type'];
  const rows = f.pools.map((p) => [
    p.instanceType ?? '?',
    String(p.priority),
    p.needed === null ? '?' : String(p.needed),
    p.quota ? `${p.quota.value}${p.quota.source === 'default' ? '*' : ''}` : '-',
    p.inUse === null ? '-' : String(p.inUse),
    p.headroom === null ? '-' : String(p.headroom),
    `${VERDICT_LABELS[p.verdict]}${p.verdict === 'ok' ? '' : `: ${p.message}`}`,
  ]);
  return [header, ...table([['INSTANCE TYPE', 'PRIORITY', 'NEEDED', 'QUOTA', 'IN USE', 'HEADROOM', 'VERDICT'], ...rows], [1, 2, 3, 4, 5])
    .map((l) => `  ${l}`)];
}
