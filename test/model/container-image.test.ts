import { Stack } from 'aws-cdk-lib';
import { Template, Match } from 'aws-cdk-lib/assertions';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ContainerImage, Model, ModelContainer } from '../../lib';
import { DEEP_LEARNING_CONTAINER_REGIONS } from '../../lib/model/deep-learning-container-registry';
import { testApp, testStack } from '../util';

function bindToRole(image: ContainerImage, stack: Stack = testStack()) {
  const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
  const config = image.bind(stack, role);
  return { stack, uri: stack.resolve(config.imageUri), template: () => Template.fromStack(stack) };
}

/** A stack in `region` (undefined: an environment-agnostic stack, whose region is a token). */
function stackIn(region?: string): Stack {
  return new Stack(testApp(), 'Models', region ? { env: { account: '111111111111', region } } : {});
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const lmi = (options = {}) => ContainerImage.fromDeepLearningContainer('djl-inference', '0.36.0-lmi23.0.0-cu129', options);

/** The resolved pull grant on the repository (the first statement of the role's policy). */
function pullResource(template: Template): unknown {
  const statements = Object.values(template.findResources('AWS::IAM::Policy'))[0].Properties.PolicyDocument.Statement;
  return statements.find((s: any) => [].concat(s.Action).includes('ecr:BatchGetImage' as never)).Resource;
}

describe('ContainerImage', () => {
  test.each([
    ['763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference', "pass 'djl-inference'"],
    ['763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.36.0', "pass 'djl-inference'"],
    ['763104351884.dkr.ecr.us-east-1.amazonaws.com', 'pass the repository name alone'],
    ['public.ecr.aws/djl/serving', "pass 'djl/serving'"],
  ])('fromDeepLearningContainer(%p): a registry URI, not a repository name, says what to pass', (repository, instead) => {
    // The registry comes from the stack's region; a URI here would become a repository path inside that registry.
    const message = `fromDeepLearningContainer.repositoryName: an ECR repository name, not an image URI or registry: ${instead} `
      + '(the registry and the tag are given apart), or use ContainerImage.fromImageUri(uri) for a full image URI, got ';
    // Long values are cut in the message: match the rule exactly, then the quoted value's start.
    expect(() => ContainerImage.fromDeepLearningContainer(repository, '0.36.0-lmi23.0.0-cu129'))
      .toThrow(new RegExp(`^${escape(message)}'${escape(repository.slice(0, 40))}.*\\[InvalidImage\\]$`));
  });

  test('a repository name with dots in a later segment is a repository name', () => {
    expect(() => ContainerImage.fromDeepLearningContainer('team.ml/djl-inference', '1.0')).not.toThrow();
  });

  test('Deep Learning Container in a known region: that region\'s registry, URI and pull grant as literals', () => {
    const { uri, template } = bindToRole(lmi());
    expect(uri).toBe('763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.36.0-lmi23.0.0-cu129');
    expect(pullResource(template())).toBe('arn:aws:ecr:us-east-1:763104351884:repository/djl-inference');
  });

  test.each([
    // region, registry account, partition, domain suffix (aws/deep-learning-containers region table; GovCloud User Guide)
    ['me-central-1', '914824155844', 'aws', 'amazonaws.com'],
    ['me-south-1', '217643126080', 'aws', 'amazonaws.com'],
    ['ap-east-1', '871362719292', 'aws', 'amazonaws.com'],
    ['il-central-1', '780543022126', 'aws', 'amazonaws.com'],
    ['eu-south-2', '503227376785', 'aws', 'amazonaws.com'],
    ['ap-southeast-6', '633930458069', 'aws', 'amazonaws.com'],
    ['cn-north-1', '727897471807', 'aws-cn', 'amazonaws.com.cn'],
    ['cn-northwest-1', '727897471807', 'aws-cn', 'amazonaws.com.cn'],
    ['us-gov-east-1', '446045086412', 'aws-us-gov', 'amazonaws.com'],
    ['us-gov-west-1', '442386744353', 'aws-us-gov', 'amazonaws.com'],
    ['eu-west-1', '763104351884', 'aws', 'amazonaws.com'],
  ])('Deep Learning Container in %s: registry %s, partition %s, suffix %s', (region, account, partition, suffix) => {
    const { uri, template } = bindToRole(lmi(), stackIn(region));
    expect(uri).toBe(`${account}.dkr.ecr.${region}.${suffix}/djl-inference:0.36.0-lmi23.0.0-cu129`);
    expect(pullResource(template())).toBe(`arn:${partition}:ecr:${region}:${account}:repository/djl-inference`);
  });

  test('a known region without a known registry fails synthesis, unless the account is given', () => {
    expect(() => bindToRole(lmi(), stackIn('xx-new-1'))).toThrow(
      /^fromDeepLearningContainer\.account: no AWS Deep Learning Container registry account is known for region xx-new-1; pass the account of that region's registry \(known regions: us-east-1, .*, us-gov-west-1\), got none \[DeepLearningContainerRegion\]$/);
    const { uri } = bindToRole(lmi({ account: '123456789012' }), stackIn('xx-new-1'));
    expect(JSON.stringify(uri)).toContain('123456789012.dkr.ecr.xx-new-1.');
  });

  test('Deep Learning Container in an environment-agnostic stack: the account from one CfnMapping per stack', () => {
    // GIVEN a stack whose region is a token, and two models on Deep Learning Container images
    const stack = stackIn(undefined);
    const models = ['A', 'B'].map((id) => new Model(stack, id, { container: ModelContainer.fromImage(lmi()) }));
    // THEN the image URI and the grant look the account up by region
    const template = Template.fromStack(stack);
    const lookup = { 'Fn::FindInMap': ['DeepLearningContainerRegistry', { Ref: 'AWS::Region' }, 'account'] };
    for (const model of models) {
      expect(stack.resolve(model.cfnModel.primaryContainer)).toMatchObject({
        image: { 'Fn::Join': ['', [lookup, '.dkr.ecr.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/djl-inference:0.36.0-lmi23.0.0-cu129']] },
      });
    }
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({
        Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ecr:', { Ref: 'AWS::Region' }, ':', lookup, ':repository/djl-inference']] },
      })]) },
    });
    // one mapping, shared by both models, with every region of the table
    const mappings = template.toJSON().Mappings;
    expect(Object.keys(mappings)).toEqual(['DeepLearningContainerRegistry']);
    expect(Object.keys(mappings.DeepLearningContainerRegistry)).toEqual(DEEP_LEARNING_CONTAINER_REGIONS);
    expect(mappings.DeepLearningContainerRegistry['me-central-1']).toEqual({ account: '914824155844' });
    expect(mappings.DeepLearningContainerRegistry['cn-north-1']).toEqual({ account: '727897471807' });
  });

  test('Deep Learning Container account can be given, in any stack (no mapping then)', () => {
    const agnostic = bindToRole(lmi({ account: '871362719292' }), stackIn(undefined));
    expect(JSON.stringify(agnostic.uri)).toContain('871362719292.dkr.ecr.');
    expect(agnostic.template().toJSON().Mappings).toBeUndefined();
    const known = bindToRole(lmi({ account: '871362719292' }), stackIn('ap-east-1'));
    expect(known.uri).toBe('871362719292.dkr.ecr.ap-east-1.amazonaws.com/djl-inference:0.36.0-lmi23.0.0-cu129');
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
    const byTag = stack.resolve(ContainerImage.fromEcrRepository(repo, 'v1').bind(stack, role).imageUri);
    const byDigest = stack.resolve(ContainerImage.fromEcrRepository(repo, 'sha256:abababababababababababababababababababababababababababababababab').bind(stack, role).imageUri);
    expect(JSON.stringify(byTag)).toContain(':v1');
    expect(JSON.stringify(byDigest)).toContain('@sha256:abababababababababababababababababababababababababababababababab');
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Repo'), 'Arn'] } })]) },
    });
  });
});
