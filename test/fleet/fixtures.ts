/**
 * Test doubles for the fleet CLI: SDK mocks wired with the featured scenario (scenario.ts), real clients with
 * fake keys, and fakes for the clock, sleep and output streams. (aws-sdk-client-mock replaces `send`, so the
 * SDK's retry strategy does not run here; fake-transport.ts keeps it in play.)
 */
import {
  ApplicationAutoScalingClient, DescribeScalableTargetsCommand, DescribeScalingActivitiesCommand, DescribeScalingPoliciesCommand,
} from '@aws-sdk/client-application-auto-scaling';
import {
  DescribeEndpointCommand, DescribeEndpointConfigCommand, DescribeEndpointOutput, ListInferenceComponentsCommand, SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import { AwsClientStub, mockClient } from 'aws-sdk-client-mock';
import { AwsApi, ClientFactory, ConnectionOptions, FleetClients } from '../../bin/fleet/aws';
import { main } from '../../bin/fleet/main';
import {
  ACCOUNT, ACTIVITIES, CONFIG, describeEndpoint, ENDPOINT, endpointConfig, fakeRuntime, FakeRuntime, REGION,
  VARIANT_RESOURCE, WEIGHTED_POLICY,
} from './scenario';

export * from './scenario';

// ---------------------------------------------------------------------------------------------------------
// SDK mocks

export interface SdkMocks {
  readonly sagemaker: AwsClientStub<SageMakerClient>;
  readonly autoscaling: AwsClientStub<ApplicationAutoScalingClient>;
  readonly serviceQuotas: AwsClientStub<ServiceQuotasClient>;
}

/**
 * Patches `send` of every SageMaker, Application Auto Scaling and Service Quotas client until the test file ends
 * (test files share their worker process: the next file gets the real `send`); call `reset()` in beforeEach.
 */
export function sdkMocks(): SdkMocks {
  const mocks = { sagemaker: mockClient(SageMakerClient), autoscaling: mockClient(ApplicationAutoScalingClient), serviceQuotas: mockClient(ServiceQuotasClient) };
  afterAll(() => Object.values(mocks).forEach((mock) => mock.restore()));
  return mocks;
}

/** Real clients (with fixed region and fake keys) whose `send` the mocks intercept. */
export function testClients(options: ConnectionOptions = {}): FleetClients {
  const config = { region: options.region ?? REGION, credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'fake' } };
  return { sagemaker: new SageMakerClient(config), autoscaling: new ApplicationAutoScalingClient(config), serviceQuotas: new ServiceQuotasClient(config) };
}

/** A client factory that records the options it was called with. */
export function recordingFactory(): ClientFactory & { readonly calls: ConnectionOptions[] } {
  const calls: ConnectionOptions[] = [];
  const factory = (options: ConnectionOptions): FleetClients => {
    calls.push(options);
    return testClients(options);
  };
  return Object.assign(factory, { calls });
}

export function testApi(): AwsApi {
  return new AwsApi(testClients(), { region: REGION });
}

/** Wires the featured scenario: InService, 4 × p5 + 2 × g6 (fallback), weighted target tracking, two activities. */
export function mockFeaturedEndpoint(mocks: SdkMocks, endpoint: DescribeEndpointOutput = describeEndpoint()): void {
  mocks.sagemaker.on(DescribeEndpointCommand, { EndpointName: ENDPOINT }).resolves(endpoint);
  mocks.sagemaker.on(DescribeEndpointConfigCommand, { EndpointConfigName: CONFIG }).resolves(endpointConfig());
  mocks.sagemaker.on(ListInferenceComponentsCommand).resolves({ InferenceComponents: [] });
  mocks.autoscaling.on(DescribeScalableTargetsCommand).resolves({
    ScalableTargets: [{
      ServiceNamespace: 'sagemaker', ResourceId: VARIANT_RESOURCE, ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
      MinCapacity: 2, MaxCapacity: 10, RoleARN: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/sagemaker.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_SageMakerEndpoint`,
      CreationTime: new Date('2026-11-20T09:40:00Z'),
    }],
  });
  mocks.autoscaling.on(DescribeScalingPoliciesCommand).resolves({ ScalingPolicies: [WEIGHTED_POLICY] });
  mocks.autoscaling.on(DescribeScalingActivitiesCommand).resolves({ ScalingActivities: ACTIVITIES });
}

/** Runs the CLI in-process, as `sagemaker-fleet ARGV`, against the mocked SDK. */
export async function runMain(argv: string[], runtime: FakeRuntime = fakeRuntime(), createClients: ClientFactory = recordingFactory()):
Promise<{ code: number; out: string; err: string; runtime: FakeRuntime }> {
  const code = await main(argv, { runtime, createClients });
  return { code, out: runtime.stdout.text(), err: runtime.stderr.text(), runtime };
}
