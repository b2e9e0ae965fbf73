import { Annotations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { IConstruct } from 'constructs';
import { InstancePoolsError } from '../core/errors';
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
 * production variants (escape hatches included); `fixedName` tells whether the endpoint name is given.
 */
export function deploymentErrors(scope: IConstruct, strategy: DeploymentStrategy, variants: any[],
  own: EndpointRollbackAlarms | undefined, fixedName: boolean): string[] {
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
      'a generated name'));
  }
  if (alarms.length === 0) {
    Annotations.of(scope).addWarningV2('cdk-sagemaker-instance-pools:deploymentWithoutAlarms',
      'deployment: no alarms to roll back on; call addAlarms() on the endpoint or pass autoRollbackAlarms, or SageMaker bakes without watching anything.');
  }
  return errors.map((e) => e.message);
}
