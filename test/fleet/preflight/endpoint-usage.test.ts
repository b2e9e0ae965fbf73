import 'aws-sdk-client-mock-jest';
import { DescribeEndpointCommand, DescribeEndpointConfigCommand, ListEndpointsCommand } from '@aws-sdk/client-sagemaker';
import { mockAccount, pooledEndpoint, singleTypeEndpoint } from './account';
import { endpointUsage } from '../../../bin/fleet/preflight/endpoint-usage';
import { awsError, sdkMocks, testApi } from '../fixtures';

const mocks = sdkMocks();
beforeEach(() => {
  mocks.sagemaker.reset();
  mocks.serviceQuotas.reset();
});

describe('endpointUsage', () => {
  test('pools count their CurrentInstanceCount; a single-type variant counts on the type of its endpoint config', async () => {
    mockAccount(mocks, [
      pooledEndpoint('llm-a', { 'ml.p5.48xlarge': 4, 'ml.g6.48xlarge': 2 }),
      pooledEndpoint('llm-b', { 'ml.g6.48xlarge': 3, 'ml.g6.24xlarge': 0 }),
      singleTypeEndpoint('classic', 'ml.g5.12xlarge', 2, mocks),
    ]);
    const usage = await endpointUsage(testApi());
    expect(usage.endpointsCounted).toBe(3);
    expect(Object.fromEntries(usage.byInstanceType)).toEqual({ 'ml.p5.48xlarge': 4, 'ml.g6.48xlarge': 5, 'ml.g5.12xlarge': 2 });
    expect(Object.fromEntries(usage.byEndpoint.get('llm-a')!)).toEqual({ 'ml.p5.48xlarge': 4, 'ml.g6.48xlarge': 2 });
    expect(usage.notes).toEqual([]);
    expect(mocks.sagemaker).toHaveReceivedCommandTimes(DescribeEndpointConfigCommand, 1);
  });

  test('during an update both fleets count; the new one names its single type itself; serverless counts nothing', async () => {
    const updating = pooledEndpoint('llm', { 'ml.p5.48xlarge': 2 });
    mockAccount(mocks, [{
      ...updating,
      EndpointStatus: 'Updating',
      PendingDeploymentSummary: {
        EndpointConfigName: 'llm-config-v2',
        ProductionVariants: [{ VariantName: 'AllTraffic', InstanceType: 'ml.g6e.48xlarge', CurrentInstanceCount: 1 }],
        ShadowProductionVariants: [{ VariantName: 'Shadow', InstancePools: [{ InstanceType: 'ml.g6.12xlarge', CurrentInstanceCount: 1 }] }],
      },
      ShadowProductionVariants: [{ VariantName: 'Sls', CurrentServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 1 }, CurrentInstanceCount: 0 }],
    }]);
    const usage = await endpointUsage(testApi());
    expect(Object.fromEntries(usage.byInstanceType)).toEqual({ 'ml.p5.48xlarge': 2, 'ml.g6e.48xlarge': 1, 'ml.g6.12xlarge': 1 });
    expect(mocks.sagemaker).not.toHaveReceivedCommand(DescribeEndpointConfigCommand);
  });

  test('an endpoint deleted between the list and the describe is skipped; instances of a gone config are noted', async () => {
    const orphan = singleTypeEndpoint('orphan', 'ml.g5.12xlarge', 2, mocks);
    mockAccount(mocks, [pooledEndpoint('gone', { 'ml.p5.48xlarge': 1 }), orphan]);
    mocks.sagemaker.on(DescribeEndpointCommand, { EndpointName: 'gone' }).rejects(awsError('ValidationException', 'Could not find endpoint "gone".'));
    mocks.sagemaker.on(DescribeEndpointConfigCommand).rejects(awsError('ValidationException', 'Could not find endpoint configuration "orphan-config".'));
    const usage = await endpointUsage(testApi());
    expect(usage.endpointsCounted).toBe(1);
    expect(usage.byInstanceType.size).toBe(0);
    expect(usage.notes).toEqual(['2 instances of endpoint orphan (variant AllTraffic) are not counted: its instance type is in endpoint config orphan-config, which is gone']);
  });

  test('lists every page of endpoints', async () => {
    mockAccount(mocks, [pooledEndpoint('a', { 'ml.p5.48xlarge': 1 }), pooledEndpoint('b', { 'ml.p5.48xlarge': 1 })]);
    mocks.sagemaker.on(ListEndpointsCommand)
      .resolvesOnce({ Endpoints: [{ EndpointName: 'a' } as never], NextToken: 'n' })
      .resolvesOnce({ Endpoints: [{ EndpointName: 'b' } as never] });
    expect((await endpointUsage(testApi())).byInstanceType.get('ml.p5.48xlarge')).toBe(2);
  });

  test('access denied on DescribeEndpoint fails the usage: a preflight without it would be wrong', async () => {
    mockAccount(mocks, [pooledEndpoint('a', { 'ml.p5.48xlarge': 1 })]);
    mocks.sagemaker.on(DescribeEndpointCommand).rejects(awsError('AccessDeniedException', 'not authorized to perform: sagemaker:DescribeEndpoint', 403));
    await expect(endpointUsage(testApi())).rejects.toThrow('access denied on DescribeEndpoint: not authorized to perform: sagemaker:DescribeEndpoint');
  });
});
