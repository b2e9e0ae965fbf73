import type { ScalingActivity, ScalingPolicy, TargetTrackingScalingPolicyConfiguration } from '@aws-sdk/client-application-auto-scaling';
import { iso, num, str } from './convert';
import { ActivityReport, PolicyReport } from '../model';

/** An Application Auto Scaling policy as the report shows it: type, target and what it tracks. */
export function policyReport(policy: ScalingPolicy): PolicyReport {
  const tt = policy.TargetTrackingScalingPolicyConfiguration;
  if (tt) {
    return {
      name: policy.PolicyName ?? '(unnamed)',
      type: policy.PolicyType ?? 'TargetTrackingScaling',
      targetValue: num(tt.TargetValue),
      metric: trackedMetric(tt),
      scaleOutCooldownSeconds: num(tt.ScaleOutCooldown),
      scaleInCooldownSeconds: num(tt.ScaleInCooldown),
      disableScaleIn: tt.DisableScaleIn === true,
    };
  }
  const predictive = policy.PredictiveScalingPolicyConfiguration?.MetricSpecifications?.[0];
  const alarms = (policy.Alarms ?? []).map((a) => a.AlarmName).filter((n): n is string => Boolean(n));
  return {
    name: policy.PolicyName ?? '(unnamed)',
    type: policy.PolicyType ?? 'Unknown',
    targetValue: num(predictive?.TargetValue),
    metric: predictive?.PredefinedMetricPairSpecification?.PredefinedMetricType
      ?? (alarms.length > 0 ? `alarm ${alarms.join(', ')}` : null),
    scaleOutCooldownSeconds: null,
    scaleInCooldownSeconds: num(policy.StepScalingPolicyConfiguration?.Cooldown),
    disableScaleIn: false,
  };
}

/**
 * What a target-tracking policy tracks: the predefined metric type, one custom metric, or for metric math
 * (`Metrics`) the expression that returns data, with the number of metrics it combines.
 */
export function trackedMetric(config: TargetTrackingScalingPolicyConfiguration): string | null {
  const predefined = config.PredefinedMetricSpecification?.PredefinedMetricType;
  if (predefined) return predefined;
  const custom = config.CustomizedMetricSpecification;
  if (!custom) return null;
  const queries = custom.Metrics ?? [];
  if (queries.length > 0) {
    const result = queries.find((q) => q.ReturnData !== false && q.Expression) ?? queries.find((q) => q.ReturnData !== false);
    const inputs = queries.filter((q) => q.MetricStat).length;
    if (result?.Expression) return `metric math: ${result.Expression} (${inputs} metric${inputs === 1 ? '' : 's'})`;
    const metric = result?.MetricStat?.Metric;
    if (metric) return `${metric.Namespace ?? '?'}/${metric.MetricName ?? '?'} (${result?.MetricStat?.Stat ?? '?'})`;
    return null;
  }
  if (custom.MetricName) return `${custom.Namespace ?? '?'}/${custom.MetricName} (${custom.Statistic ?? '?'})`;
  return null;
}

export function activityReport(activity: ScalingActivity): ActivityReport {
  return {
    startTime: iso(activity.StartTime),
    endTime: iso(activity.EndTime),
    status: activity.StatusCode ?? 'Unknown',
    description: activity.Description ?? '',
    cause: str(activity.Cause),
    statusMessage: str(activity.StatusMessage),
  };
}
