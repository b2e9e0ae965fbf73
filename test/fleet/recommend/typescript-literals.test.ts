import { comment, pascal, tsString, tsStringRecord } from '../../../bin/fleet/recommend/typescript-literals';
import { runTypeScript } from '../../typescript-module';

/** Evaluates a TypeScript expression the way a compiled program would. */
function evaluate(expression: string): unknown {
  return runTypeScript(`module.exports = ${expression};`, require);
}

describe('tsString', () => {
  test.each([
    'arn:aws:sagemaker:us-east-1:111122223333:model-package/qwen3-recs/3',
    "it's \"quoted\"",
    'back\\slash and ${template} and `tick`',
    'line\nbreak\r\ttab',
    'separators \u2028 and \u2029',
    "'); process.exit(1); ('",
  ])('%j round-trips through the compiler unchanged', (value) => {
    const literal = tsString(value);
    expect(literal).toMatch(/^'.*'$/s);
    expect(literal).not.toMatch(/[\n\r\u2028\u2029]/);
    expect(evaluate(literal)).toBe(value);
  });
});

describe('tsStringRecord', () => {
  test('quotes keys and values', () => {
    const record = { 'OPTION_MAX_MODEL_LEN': '16384', "odd'key": 'v' };
    expect(tsStringRecord(record)).toBe("{ 'OPTION_MAX_MODEL_LEN': '16384', 'odd\\'key': 'v' }");
    expect(evaluate(tsStringRecord(record))).toEqual(record);
    expect(tsStringRecord({})).toBe('{}');
  });
});

describe('comment', () => {
  test('wraps at the width, one // line each, at the indent', () => {
    const lines = comment('alpha beta gamma delta epsilon', '  ', 20);
    expect(lines).toEqual(['  // alpha beta', '  // gamma delta', '  // epsilon']);
  });

  test('text from AWS cannot end the comment: newlines and line separators become spaces', () => {
    const lines = comment('reason\nprocess.exit(1)\u2028x', '');
    expect(lines).toEqual(['// reason process.exit(1) x']);
  });
});

test('pascal', () => {
  expect(pascal('g6e12xlargeModel')).toBe('G6e12xlargeModel');
});
