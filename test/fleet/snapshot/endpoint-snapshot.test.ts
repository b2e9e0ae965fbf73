import 'aws-sdk-client-mock-jest';
import { DescribeScalableTargetsCommand, DescribeScalingPoliciesCommand } from '@aws-sdk/client-application-auto-scaling';
import { DescribeEndpointCommand, DescribeEndpointConfigCommand, ListTagsCommand } from '@aws-sdk/client-sagemaker';
import { awsFault, FakeTransport, transportClients } from '../fake-transport';
import { awsError, sdkMocks, testApi } from '../fixtures';
import { mockMigration } from '../migrate/migrate-mocks';
import {
  CONFIG_TAGS, ENDPOINT_ARN, INVOCATIONS_POLICY, OLD_CONFIG, OLD_CONFIG_ARN, RESOURCE_ID, singleTypeConfig, singleTypeEndpoint, TARGET,
} from '../migrate/migrate-scenario';
import { ENDPOINT } from '../scenario';
import { AwsApi } from '../../../bin/fleet/aws';
import { readEndpointSnapshot, variantResourceId } from '../../../bin/fleet/snapshot/endpoint-snapshot';

const mocks = sdkMocks();
beforeEach(() => {
  mocks.sagemaker.reset();
  mocks.autoscaling.reset();
});

describe('readEndpointSnapshot', () => {
  test('endpoint, config, tags of both, and the scalable targets of the production variants with their policies', async () => {
    mockMigration(mocks);
    const snapshot = await readEndpointSnapshot(testApi(), 'us-east-1', ENDPOINT);
    expect(snapshot.endpoint.EndpointName).toBe(ENDPOINT);
    expect(snapshot.config.EndpointConfigName).toBe(OLD_CONFIG);
    expect(snapshot.configTags).toEqual(CONFIG_TAGS);
    expect(snapshot.endpointTags).toEqual(CONFIG_TAGS.slice(0, 1));
    expect(snapshot.scaling).toEqual([{ variantName: 'AllTraffic', resourceId: RESOURCE_ID, target: TARGET, policies: [INVOCATIONS_POLICY] }]);
    expect(snapshot.unknownConfigMembers).toEqual([]); // a mocked client has no wire to look at
    expect(mocks.sagemaker).toHaveReceivedCommandWith(ListTagsCommand, { ResourceArn: OLD_CONFIG_ARN });
    expect(mocks.sagemaker).toHaveReceivedCommandWith(ListTagsCommand, { ResourceArn: ENDPOINT_ARN });
    expect(mocks.autoscaling).toHaveReceivedCommandWith(DescribeScalableTargetsCommand, { ServiceNamespace: 'sagemaker', ResourceIds: [RESOURCE_ID] });
    expect(mocks.autoscaling).toHaveReceivedCommandWith(DescribeScalingPoliciesCommand, {
      ServiceNamespace: 'sagemaker', ResourceId: RESOURCE_ID, ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
    });
  });

  test('tags follow every page', async () => {
    mockMigration(mocks);
    mocks.sagemaker.on(ListTagsCommand, { ResourceArn: OLD_CONFIG_ARN })
      .resolvesOnce({ Tags: [CONFIG_TAGS[0]], NextToken: 't' }).resolvesOnce({ Tags: [CONFIG_TAGS[1]] });
    const snapshot = await readEndpointSnapshot(testApi(), 'us-east-1', ENDPOINT);
    expect(snapshot.configTags).toEqual(CONFIG_TAGS.slice(0, 2));
  });

  test('no autoscaling: no policies are read', async () => {
    mockMigration(mocks, { autoscaled: false });
    expect((await readEndpointSnapshot(testApi(), 'us-east-1', ENDPOINT)).scaling).toEqual([]);
    expect(mocks.autoscaling).not.toHaveReceivedCommand(DescribeScalingPoliciesCommand);
  });

  test('a config that no longer exists → not found (exit code 3)', async () => {
    mocks.sagemaker.on(DescribeEndpointCommand).resolves(singleTypeEndpoint());
    mocks.sagemaker.on(DescribeEndpointConfigCommand).rejects(awsError('ValidationException', 'Could not find endpoint configuration.'));
    await expect(readEndpointSnapshot(testApi(), 'us-east-1', ENDPOINT)).rejects.toMatchObject({
      exitCode: 3, message: expect.stringMatching(/^endpoint 'llm-endpoint' runs on endpoint config llm-endpoint-config-v1, which does not exist/),
    });
  });

  test('through the SDK: members the SDK does not know are listed', async () => {
    // The real client stack, not the mock (the last test of this file that needs the mock).
    mocks.sagemaker.restore();
    mocks.autoscaling.restore();
    const transport = new FakeTransport((target, body) => {
      switch (target) {
        case 'SageMaker.DescribeEndpoint': return [200, singleTypeEndpoint()];
        case 'SageMaker.DescribeEndpointConfig': return [200, { ...singleTypeConfig(), NewFeatureConfig: { On: true } }];
        case 'SageMaker.ListTags': return [200, { Tags: body.ResourceArn === OLD_CONFIG_ARN ? CONFIG_TAGS : [] }];
        case 'AnyScaleFrontendService.DescribeScalableTargets': return [200, { ScalableTargets: [] }];
        default: return awsFault('UnknownOperationException', target);
      }
    });
    const api = new AwsApi(transportClients(transport)({ region: 'us-east-1' }), {});
    const snapshot = await readEndpointSnapshot(api, 'us-east-1', ENDPOINT);
    expect(snapshot.unknownConfigMembers).toEqual(['NewFeatureConfig']);
  });
});

test('variantResourceId', () => {
  expect(variantResourceId('e', 'v')).toBe('endpoint/e/variant/v');
});
