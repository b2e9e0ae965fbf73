import type { AsyncInferenceConfig } from '@aws-sdk/client-sagemaker';
import { SourceBuilder } from './source-builder';
import { l1Value, literal, quote } from './ts-literal';

/** `asyncInference` as code, and the exact live config when the library cannot write it as it is. */
export interface AsyncCode {
  /** The value of the `asyncInference` prop. */
  readonly prop: string;
  /** The live AsyncInferenceConfig (L1 names), to set on the L1 config after the library's; absent when equal. */
  readonly exact?: unknown;
}

const S3_URI = /^s3:\/\/([^/]+)\/?(.*)$/;
const KEY_ARN = /^arn:aws[a-z-]*:kms:[^:]+:\d{12}:key\//;
const FAILURE_DEFAULT = 'async-failures/';
const OUTPUT_DEFAULT = 'async-output/';

/**
 * The library's `asyncInference` for the live config: output and failure buckets and prefixes, topics, the output
 * key and the concurrency per instance. The library always writes a failure path and needs prefixes that end in
 * `/`; when what it would render differs from the live config, `exact` carries the live one and a NOTE says why.
 */
export function asyncCode(config: AsyncInferenceConfig, b: SourceBuilder, indent: string): AsyncCode {
  const output = config.OutputConfig ?? {};
  const [, bucket = 'unknown-bucket', key = ''] = S3_URI.exec(output.S3OutputPath ?? '') ?? [];
  const failure = S3_URI.exec(output.S3FailurePath ?? '');
  const prefix = normalPrefix(key, OUTPUT_DEFAULT);
  const failureBucket = failure ? failure[1] : bucket;
  const failurePrefix = failure ? normalPrefix(failure[2], FAILURE_DEFAULT) : FAILURE_DEFAULT;

  b.useNamespace('aws-cdk-lib/aws-s3', 's3');
  const entries = [`outputBucket: s3.Bucket.fromBucketName(this, ${quote(b.id('AsyncOutputBucket'))}, ${quote(bucket)}),`, `outputPrefix: ${quote(prefix)},`];
  if (failureBucket !== bucket) entries.push(`failureBucket: s3.Bucket.fromBucketName(this, ${quote(b.id('AsyncFailureBucket'))}, ${quote(failureBucket)}),`);
  entries.push(`failurePrefix: ${quote(failurePrefix)},`);
  const notification = output.NotificationConfig;
  for (const [member, prop, id] of [['SuccessTopic', 'successTopic', 'SuccessTopic'], ['ErrorTopic', 'errorTopic', 'ErrorTopic']] as const) {
    const arn = notification?.[member];
    if (arn) {
      b.useNamespace('aws-cdk-lib/aws-sns', 'sns');
      entries.push(`${prop}: sns.Topic.fromTopicArn(this, ${quote(b.id(id))}, ${quote(arn)}),`);
    }
  }
  const keyArn = output.KmsKeyId && KEY_ARN.test(output.KmsKeyId) ? output.KmsKeyId : undefined;
  if (keyArn) {
    b.useNamespace('aws-cdk-lib/aws-kms', 'kms');
    entries.push(`outputEncryptionKey: kms.Key.fromKeyArn(this, ${quote(b.id('AsyncOutputKey'))}, ${quote(keyArn)}),`);
  }
  const concurrency = config.ClientConfig?.MaxConcurrentInvocationsPerInstance;
  if (concurrency !== undefined) entries.push(`maxConcurrentInvocationsPerInstance: ${concurrency},`);

  // What the library renders from these options (lib/private/async-inference-config.ts), in the API's shape.
  const rendered = {
    ClientConfig: concurrency === undefined ? undefined : { MaxConcurrentInvocationsPerInstance: concurrency },
    OutputConfig: {
      S3OutputPath: `s3://${bucket}/${prefix}`,
      S3FailurePath: `s3://${failureBucket}/${failurePrefix}`,
      KmsKeyId: keyArn,
      NotificationConfig: notification?.SuccessTopic || notification?.ErrorTopic
        ? { SuccessTopic: notification.SuccessTopic, ErrorTopic: notification.ErrorTopic } : undefined,
    },
  };
  const prop = `{\n${entries.map((e) => `${indent}  ${e}`).join('\n')}\n${indent}}`;
  const differences = differingPaths(config, rendered);
  if (differences.length === 0) return { prop };
  b.note(`the library cannot write the live asynchronous inference config as it is (${differences.join(', ')}); `
    + 'the live config is set on the L1 endpoint config after it, as it is.');
  return { prop, exact: l1Value(config) };
}

function normalPrefix(key: string, fallback: string): string {
  const trimmed = key.replace(/^\/+/, '');
  if (trimmed === '') return fallback;
  return trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

/** Member paths whose values differ between `live` and `rendered` (undefined counts as absent). */
function differingPaths(live: unknown, rendered: unknown, path = ''): string[] {
  if (isObject(live) || isObject(rendered)) {
    const a = isObject(live) ? live : {};
    const c = isObject(rendered) ? rendered : {};
    const keys = [...new Set([...Object.keys(a), ...Object.keys(c)])];
    return keys.flatMap((k) => differingPaths(a[k], c[k], path ? `${path}.${k}` : k));
  }
  return literal(live) === literal(rendered) ? [] : [path];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
