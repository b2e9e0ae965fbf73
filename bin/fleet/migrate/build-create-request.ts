import { CreateEndpointConfigInput, InstancePool, ProductionVariant, ProductionVariantInstanceType, Tag } from '@aws-sdk/client-sagemaker';
import { CONFIG_FIELDS, DESCRIBE_ONLY_FIELDS, isListed, TARGET_VARIANT_FIELDS } from './config-fields';
import { PoolsMigration } from './migrate-args';
import { FleetError } from '../errors';
import { chooseVariant } from '../snapshot/choose-variant';
import { EndpointSnapshot } from '../snapshot/endpoint-snapshot';

/** The CreateEndpointConfig request of a migration, with what the plan needs to explain it. */
export interface CreateRequestPlan {
  readonly request: CreateEndpointConfigInput;
  /** The variant that moves onto pools, as it is and as it will be. */
  readonly variantName: string;
  readonly before: ProductionVariant;
  readonly after: ProductionVariant;
  /** Top-level members copied unchanged (names), and the other variants copied whole. */
  readonly copied: readonly string[];
  readonly otherVariants: readonly string[];
  /** Tags not copied: the reserved `aws:` tags, which only AWS sets. */
  readonly reservedTags: readonly Tag[];
  /** Things the operator should read before saying yes, one line each. */
  readonly notes: readonly string[];
}

const RESERVED_TAG_PREFIX = 'aws:';
const KNOWN_INSTANCE_TYPES: ReadonlySet<string> = new Set(Object.values(ProductionVariantInstanceType));

/**
 * Builds the new endpoint config: every member of the current one, field by field (config-fields.ts), with
 * the chosen variant's `InstanceType` replaced by `InstancePools` in `--pools` order. Throws, before anything is
 * written, on a member this tool does not know ('unexpected', exit code 6) and on a variant it will not move
 * ('refused', exit code 2), naming the member.
 */
export function buildCreateRequest(snapshot: EndpointSnapshot, change: PoolsMigration, requestedVariant: string | undefined, newName: string): CreateRequestPlan {
  const { config } = snapshot;
  const endpointName = snapshot.endpoint.EndpointName ?? '?';
  refuseUnknownMembers(snapshot);

  const variants = config.ProductionVariants ?? [];
  const before = chooseVariant(variants, requestedVariant, endpointName);
  const variantName = before.VariantName ?? '?';
  const after = movedVariant(before, change, endpointName);

  const request: Record<string, unknown> = {};
  const copied: string[] = [];
  for (const [member, rule] of Object.entries(CONFIG_FIELDS)) {
    const value = fields(config)[member];
    if (rule === 'new-name') request[member] = newName;
    if (rule === 'copied' && value !== undefined) {
      request[member] = structuredClone(value);
      copied.push(member);
    }
  }
  request.ProductionVariants = variants.map((v) => (v === before ? after : structuredClone(v)));
  if (config.ShadowProductionVariants !== undefined) request.ShadowProductionVariants = structuredClone(config.ShadowProductionVariants);
  const reservedTags = snapshot.configTags.filter((t) => t.Key?.startsWith(RESERVED_TAG_PREFIX));
  const tags = snapshot.configTags.filter((t) => !t.Key?.startsWith(RESERVED_TAG_PREFIX)).map((t) => ({ Key: t.Key, Value: t.Value }));
  if (tags.length > 0) request.Tags = tags;

  return {
    request: request as unknown as CreateEndpointConfigInput,
    variantName,
    before,
    after,
    copied,
    otherVariants: [
      ...variants.filter((v) => v !== before).map((v) => `${v.VariantName} (production)`),
      ...(config.ShadowProductionVariants ?? []).map((v) => `${v.VariantName} (shadow)`),
    ],
    reservedTags,
    notes: notes(before, change),
  };
}

/**
 * A member this tool does not know cannot be copied, so nothing is built: members the SDK dropped from the
 * response (wire-json.ts), and members of the typed response missing from the field table.
 */
function refuseUnknownMembers(snapshot: EndpointSnapshot): void {
  const { config } = snapshot;
  const unknown = [...snapshot.unknownConfigMembers];
  for (const member of Object.keys(config)) {
    if (member !== '$metadata' && !isListed(CONFIG_FIELDS, member) && !isListed(DESCRIBE_ONLY_FIELDS, member)) unknown.push(member);
  }
  const allVariants = [['ProductionVariants', config.ProductionVariants], ['ShadowProductionVariants', config.ShadowProductionVariants]] as const;
  for (const [list, variants] of allVariants) {
    (variants ?? []).forEach((variant, i) => {
      for (const member of Object.keys(variant)) {
        if (!isListed(TARGET_VARIANT_FIELDS, member)) unknown.push(`${list}[${i}].${member}`);
      }
    });
  }
  if (unknown.length > 0) {
    throw new FleetError('unexpected', `endpoint config ${config.EndpointConfigName} has fields this version of sagemaker-fleet does not know: `
      + `${unknown.join(', ')}. Copying the config would drop them, so nothing was changed; a newer sagemaker-fleet may know them.`);
  }
}

/** The chosen variant with its instance type replaced by the pools; refuses what cannot move. */
function movedVariant(before: ProductionVariant, change: PoolsMigration, endpointName: string): ProductionVariant {
  const refuse = (why: string): never => {
    throw new FleetError('refused', `cannot move variant ${before.VariantName} of endpoint '${endpointName}' onto instance pools: ${why}. Nothing was changed.`);
  };
  for (const [member, rule] of Object.entries(TARGET_VARIANT_FIELDS)) {
    const present = fields(before)[member] !== undefined;
    if (present && rule.kind === 'refused') refuse(rule.reason);
    if (present && rule.kind === 'built') refuse(rule.ifPresent);
  }
  const current = before.InstanceType;
  if (!current) refuse('it has no InstanceType');
  if (change.pools[0] !== current && !change.forceOrder) {
    refuse(`--pools starts with ${change.pools[0]}, but the variant runs on ${current}; list ${current} first so that the fleet `
      + 'stays on the hardware it has, or pass --force-order');
  }
  if (Object.keys(change.models).length > 0 && !before.ModelName) {
    refuse('it has no ModelName (an inference-component endpoint), so there is no model for --model to override; '
      + 'inference components choose their hardware per component');
  }

  const { InstanceType: _replacedByPools, ...kept } = structuredClone(before);
  const after: ProductionVariant = {
    ...kept,
    InstancePools: change.pools.map((type, i): InstancePool => ({
      InstanceType: type as InstancePool['InstanceType'],
      Priority: i + 1,
      ...(change.models[type] ? { ModelNameOverride: change.models[type] } : {}),
    })),
  };
  if (change.provisioningTimeoutSeconds !== undefined) after.VariantInstanceProvisionTimeoutInSeconds = change.provisioningTimeoutSeconds;
  if (change.routing !== undefined) {
    after.RoutingConfig = { RoutingStrategy: change.routing };
  } else if (before.RoutingConfig?.RoutingStrategy !== 'PREFIX_AWARE') {
    after.RoutingConfig = { RoutingStrategy: 'LEAST_OUTSTANDING_REQUESTS' };
  }
  return after;
}

/** An SDK shape read member by member (the field tables name members as strings). */
function fields(shape: object): Readonly<Record<string, unknown>> {
  return shape as Readonly<Record<string, unknown>>;
}

function notes(before: ProductionVariant, change: PoolsMigration): string[] {
  const result: string[] = [];
  if (before.InstanceType && !change.pools.includes(before.InstanceType)) {
    result.push(`${before.InstanceType}, which the variant runs on now, is not among the pools: every instance is replaced.`);
  } else if (change.pools[0] !== before.InstanceType) {
    result.push(`--force-order: ${change.pools[0]} becomes priority 1; the update replaces the fleet from the top of the new list.`);
  }
  for (const type of change.pools.filter((t) => !KNOWN_INSTANCE_TYPES.has(t))) {
    result.push(`${type} is not in this version's list of SageMaker instance types: if it does not exist, CreateEndpointConfig fails before the endpoint is touched.`);
  }
  if (change.routing === undefined && before.RoutingConfig?.RoutingStrategy === 'PREFIX_AWARE') {
    result.push('The variant routes by prefix (PREFIX_AWARE); that is kept. --routing changes it.');
  }
  return result;
}
