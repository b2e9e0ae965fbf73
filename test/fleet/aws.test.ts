import 'aws-sdk-client-mock-jest';
import { DescribeScalableTargetsCommand, DescribeScalingActivitiesCommand, DescribeScalingPoliciesCommand } from '@aws-sdk/client-application-auto-scaling';
import {
  DescribeAIRecommendationJobCommand, DescribeEndpointCommand, DescribeInferenceComponentCommand, DescribeInferenceRecommendationsJobCommand,
  ListEndpointsCommand, ListInferenceComponentsCommand,
} from '@aws-sdk/client-sagemaker';
import { ListAWSDefaultServiceQuotasCommand, ListServiceQuotasCommand } from '@aws-sdk/client-service-quotas';
import { StandardRetryStrategy } from '@smithy/core/retry';
import { awsError, ENDPOINT, sdkMocks, testApi, testClients } from './fixtures';
import { AwsApi, createClients, lazyClients } from '../../bin/fleet/aws';
import { FleetError } from '../../bin/fleet/errors';

const mocks = sdkMocks();
beforeEach(() => {
  mocks.sagemaker.reset();
  mocks.autoscaling.reset();
  mocks.serviceQuotas.reset();
});

describe('createClients', () => {
  test('passes region and profile to every client, with the retry strategy of retry.ts', async () => {
    const clients = createClients({ region: 'eu-west-1', profile: 'ops' });
    for (const client of [clients.sagemaker, clients.autoscaling, clients.serviceQuotas]) {
      await expect(client.config.region()).resolves.toBe('eu-west-1');
      expect(client.config.profile).toBe('ops');
      const strategy = await client.config.retryStrategy() as StandardRetryStrategy;
      await expect(strategy.maxAttempts()).resolves.toBe(6);
    }
  });

  test('makes each client when it is first used, once', () => {
    const made: string[] = [];
    const real = createClients({ region: 'eu-west-1' });
    const clients = lazyClients({
      sagemaker: () => { made.push('sagemaker'); return real.sagemaker; },
      autoscaling: () => { made.push('autoscaling'); return real.autoscaling; },
      serviceQuotas: () => { made.push('serviceQuotas'); return real.serviceQuotas; },
    });
    expect(made).toEqual([]);
    expect(clients.sagemaker).toBe(clients.sagemaker);
    expect(made).toEqual(['sagemaker']);
    expect(clients.serviceQuotas).toBe(real.serviceQuotas);
    expect(made).toEqual(['sagemaker', 'serviceQuotas']);
  });
});

describe('AwsApi', () => {
  test('region() resolves the client region', async () => {
    await expect(testApi().region()).resolves.toBe('us-east-1');
  });

  test('listInferenceComponents filters by endpoint and follows every page', async () => {
    mocks.sagemaker.on(ListInferenceComponentsCommand)
      .resolvesOnce({ InferenceComponents: [{ InferenceComponentName: 'a' } as never], NextToken: 't1' })
      .resolvesOnce({ InferenceComponents: [{ InferenceComponentName: 'b' } as never] });
    const names = (await testApi().listInferenceComponents(ENDPOINT)).map((c) => c.InferenceComponentName);
    expect(names).toEqual(['a', 'b']);
    const inputs = mocks.sagemaker.commandCalls(ListInferenceComponentsCommand).map((c) => c.args[0].input);
    expect(inputs.map((i) => [i.EndpointNameEquals, i.NextToken])).toEqual([[ENDPOINT, undefined], [ENDPOINT, 't1']]);
  });

  test('describeScalableTargets asks for at most 50 resource ids per call', async () => {
    mocks.autoscaling.on(DescribeScalableTargetsCommand).resolves({ ScalableTargets: [] });
    const ids = Array.from({ length: 60 }, (_, i) => `inference-component/ic-${i}`);
    await testApi().describeScalableTargets(ids);
    const calls = mocks.autoscaling.commandCalls(DescribeScalableTargetsCommand).map((c) => c.args[0].input.ResourceIds?.length);
    expect(calls).toEqual([50, 10]);
  });

  test('describeScalingPolicies and describeScalingActivities scope to one resource and dimension', async () => {
    mocks.autoscaling.on(DescribeScalingPoliciesCommand).resolves({ ScalingPolicies: [] });
    mocks.autoscaling.on(DescribeScalingActivitiesCommand).resolves({ ScalingActivities: [] });
    const api = testApi();
    await api.describeScalingPolicies('endpoint/e/variant/v', 'sagemaker:variant:DesiredInstanceCount');
    await api.describeScalingActivities('endpoint/e/variant/v', 'sagemaker:variant:DesiredInstanceCount', 3);
    const scope = { ServiceNamespace: 'sagemaker', ResourceId: 'endpoint/e/variant/v', ScalableDimension: 'sagemaker:variant:DesiredInstanceCount' };
    expect(mocks.autoscaling).toHaveReceivedCommandWith(DescribeScalingPoliciesCommand, scope);
    expect(mocks.autoscaling).toHaveReceivedCommandWith(DescribeScalingActivitiesCommand, { ...scope, MaxResults: 3 });
  });

  test('every failure leaves as a classified FleetError naming the operation', async () => {
    mocks.sagemaker.on(DescribeInferenceComponentCommand).rejects(awsError('AccessDeniedException', 'nope', 403));
    const error = await testApi().describeInferenceComponent('ic').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FleetError);
    expect((error as FleetError).message).toBe('access denied on DescribeInferenceComponent: nope');
  });

  test('the attempts the SDK recorded on the error appear in the final message', async () => {
    mocks.sagemaker.on(DescribeEndpointCommand).rejects(Object.assign(awsError('ThrottlingException', 'Rate exceeded'), {
      $metadata: { httpStatusCode: 400, attempts: 6, totalRetryDelay: 15_000 },
    }));
    const error = await testApi().describeEndpoint(ENDPOINT).catch((e: unknown) => e);
    expect((error as FleetError).kind).toBe('throttled');
    expect((error as FleetError).message).toContain('(6 attempts with backoff)');
  });

  test('network errors name the resolved region', async () => {
    mocks.sagemaker.on(DescribeEndpointCommand).rejects(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    const api = new AwsApi(testClients({ region: 'ap-south-1' }), {});
    await api.region();
    await expect(api.describeEndpoint(ENDPOINT)).rejects.toThrow(/^cannot reach AWS in ap-south-1 \(ECONNREFUSED\)/);
  });
});

describe('AwsApi: recommendation jobs, endpoints and quotas', () => {
  test('describes an AI recommendation job and an Inference Recommender job by name', async () => {
    mocks.sagemaker.on(DescribeAIRecommendationJobCommand).resolves({ AIRecommendationJobName: 'a' } as never);
    mocks.sagemaker.on(DescribeInferenceRecommendationsJobCommand).resolves({ JobName: 'b' } as never);
    const api = testApi();
    await expect(api.describeAIRecommendationJob('a')).resolves.toMatchObject({ AIRecommendationJobName: 'a' });
    await expect(api.describeInferenceRecommendationsJob('b')).resolves.toMatchObject({ JobName: 'b' });
    expect(mocks.sagemaker).toHaveReceivedCommandWith(DescribeAIRecommendationJobCommand, { AIRecommendationJobName: 'a' });
    expect(mocks.sagemaker).toHaveReceivedCommandWith(DescribeInferenceRecommendationsJobCommand, { JobName: 'b' });
  });

  test('listEndpoints follows every page', async () => {
    mocks.sagemaker.on(ListEndpointsCommand)
      .resolvesOnce({ Endpoints: [{ EndpointName: 'a' } as never], NextToken: 't1' })
      .resolvesOnce({ Endpoints: [{ EndpointName: 'b' } as never] });
    const names = (await testApi().listEndpoints()).map((e) => e.EndpointName);
    expect(names).toEqual(['a', 'b']);
    expect(mocks.sagemaker.commandCalls(ListEndpointsCommand).map((c) => c.args[0].input.NextToken)).toEqual([undefined, 't1']);
  });

  test('listServiceQuotas and listAwsDefaultServiceQuotas ask for the service code and follow every page', async () => {
    mocks.serviceQuotas.on(ListServiceQuotasCommand)
      .resolvesOnce({ Quotas: [{ QuotaName: 'q1' }], NextToken: 'n' })
      .resolvesOnce({ Quotas: [{ QuotaName: 'q2' }] });
    mocks.serviceQuotas.on(ListAWSDefaultServiceQuotasCommand).resolves({ Quotas: [{ QuotaName: 'd1' }] });
    const api = testApi();
    expect((await api.listServiceQuotas('sagemaker')).map((q) => q.QuotaName)).toEqual(['q1', 'q2']);
    expect((await api.listAwsDefaultServiceQuotas('sagemaker')).map((q) => q.QuotaName)).toEqual(['d1']);
    expect(mocks.serviceQuotas.commandCalls(ListServiceQuotasCommand).map((c) => c.args[0].input))
      .toEqual([{ ServiceCode: 'sagemaker', MaxResults: 100, NextToken: undefined }, { ServiceCode: 'sagemaker', MaxResults: 100, NextToken: 'n' }]);
    expect(mocks.serviceQuotas).toHaveReceivedCommandWith(ListAWSDefaultServiceQuotasCommand, { ServiceCode: 'sagemaker' });
  });

  test('Service Quotas throttling (TooManyRequestsException), after the SDK\'s retries, is reported as throttling', async () => {
    // The retries themselves are the SDK's (test/fleet/retry.test.ts runs them for Service Quotas too).
    mocks.serviceQuotas.on(ListServiceQuotasCommand).rejects(Object.assign(awsError('TooManyRequestsException', 'Rate exceeded'), {
      $metadata: { httpStatusCode: 400, attempts: 6 },
    }));
    const error = await testApi().listServiceQuotas('sagemaker').catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'throttled', message: expect.stringContaining('AWS kept throttling ListServiceQuotas (6 attempts with backoff)') });
  });
});
