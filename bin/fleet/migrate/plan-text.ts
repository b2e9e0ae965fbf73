import type { ProductionVariant, ProductionVariantSummary, Tag } from '@aws-sdk/client-sagemaker';
import { UpdateRequestPlan } from './update-request';
import { plural, table } from '../render/format';
import { VariantScaling } from '../snapshot/endpoint-snapshot';

/** Everything the plan shows: what changes in the variant, what is carried over, and the writes. */
export interface MigrationPlan {
  readonly change: 'pools' | 'revert';
  readonly endpointName: string;
  readonly region: string;
  readonly fromConfig: string;
  readonly toConfig: string;
  /** True when `toConfig` is created by this run (migrate), false when it exists (revert). */
  readonly toConfigIsNew: boolean;
  readonly before: ProductionVariant;
  readonly after: ProductionVariant;
  /** The variant as it runs now (instance counts). */
  readonly live?: ProductionVariantSummary;
  readonly copied: readonly string[];
  readonly tagCount: number;
  readonly otherVariants: readonly string[];
  readonly reservedTags: readonly Tag[];
  readonly notes: readonly string[];
  readonly scaling: readonly VariantScaling[];
  readonly update: UpdateRequestPlan;
}

export const AUTOSCALING_UPDATE_DOC = 'https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-scaling-update.html';

/** The plan as text, the old and the new variant side by side. Pure. */
export function renderPlan(plan: MigrationPlan): string {
  const title = plan.change === 'pools' ? 'onto instance pools' : `back to endpoint config ${plan.toConfig}`;
  const lines = [
    `Migrate endpoint ${plan.endpointName} (${plan.region}) ${title}`,
    '',
    `Endpoint config  ${plan.fromConfig}  →  ${plan.toConfig}${plan.toConfigIsNew ? ' (new)' : ' (exists)'}`,
    '',
    `Variant ${plan.before.VariantName}${plan.after.VariantName !== plan.before.VariantName ? ` → ${plan.after.VariantName}` : ''}`,
    ...sideBySide(plan).map((l) => `  ${l}`),
    '',
  ];
  const carried = [
    ...plan.copied,
    ...(plan.tagCount > 0 ? [plural(plan.tagCount, 'tag')] : []),
    ...plan.otherVariants.map((v) => `variant ${v}`),
  ];
  if (plan.change === 'pools') lines.push(`Copied unchanged: ${carried.length > 0 ? carried.join(', ') : 'nothing else is set'}`);
  for (const tag of plan.reservedTags) lines.push(`Not copied: tag ${tag.Key} (the aws: prefix is reserved; AWS sets such tags itself)`);
  for (const note of plan.notes) lines.push(`Note: ${note}`);
  lines.push(...autoscaling(plan), '');
  const retain = plan.update.retainReasons;
  lines.push(
    `Deployment      ${plan.update.deployment}`,
    `Instance counts ${retain.length > 0
      ? `kept as they run (RetainAllVariantProperties): ${retain.join('; ')}`
      : "from the endpoint config (InitialInstanceCount): no variant is autoscaled or scaled by hand"}`,
    `Writes          ${plan.toConfigIsNew ? `1. CreateEndpointConfig ${plan.toConfig}  2. ` : ''}UpdateEndpoint ${plan.endpointName} → ${plan.toConfig}`,
    `Going back      ${revertCommand(plan)}`,
    '',
  );
  return lines.join('\n');
}

/** The command that puts the endpoint back on the config it ran on before. */
export function revertCommand(plan: MigrationPlan): string {
  return `sagemaker-fleet migrate ${plan.endpointName} --revert ${plan.fromConfig} --region ${plan.region}`;
}

function autoscaling(plan: MigrationPlan): string[] {
  if (plan.scaling.length === 0) return [];
  return [
    '',
    'Autoscaling',
    ...plan.scaling.map((s) => `  ${s.resourceId}  min ${s.target.MinCapacity} · max ${s.target.MaxCapacity} · `
      + `${s.policies.length > 0 ? `policies ${s.policies.map((p) => p.PolicyName).join(', ')}` : 'no policies'}`),
    '  The scalable targets stay registered and keep their policies; the update keeps the live instance counts.',
    '  AWS documents that an update which changes the instance type of an autoscaled variant fails unless its',
    `  scalable target is deregistered first (${AUTOSCALING_UPDATE_DOC});`,
    '  whether a move to or from instance pools counts is not documented. This tool never deregisters a target:',
    '  if SageMaker refuses the update, the endpoint stays as it is and the manual steps are printed.',
    '  Autoscaling is blocked while the update runs.',
  ];
}

/** FIELD / NOW / AFTER rows over every member either variant sets: changed rows first, marked `*`. */
function sideBySide(plan: MigrationPlan): string[] {
  const before = flatten(plan.before);
  const after = flatten(plan.after);
  if (!before.has(ROUTING)) before.set(ROUTING, ['RANDOM (default)']);
  if (!after.has(ROUTING)) after.set(ROUTING, ['RANDOM (default)']);
  const names = [...new Set([...before.keys(), ...after.keys()])].filter((n) => n !== 'VariantName');
  const differs = (name: string) => (before.get(name) ?? ['-']).join('\n') !== (after.get(name) ?? ['-']).join('\n');
  const first = (n: string) => (n.startsWith('Instance') ? 0 : 1); // InstanceType and InstancePools side by side
  const changed = names.filter(differs).sort((a, b) => first(a) - first(b));
  const ordered = [...changed, ...names.filter((n) => !differs(n))];
  const rows: string[][] = [['FIELD', 'NOW', 'AFTER', '']];
  for (const name of ordered) {
    const now = before.get(name) ?? ['-'];
    const next = after.get(name) ?? ['-'];
    for (let i = 0; i < Math.max(now.length, next.length); i++) {
      rows.push([i === 0 ? name : '', now[i] ?? '', next[i] ?? '', i === 0 && differs(name) ? '*' : '']);
    }
  }
  const live = plan.live?.CurrentInstanceCount;
  if (live !== undefined) {
    const kept = plan.update.retainReasons.length > 0;
    rows.push(['(running now)', plural(live, 'instance'),
      kept ? 'kept (RetainAllVariantProperties)' : `InitialInstanceCount (${plan.after.InitialInstanceCount ?? '?'})`,
      kept || live === plan.after.InitialInstanceCount ? '' : '*']);
  }
  return [...table(rows), '* changes'];
}

/** SageMaker routes at random when a variant sets no strategy. */
const ROUTING = 'RoutingConfig.RoutingStrategy';

/** Member path → display lines. Instance pools read as a ranked list; other lists and objects compactly. */
function flatten(variant: ProductionVariant): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walk = (value: unknown, path: string): void => {
    if (value === undefined || value === null) return;
    if (path === 'InstancePools' && Array.isArray(value)) {
      const pools = [...value as Array<{ Priority?: number; InstanceType?: string; ModelNameOverride?: string }>]
        .sort((a, b) => (a.Priority ?? 0) - (b.Priority ?? 0));
      out.set(path, pools.map((p) => `${p.Priority} ${p.InstanceType}${p.ModelNameOverride ? `  model ${p.ModelNameOverride}` : ''}`));
    } else if (Array.isArray(value)) {
      out.set(path, [value.every((v) => typeof v !== 'object') ? value.join(', ') : JSON.stringify(value)]);
    } else if (typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
    } else {
      out.set(path, [String(value)]);
    }
  };
  walk(variant, '');
  return out;
}
