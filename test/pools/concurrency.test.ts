import { Token } from 'aws-cdk-lib';
import { checkConcurrency, mathConstant } from '../../lib/pools/concurrency';

describe('measured concurrency', () => {
  test.each([[20, '20'], [0.5, '0.5'], [0.001, '0.001'], [1_000_000, '1000000'], [12.3456789, '12.345679'], [1e-7, '0']])(
    'mathConstant(%p) is %p: plain decimals, never exponents', (value, text) => {
      expect(mathConstant(value)).toBe(text);
    });

  test('a token renders as a token', () => {
    expect(Token.isUnresolved(mathConstant(Token.asNumber({ Ref: 'M' })))).toBe(true);
  });

  test('bounds: 0.001 to 1,000,000', () => {
    expect(() => checkConcurrency('c', 0.001)).not.toThrow();
    expect(() => checkConcurrency('c', 1_000_000)).not.toThrow();
    expect(() => checkConcurrency('c', 1e-7)).toThrow(/c: must be a number from 0.001 to 1000000 .*got 1e-7 \[InvalidMaxConcurrency\]/);
  });
});
