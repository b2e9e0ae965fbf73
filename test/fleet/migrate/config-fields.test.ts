/**
 * Proves, against the installed SDK's own runtime model, that `migrate` handles every member of CreateEndpointConfig
 * (and of ProductionVariant, and of DescribeEndpointConfig's output): each one is copied, set by a rule, or refused
 * by name. The structural tests catch a member the table lacks; the behavioural ones build a request from a config
 * that sets every member the model has, and check what happened to each.
 */
import {
  CreateEndpointConfigInput$, DescribeEndpointConfigOutput, DescribeEndpointConfigOutput$, ProductionVariant, ProductionVariant$,
} from '@aws-sdk/client-sagemaker';
import { members, sample, sampleMember as sampleOf } from '../sdk-samples';
import { FleetError } from '../../../bin/fleet/errors';
import { buildCreateRequest } from '../../../bin/fleet/migrate/build-create-request';
import { CONFIG_FIELDS, DESCRIBE_ONLY_FIELDS, TARGET_VARIANT_FIELDS } from '../../../bin/fleet/migrate/config-fields';
import { PoolsMigration } from '../../../bin/fleet/migrate/migrate-args';
import { EndpointSnapshot } from '../../../bin/fleet/snapshot/endpoint-snapshot';

const MOVE: PoolsMigration = { kind: 'pools', pools: ['ml.p5.48xlarge', 'ml.g6.48xlarge'], forceOrder: false, models: {} };

/** Every member of ProductionVariant set, except the ones a variant that moves onto pools must not have. */
function movableVariant(): ProductionVariant {
  const variant = sample(ProductionVariant$) as Record<string, unknown>;
  for (const [member, rule] of Object.entries(TARGET_VARIANT_FIELDS)) {
    if (rule.kind === 'refused' || rule.kind === 'built') delete variant[member];
  }
  return { ...variant, VariantName: 'AllTraffic', InstanceType: 'ml.p5.48xlarge' } as ProductionVariant;
}

/** DescribeEndpointConfig's output with every member set: one movable variant, one shadow variant with everything. */
function everythingConfig(): DescribeEndpointConfigOutput {
  const config = sample(DescribeEndpointConfigOutput$) as DescribeEndpointConfigOutput;
  return { ...config, EndpointConfigName: 'old-config', ProductionVariants: [movableVariant()] };
}

function snapshotOf(config: DescribeEndpointConfigOutput): EndpointSnapshot {
  return {
    region: 'us-east-1',
    endpoint: { EndpointName: 'llm-endpoint', EndpointConfigName: 'old-config' } as EndpointSnapshot['endpoint'],
    config,
    unknownConfigMembers: [],
    configTags: [{ Key: 'team', Value: 'inference' }],
    endpointTags: [],
    scaling: [],
  };
}

describe('the field table covers the SDK model', () => {
  test('every member of CreateEndpointConfig\'s input has a rule, and every rule a member', () => {
    expect(Object.keys(CONFIG_FIELDS).sort()).toEqual(members(CreateEndpointConfigInput$).sort());
  });

  test('every member of ProductionVariant has a rule, and every rule a member', () => {
    expect(Object.keys(TARGET_VARIANT_FIELDS).sort()).toEqual(members(ProductionVariant$).sort());
  });

  test('what DescribeEndpointConfig returns and CreateEndpointConfig does not take is listed with a reason', () => {
    const describeOnly = members(DescribeEndpointConfigOutput$).filter((m) => !(m in CONFIG_FIELDS));
    expect(Object.keys(DESCRIBE_ONLY_FIELDS).sort()).toEqual(describeOnly.sort());
    expect(describeOnly.sort()).toEqual(['CreationTime', 'EndpointConfigArn']);
    for (const reason of Object.values(DESCRIBE_ONLY_FIELDS)) expect(reason.length).toBeGreaterThan(10);
  });

  test('the sample config really sets every member of the model', () => {
    const config = everythingConfig();
    expect(Object.keys(config).sort()).toEqual(members(DescribeEndpointConfigOutput$).sort());
    expect(Object.keys(config.ShadowProductionVariants![0]).sort()).toEqual(members(ProductionVariant$).sort());
  });
});

describe('each member is copied, set by its rule, or refused by name', () => {
  const config = everythingConfig();
  const built = buildCreateRequest(snapshotOf(config), MOVE, undefined, 'new-config');
  const request = built.request as unknown as Record<string, unknown>;

  test.each(Object.entries(CONFIG_FIELDS))('CreateEndpointConfig member %s (%s)', (member, rule) => {
    const source = (config as unknown as Record<string, unknown>)[member];
    switch (rule) {
      case 'copied':
        expect(source).toBeDefined();
        expect(request[member]).toEqual(source);
        if (typeof source === 'object') expect(request[member]).not.toBe(source); // a copy, not the SDK's object
        break;
      case 'new-name':
        expect(request[member]).toBe('new-config');
        break;
      case 'tags':
        expect(request[member]).toEqual([{ Key: 'team', Value: 'inference' }]);
        break;
      case 'variants':
        expect(request[member]).toHaveLength(1);
        break;
    }
  });

  test('shadow variants are copied whole, every member', () => {
    expect(built.request.ShadowProductionVariants).toEqual(config.ShadowProductionVariants);
  });

  const before = config.ProductionVariants![0] as unknown as Record<string, unknown>;
  const after = built.request.ProductionVariants![0] as unknown as Record<string, unknown>;
  test.each(Object.entries(TARGET_VARIANT_FIELDS))('ProductionVariant member %s', (member, rule) => {
    switch (rule.kind) {
      case 'copied':
        expect(before[member]).toBeDefined();
        expect(after[member]).toEqual(before[member]);
        break;
      case 'replaced':
        expect(after[member]).toBeUndefined();
        expect(after.InstancePools).toEqual([{ InstanceType: 'ml.p5.48xlarge', Priority: 1 }, { InstanceType: 'ml.g6.48xlarge', Priority: 2 }]);
        break;
      case 'option':
        // Without the option: the timeout is copied; routing becomes least-outstanding-requests (prefix-aware is kept).
        expect(after[member]).toEqual(member === 'RoutingConfig' ? { RoutingStrategy: 'LEAST_OUTSTANDING_REQUESTS' } : before[member]);
        break;
      case 'built': {
        const withIt = { ...config, ProductionVariants: [{ ...movableVariant(), [member]: [{ InstanceType: 'ml.p5.48xlarge', Priority: 1 }] }] };
        expectRefusedNaming(withIt, member);
        break;
      }
      case 'refused': {
        const withIt = { ...config, ProductionVariants: [{ ...movableVariant(), [member]: sampleMember(member) }] };
        expectRefusedNaming(withIt, member);
        break;
      }
    }
  });

  test('prefix-aware routing is kept when --routing is not given, replaced when it is', () => {
    const prefix = { RoutingStrategy: 'PREFIX_AWARE' as const, PrefixAwareRoutingConfig: { PrefixLength: 64 } };
    const prefixed = { ...config, ProductionVariants: [{ ...movableVariant(), RoutingConfig: prefix }] };
    expect(buildCreateRequest(snapshotOf(prefixed), MOVE, undefined, 'n').after.RoutingConfig).toEqual(prefix);
    expect(buildCreateRequest(snapshotOf(prefixed), { ...MOVE, routing: 'RANDOM' }, undefined, 'n').after.RoutingConfig)
      .toEqual({ RoutingStrategy: 'RANDOM' });
  });
});

describe('members this version does not know', () => {
  test('a member of the typed response missing from the table is refused by name (exit code 6)', () => {
    const config = { ...everythingConfig(), FutureSetting: true } as DescribeEndpointConfigOutput;
    const variant = { ...movableVariant(), FutureVariantSetting: 1 };
    const error = buildError({ ...config, ProductionVariants: [variant] });
    expect(error.kind).toBe('unexpected');
    expect(error.exitCode).toBe(6);
    expect(error.message).toMatch(/^endpoint config old-config has fields this version of sagemaker-fleet does not know: FutureSetting, ProductionVariants\[0\]\.FutureVariantSetting\. Copying the config would drop them, so nothing was changed/);
  });

  test('members the SDK dropped from the response are refused by their path', () => {
    const snapshot = { ...snapshotOf(everythingConfig()), unknownConfigMembers: ['ProductionVariants[0].SomethingNew'] };
    expect(() => buildCreateRequest(snapshot, MOVE, undefined, 'n')).toThrow(/does not know: ProductionVariants\[0\]\.SomethingNew\./);
  });

  test('$metadata, which every SDK response carries, is no member', () => {
    const config = { ...everythingConfig(), $metadata: { httpStatusCode: 200 } };
    expect(() => buildCreateRequest(snapshotOf(config), MOVE, undefined, 'n')).not.toThrow();
  });
});

function sampleMember(member: string): unknown {
  return sampleOf(ProductionVariant$, member);
}

function buildError(config: DescribeEndpointConfigOutput): FleetError {
  try {
    buildCreateRequest(snapshotOf(config), MOVE, undefined, 'n');
  } catch (error) {
    if (error instanceof FleetError) return error;
    throw error;
  }
  throw new Error('no error');
}

function expectRefusedNaming(config: DescribeEndpointConfigOutput, member: string): void {
  const error = buildError(config);
  expect(error.kind).toBe('refused');
  expect(error.exitCode).toBe(2);
  expect(error.message).toContain(`(${member})`);
  expect(error.message).toMatch(/^cannot move variant AllTraffic of endpoint 'llm-endpoint' onto instance pools: .* Nothing was changed\.$/);
}
