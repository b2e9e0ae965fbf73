import { renderJson } from '../../../bin/fleet/render/json';
import { report } from '../reports';

test('document: pretty-printed, parses back to the same report', () => {
  const text = renderJson(report(), 'document');
  expect(text).toMatch(/^\{\n {2}"schemaVersion": 1,\n/);
  expect(JSON.parse(text)).toEqual(report());
});

test('stream: exactly one line per report', () => {
  const text = renderJson(report(), 'stream');
  expect(text.endsWith('\n')).toBe(true);
  expect(text.trimEnd()).not.toContain('\n');
  expect(JSON.parse(text)).toEqual(report());
});

test('unknown values are null, never missing', () => {
  const parsed = JSON.parse(renderJson(report({}, { failureReason: null, arn: null }), 'document')) as Record<string, Record<string, unknown>>;
  expect(Object.keys(parsed.endpoint)).toEqual(['name', 'arn', 'status', 'failureReason', 'endpointConfigName', 'creationTime', 'lastModifiedTime']);
  expect(parsed.endpoint.failureReason).toBeNull();
});
