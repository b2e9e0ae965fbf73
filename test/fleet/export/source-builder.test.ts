import { SourceBuilder } from '../../../bin/fleet/export/source-builder';

test('imports: aws-cdk-lib first, submodules next, then the rest; names sorted and once', () => {
  const b = new SourceBuilder();
  b.use('constructs', 'Construct');
  b.use('cdk-sagemaker-instance-pools', 'Model', 'CapacityAwareEndpoint', 'Model');
  b.useNamespace('aws-cdk-lib/aws-s3', 's3');
  b.use('aws-cdk-lib', 'Stack', 'Duration');
  expect(b.importLines()).toEqual([
    "import { Duration, Stack } from 'aws-cdk-lib';",
    "import * as s3 from 'aws-cdk-lib/aws-s3';",
    "import { CapacityAwareEndpoint, Model } from 'cdk-sagemaker-instance-pools';",
    "import { Construct } from 'constructs';",
  ]);
});

test('construct IDs are unique; notes are kept in order', () => {
  const b = new SourceBuilder();
  expect([b.id('Model'), b.id('Model'), b.id('Key'), b.id('Model')]).toEqual(['Model', 'Model2', 'Key', 'Model3']);
  b.note('one');
  b.note('two');
  expect(b.notes).toEqual(['one', 'two']);
});
