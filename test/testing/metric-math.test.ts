import { testing } from '../../lib';

const { MetricMath } = testing;

describe('MetricMath (single-timestamp evaluator)', () => {
  test('arithmetic with all data present', () => {
    expect(MetricMath.evaluate('(p5 / 20 + g6 / 8) / 2', { p5: 18, g6: 7 })).toBeCloseTo(0.8875);
    expect(MetricMath.evaluate('2 ^ 3 * m1 - -1', { m1: 2 })).toBe(17);
  });

  test('a missing series counts as 0 when another series has data', () => {
    expect(MetricMath.evaluate('(p5 / 20 + g6 / 8) / 2', { p5: 18 })).toBeCloseTo(0.45);
    expect(MetricMath.evaluate('m1 + m2', { m2: 3 })).toBe(3);
  });

  test('no data point when no series has one', () => {
    expect(MetricMath.evaluate('(p5 / 20 + g6 / 8) / 2', {})).toBeUndefined();
    expect(MetricMath.evaluate('m1 * 5', {})).toBeUndefined();
  });

  test('division by zero drops the point', () => {
    expect(MetricMath.evaluate('m1 / m2', { m1: 4, m2: 0 })).toBeUndefined();
    expect(MetricMath.evaluate('m1 / 0', { m1: 4 })).toBeUndefined();
  });

  test('FILL fills a missing value', () => {
    expect(MetricMath.evaluate('FILL(m1, 0) + 1', {})).toBe(1);
    expect(MetricMath.evaluate('FILL(m1, -1)', { m1: 0 })).toBe(0);
    expect(MetricMath.evaluate('FILL(m1, m2)', { m2: 5 })).toBe(5);
    expect(() => MetricMath.evaluate('FILL(m1, REPEAT)', {})).toThrow(/several timestamps/);
  });

  test('comparisons and logic return 1 or 0, missing counts as 0 against another series', () => {
    expect(MetricMath.evaluate('m1 >= 0', { m1: 0 })).toBe(1);
    expect(MetricMath.evaluate('m1 < m2', { m1: 0, m2: 20 })).toBe(1);
    expect(MetricMath.evaluate('m1 < m2', { m1: 0 })).toBe(0);
    expect(MetricMath.evaluate('m1 > 15 AND m2 > 15', { m1: 30, m2: 20 })).toBe(1);
    expect(MetricMath.evaluate('m1 > 15 && m2 > 15', { m1: 30, m2: 10 })).toBe(0);
    expect(MetricMath.evaluate('m1 > 15 OR m2 > 15', { m1: 30, m2: 10 })).toBe(1);
  });

  test('IF follows the documented table', () => {
    // metric1 [1, 1, 0, 0, -], metric2 [30, -, 0, 0, 30], metric3 [0, 0, 20, -, 20] => [30, 0, 20, -, -]
    const rows: Array<[{ [id: string]: number }, number | undefined]> = [
      [{ m1: 1, m2: 30, m3: 0 }, 30], [{ m1: 1, m3: 0 }, 0], [{ m1: 0, m2: 0, m3: 20 }, 20], [{ m1: 0, m2: 0 }, undefined], [{ m2: 30, m3: 20 }, undefined],
    ];
    for (const [values, expected] of rows) {
      expect(MetricMath.evaluate('IF(m1, m2, m3)', values)).toBe(expected);
    }
    expect(MetricMath.evaluate('IF(m1, 5, m3)', { m1: 1 })).toBe(5);
    expect(MetricMath.evaluate('IF(m1 < 400, m1)', { m1: 500 })).toBeUndefined();
    expect(MetricMath.evaluate('IF(m1 < 400, m1)', { m1: 300 })).toBe(300);
  });

  test('array functions', () => {
    expect(MetricMath.evaluate('MAX([m1 / 20, m2 / 8])', { m1: 18 })).toBeCloseTo(0.9);
    expect(MetricMath.evaluate('MAX([m1, m2])', {})).toBeUndefined();
    expect(MetricMath.evaluate('MIN([m1, m2])', { m1: 3, m2: 2 })).toBe(2);
    expect(MetricMath.evaluate('AVG([m1, m2])', { m1: 4 })).toBe(2);
    expect(MetricMath.evaluate('SUM(METRICS())', { m1: 4, m2: 1 })).toBe(5);
    expect(MetricMath.evaluate('DATAPOINT_COUNT([m1, m2, m3])', { m1: 4, m3: 0 })).toBe(2);
    expect(MetricMath.evaluate('ABS(m1) + CEIL(m2) + FLOOR(m3)', { m1: -2, m2: 0.2, m3: 2.9 })).toBe(5);
  });

  test('expressions may reference other expressions', () => {
    const queries = [{ id: 'errors' }, { id: 'requests' }, { id: 'rate', expression: 'errors / requests' }, { id: 'percent', expression: 'rate * 100' }];
    expect(MetricMath.evaluateQueries(queries, 'percent', { errors: 1, requests: 4 })).toBe(25);
    expect(() => MetricMath.evaluateQueries([{ id: 'a', expression: 'a + 1' }], 'a', {})).toThrow(/references itself/);
    expect(() => MetricMath.evaluateQueries([{ id: 'a', expression: 'b + 1' }], 'a', {})).toThrow(/unknown id 'b'/);
  });

  test('rejects what it cannot evaluate', () => {
    expect(() => MetricMath.evaluate('RATE(m1)', { m1: 1 })).toThrow(/RATE is not supported/);
    expect(() => MetricMath.evaluate('PERIOD(m1)', { m1: 1 })).toThrow(/PERIOD needs the metrics' period: pass \{ periodSeconds \}/);
    expect(() => MetricMath.evaluate('METRICS()', { m1: 1 })).toThrow(/several time series/);
    expect(() => MetricMath.evaluate('FILL(m1)', {})).toThrow(/FILL takes 2..2 arguments/);
  });
});

describe('MetricMath: PERIOD', () => {
  test('returns the metrics\' period in seconds, as a scalar', () => {
    expect(MetricMath.evaluate('m1 / (PERIOD(m1) / 10)', { m1: 18 }, { periodSeconds: 60 })).toBe(3);
    expect(MetricMath.evaluate('PERIOD(m1)', {}, { periodSeconds: 300 })).toBe(300);
    expect(MetricMath.evaluate('m1 / (PERIOD(m1) / 10)', {}, { periodSeconds: 60 })).toBeUndefined();
  });
});
