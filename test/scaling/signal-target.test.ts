import { CopyScalingSignal, ScalingSignal } from '../../lib';
import { InstancePoolsError } from '../../lib/core/errors';
import { checkSignalTarget } from '../../lib/scaling/signal-target';
import { seedEndpoint } from '../endpoint/fixtures';
import { pooledComponent } from '../inference-components/fixtures';
import { testStack } from '../util';

const VARIANT = 'ScalingSignal.weightedUtilization(), .concurrentRequestsPerModel() or .backlogPerInstance()';
const COPIES = 'CopyScalingSignal.weightedUtilization(), .concurrentRequestsPerCopy() or .invocationsPerCopy()';

/** The coded error `fn` throws (once: the construct it names exists afterwards). */
function thrown(fn: () => unknown): InstancePoolsError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InstancePoolsError);
    return error as InstancePoolsError;
  }
  throw new Error('expected an InstancePoolsError, got none');
}

describe('checkSignalTarget', () => {
  test('passes a signal of the expected kind, a signal written by hand and no signal', () => {
    expect(() => checkSignalTarget(ScalingSignal.concurrentRequestsPerModel({ targetValue: 4 }), 'instances', VARIANT)).not.toThrow();
    expect(() => checkSignalTarget(CopyScalingSignal.invocationsPerCopy({ targetValue: 4 }), 'copies', COPIES)).not.toThrow();
    expect(() => checkSignalTarget({ bind: () => ({}) }, 'instances', VARIANT)).not.toThrow();
    expect(() => checkSignalTarget(undefined, 'copies', COPIES)).not.toThrow();
  });

  test.each<[string, () => unknown, string]>([
    ['CopyScalingSignal.weightedUtilization()', () => CopyScalingSignal.weightedUtilization({ targetUtilization: 0.7 }), 'a CopyScalingSignal'],
    ['CopyScalingSignal.concurrentRequestsPerCopy()', () => CopyScalingSignal.concurrentRequestsPerCopy({ targetValue: 4 }), 'a CopyScalingSignal'],
    ['CopyScalingSignal.invocationsPerCopy()', () => CopyScalingSignal.invocationsPerCopy({ targetValue: 4 }), 'a CopyScalingSignal'],
  ])('an endpoint\'s autoScale() refuses %s', (_, signal, what) => {
    const endpoint = seedEndpoint(testStack());
    const error = thrown(() => endpoint.autoScale({ maxCapacity: 3, signal: signal() as any }));
    expect(error.message).toBe(`signal: must be made by ${VARIANT}, got ${what}, which scales the copies of an inference component [InvalidEnumValue]`);
    expect(endpoint.autoScaling).toBeUndefined();
  });

  test.each<[string, () => unknown]>([
    ['ScalingSignal.weightedUtilization()', () => ScalingSignal.weightedUtilization({ targetUtilization: 0.7 })],
    ['ScalingSignal.concurrentRequestsPerModel()', () => ScalingSignal.concurrentRequestsPerModel({ targetValue: 4 })],
    ['ScalingSignal.backlogPerInstance()', () => ScalingSignal.backlogPerInstance({ targetValue: 5 })],
  ])('an inference component\'s autoScale() refuses %s', (_, signal) => {
    const { component } = pooledComponent(testStack());
    const error = thrown(() => component.autoScale({ maxCopyCount: 3, signal: signal() as any }));
    expect(error.message).toBe(`signal: must be made by ${COPIES}, got a ScalingSignal, which scales the instances of a variant [InvalidEnumValue]`);
  });
});
