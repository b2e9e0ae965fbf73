import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { ContainerImage, Model, ModelContainer, ModelData } from '../../lib';
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

  test('model package with its image and artifacts named: exactly their pull and read, nothing rendered', () => {
    // GIVEN a Model Registry package whose image and artifacts live in the user's account
    const stack = testStack();
    const repo = new ecr.Repository(stack, 'Repo');
    const bucket = new s3.Bucket(stack, 'Artifacts');
    const pkg = 'arn:aws:sagemaker:us-east-1:111111111111:model-package/llm/3';
    // WHEN
    const model = new Model(stack, 'Pkg', {
      container: ModelContainer.fromModelPackage(pkg, { image: ContainerImage.fromEcrRepository(repo, 'v3'), modelData: ModelData.fromBucket(bucket, 'llm/v3/model.tar.gz') }),
    });
    // THEN the container is the package only, and the role may pull that repository and read that object
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::SageMaker::Model', { PrimaryContainer: { ModelPackageName: pkg } });
    expect(stack.resolve(model.cfnModel.primaryContainer)).toEqual({ modelPackageName: pkg });
    const statements = JSON.stringify(template.findResources('AWS::IAM::Policy'));
    expect(statements).toContain('"ecr:BatchGetImage"');
    expect(statements).toContain('/llm/v3/model.tar.gz');
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('modelPackageGrants'));
  });

  test('model package without image or artifacts: a warning that the library cannot know what it needs', () => {
    const stack = testStack();
    new Model(stack, 'Pkg', { container: ModelContainer.fromModelPackage('llm-package/3') });
    Annotations.fromStack(stack).hasWarning('/TestStack/Pkg', Match.stringLikeRegexp(
      "^model package llm-package/3: the execution role gets no access to the package's image or artifacts, which the library cannot read at synth time"));
    const statements = JSON.stringify(Template.fromStack(stack).findResources('AWS::IAM::Policy'));
    expect(statements).not.toMatch(/ecr:|s3:/);
  });

  test('rejects more than 100 environment variables', () => {
    const environment = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`V${i}`, 'x']));
    expect(() => ModelContainer.fromImage(ContainerImage.fromImageUri('r/i:1'), { environment }))
      .toThrow('environment: at most 100 variables, got 101 [InvalidModelContainer]');
    expect(() => ModelContainer.fromModelPackage('pkg', { environment })).toThrow(/\[InvalidModelContainer\]/);
  });

  test('rejects environment values over 1024 characters', () => {
    expect(() => ModelContainer.fromImage(ContainerImage.fromImageUri('r/i:1'), { environment: { BIG: 'x'.repeat(1025) } }))
      .toThrow("environment.BIG: values of at most 1024 characters, got 1025 characters [InvalidModelContainer]");
  });
});
