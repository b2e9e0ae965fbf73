import { Aws, Token } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { checkConstruct, requireObject } from '../core/required';
import { checkAccountId, checkEcrRepositoryName, checkImageTag, checkImageUri, ECR_IMAGE_URI } from '../core/string-rules';
import { deepLearningContainerRegistry } from './deep-learning-container-registry';

/** What a container image resolves to when a model uses it. */
export interface ContainerImageConfig {
  /** The image URI written to the model's container definition. */
  readonly imageUri: string;
}

/** Options for an AWS Deep Learning Container image. */
export interface DeepLearningContainerOptions {
  /**
   * The AWS account that hosts the Deep Learning Container registry in the stack's region. Needed only for a region
   * the library does not know (it knows the 36 regions of the Deep Learning Containers region table and the two
   * GovCloud (US) regions, https://github.com/aws/deep-learning-containers/blob/main/docs/reference/region_availability.md).
   * @default - the registry account of the stack's region: 763104351884 for most commercial regions, the region's own
   * account in opt-in, China and GovCloud regions; for an environment-agnostic stack, looked up at deploy time
   */
  readonly account?: string;
}

/**
 * The container image a SageMaker model runs. Binding it grants the model's execution role permission to pull
 * exactly that repository (never `ecr:*` on `*`), including AWS-owned Deep Learning Container repositories in
 * other accounts (ECR grants scoped to the own account break them:
 * https://github.com/awslabs/aws-solutions-constructs/issues/986).
 */
export abstract class ContainerImage {
  /**
   * An image in an ECR repository of yours, by tag (or digest, `sha256:...`).
   * @throws `[MissingRequiredProp]` without a repository; `[InvalidImage]` for a malformed tag or digest
   */
  public static fromEcrRepository(repository: ecr.IRepository, tag: string = 'latest'): ContainerImage {
    checkConstruct('fromEcrRepository.repository', repository, 'an ECR repository (ecr.IRepository)');
    checkImageTag('fromEcrRepository.tag', tag);
    return new (class extends ContainerImage {
      public bind(_scope: Construct, grantee: iam.IGrantable): ContainerImageConfig {
        repository.grantPull(grantee);
        return { imageUri: tag.startsWith('sha256:') ? repository.repositoryUriForDigest(tag) : repository.repositoryUriForTag(tag) };
      }
    })();
  }

  /**
   * An AWS Deep Learning Container (for example the DJL LMI image `djl-inference` with tag
   * `0.36.0-lmi23.0.0-cu129`), from the registry of the model's region: the region's registry account, with the
   * partition and domain suffix of the region (`amazonaws.com.cn` in China). In a stack with a known region, a region
   * without a known registry fails synthesis with `[DeepLearningContainerRegion]` unless `account` is given; in an
   * environment-agnostic stack the account comes from a `CfnMapping` (`DeepLearningContainerRegistry`, one per
   * stack) and a region missing from it fails the deployment before any resource is created.
   * @throws `[InvalidImage]` for a repository name or tag the ECR API would not take (a `*` or `?` would widen
   * the pull grant to every repository of the account), a repository name led by a registry
   * (`763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference`: pass `djl-inference`), or an account that is not
   * 12 digits
   */
  public static fromDeepLearningContainer(repositoryName: string, tag: string, options: DeepLearningContainerOptions = {}): ContainerImage {
    checkEcrRepositoryName('fromDeepLearningContainer.repositoryName', repositoryName);
    checkImageTag('fromDeepLearningContainer.tag', tag);
    options = requireObject('fromDeepLearningContainer.options', options, true);
    if (options.account !== undefined && options.account !== null) checkAccountId('fromDeepLearningContainer.options.account', options.account);
    return new (class extends ContainerImage {
      public bind(scope: Construct, grantee: iam.IGrantable): ContainerImageConfig {
        const registry = deepLearningContainerRegistry(scope, options.account);
        grantEcrPull(grantee, `arn:${registry.partition}:ecr:${registry.region}:${registry.account}:repository/${repositoryName}`);
        return { imageUri: `${registry.account}.dkr.ecr.${registry.region}.${registry.urlSuffix}/${repositoryName}:${tag}` };
      }
    })();
  }

  /**
   * An image by its full URI. For an ECR URI (`ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPO:TAG`) the pull
   * permission is granted on that repository; for any other URI nothing is granted.
   * @throws `[InvalidImage]` for an empty URI, whitespace, more than 255 characters, a `*` or `?`, or an ECR URI
   * whose repository or tag ECR would not take
   */
  public static fromImageUri(imageUri: string): ContainerImage {
    checkImageUri('fromImageUri.imageUri', imageUri);
    return new (class extends ContainerImage {
      public bind(_scope: Construct, grantee: iam.IGrantable): ContainerImageConfig {
        const match = Token.isUnresolved(imageUri) ? null : ECR_IMAGE_URI.exec(imageUri);
        if (match) {
          grantEcrPull(grantee, `arn:${Aws.PARTITION}:ecr:${match[2]}:${match[1]}:repository/${match[3]}`);
        }
        return { imageUri };
      }
    })();
  }

  /** Grants `grantee` permission to pull the image and returns its URI, for a model in `scope`. */
  public abstract bind(scope: Construct, grantee: iam.IGrantable): ContainerImageConfig;
}

function grantEcrPull(grantee: iam.IGrantable, repositoryArn: string): void {
  iam.Grant.addToPrincipal({
    grantee,
    actions: ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'],
    resourceArns: [repositoryArn],
  });
  // GetAuthorizationToken has no resource-level permissions: '*' is the only valid resource.
  iam.Grant.addToPrincipal({ grantee, actions: ['ecr:GetAuthorizationToken'], resourceArns: ['*'] });
}
