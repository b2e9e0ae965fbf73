import type { DeploymentConfig, UpdateEndpointInput } from '@aws-sdk/client-sagemaker';
import { FleetError } from '../errors';
import { duration } from '../render/format';
import { EndpointSnapshot } from '../snapshot/endpoint-snapshot';

/** The UpdateEndpoint request of a migration or revert, with the reasons behind its choices. */
export interface UpdateRequestPlan {
  readonly request: UpdateEndpointInput;
  /** Why RetainAllVariantProperties is set (empty: it is not). */
  readonly retainReasons: readonly string[];
  /** How the update rolls out, in words. */
  readonly deployment: string;
}

/** Bake time per rolling batch: the time SageMaker watches the rollback alarms before the next batch. */
export const ROLLING_WAIT_SECONDS = 300;
/**
 * The whole rolling deployment may take up to 8 hours (the API's maximum): with scarce capacity, each batch may
 * wait up to the provisioning timeout (1 hour at most) for instances, and a timeout rolls the update back.
 */
export const ROLLING_TIMEOUT_SECONDS = 28_800;

/**
 * UpdateEndpoint to `configName`:
 * - `RetainAllVariantProperties: true` when a production variant is an autoscaling target, or runs another
 *   instance count or weight than its endpoint config says (scaled by hand): without it, the update resets every
 *   variant to the config's `InitialInstanceCount` (https://github.com/aws/aws-cdk/issues/23151).
 * - `--rolling P`: a rolling deployment in batches of P % of the instances, baked 5 minutes each, rolled back in
 *   batches of the same size (AWS's default rollback brings up the whole old fleet at once, which scarce GPU
 *   capacity may not allow), keeping the rollback alarms of the endpoint's last deployment.
 * - otherwise the endpoint's last deployment config when it has one (`RetainDeploymentConfig`), else SageMaker's
 *   default, blue/green all at once.
 */
export function buildUpdateRequest(snapshot: EndpointSnapshot, configName: string, rollingPercent: number | undefined): UpdateRequestPlan {
  const { endpoint, config } = snapshot;
  const retainReasons = [
    ...snapshot.scaling.map((s) => `variant ${s.variantName} is an autoscaling target (min ${s.target.MinCapacity}, max ${s.target.MaxCapacity})`),
    ...(endpoint.ProductionVariants ?? []).flatMap((live) => {
      const configured = config.ProductionVariants?.find((v) => v.VariantName === live.VariantName);
      if (!configured) return [];
      const reasons: string[] = [];
      if (live.DesiredInstanceCount !== undefined && configured.InitialInstanceCount !== undefined
        && live.DesiredInstanceCount !== configured.InitialInstanceCount && !snapshot.scaling.some((s) => s.variantName === live.VariantName)) {
        reasons.push(`variant ${live.VariantName} runs ${live.DesiredInstanceCount} instances where its endpoint config says ${configured.InitialInstanceCount}`);
      }
      if (live.DesiredWeight !== undefined && configured.InitialVariantWeight !== undefined && live.DesiredWeight !== configured.InitialVariantWeight) {
        reasons.push(`variant ${live.VariantName} has weight ${live.DesiredWeight} where its endpoint config says ${configured.InitialVariantWeight}`);
      }
      return reasons;
    }),
  ];

  const request: UpdateEndpointInput = { EndpointName: endpoint.EndpointName, EndpointConfigName: configName };
  if (retainReasons.length > 0) request.RetainAllVariantProperties = true;
  const last = endpoint.LastDeploymentConfig;
  let deployment: string;
  if (rollingPercent !== undefined) {
    const production = config.ProductionVariants?.length ?? 0;
    if (production > 1) {
      throw new FleetError('refused', `--rolling: endpoint '${endpoint.EndpointName}' has ${production} production variants, and SageMaker `
        + 'does not roll out endpoints with more than one (https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-exclusions.html). '
        + 'Leave out --rolling for a blue/green update. Nothing was changed.');
    }
    const batch = { Type: 'CAPACITY_PERCENT' as const, Value: rollingPercent };
    const deploymentConfig: DeploymentConfig = {
      RollingUpdatePolicy: {
        MaximumBatchSize: batch,
        WaitIntervalInSeconds: ROLLING_WAIT_SECONDS,
        MaximumExecutionTimeoutInSeconds: ROLLING_TIMEOUT_SECONDS,
        RollbackMaximumBatchSize: batch,
      },
    };
    if (last?.AutoRollbackConfiguration) deploymentConfig.AutoRollbackConfiguration = structuredClone(last.AutoRollbackConfiguration);
    request.DeploymentConfig = deploymentConfig;
    deployment = `rolling, ${rollingPercent}% of the instances per batch, ${duration(ROLLING_WAIT_SECONDS)} bake per batch, `
      + `rollback in batches of ${rollingPercent}%, at most ${duration(ROLLING_TIMEOUT_SECONDS)} in all; ${rollbackAlarms(last)}`;
  } else if (last) {
    request.RetainDeploymentConfig = true;
    deployment = `as the endpoint's last deployment (RetainDeploymentConfig): ${describeDeployment(last)}`;
  } else {
    deployment = "blue/green, all at once (SageMaker's default): the new fleet is provisioned in full before traffic moves to it";
  }
  return { request, retainReasons, deployment };
}

/** One line for a DeploymentConfig. */
export function describeDeployment(config: DeploymentConfig): string {
  const rolling = config.RollingUpdatePolicy;
  const blueGreen = config.BlueGreenUpdatePolicy?.TrafficRoutingConfiguration;
  const size = (s?: { Type?: string; Value?: number }) => (s ? `${s.Value}${s.Type === 'CAPACITY_PERCENT' ? '%' : ' instances'}` : '?');
  const how = rolling
    ? `rolling, batches of ${size(rolling.MaximumBatchSize)}`
    : blueGreen
      ? `blue/green, ${blueGreen.Type?.toLowerCase().replace(/_/g, ' ') ?? 'all at once'}`
      : 'blue/green, all at once';
  return `${how}; ${rollbackAlarms(config)}`;
}

function rollbackAlarms(config: DeploymentConfig | undefined): string {
  const alarms = (config?.AutoRollbackConfiguration?.Alarms ?? []).map((a) => a.AlarmName);
  return alarms.length > 0 ? `rolls back on alarm ${alarms.join(', ')}` : 'no rollback alarms';
}
