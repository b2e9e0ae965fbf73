import { Template, Match } from 'aws-cdk-lib/assertions';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ContainerImage } from '../../lib';
import { testStack } from '../util';

function bindToRole(image: ContainerImage) {
  const stack = testStack();
  const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
  const config = image.bind(role);
  return { stack, uri: stack.resolve(config.imageUri), template: () => Template.fromStack(stack) };
}

describe('ContainerImage', () => {
  test('Deep Learning Container: regional URI and pull grant on the AWS-owned repository', () => {
    const { uri, template } = bindToRole(ContainerImage.fromDeepLearningContainer('djl-inference', '0.36.0-lmi23.0.0-cu129'));
    expect(uri).toEqual({ 'Fn::Join': ['', ['763104351884.dkr.ecr.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/djl-inference:0.36.0-lmi23.0.0-cu129']] });
    template().hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({
        Action: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
        Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ecr:', { Ref: 'AWS::Region' }, ':763104351884:repository/djl-inference']] },
      })]) },
    });
  });

  test('Deep Learning Container account can be overridden', () => {
    const { uri } = bindToRole(ContainerImage.fromDeepLearningContainer('djl-inference', 't', { account: '871362719292' }));
    expect(JSON.stringify(uri)).toContain('871362719292.dkr.ecr.');
  });

  test('ECR URI: grant scoped to the parsed repository', () => {
    const { template } = bindToRole(ContainerImage.fromImageUri('123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/llm:v3'));
    template().hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({
        Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ecr:eu-west-1:123456789012:repository/team/llm']] },
      })]) },
    });
  });

  test('non-ECR URI: no grant at all', () => {
    const { stack, uri } = bindToRole(ContainerImage.fromImageUri('registry.example.com/llm:v3'));
    expect(uri).toBe('registry.example.com/llm:v3');
    Template.fromStack(stack).resourceCountIs('AWS::IAM::Policy', 0);
  });

  test('own ECR repository: pull on that repository, by tag or digest', () => {
    const stack = testStack();
    const repo = new ecr.Repository(stack, 'Repo');
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
    const byTag = stack.resolve(ContainerImage.fromEcrRepository(repo, 'v1').bind(role).imageUri);
    const byDigest = stack.resolve(ContainerImage.fromEcrRepository(repo, 'sha256:abc').bind(role).imageUri);
    expect(JSON.stringify(byTag)).toContain(':v1');
    expect(JSON.stringify(byDigest)).toContain('@sha256:abc');
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Repo'), 'Arn'] } })]) },
    });
  });
});
