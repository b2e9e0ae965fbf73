import 'aws-sdk-client-mock-jest';
import { DescribeScalableTargetsCommand } from '@aws-sdk/client-application-auto-scaling';
import { DescribeEndpointCommand, DescribeEndpointConfigCommand, ListInferenceComponentsCommand } from '@aws-sdk/client-sagemaker';
import { FleetStatusCollector } from '../../../bin/fleet/collect/fleet-status';
import { FleetError } from '../../../bin/fleet/errors';
import {
  awsError, CONFIG, describeEndpoint, ENDPOINT, endpointConfig, G6, mockFeaturedEndpoint, NOW, P5, pooledVariant, REGION, sdkMocks, testApi,
} from '../fixtures';

const mocks = sdkMocks();
beforeEach(() => {
  mocks.sagemaker.reset();
  mocks.autoscaling.reset();
});

const collector = () => new FleetStatusCollector(testApi(), REGION, { activityCount: 5, now: () => NOW });

describe('FleetStatusCollector', () => {
  test('the featured endpoint: identity, ranked pools, fallback, autoscaling', async () => {
    mockFeaturedEndpoint(mocks);
    const status = await collector().collect(ENDPOINT);
    expect(status).toMatchObject({
      schemaVersion: 1,
      observedAt: '2026-11-26T10:00:00.000Z',
      region: REGION,
      endpoint: {
        name: ENDPOINT, arn: 'arn:aws:sagemaker:us-east-1:111122223333:endpoint/llm-endpoint', status: 'InService', failureReason: null,
        endpointConfigName: CONFIG, creationTime: '2026-11-20T09:12:00.000Z', lastModifiedTime: '2026-11-26T09:41:00.000Z',
      },
      fallback: true,
      pendingDeployment: null,
      inferenceComponents: [],
      warnings: [],
    });
    expect(status.variants).toHaveLength(1);
    expect(status.variants[0].pools.map((p) => [p.priority, p.instanceType, p.count])).toEqual([[1, P5, 4], [2, G6, 2]]);
    expect(status.variants[0].scaling).toMatchObject({ state: 'registered', minCapacity: 2, maxCapacity: 10, desiredCapacity: 6 });
  });

  test('during an update the pending variants are ranked with the pending config', async () => {
    // GIVEN an update to cfg-v2, which puts g6 first
    mockFeaturedEndpoint(mocks, describeEndpoint({
      EndpointStatus: 'Updating',
      PendingDeploymentSummary: {
        EndpointConfigName: 'cfg-v2',
        StartTime: new Date(NOW - 60_000),
        ProductionVariants: [{
          VariantName: 'AllTraffic', CurrentInstanceCount: 2, DesiredInstanceCount: 6,
          InstancePools: [{ InstanceType: P5, CurrentInstanceCount: 1 }, { InstanceType: G6, CurrentInstanceCount: 1 }],
          VariantStatus: [{ Status: 'Creating', StatusMessage: 'Launching instances', StartTime: new Date(NOW - 60_000) }],
        }],
      },
    }));
    mocks.sagemaker.on(DescribeEndpointConfigCommand, { EndpointConfigName: 'cfg-v2' }).resolves(endpointConfig('cfg-v2', {
      ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'M', InstancePools: [{ InstanceType: G6, Priority: 1 }, { InstanceType: P5, Priority: 2 }] }],
    }));

    // WHEN
    const status = await collector().collect(ENDPOINT);

    // THEN the live fleet keeps the current config's order, the new fleet follows cfg-v2
    expect(status.variants[0].pools.map((p) => p.instanceType)).toEqual([P5, G6]);
    expect(status.pendingDeployment).toMatchObject({ endpointConfigName: 'cfg-v2', startTime: '2026-11-26T09:59:00.000Z' });
    const pending = status.pendingDeployment!.variants[0];
    expect(pending).toMatchObject({ role: 'pending', currentInstanceCount: 2, desiredInstanceCount: 6, prioritySource: 'endpoint-config', scaling: { state: 'none' } });
    expect(pending.pools.map((p) => [p.priority, p.instanceType, p.fallback])).toEqual([[1, G6, false], [2, P5, true]]);
    expect(pending.stages[0]).toMatchObject({ status: 'Creating', message: 'Launching instances' });
  });

  test('a deleted endpoint config: priorities follow the reported order, with a warning', async () => {
    mockFeaturedEndpoint(mocks);
    mocks.sagemaker.on(DescribeEndpointConfigCommand).rejects(awsError('ValidationException', `Could not find endpoint configuration "${CONFIG}".`));
    const status = await collector().collect(ENDPOINT);
    expect(status.variants[0].prioritySource).toBe('response-order');
    expect(status.variants[0].pools.map((p) => p.instanceType)).toEqual([G6, P5]);
    expect(status.warnings).toEqual([
      `pool priorities of the live variants follow the order SageMaker returned: endpoint config ${CONFIG} is not readable `
      + `(not found on DescribeEndpointConfig: Could not find endpoint configuration "${CONFIG}".)`,
    ]);
    // Without a config there is no telling whether components are hosted: look.
    expect(mocks.sagemaker).toHaveReceivedCommandWith(ListInferenceComponentsCommand, { EndpointNameEquals: ENDPOINT });
  });

  test('throttling on the endpoint config is an error, not a warning', async () => {
    mockFeaturedEndpoint(mocks);
    mocks.sagemaker.on(DescribeEndpointConfigCommand).rejects(awsError('ThrottlingException', 'Rate exceeded'));
    await expect(collector().collect(ENDPOINT)).rejects.toMatchObject({ kind: 'throttled' });
  });

  test('an unknown endpoint is a not-found error naming the region', async () => {
    mocks.sagemaker.on(DescribeEndpointCommand).rejects(awsError('ValidationException', 'Could not find endpoint "nope".'));
    const error = await collector().collect('nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FleetError);
    expect(error).toMatchObject({ kind: 'not-found', message: "endpoint 'nope' not found in us-east-1: check the name, --region and --profile." });
  });

  test('shadow variants are reported, without autoscaling', async () => {
    mockFeaturedEndpoint(mocks, describeEndpoint({ ShadowProductionVariants: [pooledVariant(1, 0, { VariantName: 'Shadow' })] }));
    mocks.sagemaker.on(DescribeEndpointConfigCommand, { EndpointConfigName: CONFIG }).resolves(endpointConfig(CONFIG, {
      ShadowProductionVariants: [{ VariantName: 'Shadow', ModelName: 'Candidate', InstancePools: [{ InstanceType: P5, Priority: 1 }, { InstanceType: G6, Priority: 2 }] }],
    }));
    const status = await collector().collect(ENDPOINT);
    expect(status.variants.map((v) => [v.name, v.role, v.scaling.state])).toEqual([['AllTraffic', 'production', 'registered'], ['Shadow', 'shadow', 'none']]);
    expect(mocks.autoscaling).toHaveReceivedCommandWith(DescribeScalableTargetsCommand, { ResourceIds: ['endpoint/llm-endpoint/variant/AllTraffic'] });
  });

  test('a reused collector fetches each endpoint config once', async () => {
    mockFeaturedEndpoint(mocks);
    const c = collector();
    await c.collect(ENDPOINT);
    await c.collect(ENDPOINT);
    expect(mocks.sagemaker).toHaveReceivedCommandTimes(DescribeEndpointCommand, 2);
    expect(mocks.sagemaker).toHaveReceivedCommandTimes(DescribeEndpointConfigCommand, 1);
  });
});
