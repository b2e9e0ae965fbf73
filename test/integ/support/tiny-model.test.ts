import * as fs from 'fs';
import * as tar from 'tar';
import { packTinyModel, TINY_MODEL_FILES, tinyModelAnswer, tinyModelAnswerOf } from './tiny-model';

test('the tiny model packs to the same bytes every time, with no time or owner in it', () => {
  const first = fs.readFileSync(packTinyModel());
  fs.rmSync(packTinyModel());
  const second = fs.readFileSync(packTinyModel());
  expect(second.equals(first)).toBe(true);
  // gzip header: no modification time (bytes 4-7), OS "unknown" (byte 9).
  expect(first.subarray(4, 8).equals(Buffer.alloc(4))).toBe(true);
  expect(first[9]).toBe(255);

  const entries: Array<{ path: string; mtime?: Date; uid?: number; mode?: number }> = [];
  tar.list({ file: packTinyModel(), sync: true, onReadEntry: (e) => entries.push({ path: e.path, mtime: e.mtime, uid: e.uid, mode: e.mode }) });
  expect(entries.map((e) => e.path)).toEqual(TINY_MODEL_FILES);
  for (const e of entries) {
    expect(e.mtime?.getTime()).toBe(0);
    expect(e.uid ?? 0).toBe(0);
  }
});

test('the expected answer is what Python json.dumps(sort_keys=True) prints, and the pattern matches only the listed pools', () => {
  expect(tinyModelAnswer('2')).toBe('{"model": "tiny-sum", "pool": "2", "sum": 6}');
  const pattern = new RegExp(tinyModelAnswerOf(['1', '2']));
  expect(pattern.test(tinyModelAnswer('1'))).toBe(true);
  expect(pattern.test(tinyModelAnswer('2'))).toBe(true);
  expect(pattern.test(tinyModelAnswer('3'))).toBe(false);
  expect(pattern.test(`${tinyModelAnswer('1')} `)).toBe(false);
});
