import { readFileSync } from 'fs';
import { ProductionVariantInstanceType } from '@aws-sdk/client-sagemaker';
import { AcceleratorKind, InstanceType } from '../../lib';
import { CATALOG, CATALOG_SDK_VERSION } from '../../lib/instance-types/instance-type-catalog.generated';
import { CATALOG_FILE, renderCatalog, sdkVersion } from '../../scripts/generate-instance-types';

describe('instance-type catalog', () => {
  test('is not stale: the checked-in file is what `npm run generate:instance-types` writes from the installed SDK', () => {
    expect(CATALOG_SDK_VERSION).toBe(sdkVersion());
    expect(readFileSync(CATALOG_FILE, 'utf8')).toBe(renderCatalog());
  });

  test('lists every instance type of the SageMaker API model, and no other', () => {
    const listed = Object.entries(CATALOG).flatMap(([family, f]) => Object.keys(f.sizes).map((size) => `ml.${family}.${size}`)).sort();
    expect(listed).toEqual(Object.values(ProductionVariantInstanceType).sort());
    for (const name of listed) expect(InstanceType.of(name).isInCatalog).toBe(true);
  });

  test.each([
    ['ml.p5.48xlarge', AcceleratorKind.NVIDIA_GPU, 8, 2048, true],
    ['ml.g6.12xlarge', AcceleratorKind.NVIDIA_GPU, 4, 192, true],
    ['ml.g6e.xlarge', AcceleratorKind.NVIDIA_GPU, 1, 32, true],
    ['ml.g7e.12xlarge', AcceleratorKind.NVIDIA_GPU, 2, 512, true],
    ['ml.p6-b200.48xlarge', AcceleratorKind.NVIDIA_GPU, 8, 2048, true],
    ['ml.p6e-gb200.36xlarge', AcceleratorKind.NVIDIA_GPU, 4, 960, true],
    ['ml.p3.8xlarge', AcceleratorKind.NVIDIA_GPU, 4, 244, false],
    ['ml.inf2.48xlarge', AcceleratorKind.AWS_INFERENTIA, 12, 768, false],
    ['ml.inf1.6xlarge', AcceleratorKind.AWS_INFERENTIA, 4, 48, false],
    ['ml.trn1.32xlarge', AcceleratorKind.AWS_TRAINIUM, 16, 512, true],
    ['ml.trn2.48xlarge', AcceleratorKind.AWS_TRAINIUM, 16, 2048, true],
    ['ml.dl1.24xlarge', AcceleratorKind.HABANA_GAUDI, 8, 768, true],
    ['ml.m6gd.large', AcceleratorKind.NONE, 0, 8, true],
    ['ml.c5.9xlarge', AcceleratorKind.NONE, 0, 72, false],
    ['ml.c4.8xlarge', AcceleratorKind.NONE, 0, 60, false],
    ['ml.r7gd.medium', AcceleratorKind.NONE, 0, 8, true],
    ['ml.t2.medium', AcceleratorKind.NONE, 0, 4, false],
  ])('%s: %s x%d, %d GiB, local storage %s', (name, kind, count, memory, local) => {
    const type = InstanceType.of(name);
    expect(type.acceleratorKind).toBe(kind);
    expect(type.acceleratorCount).toBe(count);
    expect(type.memoryGiB).toBe(memory);
    expect(type.hasLocalStorage).toBe(local);
    expect(type.isAccelerated).toBe(count > 0);
  });

  test('keeps the existing getters: GPUs for NVIDIA only, neuron devices for Inferentia and Trainium only', () => {
    expect(InstanceType.of('ml.trn1.32xlarge').gpuCount).toBeUndefined();
    expect(InstanceType.of('ml.trn1.32xlarge').neuronDeviceCount).toBe(16);
    expect(InstanceType.of('ml.dl1.24xlarge').gpuCount).toBeUndefined();
    expect(InstanceType.of('ml.dl1.24xlarge').neuronDeviceCount).toBeUndefined();
    expect(InstanceType.of('ml.t2.xlarge').isBurstable).toBe(true);
    expect(InstanceType.of('ml.p5.48xlarge').size).toBe('48xlarge');
  });

  test('a catalogued type with unknown traits (no public specification yet) answers undefined, not a guess', () => {
    const g7 = InstanceType.of('ml.g7.2xlarge');
    expect(g7.isInCatalog).toBe(true);
    expect(g7.acceleratorKind).toBeUndefined();
    expect(g7.hasLocalStorage).toBeUndefined();
    expect(g7.memoryGiB).toBeUndefined();
  });

  test('a well-formed type newer than the catalog is accepted, with unknown traits', () => {
    const next = InstanceType.of('ml.g9.12xlarge');
    expect(next.isInCatalog).toBe(false);
    expect(next.family).toBe('g9');
    expect(next.acceleratorCount).toBeUndefined();
    expect(next.isBurstable).toBe(false);
  });
});
