import { Duration, Token } from 'aws-cdk-lib';
import { CapacitySize, TrafficShift, TrafficShiftType } from '../../lib';

describe('TrafficShift', () => {
  test('all at once, canary and linear render TrafficRoutingConfig', () => {
    expect(TrafficShift.allAtOnce()._render()).toEqual({ type: 'ALL_AT_ONCE', waitIntervalInSeconds: 0 });
    expect(TrafficShift.allAtOnce(Duration.minutes(5))._render()).toEqual({ type: 'ALL_AT_ONCE', waitIntervalInSeconds: 300 });
    expect(TrafficShift.canary(CapacitySize.percent(10), Duration.minutes(10))._render())
      .toEqual({ type: 'CANARY', waitIntervalInSeconds: 600, canarySize: { type: 'CAPACITY_PERCENT', value: 10 } });
    expect(TrafficShift.linear(CapacitySize.instanceCount(2), Duration.minutes(3))._render())
      .toEqual({ type: 'LINEAR', waitIntervalInSeconds: 180, linearStepSize: { type: 'INSTANCE_COUNT', value: 2 } });
    expect(TrafficShift.linear(CapacitySize.percent(25), Duration.seconds(0)).kind).toBe(TrafficShiftType.LINEAR);
  });

  test('canary: at most 50 %', () => {
    expect(() => TrafficShift.canary(CapacitySize.percent(51), Duration.minutes(1)))
      .toThrow('TrafficShift.canary.size: must be a whole percentage from 1 to 50, got 51 [OutOfRange]');
    expect(() => TrafficShift.canary(CapacitySize.percent(50), Duration.minutes(1))).not.toThrow();
    // A count is checked by SageMaker against the instance count at deployment time.
    expect(() => TrafficShift.canary(CapacitySize.instanceCount(60), Duration.minutes(1))).not.toThrow();
  });

  test.each([9, 51])('linear: steps of 10 to 50 %%, rejects %p', (step) => {
    expect(() => TrafficShift.linear(CapacitySize.percent(step), Duration.minutes(1)))
      .toThrow(`TrafficShift.linear.step: must be a whole percentage from 10 to 50, got ${step} [OutOfRange]`);
  });

  test.each([
    ['allAtOnce', () => TrafficShift.allAtOnce(Duration.seconds(3601))],
    ['canary', () => TrafficShift.canary(CapacitySize.percent(10), Duration.seconds(3601))],
    ['linear', () => TrafficShift.linear(CapacitySize.percent(10), Duration.millis(1500))],
  ])('%s: wait interval 0 to 3600 whole seconds', (factory, build) => {
    expect(build).toThrow(new RegExp(`^TrafficShift\\.${factory}\\.waitInterval: must be a whole number of seconds from 0 to 3600, got (3601|1\\.5) \\[OutOfRange\\]$`));
  });

  test('tokens never trip validation', () => {
    const n = Token.asNumber({ Ref: 'N' });
    expect(() => TrafficShift.canary(CapacitySize.percent(n), Duration.seconds(n))).not.toThrow();
    expect(() => TrafficShift.linear(CapacitySize.percent(n), Duration.seconds(n))).not.toThrow();
  });
});
