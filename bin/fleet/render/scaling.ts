import { duration, timestamp } from './format';
import { ActivityReport, PolicyReport, ScalingInfo } from '../model';

/** The autoscaling block of a variant or inference component: bounds, policies in force, recent activity. */
export function scalingLines(scaling: ScalingInfo, nowMs: number): string[] {
  if (scaling.state === 'none') return ['Autoscaling  none registered'];
  if (scaling.state === 'unknown') return ['Autoscaling  unknown (not readable, see notes)'];
  const bounds = [
    `min ${scaling.minCapacity ?? '?'}`,
    `max ${scaling.maxCapacity ?? '?'}`,
    `desired ${scaling.desiredCapacity ?? '?'}`,
    ...(scaling.suspended.length > 0 ? [`SUSPENDED: ${scaling.suspended.join(', ')}`] : []),
  ].join(' · ');
  const lines = [`Autoscaling  ${bounds}`];
  if (scaling.policies === null) {
    lines.push('  Policies   not readable (see notes)');
  } else if (scaling.policies.length === 0) {
    lines.push('  Policies   none: the count only moves within min..max when changed by hand');
  } else {
    scaling.policies.forEach((p, i) => lines.push(`  ${i === 0 ? 'Policy' : '      '}     ${policyLine(p)}`));
  }
  if (scaling.activities === null) {
    lines.push('  Activity   not readable (see notes)');
  } else if (scaling.activities.length === 0) {
    lines.push('  Activity   none recorded');
  } else {
    lines.push('  Activity');
    for (const a of scaling.activities) lines.push(...activityLines(a, nowMs));
  }
  return lines;
}

export function policyLine(policy: PolicyReport): string {
  const parts = [`${policy.name} (${policy.type})`];
  if (policy.targetValue !== null) parts.push(`target ${policy.targetValue}${policy.metric ? ` of ${policy.metric}` : ''}`);
  else if (policy.metric) parts.push(policy.metric);
  const cooldowns = [
    ...(policy.scaleOutCooldownSeconds !== null ? [`out ${duration(policy.scaleOutCooldownSeconds)}`] : []),
    ...(policy.scaleInCooldownSeconds !== null ? [`in ${duration(policy.scaleInCooldownSeconds)}`] : []),
  ];
  if (cooldowns.length > 0) parts.push(`cooldown ${cooldowns.join(', ')}`);
  if (policy.disableScaleIn) parts.push('scale-in disabled');
  return parts.join(' · ');
}

function activityLines(activity: ActivityReport, nowMs: number): string[] {
  const lines = [`    ${timestamp(activity.startTime, nowMs)}  ${activity.status}  ${activity.description}`];
  if (activity.statusMessage) lines.push(`      ${activity.statusMessage}`);
  if (activity.cause) lines.push(`      cause: ${activity.cause}`);
  return lines;
}
