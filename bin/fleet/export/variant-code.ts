import type { ProductionVariant } from '@aws-sdk/client-sagemaker';
import { VARIANT_MEMBERS } from './export-members';
import { SourceBuilder } from './source-builder';
import { l1Name, l1Value, quote } from './ts-literal';

export const LIBRARY = 'cdk-sagemaker-instance-pools';

/** The chosen variant as code: model declarations, CapacityAwareEndpoint properties, and what only the L1 takes. */
export interface VariantCode {
  /** `const model = Model.fromModelName(...)` lines. */
  readonly declarations: readonly string[];
  /** `name: value` entries of the CapacityAwareEndpoint props. */
  readonly props: readonly string[];
  /** Members (L1 names) to set on the variant of the L1 endpoint config, as they are live. */
  readonly l1: Readonly<Record<string, unknown>>;
}

/** A duration in whole minutes when it is one, else seconds. */
export function durationCode(seconds: number, b: SourceBuilder): string {
  b.use('aws-cdk-lib', 'Duration');
  return seconds % 60 === 0 ? `Duration.minutes(${seconds / 60})` : `Duration.seconds(${seconds})`;
}

/**
 * The library's view of the variant: `Model.fromModelName` for the variant's model and each pool's own,
 * its pools (or its single instance type as a one-entry pool list), count, routing and timeouts. Every other
 * member it sets goes to `l1`; a member this version does not know becomes a NOTE.
 */
export function variantCode(variant: ProductionVariant, b: SourceBuilder): VariantCode {
  b.use(LIBRARY, 'InstanceType', 'Model');
  const declarations: string[] = [];
  const models = new Map<string, string>();
  const modelVar = (name: string): string => {
    const known = models.get(name);
    if (known) return known;
    const variable = models.size === 0 ? 'model' : `model${models.size + 1}`;
    models.set(name, variable);
    declarations.push(`const ${variable} = Model.fromModelName(this, ${quote(b.id('Model'))}, ${quote(name)});`);
    return variable;
  };
  const variantModel = modelVar(variant.ModelName!);

  const ranked = variant.InstancePools
    ? [...variant.InstancePools].sort((x, y) => (x.Priority ?? 0) - (y.Priority ?? 0))
    : [{ InstanceType: variant.InstanceType, Priority: 1, ModelNameOverride: undefined }];
  if (ranked.some((p, i) => p.Priority !== i + 1)) {
    b.note(`the live pool priorities (${ranked.map((p) => p.Priority).join(', ')}) are renumbered 1 to ${ranked.length}, in the same order.`);
  }
  if (!variant.InstancePools) {
    b.note(`the live variant runs on one InstanceType (${variant.InstanceType}); the library always writes InstancePools, here a one-entry list. `
      + 'Add the fallback types you want after it.');
  }
  // A live endpoint config has no per-instance concurrency (InstancePool is an instance type, a
  // priority and a model override: @aws-sdk/client-sagemaker), so no value here could be a measured one.
  b.note('no pool has maxConcurrency: the live endpoint does not record how many concurrent requests one instance of '
    + 'each type carries. Measure it per instance type with a load test and set it on each pool before you call '
    + 'autoScale() with its default weighted signal (which throws MissingMaxConcurrency without it); a pool without it '
    + 'gets no concurrency alarm and no capacity line.');
  const pools = ranked.map((p) => {
    const own = p.ModelNameOverride ? `, model: ${modelVar(p.ModelNameOverride)}` : '';
    return `{ instanceType: InstanceType.of(${quote(String(p.InstanceType))})${own} }, // maxConcurrency: TODO (load test)`;
  });

  const modelProp = variantModel === 'model' ? 'model,' : `model: ${variantModel},`;
  const props: string[] = [`variantName: ${quote(variant.VariantName ?? 'AllTraffic')},`, modelProp, 'pools: [', ...pools.map((p) => `  ${p}`), '],'];
  if (variant.InitialInstanceCount !== undefined) props.push(`initialInstanceCount: ${variant.InitialInstanceCount},`);
  const l1: Record<string, unknown> = {};

  const routing = variant.RoutingConfig;
  const strategy = routing?.RoutingStrategy;
  if (!routing) {
    b.use(LIBRARY, 'RoutingStrategy');
    props.push('routingStrategy: RoutingStrategy.RANDOM, // the live variant sets none: SageMaker routes at random');
  } else if ((strategy === 'LEAST_OUTSTANDING_REQUESTS' || strategy === 'RANDOM') && Object.keys(routing).length === 1) {
    b.use(LIBRARY, 'RoutingStrategy');
    props.push(`routingStrategy: RoutingStrategy.${strategy},`);
  } else {
    l1.routingConfig = l1Value(routing);
  }
  const seconds: Array<[keyof ProductionVariant, string]> = [
    ['VariantInstanceProvisionTimeoutInSeconds', 'provisioningTimeout'],
    ['ContainerStartupHealthCheckTimeoutInSeconds', 'containerStartupHealthCheckTimeout'],
    ['ModelDataDownloadTimeoutInSeconds', 'modelDataDownloadTimeout'],
  ];
  for (const [member, prop] of seconds) {
    const value = variant[member];
    if (typeof value === 'number') props.push(`${prop}: ${durationCode(value, b)},`);
  }
  if (variant.InitialVariantWeight !== undefined && variant.InitialVariantWeight !== 1) l1.initialVariantWeight = variant.InitialVariantWeight;

  for (const [member, value] of Object.entries(variant)) {
    if (value === undefined) continue;
    const handling = (VARIANT_MEMBERS as Record<string, string>)[member];
    if (handling === 'l1') l1[l1Name(member)] = l1Value(value);
    if (handling === undefined) b.note(`not reproduced: the variant's ${member}, which this version of sagemaker-fleet does not know.`);
  }
  return { declarations, props, l1 };
}
