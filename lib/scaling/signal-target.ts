import { described, InstancePoolsError } from '../core/errors';

/**
 * What a scaling signal scales: a variant's instances (`ScalingSignal`) or an inference component's copies
 * (`CopyScalingSignal`). Both classes have the same `bind` method, so a signal of one kind passed where the other
 * belongs (from JavaScript, or through a cast) would render a policy the other scalable dimension cannot use, or fail
 * inside aws-cdk-lib. Each class carries its kind on its prototype under a registered symbol, outside the jsii API;
 * a signal written by hand carries none and is not checked here.
 */
const SIGNAL_TARGET = Symbol.for('cdk-sagemaker-instance-pools.signalTarget');

/** `instances` for a variant's signals, `copies` for an inference component's. */
export type SignalTarget = 'instances' | 'copies';

/** Marks every signal of `signalClass` as scaling `target`. */
export function markSignalTarget(signalClass: Function, target: SignalTarget): void {
  Object.defineProperty(signalClass.prototype, SIGNAL_TARGET, { value: target });
}

/** `signal` must not be a library signal of the other kind: `[InvalidEnumValue]` naming what it is and `factories`. */
export function checkSignalTarget(signal: unknown, expected: SignalTarget, factories: string): void {
  const target = signal !== null && typeof signal === 'object' ? (signal as any)[SIGNAL_TARGET] : undefined;
  if (target === undefined || target === expected) return;
  throw new InstancePoolsError('InvalidEnumValue', 'signal', `must be made by ${factories}`,
    described(target === 'copies' ? 'a CopyScalingSignal, which scales the copies of an inference component'
      : 'a ScalingSignal, which scales the instances of a variant'));
}
