import { cataloguedNames } from '../../lib/instance-types/instance-catalog';
import { didYouMean, malformedPart, nearestInstanceTypes } from '../../lib/instance-types/instance-type-suggestions';

describe('nearestInstanceTypes', () => {
  test.each([
    // a typo of a catalogued type: the types one edit away
    ['ml.g6x.48xlarge', ['ml.g6.48xlarge', 'ml.g6e.48xlarge']],
    ['ml.g6.48xlarg', ['ml.g6.48xlarge']],
    ['ml.p5.48xlrage', ['ml.p5.48xlarge']], // two neighbours swapped: one edit
    // case and whitespace: the fix itself
    ['ML.G6.48XLARGE', ['ml.g6.48xlarge']],
    [' ml.g5.xlarge', ['ml.g5.xlarge']],
    // nothing near
    ['ml.p5.48xl', []],
    ['ml.zz99.metal', []],
  ])('%p: %p', (name, expected) => {
    expect(nearestInstanceTypes(name)).toEqual(expected);
  });

  test('a catalogued name suggests no other type', () => {
    expect(nearestInstanceTypes('ml.g6.48xlarge')).toEqual([]);
  });

  test('at most three suggestions, all at the fewest edits', () => {
    const suggestions = nearestInstanceTypes('ml.g9.12xlarge');
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(3);
    suggestions.forEach((s) => expect(cataloguedNames()).toContain(s));
  });
});

describe('malformedPart', () => {
  test.each([
    ['ml.g6.48xlarge', undefined],
    ['ml.g6.48xlarg', "the size '48xlarg' is not a size (medium, large, xlarge, '<n>xlarge' such as 48xlarge, metal, nano, micro or small)"],
    ['ml..xlarge', "the family '' is not a family (a series letter, a generation digit, then attribute letters, like g6, p5en or p6-b200)"],
    ['g6.xlarge', "it starts with 'g6.', not 'ml.'"],
    ['', 'it is empty'],
    ['*', 'it has no dots (ml.<family>.<size>, like ml.g6.xlarge)'],
    ['ml.g6', 'it has 2 dot-separated parts, not 3 (ml, family, size)'],
    ['ml.g6.xlarge ', 'it holds whitespace'],
    ['ml.G6.xlarge', 'it holds capitals'],
  ])('%p: %p', (name, expected) => {
    expect(malformedPart(name)).toBe(expected);
  });
});

describe('didYouMean', () => {
  test.each([
    [[], ''],
    [['a'], " (did you mean 'a'?)"],
    [['a', 'b'], " (did you mean 'a' or 'b'?)"],
    [['a', 'b', 'c'], " (did you mean 'a', 'b' or 'c'?)"],
  ])('%p', (suggestions, expected) => {
    expect(didYouMean(suggestions)).toBe(expected);
  });
});
