import 'aws-sdk-client-mock-jest';
import { DescribeScalableTargetsCommand } from '@aws-sdk/client-application-auto-scaling';
import { DescribeEndpointCommand, DescribeEndpointConfigCommand } from '@aws-sdk/client-sagemaker';
import { FleetError } from '../../../bin/fleet/errors';
import { liveFleets } from '../../../bin/fleet/preflight/live-fleets';
import { awsError, CONFIG, describeEndpoint, ENDPOINT, endpointConfig, REGION, sdkMocks, testApi, VARIANT_RESOURCE } from '../fixtures';

const mocks = sdkMocks();
beforeEach(() => {
  mocks.sagemaker.reset();
  mocks.autoscaling.reset();
  mocks.sagemaker.on(DescribeEndpointCommand, { EndpointName: ENDPOINT }).resolves(describeEndpoint());
  mocks.sagemaker.on(DescribeEndpointConfigCommand, { EndpointConfigName: CONFIG }).resolves(endpointConfig());
});

const target = { ServiceNamespace: 'sagemaker' as const, ResourceId: VARIANT_RESOURCE, ScalableDimension: 'sagemaker:variant:DesiredInstanceCount' as const, MinCapacity: 2, MaxCapacity: 10, RoleARN: 'arn', CreationTime: new Date() };

describe('liveFleets', () => {
  test('pools from the endpoint config, MaxCapacity from the scalable target, the desired count now', async () => {
    mocks.autoscaling.on(DescribeScalableTargetsCommand).resolves({ ScalableTargets: [target] });
    const { fleets, notes } = await liveFleets(testApi(), ENDPOINT, REGION);
    expect(notes).toEqual([]);
    expect(fleets).toEqual([{
      endpoint: ENDPOINT, endpointName: ENDPOINT, logicalId: null, variant: 'AllTraffic', role: 'production', inferenceComponents: false,
      pools: [{ priority: 1, instanceType: 'ml.p5.48xlarge' }, { priority: 2, instanceType: 'ml.g6.48xlarge' }],
      bounds: { initialInstanceCount: null, scalableTargetMax: 10, managedInstanceScalingMax: null, desiredInstanceCount: 6 },
      boundsResolved: true, unresolved: [],
    }]);
    expect(mocks.autoscaling).toHaveReceivedCommandWith(DescribeScalableTargetsCommand, { ResourceIds: [VARIANT_RESOURCE] });
  });

  test('without permission to read autoscaling: the other bounds, said so, and the maximum is a lower bound', async () => {
    mocks.autoscaling.on(DescribeScalableTargetsCommand).rejects(awsError('AccessDeniedException', 'no autoscaling for you', 403));
    const { fleets, notes } = await liveFleets(testApi(), ENDPOINT, REGION);
    expect(fleets[0]).toMatchObject({ bounds: { scalableTargetMax: null, desiredInstanceCount: 6 }, boundsResolved: false });
    expect(notes).toEqual([expect.stringMatching(/^autoscaling not read \(access denied on DescribeScalableTargets: no autoscaling for you\)/)]);
  });

  test('managed instance scaling of an inference-component endpoint; an update in progress is noted', async () => {
    mocks.sagemaker.on(DescribeEndpointCommand, { EndpointName: ENDPOINT }).resolves(describeEndpoint({
      PendingDeploymentSummary: { EndpointConfigName: 'cfg-v2', ProductionVariants: [] },
      ProductionVariants: [{ VariantName: 'AllTraffic', DesiredInstanceCount: 2, ManagedInstanceScaling: { Status: 'ENABLED', MinInstanceCount: 1, MaxInstanceCount: 5 } }],
    }));
    const config = endpointConfig();
    mocks.sagemaker.on(DescribeEndpointConfigCommand, { EndpointConfigName: CONFIG }).resolves({
      ...config, ProductionVariants: config.ProductionVariants!.map((v) => ({ ...v, ModelName: undefined })),
    });
    mocks.autoscaling.on(DescribeScalableTargetsCommand).resolves({ ScalableTargets: [] });
    const { fleets, notes } = await liveFleets(testApi(), ENDPOINT, REGION);
    expect(fleets[0]).toMatchObject({ inferenceComponents: true, bounds: { managedInstanceScalingMax: 5, scalableTargetMax: null } });
    expect(notes).toEqual([`endpoint ${ENDPOINT} is being updated to endpoint config cfg-v2; this check is of the live one, ${CONFIG}`]);
  });

  test('no such endpoint: not found, naming the region', async () => {
    mocks.sagemaker.on(DescribeEndpointCommand).rejects(awsError('ValidationException', 'Could not find endpoint "x".'));
    const error = await liveFleets(testApi(), 'x', REGION).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(FleetError);
    expect((error as FleetError).message).toBe("endpoint 'x' not found in us-east-1: check the name, --region and --profile.");
  });
});
