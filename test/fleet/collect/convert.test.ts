import { iso, num, str } from '../../../bin/fleet/collect/convert';

test('iso: dates and date strings to ISO, anything else to null', () => {
  expect(iso(new Date('2026-11-26T10:00:00Z'))).toBe('2026-11-26T10:00:00.000Z');
  expect(iso('2026-11-26T10:00:00Z')).toBe('2026-11-26T10:00:00.000Z');
  expect(iso('not a date')).toBeNull();
  expect(iso(undefined)).toBeNull();
});

test('num: finite numbers only', () => {
  expect(num(0)).toBe(0);
  expect(num(2.5)).toBe(2.5);
  expect(num(NaN)).toBeNull();
  expect(num(undefined)).toBeNull();
});

test('str: non-empty strings only', () => {
  expect(str('a')).toBe('a');
  expect(str('')).toBeNull();
  expect(str(undefined)).toBeNull();
});
