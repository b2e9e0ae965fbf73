import { parse } from '../../lib/testing/metric-math-parser';

describe('metric-math parser', () => {
  test('precedence: comparison below sum below product below power', () => {
    expect(parse('a + b * c ^ 2 >= 1')).toEqual({
      kind: 'bin', op: '>=', right: { kind: 'num', value: 1 },
      left: { kind: 'bin', op: '+', left: { kind: 'id', name: 'a' }, right: {
        kind: 'bin', op: '*', left: { kind: 'id', name: 'b' }, right: { kind: 'bin', op: '^', left: { kind: 'id', name: 'c' }, right: { kind: 'num', value: 2 } },
      } },
    });
  });

  test('functions, arrays, strings and keywords', () => {
    expect(parse('SUM(METRICS("errors"))')).toEqual({ kind: 'call', fn: 'SUM', args: [{ kind: 'call', fn: 'METRICS', args: [{ kind: 'str', value: 'errors' }] }] });
    expect(parse('MAX([a, 1.5])')).toEqual({ kind: 'call', fn: 'MAX', args: [{ kind: 'array', items: [{ kind: 'id', name: 'a' }, { kind: 'num', value: 1.5 }] }] });
    expect(parse('FILL(a, LINEAR)')).toEqual({ kind: 'call', fn: 'FILL', args: [{ kind: 'id', name: 'a' }, { kind: 'str', value: 'LINEAR' }] });
  });

  test('AND / OR keywords map to && / ||', () => {
    expect(parse('a AND b OR c')).toEqual({ kind: 'bin', op: '||', left: { kind: 'bin', op: '&&', left: { kind: 'id', name: 'a' }, right: { kind: 'id', name: 'b' } }, right: { kind: 'id', name: 'c' } });
  });

  test('syntax errors name the expression', () => {
    expect(() => parse('(a + b')).toThrow("metric math: expected ')' but found 'end' in '(a + b'");
    expect(() => parse('a + ')).toThrow(/unexpected end/);
    expect(() => parse('a $ b')).toThrow(/unexpected input at '\$ b'/);
    expect(() => parse('Bad + 1')).toThrow(/unexpected 'Bad'/);
    expect(() => parse('a b')).toThrow(/unexpected 'b'/);
  });
});
