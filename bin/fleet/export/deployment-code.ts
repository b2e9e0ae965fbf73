import type { CapacitySize, DeploymentConfig } from '@aws-sdk/client-sagemaker';
import { SourceBuilder } from './source-builder';
import { quote } from './ts-literal';
import { durationCode, LIBRARY } from './variant-code';

/**
 * The endpoint's last deployment config (DescribeEndpoint's LastDeploymentConfig) as the library's `deployment`
 * prop: rolling or blue/green (all at once, canary, linear), with its timeouts and rollback alarms (imported by
 * name; `rollbackOnEndpointAlarms: false`, since the live endpoint rolled back on those alarms only). Undefined
 * when the endpoint has none: SageMaker's default, blue/green all at once, which is also the library's.
 */
export function deploymentCode(config: DeploymentConfig | undefined, b: SourceBuilder, indent: string): string | undefined {
  if (!config) return undefined;
  b.use(LIBRARY, 'DeploymentStrategy');
  const entries: string[] = [];
  const rolling = config.RollingUpdatePolicy;
  const blueGreen = config.BlueGreenUpdatePolicy;
  let factory: string;
  if (rolling) {
    factory = 'rolling';
    entries.push(`maximumBatchSize: ${size(rolling.MaximumBatchSize, b)},`, `waitInterval: ${durationCode(rolling.WaitIntervalInSeconds ?? 0, b)},`);
    if (rolling.RollbackMaximumBatchSize) entries.push(`rollbackMaximumBatchSize: ${size(rolling.RollbackMaximumBatchSize, b)},`);
    if (rolling.MaximumExecutionTimeoutInSeconds !== undefined) entries.push(`maximumExecutionTimeout: ${durationCode(rolling.MaximumExecutionTimeoutInSeconds, b)},`);
  } else {
    factory = 'blueGreen';
    const routing = blueGreen?.TrafficRoutingConfiguration;
    if (routing) {
      b.use(LIBRARY, 'TrafficShift');
      const wait = durationCode(routing.WaitIntervalInSeconds ?? 0, b);
      const shift = routing.Type === 'CANARY' ? `TrafficShift.canary(${size(routing.CanarySize, b)}, ${wait})`
        : routing.Type === 'LINEAR' ? `TrafficShift.linear(${size(routing.LinearStepSize, b)}, ${wait})`
          : `TrafficShift.allAtOnce(${wait})`;
      entries.push(`trafficShift: ${shift},`);
    }
    if (blueGreen?.TerminationWaitInSeconds !== undefined) entries.push(`terminationWait: ${durationCode(blueGreen.TerminationWaitInSeconds, b)},`);
    if (blueGreen?.MaximumExecutionTimeoutInSeconds !== undefined) {
      entries.push(`maximumExecutionTimeout: ${durationCode(blueGreen.MaximumExecutionTimeoutInSeconds, b)},`);
    }
  }
  const alarms = (config.AutoRollbackConfiguration?.Alarms ?? []).flatMap((a) => (a.AlarmName ? [a.AlarmName] : []));
  if (alarms.length > 0) {
    b.useNamespace('aws-cdk-lib/aws-cloudwatch', 'cloudwatch');
    entries.push('autoRollbackAlarms: [', ...alarms.map((name) => `  cloudwatch.Alarm.fromAlarmName(this, ${quote(b.id('RollbackAlarm'))}, ${quote(name)}),`), '],');
  }
  entries.push('rollbackOnEndpointAlarms: false,');
  return `DeploymentStrategy.${factory}({\n${entries.map((e) => `${indent}  ${e}`).join('\n')}\n${indent}})`;
}

function size(capacity: CapacitySize | undefined, b: SourceBuilder): string {
  b.use(LIBRARY, 'CapacitySize');
  const value = capacity?.Value ?? 1;
  return capacity?.Type === 'CAPACITY_PERCENT' ? `CapacitySize.percent(${value})` : `CapacitySize.instanceCount(${value})`;
}
