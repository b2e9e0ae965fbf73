import { bar, duration, percent, plural, table, timestamp } from '../../../bin/fleet/render/format';

test.each([
  [0, '0s'], [59.9, '59s'], [60, '1m 00s'], [250, '4m 10s'], [3599, '59m 59s'], [3600, '1h 00m'], [7500, '2h 05m'], [-5, '0s'],
  [86_399, '23h 59m'], [86_400, '1d 00h'], [90_000, '1d 01h'], [8811 * 3600 + 49 * 60, '367d 03h'],
])('duration(%p) = %s', (seconds, text) => {
  expect(duration(seconds)).toBe(text);
});

test('timestamp: UTC to the minute, with age when a clock is given', () => {
  expect(timestamp('2026-11-26T09:41:30.000Z')).toBe('2026-11-26 09:41 UTC');
  expect(timestamp('2026-11-26T09:41:30.000Z', Date.parse('2026-11-26T10:00:00Z'))).toBe('2026-11-26 09:41 UTC (18m 30s ago)');
  expect(timestamp('2026-11-26T10:01:00.000Z', Date.parse('2026-11-26T10:00:00Z'))).toBe('2026-11-26 10:01 UTC');
  expect(timestamp('2025-11-19T08:11:00.000Z', Date.parse('2026-11-26T10:00:00Z'))).toBe('2025-11-19 08:11 UTC (372d 01h ago)');
  expect(timestamp(null)).toBe('-');
});

test('percent', () => {
  expect(percent(0.6667)).toBe('66.7%');
  expect(percent(1)).toBe('100.0%');
  expect(percent(0)).toBe('0.0%');
});

test('bar fills part/whole of its width', () => {
  expect(bar(1, 4, 8)).toBe('██░░░░░░');
  expect(bar(4, 4, 4)).toBe('████');
  expect(bar(0, 0, 3)).toBe('░░░');
  expect(bar(9, 4, 4)).toBe('████');
});

test('table pads columns, right-aligns the ones asked for, trims line ends', () => {
  expect(table([['A', 'NUM', ''], ['long', '7', 'x'], ['b', '12', '']], [1])).toEqual([
    'A     NUM',
    'long    7  x',
    'b      12',
  ]);
});

test('plural', () => {
  expect(plural(1, 'instance')).toBe('1 instance');
  expect(plural(2, 'instance')).toBe('2 instances');
  expect(plural(2, 'copy', 'copies')).toBe('2 copies');
});
