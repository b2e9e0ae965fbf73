import { Token } from 'aws-cdk-lib';
import { CapacitySize, CapacitySizeType } from '../../lib';

describe('CapacitySize', () => {
  test('renders the SageMaker CapacitySize shape', () => {
    // GIVEN / WHEN
    const percent = CapacitySize.percent(20);
    const count = CapacitySize.instanceCount(2);
    // THEN
    expect(percent._render()).toEqual({ type: 'CAPACITY_PERCENT', value: 20 });
    expect(count._render()).toEqual({ type: 'INSTANCE_COUNT', value: 2 });
    expect([percent.kind, percent.isPercent, count.kind, count.isPercent]).toEqual([CapacitySizeType.CAPACITY_PERCENT, true, CapacitySizeType.INSTANCE_COUNT, false]);
  });

  test.each([0, 101, 12.5])('rejects percent(%p)', (value) => {
    expect(() => CapacitySize.percent(value)).toThrow(`CapacitySize.percent: must be a whole percentage from 1 to 100, got ${value} [OutOfRange]`);
  });

  test.each([0, -1, 1.5])('rejects instanceCount(%p)', (value) => {
    expect(() => CapacitySize.instanceCount(value)).toThrow(`CapacitySize.instanceCount: must be an integer of at least 1 (and at most 2147483647, the API's integer range), got ${value} [OutOfRange]`);
  });

  test('accepts the range limits and tokens', () => {
    expect(() => [CapacitySize.percent(1), CapacitySize.percent(100), CapacitySize.instanceCount(1)]).not.toThrow();
    const n = Token.asNumber({ Ref: 'Size' });
    expect(CapacitySize.percent(n).value).toBe(n);
    expect(CapacitySize.instanceCount(n).value).toBe(n);
  });
});
