import 'aws-sdk-client-mock-jest';
import { DescribeEndpointConfigCommand } from '@aws-sdk/client-sagemaker';
import { NEW_CONFIG, OLD_CONFIG, scenarioSnapshot, singleTypeConfig, singleTypeEndpoint } from './migrate-scenario';
import { fakeRuntime, sdkMocks, testApi } from '../fixtures';
import { MigrateCommand, PoolsMigration } from '../../../bin/fleet/migrate/migrate-args';
import { preparePools, prepareRevert } from '../../../bin/fleet/migrate/prepare-migration';
import { G6, P5 } from '../scenario';

const mocks = sdkMocks();
beforeEach(() => mocks.sagemaker.reset());

const POOLS: PoolsMigration = { kind: 'pools', pools: [P5, G6], forceOrder: false, models: {} };
const command = (change: MigrateCommand['change']): MigrateCommand => ({
  kind: 'migrate', endpointName: 'llm-endpoint', change, ignoreStack: false, dryRun: true, json: false, yes: false, watch: true, intervalSeconds: 10, debug: false,
});

describe('preparePools', () => {
  test('a plan from the current config to a new one; --json prints the create request', () => {
    const prepared = preparePools(command(POOLS), POOLS, scenarioSnapshot(), fakeRuntime());
    expect(prepared.plan).toMatchObject({ change: 'pools', fromConfig: OLD_CONFIG, toConfig: NEW_CONFIG, toConfigIsNew: true, tagCount: 2 });
    expect(prepared.plan.live).toMatchObject({ VariantName: 'AllTraffic', CurrentInstanceCount: 6 });
    expect(prepared.create?.EndpointConfigName).toBe(NEW_CONFIG);
    expect(prepared.update).toEqual({ EndpointName: 'llm-endpoint', EndpointConfigName: NEW_CONFIG, RetainAllVariantProperties: true });
    expect(prepared.json).toBe(prepared.create);
  });

  test('refuses an endpoint with a deployment in progress', () => {
    const endpoint = singleTypeEndpoint({ PendingDeploymentSummary: { EndpointConfigName: 'other' } });
    expect(() => preparePools(command(POOLS), POOLS, scenarioSnapshot({ endpoint }), fakeRuntime()))
      .toThrow("not changing endpoint 'llm-endpoint': it is InService with a deployment in progress; migrate starts from an InService endpoint. Nothing was changed.");
  });
});

describe('prepareRevert', () => {
  const REVERT = { kind: 'revert' as const, configName: OLD_CONFIG };
  const onNew = () => scenarioSnapshot({
    endpoint: singleTypeEndpoint({ EndpointConfigName: NEW_CONFIG, EndpointStatus: 'UpdateRollbackFailed' }),
    config: singleTypeConfig({ EndpointConfigName: NEW_CONFIG, ProductionVariants: [{ VariantName: 'AllTraffic', InstancePools: [{ InstanceType: P5, Priority: 1 }] }] }),
  });

  test('reads the earlier config and plans an update back to it, also from UpdateRollbackFailed', async () => {
    mocks.sagemaker.on(DescribeEndpointConfigCommand, { EndpointConfigName: OLD_CONFIG }).resolves(singleTypeConfig());
    const prepared = await prepareRevert(command(REVERT), REVERT, onNew(), testApi());
    expect(prepared.create).toBeUndefined();
    expect(prepared.update).toEqual({ EndpointName: 'llm-endpoint', EndpointConfigName: OLD_CONFIG, RetainAllVariantProperties: true });
    expect(prepared.json).toBe(prepared.update);
    expect(prepared.plan).toMatchObject({ change: 'revert', fromConfig: NEW_CONFIG, toConfig: OLD_CONFIG, toConfigIsNew: false });
    expect(prepared.plan.before.InstancePools).toHaveLength(1);
    expect(prepared.plan.after.InstanceType).toBe(P5);
  });

  test('refuses a Failed endpoint, on which AWS allows only DeleteEndpoint', async () => {
    const snapshot = scenarioSnapshot({ endpoint: singleTypeEndpoint({ EndpointConfigName: NEW_CONFIG, EndpointStatus: 'Failed' }) });
    await expect(prepareRevert(command(REVERT), REVERT, snapshot, testApi())).rejects.toMatchObject({
      kind: 'refused', message: expect.stringContaining('it is Failed, and AWS allows only DeleteEndpoint on a Failed endpoint'),
    });
  });

  test('refuses while a deployment runs', async () => {
    const snapshot = scenarioSnapshot({ endpoint: singleTypeEndpoint({ EndpointConfigName: NEW_CONFIG, EndpointStatus: 'RollingBack' }) });
    await expect(prepareRevert(command(REVERT), REVERT, snapshot, testApi())).rejects.toMatchObject({ kind: 'refused', message: expect.stringContaining('it is RollingBack') });
    expect(mocks.sagemaker).not.toHaveReceivedCommand(DescribeEndpointConfigCommand);
  });
});
