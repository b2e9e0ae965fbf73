import { Annotations, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CfnModel } from 'aws-cdk-lib/aws-sagemaker';
import { Construct } from 'constructs';
import { InstancePoolsError } from '../core/errors';
import { checkEnumLike, requireObject } from '../core/required';
import { checkEnvironment, checkModelPackageName } from '../core/string-rules';
import { ContainerImage } from './container-image';
import { ModelData } from './model-data';

/** Options for a container built from your own image and artifacts. */
export interface ImageContainerOptions {
  /**
   * Model artifacts in S3.
   * @default - none: the container loads the model itself (for example from `HF_MODEL_ID`)
   */
  readonly modelData?: ModelData;
  /**
   * Environment variables of the container (at most 100).
   * @default - no environment variables
   */
  readonly environment?: { [key: string]: string };
}

/** Options for a container taken from a model package. */
export interface ModelPackageContainerOptions {
  /**
   * The `InferenceSpecificationName` of the model package to use: the hardware-specific build chosen by
   * SageMaker inference recommendations.
   * @default - the model package's default inference specification
   */
  readonly inferenceSpecificationName?: string;
  /**
   * Environment variables of the container (at most 100).
   * @default - no environment variables
   */
  readonly environment?: { [key: string]: string };
  /**
   * The image the package's inference specification runs, when the execution role must be allowed to pull it
   * (a Model Registry package whose image is in an ECR repository of yours, or a Deep Learning Container). Only the
   * pull permission is granted: the model runs the image the package names.
   * @default - no pull permission; unless `modelData` is set, the model warns
   * (`cdk-sagemaker-instance-pools:modelPackageGrants`)
   */
  readonly image?: ContainerImage;
  /**
   * The package's model artifacts in S3, when the execution role must be allowed to read them (a Model Registry
   * package whose artifacts are in a bucket of yours). Only the read permission is granted: the model uses the
   * artifacts the package names.
   * @default - no read permission; unless `image` is set, the model warns (`cdk-sagemaker-instance-pools:modelPackageGrants`)
   */
  readonly modelData?: ModelData;
}

/** The container of a model, bound to its execution role. */
export interface ModelContainerConfig {
  /** The container definition rendered into `AWS::SageMaker::Model.PrimaryContainer`. */
  readonly containerDefinition: CfnModel.ContainerDefinitionProperty;
}

/**
 * What a model runs: either your own image (plus artifacts in S3 and environment), or a model package with an
 * inference specification.
 */
export abstract class ModelContainer {
  /**
   * Your own container image, optionally with model artifacts in S3.
   * @throws `[InvalidEnumValue]` unless `image` comes from a `ContainerImage` factory (and `modelData` from a
   * `ModelData` one); `[InvalidModelContainer]` for environment variables SageMaker would not take
   */
  public static fromImage(image: ContainerImage, options: ImageContainerOptions = {}): ModelContainer {
    checkEnumLike('fromImage.image', image, ['bind'], 'ContainerImage.fromEcrRepository(), .fromDeepLearningContainer() or .fromImageUri()', false, ContainerImage);
    options = requireObject('fromImage.options', options, true);
    checkEnumLike('fromImage.options.modelData', options.modelData, ['bind'], 'ModelData.fromBucket() or .fromBucketPrefix()', true, ModelData);
    checkEnvironment('environment', options.environment);
    return new (class extends ModelContainer {
      public bind(scope: Construct, grantee: iam.IGrantable): ModelContainerConfig {
        const data = options.modelData?.bind(grantee);
        return {
          containerDefinition: {
            image: image.bind(scope, grantee).imageUri,
            modelDataUrl: data?.modelDataUrl,
            modelDataSource: data?.modelDataSource,
            environment: options.environment,
          },
        };
      }
    })();
  }

  /**
   * A versioned model package (name or ARN) from the SageMaker Model Registry or AWS Marketplace. SageMaker pulls
   * the package's image and reads its artifacts with the model's execution role, and the library cannot read the
   * package at synth time: name them with `image` and `modelData` to grant exactly the pull and the read (they are
   * not rendered; the package decides what runs). Without either, the model warns
   * (`cdk-sagemaker-instance-pools:modelPackageGrants`): acknowledge it when the image and artifacts are not yours
   * (an AWS Marketplace package), or grant on `model.role` yourself. An endpoint with a `deployment` that serves the
   * model warns (`cdk-sagemaker-instance-pools:deploymentWithModelPackage`): deployment guardrails do not support AWS
   * Marketplace containers (https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-exclusions.html).
   * @throws `[InvalidModelContainer]` for a model package name, inference specification name or environment
   * SageMaker would not take; `[InvalidEnumValue]` for an `image` or `modelData` not made by their factories
   */
  public static fromModelPackage(modelPackageName: string, options: ModelPackageContainerOptions = {}): ModelContainer {
    checkModelPackageName('fromModelPackage.modelPackageName', modelPackageName);
    options = requireObject('fromModelPackage.options', options, true);
    checkEnumLike('fromModelPackage.options.image', options.image, ['bind'], 'ContainerImage.fromEcrRepository(), .fromDeepLearningContainer() or .fromImageUri()', true, ContainerImage);
    checkEnumLike('fromModelPackage.options.modelData', options.modelData, ['bind'], 'ModelData.fromBucket() or .fromBucketPrefix()', true, ModelData);
    const specification = options.inferenceSpecificationName;
    // InferenceSpecificationName: 1 to 63 characters of ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$ (API_ContainerDefinition).
    if (specification !== undefined && specification !== null && !Token.isUnresolved(specification)
      && (typeof specification !== 'string' || !/^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/.test(specification))) {
      throw new InstancePoolsError('InvalidModelContainer', 'fromModelPackage.options.inferenceSpecificationName',
        'letters, digits and inner hyphens, at most 63 characters', specification);
    }
    checkEnvironment('environment', options.environment);
    return new (class extends ModelContainer {
      public readonly modelPackageName = modelPackageName;

      public _grantAccess(scope: Construct, grantee: iam.IGrantable): void {
        options.image?.bind(scope, grantee);
        options.modelData?.bind(grantee);
      }

      public bind(scope: Construct, grantee: iam.IGrantable): ModelContainerConfig {
        options.image?.bind(scope, grantee);
        options.modelData?.bind(grantee);
        if (!options.image && !options.modelData) {
          Annotations.of(scope).addWarningV2('cdk-sagemaker-instance-pools:modelPackageGrants',
            `model package ${Token.isUnresolved(modelPackageName) ? '(a token)' : modelPackageName}: the execution role gets no access to the `
            + "package's image or artifacts, which the library cannot read at synth time. For a Model Registry package whose image or "
            + "artifacts are in your account, name them: ModelContainer.fromModelPackage(name, { image, modelData }). When they are not yours "
            + '(an AWS Marketplace package), there is nothing of yours to grant: acknowledge this warning.');
        }
        return {
          containerDefinition: {
            modelPackageName,
            inferenceSpecificationName: options.inferenceSpecificationName,
            environment: options.environment,
          },
        };
      }
    })();
  }

  /**
   * The model package (name or ARN) the container runs, for a container made by `fromModelPackage`. Endpoints with a
   * `deployment` warn about it: deployment guardrails do not support AWS Marketplace containers.
   * @default - none: the container runs an image of its own
   */
  public readonly modelPackageName?: string;

  /** Grants `grantee` what the container needs and returns its definition, for a model in `scope`. */
  public abstract bind(scope: Construct, grantee: iam.IGrantable): ModelContainerConfig;

  /**
   * Grants `grantee` the same access `bind` grants (the pull of the image, the read of the artifacts), without
   * rendering the container or warning again: for a second role SageMaker may use to fetch them.
   * @internal
   */
  public _grantAccess(scope: Construct, grantee: iam.IGrantable): void {
    this.bind(scope, grantee);
  }
}
