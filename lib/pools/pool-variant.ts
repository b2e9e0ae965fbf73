import { Annotations, ArnFormat, Stack, Tags, Token } from 'aws-cdk-lib';
import { CfnEndpointConfig } from 'aws-cdk-lib/aws-sagemaker';
import { IConstruct } from 'constructs';
import { checkBoolean, checkConstruct, checkDuration, checkEnumValue } from '../core/required';
import { checkTags } from '../core/string-rules';
import { checkDurationSeconds, checkInteger, checkSageMakerName, MAX_API_INTEGER } from '../core/validation';
import { RankedInstancePool } from './instance-pool';
import { checkMetricPublishFrequency } from './metric-publishing';
import { PoolEndpointOptions, RoutingStrategy } from './pool-endpoint-options';

/** Checks the options every endpoint with instance pools shares; ranges from the ProductionVariant API shape
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProductionVariant.html). */
export function validatePoolEndpointOptions(props: PoolEndpointOptions, variantName: string, initialInstanceCount: number): void {
  checkSageMakerName('endpointName', props.endpointName);
  validateVariantOptions('', props, variantName, initialInstanceCount);
  checkTags('tags', props.tags);
  checkConstruct('encryptionKey', props.encryptionKey, 'a KMS key (kms.IKey)', true);
  checkMetricPublishFrequency('metricPublishFrequency', props.metricPublishFrequency);
  checkBoolean('enhancedMetrics', props.enhancedMetrics);
  checkBoolean('detailedObservability', props.detailedObservability);
}

/** What each production variant of an endpoint takes beyond its pools and model: the endpoint's own, and each further one. */
export type VariantRenderOptions = Pick<PoolEndpointOptions, 'routingStrategy' | 'provisioningTimeout' | 'containerStartupHealthCheckTimeout'>;

/**
 * Checks one production variant's name, instance count, routing and timeouts, the same rules for every variant
 * (`propPrefix` is '' for the endpoint's own variant, else e.g. `variants[0].`).
 */
export function validateVariantOptions(propPrefix: string, options: VariantRenderOptions, variantName: string, initialInstanceCount: number): void {
  const at = (prop: string) => `${propPrefix}${prop}`;
  checkSageMakerName(at('variantName'), variantName);
  checkInteger(at('initialInstanceCount'), initialInstanceCount, 1, MAX_API_INTEGER);
  checkEnumValue(at('routingStrategy'), options.routingStrategy, RoutingStrategy, 'RoutingStrategy');
  checkDurationSeconds(at('provisioningTimeout'), checkDuration(at('provisioningTimeout'), options.provisioningTimeout), 300, 3600);
  checkDurationSeconds(at('containerStartupHealthCheckTimeout'),
    checkDuration(at('containerStartupHealthCheckTimeout'), options.containerStartupHealthCheckTimeout), 60, 3600);
}

/**
 * The endpoint config's key (`KmsKeyId`) encrypts the ML storage volumes only: per the current CreateEndpointConfig
 * reference, with instance types that have local NVMe storage "the KmsKeyId parameter does not encrypt instance
 * local storage", which a hardware module on the instance encrypts (`CreateEndpointConfigInput.KmsKeyId` in
 * @aws-sdk/client-sagemaker 3.1142, https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateEndpointConfig.html).
 * Older text said the call fails; whether a live CreateEndpointConfig accepts the key is for the integration suite.
 * Warns with the pools whose local storage the key does not cover.
 */
export function warnOnKeyWithLocalStorage(scope: IConstruct, props: PoolEndpointOptions, pools: RankedInstancePool[], poolsProp = 'pools'): void {
  if (!props.encryptionKey) return;
  // A trait the catalog does not know is a warning, never silence.
  const unknown = pools.filter((p) => p.instanceType.hasLocalStorage === undefined).map((p) => p.instanceType.name);
  if (unknown.length > 0) {
    Annotations.of(scope).addWarningV2('cdk-sagemaker-instance-pools:localStorageUnknown',
      `encryptionKey: whether ${unknown.join(', ')} ${unknown.length === 1 ? 'has' : 'have'} local NVMe storage is unknown to this library's catalog, `
      + 'so which storage the key covers could not be told.');
  }
  const local = pools.filter((pool) => pool.instanceType.hasLocalStorage === true);
  if (local.length === 0) return;
  const named = local.map((pool) => `${poolsProp}[${pool.priority - 1}] (${pool.instanceType.name})`).join(', ');
  Annotations.of(scope).addWarningV2('cdk-sagemaker-instance-pools:kmsKeyLocalStorage',
    `encryptionKey: the key encrypts the ML storage volumes only; the local NVMe instance storage of ${named} is encrypted by the `
    + 'instance hardware, not by this key (CreateEndpointConfig KmsKeyId). Older SageMaker documentation said such a config is rejected; '
    + 'this library follows the current API reference.');
}

/** The production variant fields both endpoint kinds render the same way: pools, routing, count, timeouts. */
export function poolVariant(props: VariantRenderOptions, variantName: string, initialInstanceCount: number, pools: RankedInstancePool[],
  modelNameOverride: (pool: RankedInstancePool) => string | undefined = () => undefined): CfnEndpointConfig.ProductionVariantProperty {
  return {
    variantName,
    initialInstanceCount,
    instancePools: pools.map((pool) => ({ instanceType: pool.instanceType.name, priority: pool.priority, modelNameOverride: modelNameOverride(pool) })),
    routingConfig: { routingStrategy: props.routingStrategy ?? RoutingStrategy.LEAST_OUTSTANDING_REQUESTS },
    variantInstanceProvisionTimeoutInSeconds: props.provisioningTimeout?.toSeconds(),
    containerStartupHealthCheckTimeoutInSeconds: props.containerStartupHealthCheckTimeout?.toSeconds(),
  };
}

/** The ARN of an endpoint by name; SageMaker lower-cases the name in ARNs. */
export function endpointArnForName(scope: IConstruct, endpointName: string): string {
  return Stack.of(scope).formatArn({
    service: 'sagemaker', resource: 'endpoint', arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    resourceName: Token.isUnresolved(endpointName) ? endpointName : endpointName.toLowerCase(),
  });
}

/** Applies a tag map to a construct tree. */
export function applyTags(scope: IConstruct, tags: { [key: string]: string } | undefined): void {
  for (const [key, value] of Object.entries(tags ?? {})) {
    Tags.of(scope).add(key, value);
  }
}
