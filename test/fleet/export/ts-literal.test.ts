import { l1Name, l1Value, literal, pascalCase, quote } from '../../../bin/fleet/export/ts-literal';

describe('l1Name: the names aws-cdk-lib\'s L1 classes use', () => {
  test.each([
    ['KmsKeyId', 'kmsKeyId'], ['EnableSSMAccess', 'enableSsmAccess'], ['VolumeSizeInGB', 'volumeSizeInGb'],
    ['DestinationS3Uri', 'destinationS3Uri'], ['S3OutputPath', 's3OutputPath'], ['MaxPayloadInMB', 'maxPayloadInMb'],
    ['MlReservationArn', 'mlReservationArn'], ['CsvContentTypes', 'csvContentTypes'], ['VariantName', 'variantName'],
  ])('%s → %s', (member, name) => {
    expect(l1Name(member)).toBe(name);
  });

  test('l1Value renames keys all the way down and drops undefined', () => {
    expect(l1Value({ OutputConfig: { S3OutputPath: 's3://b/', KmsKeyId: undefined }, Items: [{ EnableSSMAccess: true }] }))
      .toEqual({ outputConfig: { s3OutputPath: 's3://b/' }, items: [{ enableSsmAccess: true }] });
  });
});

describe('literal', () => {
  test('short values on one line, quoted keys where needed', () => {
    expect(literal({ a: 1, 'cost-center': 'x', list: [true, 'y'] })).toBe("{ a: 1, 'cost-center': 'x', list: [true, 'y'] }");
    expect(literal([])).toBe('[]');
    expect(literal({})).toBe('{}');
  });

  test('long values across lines, indented from the line they start on', () => {
    expect(literal({ first: 'x'.repeat(40), second: 'y'.repeat(40) }, '  ')).toBe(
      `{\n    first: '${'x'.repeat(40)}',\n    second: '${'y'.repeat(40)}',\n  }`);
  });

  test('strings are escaped', () => {
    expect(quote("it's a\\path\n")).toBe("'it\\'s a\\\\path\\n'");
  });
});

test('pascalCase', () => {
  expect(pascalCase('llm-endpoint')).toBe('LlmEndpoint');
  expect(pascalCase('3d-model')).toBe('Endpoint3dModel');
});
