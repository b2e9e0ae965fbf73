import { Token } from 'aws-cdk-lib';
import {
  checkDashboardName, checkEcrRepositoryName, checkEnvironment, checkImageTag, checkImageUri, checkModelPackageName, checkNoWildcard,
  checkS3Location, checkTags,
} from '../../lib/core/string-rules';

describe('string rules of the APIs', () => {
  test('wildcards: rejected in literal parts, tokens themselves pass', () => {
    expect(() => checkNoWildcard('key', 'a*', 'InvalidS3Location', 'other objects')).toThrow(/widen the grant to other objects, got 'a\*' \[InvalidS3Location\]/);
    expect(() => checkNoWildcard('key', `${Token.asString({ Ref: 'K' })}?`, 'InvalidS3Location', 'x')).toThrow(/InvalidS3Location/);
    expect(() => checkNoWildcard('key', Token.asString({ Ref: 'K' }), 'InvalidS3Location', 'x')).not.toThrow();
  });

  test.each(['djl-inference', 'huggingface-pytorch-tgi-inference', 'team/llm_v2.x', 'ab'])('ECR repository %p is valid', (name) => {
    expect(() => checkEcrRepositoryName('r', name)).not.toThrow();
  });

  test.each(['a', 'A-b', 'a b', 'a//b', '-a', 'a-', '*'])('ECR repository %p is not', (name) => {
    expect(() => checkEcrRepositoryName('r', name)).toThrow(/\[InvalidImage\]/);
  });

  test('image tags and URIs', () => {
    expect(() => checkImageTag('t', '0.36.0-lmi23.0.0-cu129')).not.toThrow();
    expect(() => checkImageTag('t', `sha256:${'0'.repeat(64)}`)).not.toThrow();
    expect(() => checkImageTag('t', '.x')).toThrow(/InvalidImage/);
    expect(() => checkImageUri('u', 'public.ecr.aws/nginx/nginx:1')).not.toThrow();
    expect(() => checkImageUri('u', '123456789012.dkr.ecr.eu-west-1.amazonaws.com/llm')).not.toThrow();
    expect(() => checkImageUri('u', '123456789012.dkr.ecr.eu-west-1.amazonaws.com/LLM')).toThrow(/InvalidImage/);
  });

  test('S3 keys and prefixes', () => {
    expect(() => checkS3Location('k', 'models/v1/model.tar.gz', 'key', 'InvalidS3Location')).not.toThrow();
    expect(() => checkS3Location('k', 'models/', 'key', 'InvalidS3Location')).toThrow(/not a prefix/);
    expect(() => checkS3Location('p', 'models', 'prefix', 'InvalidModelContainer')).toThrow(/must end with '\/'.*\[InvalidModelContainer\]/);
  });

  test('environment, dashboards, tags, model packages', () => {
    expect(() => checkEnvironment('environment', { HF_MODEL_ID: 'x', _A1: '' })).not.toThrow();
    expect(() => checkEnvironment('environment', { 'A-1': 'x' })).toThrow(/got 'A-1' \[InvalidModelContainer\]/);
    expect(() => checkDashboardName('d', 'Fleet_1-prod')).not.toThrow();
    expect(() => checkDashboardName('d', 'Fleet 1')).toThrow(/InvalidName/);
    expect(() => checkTags('tags', { 'team:owner': 'ml', 'Équipe': '' })).not.toThrow();
    expect(() => checkTags('tags', { 'aws:owner': 'ml' })).toThrow("tags: no tag key starting with 'aws:' (reserved for AWS), got 'aws:owner' [InvalidTag]");
    expect(() => checkModelPackageName('m', 'arn:aws-cn:sagemaker:cn-north-1:123456789012:model-package/qwen/12')).not.toThrow();
    expect(() => checkModelPackageName('m', 'qwen-')).toThrow(/InvalidModelContainer/);
  });
});
