import { Aws, Token } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as iam from 'aws-cdk-lib/aws-iam';

/** What a container image resolves to when a model uses it. */
export interface ContainerImageConfig {
  /** The image URI written to the model's container definition. */
  readonly imageUri: string;
}

/** Options for an AWS Deep Learning Container image. */
export interface DeepLearningContainerOptions {
  /**
   * The AWS account that hosts the Deep Learning Container registry in your region.
   * @default '763104351884' - the account for most commercial regions; some opt-in regions use their own
   */
  readonly account?: string;
}

const ECR_URI = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^:@]+)/;

/**
 * The container image a SageMaker model runs. Binding it grants the model's execution role permission to pull
 * exactly that repository (never `ecr:*` on `*`), including AWS-owned Deep Learning Container repositories in
 * other accounts (ECR grants scoped to the own account break them:
 * https://github.com/awslabs/aws-solutions-constructs/issues/986).
 */
export abstract class ContainerImage {
  /** An image in an ECR repository of yours, by tag (or digest, `sha256:...`). */
  public static fromEcrRepository(repository: ecr.IRepository, tag: string = 'latest'): ContainerImage {
    return new (class extends ContainerImage {
      public bind(grantee: iam.IGrantable): ContainerImageConfig {
        repository.grantPull(grantee);
        return { imageUri: tag.startsWith('sha256:') ? repository.repositoryUriForDigest(tag) : repository.repositoryUriForTag(tag) };
      }
    })();
  }

  /**
   * An AWS Deep Learning Container (for example the DJL LMI image `djl-inference` with tag
   * `0.36.0-lmi23.0.0-cu129`), resolved in the stack's region.
   */
  public static fromDeepLearningContainer(repositoryName: string, tag: string, options: DeepLearningContainerOptions = {}): ContainerImage {
    const account = options.account ?? '763104351884';
    return new (class extends ContainerImage {
      public bind(grantee: iam.IGrantable): ContainerImageConfig {
        grantEcrPull(grantee, `arn:${Aws.PARTITION}:ecr:${Aws.REGION}:${account}:repository/${repositoryName}`);
        return { imageUri: `${account}.dkr.ecr.${Aws.REGION}.${Aws.URL_SUFFIX}/${repositoryName}:${tag}` };
      }
    })();
  }

  /**
   * An image by its full URI. For an ECR URI (`ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPO:TAG`) the pull
   * permission is granted on that repository; for any other URI nothing is granted.
   */
  public static fromImageUri(imageUri: string): ContainerImage {
    return new (class extends ContainerImage {
      public bind(grantee: iam.IGrantable): ContainerImageConfig {
        const match = Token.isUnresolved(imageUri) ? null : ECR_URI.exec(imageUri);
        if (match) {
          grantEcrPull(grantee, `arn:${Aws.PARTITION}:ecr:${match[2]}:${match[1]}:repository/${match[3]}`);
        }
        return { imageUri };
      }
    })();
  }

  /** Grants `grantee` permission to pull the image and returns its URI. */
  public abstract bind(grantee: iam.IGrantable): ContainerImageConfig;
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
