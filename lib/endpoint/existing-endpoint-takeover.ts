import { Annotations, CfnElement, CfnResource, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { described, InstancePoolsError } from '../core/errors';
import { requireObject, requireString, requireValue } from '../core/required';
import { ExistingEndpoint } from './existing-endpoint';

/** CloudFormation logical IDs: letters and digits, 1 to 255 characters. */
const LOGICAL_ID = /^[A-Za-z0-9]{1,255}$/;

/**
 * Validates an `ExistingEndpoint` against the endpoint that takes it over; throws `InvalidLogicalId` or
 * `ExistingEndpointMismatch` on the first broken rule.
 */
export function validateExistingEndpoint(existing: ExistingEndpoint, endpointName: string | undefined, variantName: string): void {
  requireObject('existingEndpoint', existing);
  requireValue('existingEndpoint.endpointLogicalId', existing.endpointLogicalId, 'the logical ID of the endpoint in the deployed template');
  if (existing.scalableTargetResourceId !== undefined && existing.scalableTargetResourceId !== null) {
    requireString('existingEndpoint.scalableTargetResourceId', existing.scalableTargetResourceId, 'the ResourceId of the deployed scalable target');
  }
  for (const [prop, id] of [['endpointLogicalId', existing.endpointLogicalId], ['scalableTargetLogicalId', existing.scalableTargetLogicalId]] as const) {
    if (id === undefined || id === null) continue;
    if (Token.isUnresolved(id)) {
      // A logical ID is a key of the template, written before any parameter or attribute has a value.
      throw new InstancePoolsError('InvalidLogicalId', `existingEndpoint.${prop}`,
        'must be known at synth time: a logical ID is a key of the template, not a value CloudFormation resolves', described('a token'));
    }
    if (typeof id !== 'string' || !LOGICAL_ID.test(id)) {
      throw new InstancePoolsError('InvalidLogicalId', `existingEndpoint.${prop}`, 'a CloudFormation logical ID: letters and digits, 1 to 255 characters', id);
    }
  }
  if (existing.endpointLogicalId === existing.scalableTargetLogicalId) {
    throw new InstancePoolsError('InvalidLogicalId', 'existingEndpoint.scalableTargetLogicalId', 'must differ from endpointLogicalId', existing.scalableTargetLogicalId);
  }
  const resourceId = existing.scalableTargetResourceId;
  if (resourceId === undefined || Token.isUnresolved(resourceId)) return;
  if (existing.scalableTargetLogicalId === undefined) {
    throw new InstancePoolsError('ExistingEndpointMismatch', 'existingEndpoint.scalableTargetResourceId', 'applies to a taken-over scalable target: set scalableTargetLogicalId too', resourceId);
  }
  if (endpointName === undefined || Token.isUnresolved(endpointName)) {
    throw new InstancePoolsError('ExistingEndpointMismatch', 'existingEndpoint.scalableTargetResourceId',
      'a plain-string ResourceId names the endpoint, so the endpoint needs the same fixed endpointName', resourceId);
  }
  const expected = `endpoint/${endpointName}/variant/${variantName}`;
  if (resourceId !== expected) {
    throw new InstancePoolsError('ExistingEndpointMismatch', 'existingEndpoint.scalableTargetResourceId',
      `must name this endpoint's variant, '${expected}' (a ResourceId naming another endpoint would move its autoscaling here)`, resourceId);
  }
}

/**
 * Logical IDs are unique in a template: a taken-over logical ID that another resource of the stack still holds (most
 * often the endpoint being taken over, still in the app) would make synthesis fail without a word on which prop is
 * wrong. Checked at synth time, when every resource of the stack exists.
 */
export function takenLogicalIdErrors(ours: CfnElement[], existing: ExistingEndpoint): string[] {
  const stack = Stack.of(ours[0]);
  const wanted = new Map<string, string>([[existing.endpointLogicalId, 'endpointLogicalId']]);
  if (existing.scalableTargetLogicalId !== undefined && existing.scalableTargetLogicalId !== null) wanted.set(existing.scalableTargetLogicalId, 'scalableTargetLogicalId');
  const errors: string[] = [];
  for (const element of stack.node.findAll()) {
    if (!CfnElement.isCfnElement(element) || ours.includes(element) || Stack.of(element) !== stack) continue;
    const logicalId = stack.resolve(element.logicalId);
    const prop = wanted.get(logicalId);
    if (prop === undefined) continue;
    errors.push(new InstancePoolsError('InvalidLogicalId', `existingEndpoint.${prop}`,
      `logical IDs are unique in a template, and ${element.node.path} already has this one: remove the resource being taken over from the app `
      + '(this endpoint takes its place), or name the logical ID of another resource', logicalId).message);
  }
  return errors;
}

/** Gives `endpoint` the logical ID the deployed template knows it by. */
export function takeOverEndpoint(endpoint: CfnResource, existing: ExistingEndpoint): void {
  endpoint.overrideLogicalId(existing.endpointLogicalId);
}

/**
 * Gives a new scalable target the logical ID (and, when given, the `ResourceId` text) of the one the deployed
 * template holds, so CloudFormation updates the live registration instead of replacing it.
 */
export function takeOverScalableTarget(target: CfnResource & { resourceId: string }, existing: ExistingEndpoint): void {
  if (existing.scalableTargetLogicalId === undefined) return;
  target.overrideLogicalId(existing.scalableTargetLogicalId);
  if (existing.scalableTargetResourceId !== undefined) target.resourceId = existing.scalableTargetResourceId;
  // SageMaker refuses an update that changes the instance type of a variant registered with Application Auto
  // Scaling (https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-scaling-update.html). Whether moving from
  // InstanceType to InstancePools counts is not documented (AWS's launch post says scaling policies keep working).
  // Safe: keep the registration; if SageMaker refuses, CloudFormation rolls back and the endpoint keeps serving.
  Annotations.of(target).addWarningV2('cdk-sagemaker-instance-pools:takeOverAutoscaledVariant',
    'existingEndpoint: the first deploy moves an autoscaled variant onto instance pools. AWS does not document whether '
    + 'SageMaker accepts that while the variant is registered with Application Auto Scaling. If it refuses, CloudFormation '
    + 'rolls the update back and the endpoint keeps serving on its old config: then deploy in two steps (see the README, '
    + '"Migrating an existing endpoint").');
}

/**
 * Warns at synth time when a taken-over scalable target has no autoscaling to take it over: the first deploy
 * would delete the live registration.
 */
export function warnUntakenScalableTarget(scope: IConstruct, existing: ExistingEndpoint, autoScaled: boolean): void {
  if (existing.scalableTargetLogicalId === undefined || autoScaled) return;
  Annotations.of(scope).addWarningV2('cdk-sagemaker-instance-pools:scalableTargetNotTakenOver',
    `existingEndpoint.scalableTargetLogicalId: '${existing.scalableTargetLogicalId}' is given but autoScale() is not called, so the next deploy `
    + 'deletes that scalable target and the endpoint stops autoscaling. Call autoScale() on this endpoint, or drop scalableTargetLogicalId.');
}
