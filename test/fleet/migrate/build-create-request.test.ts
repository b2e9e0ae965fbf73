import { CONFIG_TAGS, KEY_ARN, MODEL, scenarioSnapshot, singleTypeConfig } from './migrate-scenario';
import { FleetError } from '../../../bin/fleet/errors';
import { buildCreateRequest } from '../../../bin/fleet/migrate/build-create-request';
import { PoolsMigration } from '../../../bin/fleet/migrate/migrate-args';
import { G6, P5 } from '../scenario';

const MOVE: PoolsMigration = { kind: 'pools', pools: [P5, G6], forceOrder: false, models: { [G6]: 'qwen3-int4' } };

describe('buildCreateRequest', () => {
  const built = buildCreateRequest(scenarioSnapshot(), MOVE, undefined, 'new');

  test('the variant: InstanceType becomes InstancePools in --pools order, least-outstanding-requests routing, the rest as it was', () => {
    expect(built.variantName).toBe('AllTraffic');
    expect(built.after).toEqual({
      VariantName: 'AllTraffic', ModelName: MODEL, InitialInstanceCount: 2, InitialVariantWeight: 1,
      ContainerStartupHealthCheckTimeoutInSeconds: 900, ModelDataDownloadTimeoutInSeconds: 1200,
      InstancePools: [{ InstanceType: P5, Priority: 1 }, { InstanceType: G6, Priority: 2, ModelNameOverride: 'qwen3-int4' }],
      RoutingConfig: { RoutingStrategy: 'LEAST_OUTSTANDING_REQUESTS' },
    });
    expect(built.before).toEqual(singleTypeConfig().ProductionVariants![0]);
  });

  test('the config: new name, every other member copied, tags without the reserved aws: ones', () => {
    expect(built.request).toEqual({
      EndpointConfigName: 'new',
      ProductionVariants: [built.after],
      DataCaptureConfig: singleTypeConfig().DataCaptureConfig,
      KmsKeyId: KEY_ARN,
      Tags: CONFIG_TAGS.slice(0, 2),
    });
    expect(built.copied).toEqual(['DataCaptureConfig', 'KmsKeyId']);
    expect(built.reservedTags).toEqual([CONFIG_TAGS[2]]);
    expect(built.notes).toEqual([]);
  });

  test('--routing and --provisioning-timeout set their members', () => {
    const custom = buildCreateRequest(scenarioSnapshot(), { ...MOVE, routing: 'RANDOM', provisioningTimeoutSeconds: 600 }, undefined, 'new');
    expect(custom.after).toMatchObject({ RoutingConfig: { RoutingStrategy: 'RANDOM' }, VariantInstanceProvisionTimeoutInSeconds: 600 });
  });

  test('other production and shadow variants are copied whole and listed', () => {
    const config = singleTypeConfig({
      ProductionVariants: [...singleTypeConfig().ProductionVariants!, { VariantName: 'Canary', ModelName: 'm2', InstanceType: G6, InitialInstanceCount: 1 }],
      ShadowProductionVariants: [{ VariantName: 'Shadow', ModelName: 'm3', InstanceType: G6, InitialInstanceCount: 1 }],
    });
    const result = buildCreateRequest(scenarioSnapshot({ config }), MOVE, 'AllTraffic', 'new');
    expect(result.request.ProductionVariants![1]).toEqual(config.ProductionVariants![1]);
    expect(result.request.ShadowProductionVariants).toEqual(config.ShadowProductionVariants);
    expect(result.otherVariants).toEqual(['Canary (production)', 'Shadow (shadow)']);
  });

  test('notes: the current type left out (with --force-order), an instance type this version does not know', () => {
    const result = buildCreateRequest(scenarioSnapshot(), { ...MOVE, pools: [G6, 'ml.g99.48xlarge'], forceOrder: true, models: {} }, undefined, 'new');
    expect(result.notes).toEqual([
      'ml.p5.48xlarge, which the variant runs on now, is not among the pools: every instance is replaced.',
      "ml.g99.48xlarge is not in this version's list of SageMaker instance types: if it does not exist, CreateEndpointConfig fails before the endpoint is touched.",
    ]);
  });

  test('--model on an inference-component endpoint (no ModelName) is refused', () => {
    const config = singleTypeConfig({ ProductionVariants: [{ VariantName: 'AllTraffic', InstanceType: P5, InitialInstanceCount: 2 }] });
    expect(() => buildCreateRequest(scenarioSnapshot({ config }), MOVE, undefined, 'new'))
      .toThrow(/it has no ModelName \(an inference-component endpoint\), so there is no model for --model to override/);
    expect(buildCreateRequest(scenarioSnapshot({ config }), { ...MOVE, models: {} }, undefined, 'new').after.InstancePools).toHaveLength(2);
  });

  test('refusals are FleetErrors of kind refused', () => {
    try {
      buildCreateRequest(scenarioSnapshot(), { ...MOVE, pools: [G6, P5] }, undefined, 'new');
      throw new Error('no error');
    } catch (error) {
      expect(error).toBeInstanceOf(FleetError);
      expect((error as FleetError).kind).toBe('refused');
    }
  });
});
