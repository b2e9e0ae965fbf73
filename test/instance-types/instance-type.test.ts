import { Token } from 'aws-cdk-lib';
import { InstanceType } from '../../lib';

describe('InstanceType', () => {
  test('knows the GPU count of common types', () => {
    expect(InstanceType.ML_P5_48XLARGE.gpuCount).toBe(8);
    expect(InstanceType.ML_G6_12XLARGE.gpuCount).toBe(4);
    expect(InstanceType.ML_G5_2XLARGE.gpuCount).toBe(1);
    expect(InstanceType.of('ml.g6e.48xlarge').gpuCount).toBe(8);
    expect(InstanceType.ML_M5_XLARGE.gpuCount).toBeUndefined();
  });

  test('knows AWS accelerators', () => {
    expect(InstanceType.ML_INF2_48XLARGE.neuronDeviceCount).toBe(12);
    expect(InstanceType.ML_INF2_48XLARGE.isAccelerated).toBe(true);
    expect(InstanceType.ML_C5_XLARGE.isAccelerated).toBe(false);
  });

  test('knows local NVMe storage, and says undefined for unknown families', () => {
    expect(InstanceType.ML_G5_12XLARGE.hasLocalStorage).toBe(true);
    expect(InstanceType.ML_P5_48XLARGE.hasLocalStorage).toBe(true);
    expect(InstanceType.ML_M5_XLARGE.hasLocalStorage).toBe(false);
    expect(InstanceType.of('ml.zz9.large').hasLocalStorage).toBeUndefined();
    expect(InstanceType.of('ml.zz9.large').isInCatalog).toBe(false);
  });

  test('recognizes burstable types', () => {
    expect(InstanceType.ML_T2_MEDIUM.isBurstable).toBe(true);
    expect(InstanceType.of('ml.t3.large').isBurstable).toBe(true);
    expect(InstanceType.ML_G6_XLARGE.isBurstable).toBe(false);
  });

  test('parses family and renders its name', () => {
    expect(InstanceType.ML_G6E_12XLARGE.family).toBe('g6e');
    expect(InstanceType.ML_G6E_12XLARGE.toString()).toBe('ml.g6e.12xlarge');
  });

  test('two instance types of one name are equal, whatever has been read from either (deep equality, JSON)', () => {
    const read = InstanceType.of('ml.g6.48xlarge');
    expect([read.isUnresolved, read.family, read.gpuCount, read.hasLocalStorage]).toEqual([false, 'g6', 8, true]);
    expect(read).toEqual(InstanceType.of('ml.g6.48xlarge'));
    expect(JSON.stringify(read)).toBe('{"name":"ml.g6.48xlarge"}');
    expect(Object.keys(read)).toEqual(['name']);
  });

  test('tokens are unresolved and carry no traits', () => {
    const type = InstanceType.of(Token.asString({ Ref: 'Type' }));
    expect(type.isUnresolved).toBe(true);
    expect(type.family).toBeUndefined();
    expect(type.hasLocalStorage).toBeUndefined();
    expect(type.isBurstable).toBe(false);
  });
});
