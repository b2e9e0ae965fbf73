import { numericValue } from '../../../bin/fleet/recommend/recommendation-job';

describe('numericValue', () => {
  test.each([
    ['512.0', 512], [' 95.2 ', 95.2], ['0', 0], [12, 12], ['1e-6', 0.000001],
    ['', null], ['n/a', null], ['NaN', null], ['Infinity', null], [Number.NaN, null], [undefined, null], [null, null],
  ])('%j → %j', (reported, expected) => {
    expect(numericValue(reported as string | number | undefined | null)).toBe(expected);
  });
});
