import type { ScalingPolicy } from '@aws-sdk/client-application-auto-scaling';
import { SourceBuilder } from './source-builder';
import { l1Name, l1Value, literal, quote } from './ts-literal';
import { durationCode, LIBRARY } from './variant-code';
import { VariantScaling } from '../snapshot/endpoint-snapshot';

/** What the endpoint is, as far as the library's autoScale() checks go. */
export interface ScalingContext {
  readonly endpointName: string;
  readonly variantName: string;
  readonly asyncInference: boolean;
  readonly initialInstanceCount?: number;
}

const POLICY_CONFIGURATIONS = ['TargetTrackingScalingPolicyConfiguration', 'StepScalingPolicyConfiguration', 'PredictiveScalingPolicyConfiguration'] as const;

/**
 * The variant's autoscaling as statements of the stack's constructor. The library's `autoScale()` when a policy
 * tracks one of its signals (concurrent requests per model, backlog per instance) and its checks hold; else the
 * scalable target as it is live on the L1 `CfnScalableTarget`, with `RetainAllVariantProperties` set as autoScale()
 * would. Other policies are L1 `CfnScalingPolicy`s on the same target. Lines are relative to the constructor body.
 */
export function scalingCode(scaling: VariantScaling | undefined, ctx: ScalingContext, b: SourceBuilder): string[] {
  if (!scaling) return [];
  const { target, policies } = scaling;
  const min = target.MinCapacity ?? 1;
  const max = target.MaxCapacity ?? min;
  const suspended = target.SuspendedState && Object.values(target.SuspendedState).some(Boolean) ? l1Value(target.SuspendedState) : undefined;
  b.note('the scalable target\'s scheduled actions are not read by export: if it has any '
    + `(aws application-autoscaling describe-scheduled-actions --service-namespace sagemaker --resource-id ${scaling.resourceId}), add them.`);

  const libraryPolicy = policies.find((p) => signalOf(p, ctx) !== undefined);
  const tracked = libraryPolicy?.TargetTrackingScalingPolicyConfiguration;
  const initial = ctx.initialInstanceCount ?? 1;
  const fits = tracked !== undefined && tracked.ScaleInCooldown !== undefined && tracked.ScaleOutCooldown !== undefined
    && (min >= 1 || ctx.asyncInference) && min <= max && initial >= min && initial <= max;

  const lines: string[] = [''];
  let targetRef: string;
  if (libraryPolicy && tracked && fits) {
    b.use(LIBRARY, 'ScalingSignal');
    const needsTarget = suspended !== undefined || policies.length > 1;
    lines.push(
      `// Autoscaling as it is live (min ${min}, max ${max}); policy ${libraryPolicy.PolicyName} becomes the library's target-tracking policy.`,
      `${needsTarget ? 'const scaling = ' : ''}this.endpoint.autoScale({`,
      `  minCapacity: ${min},`,
      `  maxCapacity: ${max},`,
      `  signal: ${signalOf(libraryPolicy, ctx)},`,
      `  scaleInCooldown: ${durationCode(tracked.ScaleInCooldown!, b)},`,
      `  scaleOutCooldown: ${durationCode(tracked.ScaleOutCooldown!, b)},`,
      ...(tracked.DisableScaleIn ? ['  disableScaleIn: true,'] : []),
      '});',
    );
    if (suspended) lines.push(`scaling.scalableTarget.suspendedState = ${literal(suspended)};`);
    if (min === 0) {
      b.note('with minCapacity 0, the library\'s autoScale() adds a step scaling policy on HasBacklogWithoutCapacity that brings the '
        + 'first instance back (target tracking cannot scale out from zero); the live endpoint may not have one.');
    }
    targetRef = 'scaling.scalableTarget.ref';
  } else {
    b.useNamespace('aws-cdk-lib/aws-applicationautoscaling', 'appscaling');
    const why = libraryPolicy
      ? 'the library\'s autoScale() checks (cooldowns set, min 1 or more unless asynchronous, initial count within min and max) do not hold'
      : 'no policy tracks a signal of the library (concurrent requests per model, backlog per instance)';
    lines.push(
      `// Autoscaling as it is live, on the L1 resources: ${why}.`,
      'const target = new appscaling.CfnScalableTarget(this, \'ScalableTarget\', {',
      '  serviceNamespace: \'sagemaker\',',
      `  resourceId: \`endpoint/\${this.endpoint.endpointName}/variant/${ctx.variantName}\`,`,
      '  scalableDimension: \'sagemaker:variant:DesiredInstanceCount\',',
      `  minCapacity: ${min},`,
      `  maxCapacity: ${max},`,
      ...(suspended ? [`  suspendedState: ${literal(suspended, '  ')},`] : []),
      '});',
      '// Registering a target for an endpoint that does not exist yet fails; updates keep the live instance count.',
      'target.node.addDependency(this.endpoint.cfnEndpoint);',
      'this.endpoint.cfnEndpoint.retainAllVariantProperties = true;',
    );
    targetRef = 'target.ref';
  }

  for (const policy of policies.filter((p) => p !== (fits ? libraryPolicy : undefined))) {
    lines.push(...policyCode(policy, targetRef, b));
  }
  return lines;
}

/** The library's signal for a target-tracking policy, as code, or undefined. */
function signalOf(policy: ScalingPolicy, ctx: ScalingContext): string | undefined {
  const tracked = policy.TargetTrackingScalingPolicyConfiguration;
  if (policy.PolicyType !== 'TargetTrackingScaling' || !tracked || tracked.TargetValue === undefined) return undefined;
  const predefined = tracked.PredefinedMetricSpecification;
  if (predefined?.PredefinedMetricType === 'SageMakerVariantConcurrentRequestsPerModelHighResolution' && !predefined.ResourceLabel) {
    return `ScalingSignal.concurrentRequestsPerModel({ targetValue: ${tracked.TargetValue} })`;
  }
  const custom = tracked.CustomizedMetricSpecification;
  if (custom && custom.MetricName === 'ApproximateBacklogSizePerInstance' && custom.Namespace === 'AWS/SageMaker' && custom.Statistic === 'Average'
    && !custom.Unit && !custom.Metrics && custom.Dimensions?.length === 1
    && custom.Dimensions[0].Name === 'EndpointName' && custom.Dimensions[0].Value === ctx.endpointName) {
    return `ScalingSignal.backlogPerInstance({ targetValue: ${tracked.TargetValue} })`;
  }
  return undefined;
}

function policyCode(policy: ScalingPolicy, targetRef: string, b: SourceBuilder): string[] {
  b.useNamespace('aws-cdk-lib/aws-applicationautoscaling', 'appscaling');
  const configurations = POLICY_CONFIGURATIONS.filter((member) => policy[member] !== undefined)
    .map((member) => `  ${l1Name(member)}: ${literal(l1Value(policy[member]), '  ')},`);
  if (policy.PolicyType === 'StepScaling') {
    b.note(`step scaling policy ${policy.PolicyName} acts when CloudWatch alarms invoke it; export does not read or reproduce those alarms `
      + `(now: ${(policy.Alarms ?? []).map((a) => a.AlarmName).join(', ') || 'none'}). Create them with the new policy as their action.`);
  }
  return [
    '',
    `new appscaling.CfnScalingPolicy(this, ${quote(b.id('ScalingPolicy'))}, {`,
    `  policyName: ${quote(policy.PolicyName ?? 'policy')},`,
    `  policyType: ${quote(policy.PolicyType ?? 'TargetTrackingScaling')},`,
    `  scalingTargetId: ${targetRef},`,
    ...configurations,
    '});',
  ];
}
