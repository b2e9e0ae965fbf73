import { InstanceType } from '../../lib';
import { isCatalogued, parseInstanceTypeName, suggestInstanceTypeName, traitsOf } from '../../lib/instance-types/instance-catalog';
import { CATALOG } from '../../lib/instance-types/instance-type-catalog.generated';

describe('parseInstanceTypeName', () => {
  test.each([
    ['ml.g6.48xlarge', 'g6', '48xlarge'],
    ['ml.g6e.xlarge', 'g6e', 'xlarge'],
    ['ml.p4de.24xlarge', 'p4de', '24xlarge'],
    ['ml.p5en.48xlarge', 'p5en', '48xlarge'],
    ['ml.t2.medium', 't2', 'medium'],
    ['ml.inf2.8xlarge', 'inf2', '8xlarge'],
    ['ml.zz9.large', 'zz9', 'large'],
  ])('splits %s into family %s and size %s', (name, family, size) => {
    expect(parseInstanceTypeName(name)).toEqual({ family, size });
  });

  test.each([
    ['no ml. prefix', 'g6.48xlarge'],
    ['no size', 'ml.g6'],
    ['a fourth part', 'ml.g6.48xlarge.extra'],
    ['upper case', 'ML.G6.48XLARGE'],
    ['an upper-case family', 'ml.G6.48xlarge'],
    ['an empty family', 'ml..xlarge'],
    ['an empty size', 'ml.g6.'],
    ['surrounding space', ' ml.g6.48xlarge'],
    ['a trailing newline', 'ml.g6.48xlarge\n'],
    ['an underscore', 'ml.g_6.xlarge'],
    ['the empty string', ''],
  ])('is undefined for a name with %s', (_, name) => {
    expect(parseInstanceTypeName(name)).toBeUndefined();
  });

  test('returns a fresh object per call', () => {
    const first = parseInstanceTypeName('ml.g6.xlarge')!;
    expect(parseInstanceTypeName('ml.g6.xlarge')).not.toBe(first);
  });
});

describe('catalog reads', () => {
  test('every InstanceType constant is catalogued, with traits (dashboards normalize GPU metrics by its count)', () => {
    const constants = Object.values(InstanceType).filter((v): v is InstanceType => v instanceof InstanceType);
    expect(constants.length).toBeGreaterThan(20);
    constants.forEach((type) => {
      expect([type.name, isCatalogued(type.name)]).toEqual([type.name, true]);
      expect([type.name, traitsOf(type.name)?.memoryGiB]).toEqual([type.name, expect.any(Number)]);
    });
  });

  test('traitsOf: undefined for types the catalog lacks, and for catalogued types whose traits are unknown', () => {
    expect(traitsOf('ml.zz9.large')).toBeUndefined();
    expect(isCatalogued('ml.zz9.large')).toBe(false);
    expect(isCatalogued('ml.g7.2xlarge')).toBe(true);
    expect(traitsOf('ml.g7.2xlarge')).toBeUndefined();
    expect(traitsOf('ml.g5.12xlarge')).toEqual({ accelerator: 'NVIDIA_GPU', acceleratorCount: 4, memoryGiB: 192, localStorage: true, burstable: false });
  });

  test('the burstable flag is set exactly on the t families', () => {
    const burstable = Object.entries(CATALOG).filter(([, f]) => f.burstable).map(([family]) => family);
    expect(burstable).toEqual(Object.keys(CATALOG).filter((family) => /^t\d/.test(family)));
  });

  test('accelerator counts are whole and positive on accelerated families, 0 on CPU families', () => {
    for (const [family, f] of Object.entries(CATALOG)) {
      for (const [size, traits] of Object.entries(f.sizes)) {
        if (traits === null) continue;
        const [count, memory] = traits;
        expect([`${family}.${size}`, Number.isInteger(count), memory > 0]).toEqual([`${family}.${size}`, true, true]);
        expect([`${family}.${size}`, f.accelerator === 'NONE' ? count === 0 : count > 0]).toEqual([`${family}.${size}`, true]);
      }
    }
  });

  test.each([
    ['ML.G5.XLARGE', 'ml.g5.xlarge'], ['ml.g5.xlarge ', 'ml.g5.xlarge'], ['g5.xlarge', 'ml.g5.xlarge'], ['ml.g5/xlarge', undefined], ['ml.g5.xlarge', undefined],
  ])('suggests for %p: %p', (name, suggestion) => {
    expect(suggestInstanceTypeName(name)).toBe(suggestion);
  });
});
