import { InstanceType } from '../../lib';
import { FAMILY_SPECS, parseInstanceTypeName } from '../../lib/instance-types/instance-catalog';

/** The sizes SageMaker hosting instance types come in. */
const SIZE = /^(medium|large|xlarge|\d+xlarge)$/;

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

describe('FAMILY_SPECS', () => {
  const families = Object.entries(FAMILY_SPECS);

  test('family keys are what parseInstanceTypeName returns as a family', () => {
    families.forEach(([family]) => expect(parseInstanceTypeName(`ml.${family}.xlarge`)?.family).toBe(family));
  });

  test.each(families)('%s: localStorage is a boolean and accelerator counts are whole, positive, per real size', (_, spec) => {
    expect(typeof spec.localStorage).toBe('boolean');
    for (const counts of [spec.gpus, spec.neuronDevices]) {
      if (counts === undefined) continue;
      expect(Object.keys(counts).length).toBeGreaterThan(0);
      // No `default` key or other non-size key: InstanceType reads a count by exact size only.
      Object.keys(counts).forEach((size) => expect(size).toMatch(SIZE));
      Object.values(counts).forEach((n) => {
        expect(Number.isInteger(n)).toBe(true);
        expect(n).toBeGreaterThan(0);
      });
    }
  });

  test('a family has NVIDIA GPUs or AWS accelerators, never both, and burstable families have neither', () => {
    families.forEach(([family, spec]) => {
      expect([family, spec.gpus !== undefined && spec.neuronDevices !== undefined]).toEqual([family, false]);
      if (spec.burstable) expect([family, spec.gpus ?? spec.neuronDevices, spec.localStorage]).toEqual([family, undefined, false]);
    });
  });

  test('the burstable flag is set exactly on the t families', () => {
    expect(families.filter(([, spec]) => spec.burstable === true).map(([family]) => family)).toEqual(['t2', 't3']);
    expect(families.filter(([family]) => /^t\d/.test(family)).every(([, spec]) => spec.burstable === true)).toBe(true);
  });

  test('the catalog knows the families of the NVIDIA, AWS-accelerator and CPU types the library names', () => {
    const accelerated = families.filter(([, s]) => s.gpus).map(([f]) => f);
    expect(accelerated).toEqual(['g4dn', 'g5', 'g6', 'g6e', 'p3', 'p3dn', 'p4d', 'p4de', 'p5', 'p5e', 'p5en']);
    expect(families.filter(([, s]) => s.neuronDevices).map(([f]) => f)).toEqual(['inf2', 'trn1']);
  });

  test('every InstanceType constant parses to a catalogued family and size', () => {
    const constants = Object.values(InstanceType).filter((v): v is InstanceType => v instanceof InstanceType);
    expect(constants.length).toBeGreaterThan(20);
    constants.forEach((type) => {
      const parsed = parseInstanceTypeName(type.name);
      expect([type.name, parsed !== undefined && FAMILY_SPECS[parsed.family] !== undefined]).toEqual([type.name, true]);
      const spec = FAMILY_SPECS[parsed!.family];
      // An accelerated constant must have a count for its own size (else dashboards cannot normalize per GPU).
      if (spec.gpus) expect([type.name, spec.gpus[parsed!.size]]).toEqual([type.name, expect.any(Number)]);
      if (spec.neuronDevices) expect([type.name, spec.neuronDevices[parsed!.size]]).toEqual([type.name, expect.any(Number)]);
    });
  });

  test.each([
    // Spot checks against the EC2 specifications of the underlying instance types.
    ['g4dn', '12xlarge', 4, true],
    ['g5', '48xlarge', 8, true],
    ['g6e', '12xlarge', 4, true],
    ['g6', '16xlarge', 1, true],
    ['p3', '8xlarge', 4, false],
    ['p4d', '24xlarge', 8, true],
    ['p5', '48xlarge', 8, true],
  ])('ml.%s.%s: %p NVIDIA GPUs, local storage %p', (family, size, gpus, localStorage) => {
    expect(FAMILY_SPECS[family].gpus?.[size]).toBe(gpus);
    expect(FAMILY_SPECS[family].localStorage).toBe(localStorage);
  });

  test.each([
    ['inf2', 'xlarge', 1, false],
    ['inf2', '48xlarge', 12, false],
    ['trn1', '32xlarge', 16, true],
  ])('ml.%s.%s: %p Neuron devices, local storage %p', (family, size, devices, localStorage) => {
    expect(FAMILY_SPECS[family].neuronDevices?.[size]).toBe(devices);
    expect(FAMILY_SPECS[family].localStorage).toBe(localStorage);
  });

  test.each([['c5', false], ['c5d', true], ['m5', false], ['m5d', true], ['r5d', true], ['m7i', false]])(
    'CPU family %s: local storage %p, no accelerators', (family, localStorage) => {
      expect(FAMILY_SPECS[family]).toEqual({ localStorage });
    });
});
