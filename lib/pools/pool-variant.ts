import { ArnFormat, Stack, Tags, Token } from 'aws-cdk-lib';
import { CfnEndpointConfig } from 'aws-cdk-lib/aws-sagemaker';
import { IConstruct } from 'constructs';
import { checkDurationSeconds, checkInteger, checkSageMakerName } from '../core/validation';
import { RankedInstancePool } from './instance-pool';
import { PoolEndpointOptions, RoutingStrategy } from './pool-endpoint-options';

/** Checks the options every endpoint with instance pools shares; ranges from the ProductionVariant API shape
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProductionVariant.html). */
export function validatePoolEndpointOptions(props: PoolEndpointOptions, variantName: string, initialInstanceCount: number): void {
  checkSageMakerName('endpointName', props.endpointName);
  checkSageMakerName('variantName', variantName);
  checkInteger('initialInstanceCount', initialInstanceCount, 1, Number.MAX_SAFE_INTEGER);
  checkDurationSeconds('provisioningTimeout', props.provisioningTimeout, 300, 3600);
  checkDurationSeconds('containerStartupHealthCheckTimeout', props.containerStartupHealthCheckTimeout, 60, 3600);
}

/** The production variant fields both endpoint kinds render the same way: pools, routing, count, timeouts. */
export function poolVariant(props: PoolEndpointOptions, variantName: string, initialInstanceCount: number, pools: RankedInstancePool[],
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
