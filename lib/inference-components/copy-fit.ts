import { Annotations, SizeRoundingBehavior, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { IInstancePoolEndpoint } from '../pools/instance-pool-endpoint';
import { InstanceTypePlacement } from './inference-component-specification';

/**
 * Whether a component's copies can fit on its endpoint at all. A copy reserves its accelerators
 * (`NumberOfAcceleratorDevicesRequired`) and memory (`MinMemoryRequiredInMb`) on one instance
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_InferenceComponentComputeResourceRequirements.html),
 * and managed instance scaling runs at most `MaxInstanceCount` instances across the pools
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProductionVariantManagedInstanceScaling.html). How
 * SageMaker packs copies (what it keeps of an instance's memory for itself, how it mixes components and types) is not
 * documented, so this is no error: only a count that cannot fit even if every instance were of the type that holds
 * the most copies, using all its accelerators and memory, is warned about. The API's own range for `CopyCount`
 * (an integer from 0, https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_InferenceComponentRuntimeConfig.html)
 * is an error where the count is given.
 */

/** The most copies one instance of the placement's type can hold, and why; undefined when nothing bounds it. */
export function copiesPerInstance(placement: InstanceTypePlacement): { readonly copies: number; readonly why: string } | undefined {
  const type = placement.instanceType;
  if (type.isUnresolved) return undefined;
  const bounds: Array<{ copies: number; why: string }> = [];
  const perCopy = placement.acceleratorCount;
  const devices = type.acceleratorCount;
  if (perCopy !== undefined && !Token.isUnresolved(perCopy) && perCopy > 0 && devices !== undefined) {
    bounds.push({ copies: Math.floor(devices / perCopy), why: `${devices} accelerators, ${perCopy} per copy` });
  }
  const memory = type.memoryGiB;
  const minMemory = placement.minMemory;
  if (minMemory !== undefined && !minMemory.isUnresolved() && memory !== undefined) {
    const mib = minMemory.toMebibytes({ rounding: SizeRoundingBehavior.NONE });
    if (mib > 0) bounds.push({ copies: Math.floor((memory * 1024) / mib), why: `${memory} GiB of memory, ${mib} MiB per copy` });
  }
  if (bounds.length === 0) return undefined;
  return bounds.reduce((least, bound) => (bound.copies < least.copies ? bound : least));
}

/**
 * The most instances the endpoint runs, when this construct tree knows it: managed instance scaling's
 * `maxInstanceCount`, read by name (`InferenceComponentEndpoint` has it; an imported endpoint does not). Without
 * managed instance scaling the count can still change outside the template (UpdateEndpointWeightsAndCapacities), so
 * the initial count bounds nothing.
 */
function maxInstanceCount(endpoint: IInstancePoolEndpoint): number | undefined {
  const bound = (endpoint as { managedInstanceScaling?: { maxInstanceCount?: unknown } }).managedInstanceScaling?.maxInstanceCount;
  return typeof bound === 'number' && !Token.isUnresolved(bound) ? bound : undefined;
}

/**
 * Warns (`copiesExceedFleet`) when `copies` (the prop `prop`: `copyCount`, `maxCopyCount`) is more than the
 * endpoint's instance bound times the most copies one instance of any of the component's types can hold.
 */
export function warnCopiesBeyondFleet(scope: IConstruct, prop: string, copies: number | undefined, endpoint: IInstancePoolEndpoint,
  placements: readonly InstanceTypePlacement[]): void {
  if (copies === undefined || copies === null || Token.isUnresolved(copies) || placements.length === 0) return;
  const instances = maxInstanceCount(endpoint);
  const perType = placements.map((placement) => ({ type: placement.instanceType.name, bound: copiesPerInstance(placement) }));
  if (instances === undefined || perType.some((t) => t.bound === undefined)) return;
  const most = instances * Math.max(...perType.map((t) => t.bound!.copies));
  if (copies <= most) return;
  const types = perType.map((t) => `${t.bound!.copies} per ${t.type} instance (${t.bound!.why})`).join(', ');
  Annotations.of(scope).addWarningV2('cdk-sagemaker-instance-pools:copiesExceedFleet',
    `${prop}: ${copies} copies cannot all be placed: the endpoint runs at most ${instances} instance${instances === 1 ? '' : 's'} `
    + `(managedInstanceScaling.maxInstanceCount), and one instance holds at most ${types}, so at most ${most} cop${most === 1 ? 'y fits' : 'ies fit'}, `
    + `fewer if SageMaker keeps memory for itself. What SageMaker does with copies it cannot place is not documented. Lower ${prop}, or raise `
    + 'managedInstanceScaling.maxInstanceCount.');
}
