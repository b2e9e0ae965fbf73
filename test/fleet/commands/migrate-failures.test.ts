import 'aws-sdk-client-mock-jest';
import { DescribeScalableTargetsCommand } from '@aws-sdk/client-application-auto-scaling';
import {
  CreateEndpointConfigCommand, DescribeEndpointCommand, DescribeEndpointConfigCommand, ListTagsCommand, UpdateEndpointCommand,
} from '@aws-sdk/client-sagemaker';
import { awsError, describeEndpoint, endpointConfig, CONFIG, G6, P5, runMain, sdkMocks } from '../fixtures';
import { mockMigration, sentCommands } from '../migrate/migrate-mocks';
import { ENDPOINT_ARN, NEW_CONFIG, OLD_CONFIG, singleTypeConfig, singleTypeEndpoint } from '../migrate/migrate-scenario';
import { ENDPOINT } from '../scenario';

/**
 * `migrate` when things are not as they should be: every refusal happens before any write, every error is one
 * line on stderr with a documented exit code, and a retried write finds its own earlier success.
 */
const mocks = sdkMocks();
beforeEach(() => {
  mocks.sagemaker.reset();
  mocks.autoscaling.reset();
});

const MIGRATE = ['migrate', ENDPOINT, '--pools', `${P5},${G6}`, '--yes', '--no-watch'];
const WRITES = ['CreateEndpointConfigCommand', 'UpdateEndpointCommand'];

function expectOneLineError(err: string, pattern: RegExp): void {
  expect(err.split('\n').filter(Boolean)).toHaveLength(1);
  expect(err).not.toMatch(/\n\s+at /);
  expect(err).toMatch(pattern);
}

function expectNoWrite(): void {
  expect(sentCommands(mocks).filter((c) => WRITES.includes(c))).toEqual([]);
}

describe('refused before any write: exit code 2', () => {
  test('an endpoint a CloudFormation stack manages, with --pools, --revert and --dry-run alike, unless --ignore-stack', async () => {
    mockMigration(mocks);
    mocks.sagemaker.on(ListTagsCommand, { ResourceArn: ENDPOINT_ARN }).resolves({ Tags: [
      { Key: 'aws:cloudformation:stack-name', Value: 'LlmStack' }, { Key: 'aws:cloudformation:logical-id', Value: 'LlmEndpoint1234' },
    ] });
    for (const argv of [MIGRATE, [...MIGRATE, '--dry-run'], ['migrate', ENDPOINT, '--revert', 'llm-endpoint-config-v0', '--yes']]) {
      const { code, out, err } = await runMain(argv);
      expect(code).toBe(2);
      expect(out).toBe('');
      expectOneLineError(err, /^sagemaker-fleet: not changing endpoint 'llm-endpoint': it belongs to CloudFormation stack LlmStack \(logical ID LlmEndpoint1234\) \(tag aws:cloudformation:stack-name\), and a change made outside the stack is drift that the next update of the stack puts back; move it onto instance pools in that stack's app instead: .*existingEndpoint: \{ endpointLogicalId: 'LlmEndpoint1234' \} \(README: "Migrating an existing endpoint" → "In a CDK app"\)\. If no stack manages it any more, run again with --ignore-stack\. Nothing was changed\.$/m);
    }
    expectNoWrite();

    const overridden = await runMain([...MIGRATE, '--dry-run', '--ignore-stack']);
    expect(overridden.code).toBe(0);
    expect(overridden.out).toContain('Note: endpoint llm-endpoint carries the tags of CloudFormation stack LlmStack (logical ID LlmEndpoint1234); '
      + 'changed outside it (--ignore-stack): if that stack still manages it, its next update puts the old config back');
    expectNoWrite();
  });

  test('an endpoint that is not InService', async () => {
    mockMigration(mocks, { endpoint: singleTypeEndpoint({ EndpointStatus: 'Updating' }) });
    const { code, err } = await runMain(MIGRATE);
    expect(code).toBe(2);
    expectOneLineError(err, /^sagemaker-fleet: not changing endpoint 'llm-endpoint': it is Updating; migrate starts from an InService endpoint\. Nothing was changed\.$/m);
    expectNoWrite();
  });

  test('--pools that does not start with the current instance type, unless --force-order', async () => {
    mockMigration(mocks);
    const { code, err } = await runMain(['migrate', ENDPOINT, '--pools', `${G6},${P5}`, '--yes', '--no-watch']);
    expect(code).toBe(2);
    expectOneLineError(err, /--pools starts with ml\.g6\.48xlarge, but the variant runs on ml\.p5\.48xlarge; list ml\.p5\.48xlarge first .* or pass --force-order\. Nothing was changed\.$/m);
    expectNoWrite();

    const forced = await runMain(['migrate', ENDPOINT, '--pools', `${G6},${P5}`, '--force-order', '--dry-run']);
    expect(forced.code).toBe(0);
    expect(forced.out).toContain('Note: --force-order: ml.g6.48xlarge becomes priority 1');
  });

  test('a variant that already runs on instance pools', async () => {
    mockMigration(mocks, { endpoint: describeEndpoint({ EndpointConfigName: OLD_CONFIG }), config: { ...endpointConfig(CONFIG), EndpointConfigName: OLD_CONFIG } });
    const { code, err } = await runMain(MIGRATE);
    expect(code).toBe(2);
    expectOneLineError(err, /cannot move variant AllTraffic of endpoint 'llm-endpoint' onto instance pools: it already runs on instance pools \(InstancePools\)/);
    expectNoWrite();
  });

  test('a serverless variant', async () => {
    const serverless = singleTypeConfig({ ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'm', ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 } }] });
    mockMigration(mocks, { config: serverless });
    const { code, err } = await runMain(MIGRATE);
    expect(code).toBe(2);
    expectOneLineError(err, /it is serverless \(ServerlessConfig\): there is no instance type to move onto pools/);
  });

  test('several production variants and no --variant: the names are listed', async () => {
    const two = singleTypeConfig({ ProductionVariants: [
      { VariantName: 'Blue', ModelName: 'm', InstanceType: P5, InitialInstanceCount: 1 },
      { VariantName: 'Green', ModelName: 'm', InstanceType: P5, InitialInstanceCount: 1 },
    ] });
    mockMigration(mocks, { config: two });
    const { code, err } = await runMain(MIGRATE);
    expect(code).toBe(2);
    expectOneLineError(err, /^sagemaker-fleet: endpoint 'llm-endpoint' has 2 production variants \(Blue, Green\): pass --variant NAME\.$/m);

    const chosen = await runMain(['migrate', ENDPOINT, '--pools', `${P5},${G6}`, '--variant', 'Green', '--dry-run', '--json']);
    const request = JSON.parse(chosen.out);
    expect(request.ProductionVariants.map((v: { VariantName: string; InstanceType?: string }) => [v.VariantName, v.InstanceType])).toEqual([['Blue', P5], ['Green', undefined]]);
  });

  test('--rolling on an endpoint with several production variants', async () => {
    const two = singleTypeConfig({ ProductionVariants: [
      { VariantName: 'Blue', ModelName: 'm', InstanceType: P5, InitialInstanceCount: 1 },
      { VariantName: 'Green', ModelName: 'm', InstanceType: P5, InitialInstanceCount: 1 },
    ] });
    mockMigration(mocks, { config: two });
    const { code, err } = await runMain([...MIGRATE, '--variant', 'Blue', '--rolling', '10']);
    expect(code).toBe(2);
    expectOneLineError(err, /--rolling: endpoint 'llm-endpoint' has 2 production variants, and SageMaker does not roll out endpoints with more than one/);
    expectNoWrite();
  });

  test('--revert to the config the endpoint already runs on', async () => {
    mockMigration(mocks);
    const { code, err } = await runMain(['migrate', ENDPOINT, '--revert', OLD_CONFIG, '--yes']);
    expect(code).toBe(2);
    expectOneLineError(err, /already runs on endpoint config llm-endpoint-config-v1: nothing to revert/);
  });
});

describe('reads that fail: nothing is planned on a partial picture', () => {
  test('endpoint not found → 3', async () => {
    mocks.sagemaker.on(DescribeEndpointCommand).rejects(awsError('ValidationException', 'Could not find endpoint "x".'));
    const { code, err } = await runMain(MIGRATE);
    expect(code).toBe(3);
    expectOneLineError(err, /^sagemaker-fleet: endpoint 'llm-endpoint' not found in us-east-1: check the name, --region and --profile\.$/m);
  });

  test('--revert to a config that does not exist → 3', async () => {
    mockMigration(mocks);
    mocks.sagemaker.on(DescribeEndpointConfigCommand, { EndpointConfigName: 'gone' })
      .rejects(awsError('ValidationException', 'Could not find endpoint configuration "gone".'));
    const { code, err } = await runMain(['migrate', ENDPOINT, '--revert', 'gone', '--yes']);
    expect(code).toBe(3);
    expectOneLineError(err, /^sagemaker-fleet: endpoint config gone does not exist/m);
    expectNoWrite();
  });

  test('no permission to read autoscaling → 4, nothing written', async () => {
    mockMigration(mocks);
    mocks.autoscaling.on(DescribeScalableTargetsCommand).rejects(awsError('AccessDeniedException', 'not authorized to perform: application-autoscaling:DescribeScalableTargets', 403));
    const { code, err } = await runMain(MIGRATE);
    expect(code).toBe(4);
    expectOneLineError(err, /access denied on DescribeScalableTargets/);
    expectNoWrite();
  });
});

describe('SageMaker says no to a write: exit code 1, nothing changed', () => {
  test('CreateEndpointConfig refused (a well-formed instance type SageMaker does not offer): no UpdateEndpoint', async () => {
    mockMigration(mocks);
    mocks.sagemaker.on(CreateEndpointConfigCommand).rejects(awsError('ValidationException', "Value 'ml.g9.48xlarge' failed to satisfy constraint."));
    const { code, err } = await runMain(['migrate', ENDPOINT, '--pools', `${P5},ml.g9.48xlarge`, '--yes', '--no-watch']);
    expect(code).toBe(1);
    expectOneLineError(err, /^sagemaker-fleet: SageMaker refused CreateEndpointConfig: Value 'ml\.g9\.48xlarge' failed to satisfy constraint\. Nothing was changed: endpoint llm-endpoint is unchanged\.$/m);
    expect(mocks.sagemaker).not.toHaveReceivedCommand(UpdateEndpointCommand);
  });

  test('UpdateEndpoint refused on an autoscaled variant: the manual steps, never a deregistration', async () => {
    mockMigration(mocks);
    mocks.sagemaker.on(UpdateEndpointCommand).rejects(awsError('ValidationException', 'The instance type of a variant that is an autoscaling target cannot change.'));
    const { code, out, err } = await runMain(MIGRATE);
    expect(code).toBe(1);
    expectOneLineError(err, /^sagemaker-fleet: SageMaker refused UpdateEndpoint: The instance type .* Nothing was changed: see above\.$/m);
    expect(out).toContain('UpdateEndpoint was refused: endpoint llm-endpoint is unchanged and runs on llm-endpoint-config-v1.');
    expect(out).toContain(`aws sagemaker delete-endpoint-config --endpoint-config-name ${NEW_CONFIG} --region us-east-1`);
    expect(out).toContain('aws application-autoscaling deregister-scalable-target --service-namespace sagemaker --resource-id endpoint/llm-endpoint/variant/AllTraffic');
    expect(sentCommands(mocks).filter((c) => /Deregister|PutScalingPolicy|RegisterScalableTarget/.test(c))).toEqual([]);
  });

  test('UpdateEndpoint lost to the network: the outcome is unknown, and the output says how to check', async () => {
    mockMigration(mocks);
    mocks.sagemaker.on(UpdateEndpointCommand).rejects(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET', $metadata: { attempts: 6 } }));
    const { code, out } = await runMain(MIGRATE);
    expect(code).toBe(5);
    expect(out).toContain('UpdateEndpoint did not answer clearly: the endpoint may or may not be updating');
  });
});

describe('retried writes find their own earlier success', () => {
  test('CreateEndpointConfig answered "already exists" for a config with our content: go on', async () => {
    mockMigration(mocks);
    const already = awsError('ValidationException', `Cannot create already existing endpoint configuration "arn:aws:sagemaker:us-east-1:111122223333:endpoint-config/${NEW_CONFIG}".`);
    mocks.sagemaker.on(CreateEndpointConfigCommand).rejects(already);
    const dryRun = await runMain([...MIGRATE, '--dry-run', '--json']);
    const sent = JSON.parse(dryRun.out);
    mocks.sagemaker.on(DescribeEndpointConfigCommand, { EndpointConfigName: NEW_CONFIG })
      .resolves({ ...sent, EndpointConfigArn: 'arn', CreationTime: new Date(), Tags: undefined });
    const { code, out } = await runMain(MIGRATE);
    expect(code).toBe(0);
    expect(out).toContain(`Created endpoint config ${NEW_CONFIG} (found in place after a retried request).`);
    expect(mocks.sagemaker).toHaveReceivedCommandWith(UpdateEndpointCommand, { EndpointConfigName: NEW_CONFIG });
  });

  test('"already exists" with other content: stop before the update (exit code 6)', async () => {
    mockMigration(mocks);
    mocks.sagemaker.on(CreateEndpointConfigCommand).rejects(awsError('ValidationException', 'Cannot create already existing endpoint configuration.'));
    mocks.sagemaker.on(DescribeEndpointConfigCommand, { EndpointConfigName: NEW_CONFIG }).resolves(singleTypeConfig({ EndpointConfigName: NEW_CONFIG }));
    const { code, err } = await runMain(MIGRATE);
    expect(code).toBe(6);
    expectOneLineError(err, /an endpoint config named llm-endpoint-pools-20261126-100000-8000 already exists with other content, so it was not used and nothing was changed/);
    expect(mocks.sagemaker).not.toHaveReceivedCommand(UpdateEndpointCommand);
  });

  test('UpdateEndpoint answered with an error while the endpoint is already updating to our config: go on', async () => {
    mockMigration(mocks);
    mocks.sagemaker.on(UpdateEndpointCommand).rejects(awsError('ValidationException', 'Cannot update in-progress endpoint.'));
    mocks.sagemaker.on(DescribeEndpointCommand, { EndpointName: ENDPOINT })
      .resolvesOnce(singleTypeEndpoint())
      .resolves(singleTypeEndpoint({ EndpointStatus: 'Updating', PendingDeploymentSummary: { EndpointConfigName: NEW_CONFIG } }));
    const { code, out } = await runMain(MIGRATE);
    expect(code).toBe(0);
    expect(out).toContain('UpdateEndpoint accepted');
  });
});
