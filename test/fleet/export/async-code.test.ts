import { asyncCode } from '../../../bin/fleet/export/async-code';
import { SourceBuilder } from '../../../bin/fleet/export/source-builder';

describe('asyncCode', () => {
  test('exactly representable: the library\'s asyncInference only', () => {
    const b = new SourceBuilder();
    const code = asyncCode({ OutputConfig: { S3OutputPath: 's3://out/results/', S3FailurePath: 's3://out/async-failures/' } }, b, '');
    expect(code.prop).toBe([
      '{',
      "  outputBucket: s3.Bucket.fromBucketName(this, 'AsyncOutputBucket', 'out'),",
      "  outputPrefix: 'results/',",
      "  failurePrefix: 'async-failures/',",
      '}',
    ].join('\n'));
    expect(code.exact).toBeUndefined();
    expect(b.notes).toEqual([]);
  });

  test('a key given by id and no failure path: the live config too, with a NOTE', () => {
    const b = new SourceBuilder();
    const live = { OutputConfig: { S3OutputPath: 's3://out', KmsKeyId: '1234abcd-12ab-34cd-56ef-1234567890ab' } };
    const code = asyncCode(live, b, '');
    expect(code.prop).toContain("outputPrefix: 'async-output/',");
    expect(code.prop).not.toContain('outputEncryptionKey');
    expect(code.exact).toEqual({ outputConfig: { s3OutputPath: 's3://out', kmsKeyId: '1234abcd-12ab-34cd-56ef-1234567890ab' } });
    expect(b.notes).toEqual([expect.stringContaining('(OutputConfig.S3OutputPath, OutputConfig.KmsKeyId, OutputConfig.S3FailurePath)')]);
  });
});
