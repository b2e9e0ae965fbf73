import 'aws-sdk-client-mock-jest';
import { CreateEndpointConfigCommand, DescribeEndpointCommand, DescribeEndpointConfigCommand, UpdateEndpointCommand } from '@aws-sdk/client-sagemaker';
import { singleTypeEndpoint } from './migrate-scenario';
import { awsError, sdkMocks, testApi } from '../fixtures';
import { FleetError } from '../../../bin/fleet/errors';
import { awsMessage, createEndpointConfigOnce, updateEndpointOnce } from '../../../bin/fleet/migrate/apply-migration';

const mocks = sdkMocks();
beforeEach(() => {
  mocks.sagemaker.reset();
  mocks.autoscaling.reset();
});

const REQUEST = {
  EndpointConfigName: 'new',
  ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'm', InstancePools: [{ InstanceType: 'ml.p5.48xlarge' as const, Priority: 1 }] }],
  KmsKeyId: 'key',
  Tags: [{ Key: 'team', Value: 'x' }],
};
const ALREADY = awsError('ValidationException', 'Cannot create already existing endpoint configuration "arn:aws:sagemaker:us-east-1:111122223333:endpoint-config/new".');

describe('createEndpointConfigOnce', () => {
  test('creates', async () => {
    mocks.sagemaker.on(CreateEndpointConfigCommand).resolves({ EndpointConfigArn: 'arn' });
    await expect(createEndpointConfigOnce(testApi(), REQUEST)).resolves.toBe('created');
    expect(mocks.sagemaker).toHaveReceivedCommandWith(CreateEndpointConfigCommand, REQUEST);
  });

  test('"already exists" with the content sent (plus what SageMaker adds) is our own earlier attempt', async () => {
    mocks.sagemaker.on(CreateEndpointConfigCommand).rejects(ALREADY);
    const { Tags: _tags, ...described } = REQUEST;
    mocks.sagemaker.on(DescribeEndpointConfigCommand, { EndpointConfigName: 'new' })
      .resolves({ ...described, EndpointConfigArn: 'arn', CreationTime: new Date(), ProductionVariants: [{ ...REQUEST.ProductionVariants[0], InitialVariantWeight: 1 }] });
    await expect(createEndpointConfigOnce(testApi(), REQUEST)).resolves.toBe('found-own');
  });

  test.each([
    ['another model', { ProductionVariants: [{ ...REQUEST.ProductionVariants[0], ModelName: 'other' }] }],
    ['another pool list', { ProductionVariants: [{ ...REQUEST.ProductionVariants[0], InstancePools: [] }] }],
    ['no key', { KmsKeyId: undefined }],
  ])('"already exists" with other content (%s) is an error', async (_, change) => {
    mocks.sagemaker.on(CreateEndpointConfigCommand).rejects(ALREADY);
    mocks.sagemaker.on(DescribeEndpointConfigCommand).resolves({ ...REQUEST, ...change, EndpointConfigArn: 'arn', CreationTime: new Date() } as never);
    await expect(createEndpointConfigOnce(testApi(), REQUEST)).rejects.toThrow(/already exists with other content/);
  });

  test('other failures stand', async () => {
    mocks.sagemaker.on(CreateEndpointConfigCommand).rejects(awsError('AccessDeniedException', 'no', 403));
    await expect(createEndpointConfigOnce(testApi(), REQUEST)).rejects.toMatchObject({ kind: 'access-denied' });
    expect(mocks.sagemaker).not.toHaveReceivedCommand(DescribeEndpointConfigCommand);
  });
});

describe('updateEndpointOnce', () => {
  const UPDATE = { EndpointName: 'llm-endpoint', EndpointConfigName: 'new' };

  test('sends the request', async () => {
    mocks.sagemaker.on(UpdateEndpointCommand).resolves({ EndpointArn: 'arn' });
    await updateEndpointOnce(testApi(), UPDATE);
    expect(mocks.sagemaker).toHaveReceivedCommandWith(UpdateEndpointCommand, UPDATE);
    expect(mocks.sagemaker).not.toHaveReceivedCommand(DescribeEndpointCommand);
  });

  test.each([
    ['updating to it', singleTypeEndpoint({ EndpointStatus: 'Updating', PendingDeploymentSummary: { EndpointConfigName: 'new' } })],
    ['already on it', singleTypeEndpoint({ EndpointConfigName: 'new' })],
  ])('a failure while the endpoint is %s means an earlier attempt went through', async (_, endpoint) => {
    mocks.sagemaker.on(UpdateEndpointCommand).rejects(awsError('ValidationException', 'Cannot update in-progress endpoint.'));
    mocks.sagemaker.on(DescribeEndpointCommand).resolves(endpoint);
    await expect(updateEndpointOnce(testApi(), UPDATE)).resolves.toBeUndefined();
  });

  test('a failure while the endpoint is elsewhere stands', async () => {
    mocks.sagemaker.on(UpdateEndpointCommand).rejects(awsError('ValidationException', 'no'));
    mocks.sagemaker.on(DescribeEndpointCommand).resolves(singleTypeEndpoint());
    await expect(updateEndpointOnce(testApi(), UPDATE)).rejects.toThrow('UpdateEndpoint failed (ValidationException): no');
  });

  test('a failure followed by a failing read stands', async () => {
    mocks.sagemaker.on(UpdateEndpointCommand).rejects(awsError('ValidationException', 'no'));
    mocks.sagemaker.on(DescribeEndpointCommand).rejects(awsError('AccessDeniedException', 'no', 403));
    await expect(updateEndpointOnce(testApi(), UPDATE)).rejects.toThrow('UpdateEndpoint failed (ValidationException): no');
  });
});

test('awsMessage is the message AWS gave', () => {
  expect(awsMessage(new FleetError('unexpected', 'X failed (ValidationException): boom', awsError('ValidationException', 'boom')))).toBe('boom');
  expect(awsMessage(new FleetError('unexpected', 'plain'))).toBe('plain');
});
