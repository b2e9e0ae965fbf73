import { Token } from 'aws-cdk-lib';
import { described, ErrorCode, InstancePoolsError } from './errors';
import { requireString } from './required';

/**
 * The patterns of the APIs a user string ends up in, checked before the string reaches a template or a
 * policy. A string with tokens is checked on its literal parts only where that is safe (wildcards), and
 * otherwise accepted: its value is known at deploy time.
 */

/** The literal (non-token) parts of a string: aws-cdk-lib encodes a string token as `${Token[...]}`. */
function literals(value: string): string[] {
  return Token.isUnresolved(value) ? value.split(/\$\{Token\[[^\]]*\]\}/) : [value];
}

/**
 * No `*` or `?` in a string that becomes part of an IAM resource ARN: IAM reads them as wildcards
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards),
 * so a user string could widen the grant to other repositories or objects. Literal parts of token strings too.
 */
export function checkNoWildcard(prop: string, value: string, code: ErrorCode, widens: string): void {
  if (literals(value).some((part) => /[*?]/.test(part))) {
    throw new InstancePoolsError(code, prop, `no '*' or '?': IAM reads them as wildcards, which would widen the grant to ${widens}`, value);
  }
}

/** Control characters and whitespace: never part of an image reference, an S3 key we grant on, or a name. */
const WHITESPACE = /[\s\u0000-\u001f\u007f]/;

/** A registry host (`ACCOUNT.dkr.ecr.REGION.amazonaws.com[.cn]`, `public.ecr.aws`, or any host under `amazonaws.com`). */
const REGISTRY_HOST = /(^|\.)dkr\.ecr\.|\.amazonaws\.com(\.cn)?$|^public\.ecr\.aws$/i;

/**
 * An ECR repository name (`repositoryName` of
 * https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html): 2 to 256 characters of
 * `(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*`, and not led by a registry host, which that
 * pattern also matches.
 */
export function checkEcrRepositoryName(prop: string, value: string): void {
  requireString(prop, value, 'an ECR repository name', 'InvalidImage');
  checkNoWildcard(prop, value, 'InvalidImage', 'every repository of the registry');
  if (Token.isUnresolved(value)) return;
  // A registry host matches the repository pattern too ('763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference'),
  // but the image URI and the pull grant would then name a repository of that name inside the registry.
  const [first, ...rest] = value.split('/');
  if (REGISTRY_HOST.test(first)) {
    const repository = rest.join('/').replace(/[:@].*$/, '');
    const instead = repository.length > 0 ? `pass '${repository}'` : 'pass the repository name alone';
    throw new InstancePoolsError('InvalidImage', prop,
      `an ECR repository name, not an image URI or registry: ${instead} (the registry and the tag are given apart), `
      + 'or use ContainerImage.fromImageUri(uri) for a full image URI', value);
  }
  if (value.length < 2 || value.length > 256 || !/^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/.test(value)) {
    throw new InstancePoolsError('InvalidImage', prop,
      'an ECR repository name: 2 to 256 lower-case letters, digits and inner . _ - /', value);
  }
}

/**
 * An image tag (Docker's grammar, https://docs.docker.com/reference/cli/docker/image/tag/: up to 128 letters,
 * digits, `_`, `.` and `-`, not starting with `.` or `-`) or a digest `sha256:<64 hex digits>`.
 */
export function checkImageTag(prop: string, value: string): void {
  requireString(prop, value, 'an image tag or digest', 'InvalidImage');
  if (Token.isUnresolved(value)) return;
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(value) && !/^sha256:[a-f0-9]{64}$/.test(value)) {
    throw new InstancePoolsError('InvalidImage', prop,
      'an image tag (up to 128 letters, digits, _ . -, not starting with . or -) or a digest sha256:<64 hex digits>', value);
  }
}

/** An ECR image URI: `ACCOUNT.dkr.ecr.REGION.amazonaws.com[.cn]/REPOSITORY[:TAG|@sha256:DIGEST]`. */
export const ECR_IMAGE_URI = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^:@]+)(?::([^@]+)|@(.+))?$/;

/**
 * An image URI as `ContainerDefinition.Image` takes it (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ContainerDefinition.html:
 * at most 255 characters, no whitespace); an ECR URI must name a valid repository and tag, since the pull
 * grant is derived from it.
 */
export function checkImageUri(prop: string, value: string): void {
  requireString(prop, value, 'an image URI', 'InvalidImage');
  checkNoWildcard(prop, value, 'InvalidImage', 'every repository of the registry');
  if (Token.isUnresolved(value)) return;
  if (value.length === 0 || value.length > 255 || WHITESPACE.test(value) || /[^\x21-\x7e]/.test(value)) {
    throw new InstancePoolsError('InvalidImage', prop, 'an image URI of 1 to 255 printable ASCII characters without whitespace', value);
  }
  if (/\.dkr\.ecr\./.test(value)) {
    const match = ECR_IMAGE_URI.exec(value);
    if (!match) {
      throw new InstancePoolsError('InvalidImage', prop, 'an ECR image URI ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPOSITORY[:TAG|@sha256:DIGEST]', value);
    }
    checkEcrRepositoryName(prop, match[3]);
    if (match[4] !== undefined) checkImageTag(prop, match[4]);
    if (match[5] !== undefined) checkImageTag(prop, match[5]);
  }
}

/** Whether a key or prefix is written as an S3 URI (`s3://bucket/key`) rather than relative to its bucket. */
export function isS3Uri(value: string): boolean {
  return /^s3:\/\//i.test(value);
}

/**
 * An S3 object key (`kind` 'key') or key prefix ('prefix') that a grant and a URI are built from: 1 to 1024
 * bytes (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html), no leading `/`, no control
 * characters, no IAM wildcard; a key does not end with `/` and a prefix does. Nor an S3 URI: the bucket is given
 * apart, so `s3://my-bucket/model.tar.gz` would become the key `s3://my-bucket/model.tar.gz` inside the bucket
 * (`s3://my-bucket/s3://my-bucket/model.tar.gz`), and the read or write grant would name that object.
 */
export function checkS3Location(prop: string, value: string, kind: 'key' | 'prefix', code: ErrorCode): void {
  requireString(prop, value, kind === 'key' ? 'an S3 object key' : 'an S3 key prefix', code);
  checkNoWildcard(prop, value, code, 'other objects of the bucket');
  if (Token.isUnresolved(value)) return;
  if (isS3Uri(value)) {
    const relative = value.replace(/^s3:\/\/[^/]*\/?/i, '');
    const instead = relative.length > 0 ? `pass '${relative.length > 60 ? `${relative.slice(0, 57)}...` : relative}'` : `pass the ${kind} alone`;
    throw new InstancePoolsError(code, prop,
      `an S3 ${kind} relative to the bucket, not an S3 URI: the bucket is given apart, so ${instead} (what follows s3://BUCKET/)`, value);
  }
  if (value.length === 0 || Buffer.byteLength(value, 'utf8') > 1024 || /[\u0000-\u001f\u007f]/.test(value)) {
    throw new InstancePoolsError(code, prop, `an S3 ${kind} of 1 to 1024 bytes without control characters`, value);
  }
  if (value.startsWith('/')) {
    throw new InstancePoolsError(code, prop, `an S3 ${kind} does not start with '/' (keys are relative to the bucket)`, value);
  }
  if (kind === 'key' && value.endsWith('/')) {
    throw new InstancePoolsError(code, prop, "an object key, not a prefix ending with '/' (use ModelData.fromBucketPrefix for a prefix)", value);
  }
  if (kind === 'prefix' && !value.endsWith('/')) {
    throw new InstancePoolsError(code, prop, "must end with '/' (an S3 prefix, not an object key)", value);
  }
}

/**
 * A container environment (`ContainerDefinition.Environment`, https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ContainerDefinition.html):
 * at most 100 variables, keys of `[a-zA-Z_][a-zA-Z0-9_]*` and at most 1024 characters, string values of at most
 * 1024 characters, 32 KB in all.
 */
export function checkEnvironment(prop: string, environment: { [key: string]: string } | undefined): void {
  if (environment === undefined || environment === null) return;
  if (typeof environment !== 'object' || Array.isArray(environment)) {
    throw new InstancePoolsError('InvalidModelContainer', prop, 'an object of variable names to string values', environment);
  }
  const keys = Object.keys(environment);
  if (keys.length > 100) {
    throw new InstancePoolsError('InvalidModelContainer', prop, 'at most 100 variables', keys.length);
  }
  let total = 0;
  for (const key of keys) {
    const value = environment[key];
    const at = `${prop}.${key.slice(0, 40)}`;
    if (!Token.isUnresolved(key) && (key.length > 1024 || !/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(key))) {
      throw new InstancePoolsError('InvalidModelContainer', prop, 'variable names of letters, digits and _, not starting with a digit (pattern [a-zA-Z_][a-zA-Z0-9_]*, at most 1024)', key);
    }
    if (typeof value !== 'string') {
      throw new InstancePoolsError('InvalidModelContainer', at, 'values are strings (SageMaker passes them to the container as text)', value);
    }
    if (!Token.isUnresolved(value) && value.length > 1024) {
      throw new InstancePoolsError('InvalidModelContainer', at, 'values of at most 1024 characters', described(`${value.length} characters`));
    }
    total += key.length + (Token.isUnresolved(value) ? 0 : value.length);
  }
  if (total > 32 * 1024) {
    throw new InstancePoolsError('InvalidModelContainer', prop, 'at most 32 KB of keys and values in all', described(`${total} characters`));
  }
}

/**
 * A CloudWatch dashboard name (`DashboardName`, https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutDashboard.html):
 * 1 to 255 letters, digits, `-` and `_`.
 */
export function checkDashboardName(prop: string, value: string | undefined): void {
  if (value === undefined || value === null) return;
  requireString(prop, value, 'a dashboard name', 'InvalidName');
  if (Token.isUnresolved(value)) return;
  if (!/^[A-Za-z0-9_-]{1,255}$/.test(value)) {
    throw new InstancePoolsError('InvalidName', prop, 'a dashboard name of 1 to 255 letters, digits, - and _', value);
  }
}

/**
 * A CloudWatch metric name (`MetricName`, https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_Metric.html):
 * 1 to 255 characters, no control characters. `what` says what the caller expects (e.g. a SageMaker metric name).
 */
export function checkMetricName(prop: string, value: string, what: string): void {
  requireString(prop, value, what);
  if (Token.isUnresolved(value)) return;
  if (value.length < 1 || value.length > 255 || /[\u0000-\u001f\u007f]/.test(value)) {
    throw new InstancePoolsError('InvalidName', prop, `${what}: 1 to 255 characters, no control characters`, value);
  }
}

/**
 * Tags (the `Tag` shape of SageMaker, https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_Tag.html, and
 * of the other services tagged through the scope): at most 50, keys of 1 to 128 and values of 0 to 256
 * characters of `[\p{L}\p{Z}\p{N}_.:/=+\-@]`, and no key starting with `aws:`, a prefix AWS reserves for its own
 * tags (https://docs.aws.amazon.com/tag-editor/latest/userguide/best-practices-and-strats.html).
 */
export function checkTags(prop: string, tags: { [key: string]: string } | undefined): void {
  if (tags === undefined || tags === null) return;
  if (typeof tags !== 'object' || Array.isArray(tags)) {
    throw new InstancePoolsError('InvalidTag', prop, 'an object of tag keys to string values', tags);
  }
  const keys = Object.keys(tags);
  if (keys.length > 50) {
    throw new InstancePoolsError('InvalidTag', prop, 'at most 50 tags per resource', keys.length);
  }
  const allowed = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
  for (const key of keys) {
    const value = tags[key];
    if (!Token.isUnresolved(key)) {
      if (key.length < 1 || key.length > 128 || !allowed.test(key)) {
        throw new InstancePoolsError('InvalidTag', prop, 'tag keys of 1 to 128 letters, digits, spaces and _ . : / = + - @', key);
      }
      if (key.toLowerCase().startsWith('aws:')) {
        throw new InstancePoolsError('InvalidTag', prop, "no tag key starting with 'aws:' (reserved for AWS)", key);
      }
    }
    if (typeof value !== 'string') {
      throw new InstancePoolsError('InvalidTag', `${prop}.${key.slice(0, 40)}`, 'tag values are strings', value);
    }
    if (!Token.isUnresolved(value) && (value.length > 256 || !allowed.test(value))) {
      throw new InstancePoolsError('InvalidTag', `${prop}.${key.slice(0, 40)}`, 'tag values of at most 256 letters, digits, spaces and _ . : / = + - @', value);
    }
  }
}

/**
 * A model package name or ARN (`ContainerDefinition.ModelPackageName`): at most 176 characters of
 * `(arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:[0-9]{12}:[a-z-]*\/)?[a-zA-Z0-9]([a-zA-Z0-9-]){0,62}(\/[0-9]{1,5})?`,
 * the name not ending with `-`.
 */
export function checkModelPackageName(prop: string, value: string): void {
  requireString(prop, value, 'a model package name or ARN', 'InvalidModelContainer');
  if (Token.isUnresolved(value)) return;
  const match = /^(arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:[0-9]{12}:[a-z-]*\/)?([a-zA-Z0-9][a-zA-Z0-9-]{0,62})(\/[0-9]{1,5})?$/.exec(value);
  if (value.length > 176 || !match || match[2].endsWith('-')) {
    throw new InstancePoolsError('InvalidModelContainer', prop,
      'a model package name (letters, digits and inner hyphens, at most 63) or ARN, optionally with /VERSION', value);
  }
}

/** An AWS account id: 12 digits. */
export function checkAccountId(prop: string, value: string): void {
  requireString(prop, value, 'an AWS account id', 'InvalidImage');
  if (!Token.isUnresolved(value) && !/^\d{12}$/.test(value)) {
    throw new InstancePoolsError('InvalidImage', prop, 'an AWS account id of 12 digits', value);
  }
}
