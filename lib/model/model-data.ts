import { Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CfnModel } from 'aws-cdk-lib/aws-sagemaker';
import { InstancePoolsError } from '../core/errors';
import { grantObjectRead } from '../core/scoped-grants';

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
  /** A compressed archive (`model.tar.gz`) at `s3://bucket/key`. */
  public static fromBucket(bucket: s3.IBucket, key: string): ModelData {
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
   */
  public static fromBucketPrefix(bucket: s3.IBucket, prefix: string): ModelData {
    if (!Token.isUnresolved(prefix) && !prefix.endsWith('/')) {
      throw new InstancePoolsError('InvalidModelContainer', 'modelData.prefix', "must end with '/' (an S3 prefix, not an object key)", prefix);
    }
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
