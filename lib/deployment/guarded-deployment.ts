import { Annotations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { IConstruct } from 'constructs';
import { described, InstancePoolsError } from '../core/errors';
import { MAX_ROLLBACK_ALARMS } from './deployment-limits';
import { DeploymentStrategy } from './deployment-strategy';

/**
 * Wiring of a deployment strategy into an endpoint: which alarms roll it back, and the rules that depend on
 * the endpoint (variants, names, alarm count), checked at synth time once `addAlarms()` may have run.
 */

/**
 * The alarms an endpoint creates for itself that can roll its deployments back (its `addAlarms()` result
 * satisfies this shape), passed down as plain values so that deployment rules never depend on monitoring.
 */
export interface EndpointRollbackAlarms {
  /** Latency alarms, one per instance type. */
  readonly latencyAlarms: cloudwatch.IAlarm[];
  /** 5XX error-rate alarms, one per instance type. */
  readonly errorRateAlarms: cloudwatch.IAlarm[];
}

/** The endpoint's own latency and 5XX alarms (when wanted and created), then the user's. */
export function rollbackAlarms(strategy: DeploymentStrategy, own: EndpointRollbackAlarms | undefined): cloudwatch.IAlarm[] {
  const mine = strategy.rollbackOnEndpointAlarms && own ? [...own.latencyAlarms, ...own.errorRateAlarms] : [];
  return [...mine, ...strategy.autoRollbackAlarms];
}

/**
 * The broken rules, as messages for `node.addValidation`. `variants` are the endpoint config's rendered
 * production variants (escape hatches included); `fixedName` tells whether the endpoint name is given;
 * `maxInstances` is the most instances the variant can run when a deployment starts (the autoscaling maximum,
 * else its initial instance count), when known.
 */
export function deploymentErrors(scope: IConstruct, strategy: DeploymentStrategy, variants: any[],
  own: EndpointRollbackAlarms | undefined, fixedName: boolean, maxInstances?: number): string[] {
  const errors = strategy._targetErrors(variants.length, variants.some((v) => v.ServerlessConfig !== undefined));
  const alarms = rollbackAlarms(strategy, own);
  if (alarms.length > MAX_ROLLBACK_ALARMS) {
    errors.push(new InstancePoolsError('TooManyRollbackAlarms', 'deployment',
      `SageMaker watches at most ${MAX_ROLLBACK_ALARMS} rollback alarms (the endpoint's own latency and 5XX alarms, two per `
      + 'instance type, plus autoRollbackAlarms); pass fewer or set rollbackOnEndpointAlarms: false', alarms.length));
  }
  if (strategy.rollbackOnEndpointAlarms && own && !fixedName) {
    errors.push(new InstancePoolsError('RollbackNeedsEndpointName', 'endpointName',
      'rolling back on the endpoint\'s own alarms needs a fixed endpoint name: the alarms watch the endpoint by name and the '
      + 'endpoint names the alarms, a cycle CloudFormation cannot create. Set endpointName or rollbackOnEndpointAlarms: false',
      described('a generated name')));
  }
  const batch = strategy.maximumBatchSize;
  if (batch?.isPercent && maxInstances === 1) {
    // Rolling batches are "between 5% to 50% of the variant's total instance count"
    // (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_RollingUpdatePolicy.html); how SageMaker
    // rounds a percentage of one instance is not documented.
    Annotations.of(scope).addWarningV2('cdk-sagemaker-instance-pools:percentBatchOnOneInstance',
      `deployment: maximumBatchSize is ${batch.value} % of a variant that runs one instance, less than one instance, and SageMaker does `
      + 'not document how it rounds it. Give the batch as CapacitySize.instanceCount(1), run more instances, or deploy blue/green.');
  }
  if (alarms.length === 0) {
    Annotations.of(scope).addWarningV2('cdk-sagemaker-instance-pools:deploymentWithoutAlarms',
      'deployment: no alarms to roll back on; call addAlarms() on the endpoint or pass autoRollbackAlarms, or SageMaker bakes without watching anything.');
  }
  return errors.map((e) => e.message);
}
