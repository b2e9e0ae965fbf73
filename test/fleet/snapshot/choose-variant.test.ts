import { chooseVariant } from '../../../bin/fleet/snapshot/choose-variant';

const A = { VariantName: 'A' };
const B = { VariantName: 'B' };

describe('chooseVariant', () => {
  test('the only one, or the named one', () => {
    expect(chooseVariant([A], undefined, 'e')).toBe(A);
    expect(chooseVariant([A, B], 'B', 'e')).toBe(B);
  });

  test('several and no name, or an unknown name: a usage error listing the names', () => {
    expect(() => chooseVariant([A, B], undefined, 'e')).toThrow("endpoint 'e' has 2 production variants (A, B): pass --variant NAME.");
    expect(() => chooseVariant([A, B], 'C', 'e')).toThrow("endpoint 'e' has no production variant 'C' (it has A, B).");
  });

  test('none at all is unexpected', () => {
    expect(() => chooseVariant([], undefined, 'e')).toThrow(expect.objectContaining({ kind: 'unexpected' }));
  });
});
