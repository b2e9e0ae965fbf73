import { Aws, CfnMapping, Fn, IResolvable, IResolveContext, Stack, Token } from 'aws-cdk-lib';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { IConstruct } from 'constructs';
import { described, InstancePoolsError } from '../core/errors';

/**
 * The AWS account that hosts the Deep Learning Container registry of each region. Images and their pull
 * permission live in that account's ECR registry in the stack's own region.
 *
 * Sources, cross-checked region by region (each account agrees in every source that lists the region):
 * - aws/deep-learning-containers, `docs/reference/region_availability.md` (the region table that was in
 *   `available_images.md` until February 2026): 36 regions,
 *   https://github.com/aws/deep-learning-containers/blob/main/docs/reference/region_availability.md;
 * - the SageMaker Python SDK's image URI configs (`image_uri_config/*.json`, `registries` of every framework whose
 *   us-east-1 registry is 763104351884): the same 36 accounts, plus the two GovCloud (US) regions,
 *   https://github.com/aws/sagemaker-python-sdk/tree/master/sagemaker-core/src/sagemaker/core/image_uri_config;
 * - for GovCloud (US), the GovCloud User Guide's SageMaker AI page (framework images, 442386744353 and 446045086412),
 *   https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/govcloud-sagemaker.html.
 * The isolated partitions (us-iso*, eu-isoe, eusc) appear in one source only and are left out: pass `account`.
 */
export const REGISTRY_ACCOUNTS: { readonly [region: string]: string } = {
  'us-east-1': '763104351884',
  'us-east-2': '763104351884',
  'us-west-1': '763104351884',
  'us-west-2': '763104351884',
  'af-south-1': '626614931356',
  'ap-east-1': '871362719292',
  'ap-east-2': '975050140332',
  'ap-northeast-1': '763104351884',
  'ap-northeast-2': '763104351884',
  'ap-northeast-3': '364406365360',
  'ap-south-1': '763104351884',
  'ap-south-2': '772153158452',
  'ap-southeast-1': '763104351884',
  'ap-southeast-2': '763104351884',
  'ap-southeast-3': '907027046896',
  'ap-southeast-4': '457447274322',
  'ap-southeast-5': '550225433462',
  'ap-southeast-6': '633930458069',
  'ap-southeast-7': '590183813437',
  'ca-central-1': '763104351884',
  'ca-west-1': '204538143572',
  'eu-central-1': '763104351884',
  'eu-central-2': '380420809688',
  'eu-north-1': '763104351884',
  'eu-south-1': '692866216735',
  'eu-south-2': '503227376785',
  'eu-west-1': '763104351884',
  'eu-west-2': '763104351884',
  'eu-west-3': '763104351884',
  'il-central-1': '780543022126',
  'me-central-1': '914824155844',
  'me-south-1': '217643126080',
  'mx-central-1': '637423239942',
  'sa-east-1': '763104351884',
  'cn-north-1': '727897471807',
  'cn-northwest-1': '727897471807',
  'us-gov-east-1': '446045086412',
  'us-gov-west-1': '442386744353',
};

/** The regions the library knows a Deep Learning Container registry account for. */
export const DEEP_LEARNING_CONTAINER_REGIONS: readonly string[] = Object.keys(REGISTRY_ACCOUNTS);

/** Construct ID of the one mapping per stack that every Deep Learning Container image of the stack shares. */
const MAPPING_ID = 'DeepLearningContainerRegistry';

/** Where a Deep Learning Container image lives: the registry account, and the region, partition and DNS suffix. */
export interface DeepLearningContainerRegistry {
  readonly account: string;
  readonly region: string;
  readonly partition: string;
  readonly urlSuffix: string;
}

/**
 * The registry of the Deep Learning Container images for a model in `scope`'s stack.
 *
 * - `account` given: that account, in the stack's region.
 * - The stack's region known: the region's account, partition and domain suffix (`amazonaws.com.cn` in China);
 *   a region the table lacks fails synthesis with `[DeepLearningContainerRegion]`.
 * - The region a token (an environment-agnostic stack): `Fn::FindInMap` on one `CfnMapping` per stack, with the
 *   pseudo parameters for partition and suffix. CloudFormation resolves mappings when it validates the template,
 *   so a region the mapping lacks fails the deployment before any resource is created ("Unable to get mapping
 *   for DeepLearningContainerRegistry::<region>::account"); pass `account` for such a region.
 */
export function deepLearningContainerRegistry(scope: IConstruct, account?: string): DeepLearningContainerRegistry {
  const stack = Stack.of(scope);
  const region = stack.region;
  if (Token.isUnresolved(region)) {
    return {
      account: account ?? registryAccount(stack),
      region: Aws.REGION, partition: Aws.PARTITION, urlSuffix: Aws.URL_SUFFIX,
    };
  }
  const known = REGISTRY_ACCOUNTS[region];
  if (account === undefined && known === undefined) {
    throw new InstancePoolsError('DeepLearningContainerRegion', 'fromDeepLearningContainer.account',
      `no AWS Deep Learning Container registry account is known for region ${region}; pass the account of that region's registry`
      + ` (known regions: ${DEEP_LEARNING_CONTAINER_REGIONS.join(', ')})`, described('none'));
  }
  const info = RegionInfo.get(region);
  return {
    account: account ?? known,
    region,
    partition: info.partition ?? Aws.PARTITION,
    urlSuffix: info.domainSuffix ?? Aws.URL_SUFFIX,
  };
}

const accounts = new WeakMap<Stack, string>();

/**
 * The registry account of the stack's region, from the stack's mapping. `CfnMapping.findInMap` copies the mapping
 * into any other stack that consumes the value, and renders `Fn::FindInMap` in the mapping's own stack, but builds
 * (and registers) a new intrinsic at every resolution, several per synthesis for every image. In the own stack the
 * same intrinsic is rendered from one token made here; other stacks still get aws-cdk-lib's copy.
 */
function registryAccount(stack: Stack): string {
  let account = accounts.get(stack);
  if (account === undefined) {
    const mapping = registryMapping(stack);
    const anywhere = mapping.findInMap(Aws.REGION, 'account');
    const own = Fn.findInMap(mapping.logicalId, Aws.REGION, 'account');
    account = Token.asString(new RegistryAccount(stack, own, anywhere));
    accounts.set(stack, account);
  }
  return account;
}

/** `own` where it is consumed in `stack`, `anywhere` (aws-cdk-lib's copying form) in other stacks. */
class RegistryAccount implements IResolvable {
  public readonly creationStack: string[] = [];
  constructor(private readonly stack: Stack, private readonly own: string, private readonly anywhere: string) {}
  public resolve(context: IResolveContext): string {
    return Stack.of(context.scope) === this.stack ? this.own : this.anywhere;
  }
  public toString(): string {
    return Token.asString(this);
  }
}

function registryMapping(stack: Stack): CfnMapping {
  const existing = stack.node.tryFindChild(MAPPING_ID);
  if (existing instanceof CfnMapping) return existing;
  const mapping: { [region: string]: { [key: string]: string } } = {};
  for (const [region, registry] of Object.entries(REGISTRY_ACCOUNTS)) mapping[region] = { account: registry };
  return new CfnMapping(stack, MAPPING_ID, { mapping });
}
