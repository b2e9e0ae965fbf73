import { Size, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import {
  ContainerImage, IModel, InferenceComponentEndpoint, InferenceComponentSpecification, Model, ModelContainer, ModelData,
} from '../../lib';
import { testStack } from '../util';
import { G6_24, G6_48, icEndpoint, perTypeEntries, pooledComponent } from './fixtures';

const WARNING = 'cdk-sagemaker-instance-pools:endpointRoleModelAccess';
const LOGS_AND_METRICS = ['logs:', 'cloudwatch:PutMetricData'];

/** The statements of a role's default policy, without the logs and metrics every created execution role has. */
function containerStatements(stack: Stack, role: iam.IRole): any[] {
  const policy = (role as iam.Role).node.findChild('DefaultPolicy').node.defaultChild as iam.CfnPolicy;
  const statements = stack.resolve(policy.policyDocument).Statement as any[];
  return statements.filter((st) => ![].concat(st.Action).some((a: string) => LOGS_AND_METRICS.some((p) => a.startsWith(p))));
}

/** An endpoint on two pools with one component that serves `model` on both. */
function componentFor(stack: Stack, model: IModel, props: { role?: iam.IRole } = {}) {
  const endpoint = icEndpoint(stack, { pools: [{ instanceType: G6_48 }, { instanceType: G6_24 }], ...props });
  const component = endpoint.addInferenceComponent('Component', {
    specification: InferenceComponentSpecification.forAllInstanceTypes({ model, acceleratorCount: 4, minMemory: Size.mebibytes(512) }),
  });
  return { endpoint, component };
}

describe('endpoint role access to the components\' models', () => {
  test('the endpoint role gets the pull of each model\'s Deep Learning Container repository, exactly as the model roles', () => {
    const stack = testStack();
    const { endpoint, tp8, tp4 } = pooledComponent(stack);
    const statements = containerStatements(stack, endpoint.role);
    expect(statements).toEqual([
      { Effect: 'Allow', Action: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], Resource: 'arn:aws:ecr:us-east-1:763104351884:repository/djl-inference' },
      { Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
    ]);
    expect(statements).toEqual(containerStatements(stack, tp8.role!));
    expect(statements).toEqual(containerStatements(stack, tp4.role!));
  });

  test('an own ECR repository and S3 artifacts with a bucket key: the same scoped pull, GetObject and decrypt via S3, no wildcard', () => {
    const stack = testStack();
    const repo = new ecr.Repository(stack, 'Repo');
    const bucket = new s3.Bucket(stack, 'Artifacts', { encryptionKey: new kms.Key(stack, 'Key') });
    const model = new Model(stack, 'Model', {
      container: ModelContainer.fromImage(ContainerImage.fromEcrRepository(repo, 'v1'), { modelData: ModelData.fromBucketPrefix(bucket, 'llm/v1/') }),
    });
    const { endpoint } = componentFor(stack, model);
    const statements = containerStatements(stack, endpoint.role);
    expect(statements).toEqual(containerStatements(stack, model.role!));
    expect(statements).toEqual(expect.arrayContaining([
      expect.objectContaining({ Action: 's3:GetObject', Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket), 'Arn'] }, '/llm/v1/*']] } }),
      expect.objectContaining({ Action: 's3:ListBucket', Condition: { StringLike: { 's3:prefix': ['llm/v1/*'] } } }),
      expect.objectContaining({ Action: 'kms:Decrypt', Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } } }),
      expect.objectContaining({ Action: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] }),
    ]));
    // '*' only where IAM allows no resource: ecr:GetAuthorizationToken.
    expect(statements.filter((st) => st.Resource === '*').map((st) => st.Action)).toEqual(['ecr:GetAuthorizationToken']);
  });

  test('a model served by two components is granted once; the endpoint config waits for the grants', () => {
    const stack = testStack();
    const { endpoint, tp8, tp4 } = pooledComponent(stack);
    endpoint.addInferenceComponent('Again', { specification: InferenceComponentSpecification.perInstanceType(perTypeEntries({ tp8, tp4 })) });
    expect(containerStatements(stack, endpoint.role)).toHaveLength(2);
    Template.fromStack(stack).hasResource('AWS::SageMaker::EndpointConfig', { DependsOn: Match.arrayWith([Match.stringLikeRegexp('^LlmExecutionRoleDefaultPolicy')]) });
  });

  test('a given role gets the grants', () => {
    const stack = testStack();
    const role = new iam.Role(stack, 'Given', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
    const model = new Model(stack, 'Model', { container: ModelContainer.fromImage(ContainerImage.fromDeepLearningContainer('djl-inference', '0.36.0-lmi23.0.0-cu129')) });
    componentFor(stack, model, { role });
    expect(containerStatements(stack, role)).toEqual(containerStatements(stack, model.role!));
  });

  test('a model package: the endpoint role gets the named image and artifacts, and no second modelPackageGrants warning', () => {
    const stack = testStack();
    const repo = new ecr.Repository(stack, 'Repo');
    const bucket = new s3.Bucket(stack, 'Artifacts');
    const named = new Model(stack, 'Named', {
      container: ModelContainer.fromModelPackage('arn:aws:sagemaker:us-east-1:111111111111:model-package/llm/3', {
        image: ContainerImage.fromEcrRepository(repo, 'v3'), modelData: ModelData.fromBucket(bucket, 'llm/v3/model.tar.gz'),
      }),
    });
    const { endpoint } = componentFor(stack, named);
    expect(containerStatements(stack, endpoint.role)).toEqual(containerStatements(stack, named.role!));
    expect(containerStatements(stack, endpoint.role)).toHaveLength(3);

    const bare = testStack();
    const unnamed = new Model(bare, 'Unnamed', { container: ModelContainer.fromModelPackage('llm-package/3') });
    const { endpoint: e2 } = componentFor(bare, unnamed);
    expect(containerStatements(bare, e2.role)).toEqual([]);
    expect(Annotations.fromStack(bare).findWarning('*', Match.stringLikeRegexp('model package llm-package/3'))).toHaveLength(1);
  });

  test('warns on every component, naming the models whose access the endpoint role got', () => {
    const stack = testStack();
    pooledComponent(stack);
    Annotations.fromStack(stack).hasWarning('/TestStack/Llm/Qwen', Match.stringLikeRegexp(
      'does not document which role pulls an inference component\'s image.*same scoped image pull and artifact read as the roles of TestStack/Tp8, TestStack/Tp4'));
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp(WARNING))).toHaveLength(1);
  });

  test('an imported endpoint or an imported model: nothing granted, the warning says what to grant yourself', () => {
    const stack = testStack();
    const model = new Model(stack, 'Model', { container: ModelContainer.fromImage(ContainerImage.fromDeepLearningContainer('djl-inference', '0.36.0-lmi23.0.0-cu129')) });
    const imported = InferenceComponentEndpoint.fromEndpointAttributes(stack, 'Imported', { endpointName: 'shared', pools: [{ instanceType: G6_48 }] });
    imported.addInferenceComponent('Component', {
      specification: InferenceComponentSpecification.forAllInstanceTypes({ model, acceleratorCount: 4, minMemory: Size.mebibytes(512) }),
    });
    Annotations.fromStack(stack).hasWarning('/TestStack/Imported/Component', Match.stringLikeRegexp('execution role is not known here \\(an imported endpoint\\)'));
    // The model's own role policy, nothing for the endpoint.
    Template.fromStack(stack).resourceCountIs('AWS::IAM::Policy', 1);

    const other = testStack();
    const existing = Model.fromModelName(other, 'Existing', 'existing-model');
    componentFor(other, existing);
    Annotations.fromStack(other).hasWarning('/TestStack/Llm/Component', Match.stringLikeRegexp('the container of TestStack/Existing is not known here \\(imported models\\)'));
  });
});
