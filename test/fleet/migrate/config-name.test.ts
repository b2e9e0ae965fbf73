import { newConfigName } from '../../../bin/fleet/migrate/config-name';
import { isSageMakerName } from '../../../bin/fleet/command-line';
import { NOW } from '../scenario';

describe('newConfigName', () => {
  test('endpoint name, -pools-, UTC time to the second, 4 random hex digits', () => {
    expect(newConfigName('llm-endpoint', NOW, () => 0.5)).toBe('llm-endpoint-pools-20261126-100000-8000');
    expect(newConfigName('llm-endpoint', NOW + 1000, () => 0)).toBe('llm-endpoint-pools-20261126-100001-0000');
    expect(newConfigName('llm-endpoint', NOW, () => 0.99999)).toBe('llm-endpoint-pools-20261126-100000-ffff');
  });

  test('a long endpoint name is shortened, without a trailing hyphen, to 63 characters at most', () => {
    const long = `${'a'.repeat(35)}-${'b'.repeat(27)}`;
    const name = newConfigName(long, NOW, () => 0.25);
    expect(name).toBe(`${'a'.repeat(35)}-pools-20261126-100000-4000`);
    expect(name.length).toBeLessThanOrEqual(63);
    expect(isSageMakerName(name)).toBe(true);
    const full = newConfigName('x'.repeat(63), NOW, () => 0.25);
    expect(full).toHaveLength(63);
    expect(isSageMakerName(full)).toBe(true);
  });

  test('two runs in the same second differ', () => {
    expect(newConfigName('e', NOW, () => 0.1)).not.toBe(newConfigName('e', NOW, () => 0.2));
  });
});
