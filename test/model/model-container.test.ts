import * as iam from 'aws-cdk-lib/aws-iam';
import { ContainerImage, ModelContainer } from '../../lib';
import { testStack } from '../util';

describe('ModelContainer', () => {
  test('image container carries image and environment', () => {
    const stack = testStack();
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
    const config = ModelContainer.fromImage(ContainerImage.fromImageUri('registry.example.com/llm:1'), { environment: { A: '1' } }).bind(stack, role);
    expect(config.containerDefinition).toEqual({ image: 'registry.example.com/llm:1', environment: { A: '1' }, modelDataUrl: undefined, modelDataSource: undefined });
  });

  test('model package container carries package and inference specification', () => {
    const stack = testStack();
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
    const config = ModelContainer.fromModelPackage('arn:aws:sagemaker:us-east-1:111111111111:model-package/llm/3', {
      inferenceSpecificationName: 'g6-int4',
    }).bind(stack, role);
    expect(config.containerDefinition).toEqual({
      modelPackageName: 'arn:aws:sagemaker:us-east-1:111111111111:model-package/llm/3',
      inferenceSpecificationName: 'g6-int4',
      environment: undefined,
    });
  });

  test('rejects more than 100 environment variables', () => {
    const environment = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`V${i}`, 'x']));
    expect(() => ModelContainer.fromImage(ContainerImage.fromImageUri('r/i:1'), { environment }))
      .toThrow('environment: at most 100 variables, got 101 [InvalidModelContainer]');
    expect(() => ModelContainer.fromModelPackage('pkg', { environment })).toThrow(/\[InvalidModelContainer\]/);
  });

  test('rejects environment values over 1024 characters', () => {
    expect(() => ModelContainer.fromImage(ContainerImage.fromImageUri('r/i:1'), { environment: { BIG: 'x'.repeat(1025) } }))
      .toThrow("environment.BIG: keys and values of at most 1024 characters, got '1025 characters' [InvalidModelContainer]");
  });
});
