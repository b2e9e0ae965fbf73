import { Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CfnModel } from 'aws-cdk-lib/aws-sagemaker';
import { checkConstruct } from '../core/required';
import { grantObjectRead } from '../core/scoped-grants';
import { checkS3Location, isS3Uri } from '../core/string-rules';

/** How model artifacts appear in the container definition. */
export interface ModelDataConfig {
  /** `ModelDataUrl`, for a compressed `model.tar.gz`. @default - not set */
  readonly modelDataUrl?: string;
  /** `ModelDataSource`, for uncompressed artifacts under a prefix. @default - not set */
  readonly modelDataSource?: CfnModel.ModelDataSourceProperty;
}

/**
 * Model artifacts in S3. Binding grants the execution role `s3:GetObject` on exactly those objects (and, for a
 * prefix, `s3:ListBucket` limited to it), plus decrypt with the bucket's key.
 */
export abstract class ModelData {
  /**
   * A compressed archive (`model.tar.gz`) at `s3://bucket/key`.
   * @throws `[InvalidS3Location]` for an empty key, one over 1024 bytes, starting with `/`, ending with `/` (a
   * prefix), written as an S3 URI (`s3://bucket/model.tar.gz`: pass `model.tar.gz`), or holding `*` or `?` (which
   * would widen the read grant to other objects)
   */
  public static fromBucket(bucket: s3.IBucket, key: string): ModelData {
    checkConstruct('fromBucket.bucket', bucket, 'an S3 bucket (s3.IBucket)');
    checkS3Location('fromBucket.key', key, 'key', 'InvalidS3Location');
    return new (class extends ModelData {
      public bind(grantee: iam.IGrantable): ModelDataConfig {
        grantObjectRead(grantee, bucket, key);
        return { modelDataUrl: bucket.s3UrlForObject(key) };
      }
    })();
  }

  /**
   * Uncompressed artifacts under `s3://bucket/prefix/` (the usual layout for large language models: SageMaker
   * copies the files without unpacking an archive). The prefix must end with `/`.
   * @throws `[InvalidModelContainer]` for a prefix not ending with `/`; `[InvalidS3Location]` for one starting
   * with `/`, over 1024 bytes, written as an S3 URI (`s3://bucket/llm/v1/`: pass `llm/v1/`), or holding `*` or `?`
   * (which would widen the read grant to other objects)
   */
  public static fromBucketPrefix(bucket: s3.IBucket, prefix: string): ModelData {
    checkConstruct('fromBucketPrefix.bucket', bucket, 'an S3 bucket (s3.IBucket)');
    // A prefix without the trailing '/' keeps its original code (InvalidModelContainer).
    if (typeof prefix === 'string' && !Token.isUnresolved(prefix) && !prefix.endsWith('/') && !isS3Uri(prefix)) {
      checkS3Location('modelData.prefix', prefix, 'prefix', 'InvalidModelContainer');
    }
    checkS3Location('modelData.prefix', prefix, 'prefix', 'InvalidS3Location');
    return new (class extends ModelData {
      public bind(grantee: iam.IGrantable): ModelDataConfig {
        grantObjectRead(grantee, bucket, `${prefix}*`, prefix);
        return {
          modelDataSource: {
            s3DataSource: { s3Uri: bucket.s3UrlForObject(prefix), s3DataType: 'S3Prefix', compressionType: 'None' },
          },
        };
      }
    })();
  }

  /** Grants `grantee` read access to the artifacts and returns how to reference them. */
  public abstract bind(grantee: iam.IGrantable): ModelDataConfig;
}
