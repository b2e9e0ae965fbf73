import 'aws-sdk-client-mock-jest';
import {
  CreateEndpointConfigCommand, DescribeEndpointCommand, DescribeEndpointConfigCommand, DescribeEndpointOutput, UpdateEndpointCommand,
} from '@aws-sdk/client-sagemaker';
import { fakeRuntime, FakeRuntime, G6, P5, recordingFactory, sdkMocks } from '../fixtures';
import { mockMigration, sentCommands } from '../migrate/migrate-mocks';
import {
  CONFIG_TAGS, KEY_ARN, MODEL, NEW_CONFIG, OLD_CONFIG, singleTypeConfig, singleTypeEndpoint,
} from '../migrate/migrate-scenario';
import { linesNotIn, readmeBlock } from '../readme-output';
import { ENDPOINT, NOW } from '../scenario';
import { main } from '../../../bin/fleet/main';
import { Prompt } from '../../../bin/fleet/migrate/confirm';

const mocks = sdkMocks();
beforeEach(() => {
  mocks.sagemaker.reset();
  mocks.autoscaling.reset();
});

const MIGRATE = ['migrate', ENDPOINT, '--pools', `${P5},${G6}`, '--model', `${G6}=qwen3-int4`, '--provisioning-timeout', '1800'];

/** The CreateEndpointConfig request MIGRATE sends for the scenario endpoint. */
const EXPECTED_REQUEST = {
  EndpointConfigName: NEW_CONFIG,
  ProductionVariants: [{
    VariantName: 'AllTraffic',
    ModelName: MODEL,
    InitialInstanceCount: 2,
    InitialVariantWeight: 1,
    ContainerStartupHealthCheckTimeoutInSeconds: 900,
    ModelDataDownloadTimeoutInSeconds: 1200,
    InstancePools: [{ InstanceType: P5, Priority: 1 }, { InstanceType: G6, Priority: 2, ModelNameOverride: 'qwen3-int4' }],
    VariantInstanceProvisionTimeoutInSeconds: 1800,
    RoutingConfig: { RoutingStrategy: 'LEAST_OUTSTANDING_REQUESTS' },
  }],
  DataCaptureConfig: singleTypeConfig().DataCaptureConfig,
  KmsKeyId: KEY_ARN,
  Tags: CONFIG_TAGS.slice(0, 2),
};

const WRITES = ['CreateEndpointConfigCommand', 'UpdateEndpointCommand', 'DeleteEndpointConfigCommand'];

async function run(argv: string[], options: { runtime?: FakeRuntime; prompt?: Prompt } = {}) {
  const runtime = options.runtime ?? fakeRuntime();
  const code = await main(argv, { runtime, createClients: recordingFactory(), prompt: options.prompt });
  return { code, out: runtime.stdout.text(), err: runtime.stderr.text(), runtime };
}

/** A terminal that answers `answer` and records the question. */
function terminal(answer: string): Prompt & { questions: string[] } {
  const questions: string[] = [];
  return { interactive: true, questions, ask: async (q) => { questions.push(q); return answer; } };
}

const updating = (): DescribeEndpointOutput => singleTypeEndpoint({
  EndpointStatus: 'Updating',
  PendingDeploymentSummary: {
    EndpointConfigName: NEW_CONFIG, StartTime: new Date(NOW),
    ProductionVariants: [{ VariantName: 'AllTraffic', CurrentInstanceCount: 2, DesiredInstanceCount: 6, InstancePools: [{ InstanceType: P5, CurrentInstanceCount: 2 }] }],
  },
});
const migrated = (): DescribeEndpointOutput => singleTypeEndpoint({
  EndpointConfigName: NEW_CONFIG,
  ProductionVariants: [{ VariantName: 'AllTraffic', CurrentInstanceCount: 6, DesiredInstanceCount: 6, InstancePools: [{ InstanceType: P5, CurrentInstanceCount: 6 }] }],
});

describe('migrate ENDPOINT --pools: the plan', () => {
  test('--dry-run prints the old and new variant side by side and makes no write call', async () => {
    mockMigration(mocks);
    const { code, out, err } = await run([...MIGRATE, '--dry-run']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^Endpoint config {2}llm-endpoint-config-v1 {2}→ {2}llm-endpoint-pools-20261126-100000-8000 \(new\)$/m);
    expect(out).toMatch(/^ {2}InstanceType +ml\.p5\.48xlarge +- +\*$/m);
    expect(out).toMatch(/^ {2}InstancePools +- +1 ml\.p5\.48xlarge +\*\n {2} +2 ml\.g6\.48xlarge {2}model qwen3-int4$/m);
    expect(out).toMatch(/^ {2}RoutingConfig\.RoutingStrategy +RANDOM \(default\) +LEAST_OUTSTANDING_REQUESTS +\*$/m);
    expect(out).toMatch(/^ {2}ModelName +qwen3-fp16 +qwen3-fp16$/m);
    expect(out).toMatch(/^ {2}\(running now\) +6 instances +kept \(RetainAllVariantProperties\)$/m);
    expect(out).toContain('Copied unchanged: DataCaptureConfig, KmsKeyId, 2 tags');
    expect(out).toContain('Not copied: tag aws:cloudformation:stack-name (the aws: prefix is reserved');
    expect(out).toContain('endpoint/llm-endpoint/variant/AllTraffic  min 2 · max 10 · policies InvocationsPerInstance');
    expect(out).toContain('This tool never deregisters a target');
    expect(out).toContain('Going back      sagemaker-fleet migrate llm-endpoint --revert llm-endpoint-config-v1 --region us-east-1');
    expect(out).toMatch(/Dry run: nothing was changed\.\n$/);
    expect(sentCommands(mocks).filter((c) => WRITES.includes(c))).toEqual([]);
    expect(sentCommands(mocks)).toEqual(expect.arrayContaining(['DescribeEndpointCommand', 'DescribeEndpointConfigCommand', 'ListTagsCommand',
      'DescribeScalableTargetsCommand', 'DescribeScalingPoliciesCommand']));
  });

  test('the README shows this plan as it is printed', async () => {
    mockMigration(mocks);
    const { out } = await run([...MIGRATE, '--dry-run']);
    const shown = readmeBlock(`$ sagemaker-fleet ${MIGRATE.join(' ')} --dry-run`);
    expect(shown.length).toBeGreaterThan(20);
    expect(linesNotIn(out, shown)).toEqual([]);
  });

  test('--json prints exactly the CreateEndpointConfig request on stdout, the plan on stderr', async () => {
    mockMigration(mocks);
    const { code, out, err } = await run([...MIGRATE, '--dry-run', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(EXPECTED_REQUEST);
    expect(err).toContain('Migrate endpoint llm-endpoint (us-east-1) onto instance pools');
    expect(err).toContain('Dry run: nothing was changed.');
    expect(sentCommands(mocks).filter((c) => WRITES.includes(c))).toEqual([]);
  });
});

describe('migrate ENDPOINT --pools: confirmation', () => {
  test('no terminal and no --yes: refused with exit code 2 and no write', async () => {
    mockMigration(mocks);
    const { code, out, err } = await run(MIGRATE);
    expect(code).toBe(2);
    expect(out).toContain('Migrate endpoint llm-endpoint'); // the plan was shown
    expect(err).toBe('sagemaker-fleet: not changing anything without confirmation, and there is no terminal to ask on: '
      + 'review the plan (it is printed above; --dry-run prints only the plan) and run again with --yes.\n');
    expect(sentCommands(mocks).filter((c) => WRITES.includes(c))).toEqual([]);
  });

  test('on a terminal it asks; anything but yes stops with exit code 2', async () => {
    mockMigration(mocks);
    const prompt = terminal('n');
    const { code, err } = await run(MIGRATE, { prompt });
    expect(prompt.questions).toEqual([`Create endpoint config ${NEW_CONFIG} and update endpoint llm-endpoint to it? Type yes to go on: `]);
    expect(code).toBe(2);
    expect(err).toBe('sagemaker-fleet: not confirmed: nothing was changed.\n');
    expect(sentCommands(mocks).filter((c) => WRITES.includes(c))).toEqual([]);
  });

  test('"yes" on the terminal goes on', async () => {
    mockMigration(mocks);
    const { code } = await run([...MIGRATE, '--no-watch'], { prompt: terminal('yes') });
    expect(code).toBe(0);
    expect(mocks.sagemaker).toHaveReceivedCommandTimes(UpdateEndpointCommand, 1);
  });
});

describe('migrate ENDPOINT --pools: the writes', () => {
  test('--yes --no-watch: CreateEndpointConfig with every field, UpdateEndpoint keeping the instance count, then returns', async () => {
    mockMigration(mocks);
    const { code, out, err } = await run([...MIGRATE, '--yes', '--no-watch']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const create = mocks.sagemaker.commandCalls(CreateEndpointConfigCommand);
    expect(create).toHaveLength(1);
    expect(create[0].args[0].input).toEqual(EXPECTED_REQUEST);
    const update = mocks.sagemaker.commandCalls(UpdateEndpointCommand);
    expect(update.map((c) => c.args[0].input)).toEqual([{ EndpointName: ENDPOINT, EndpointConfigName: NEW_CONFIG, RetainAllVariantProperties: true }]);
    expect(sentCommands(mocks).indexOf('CreateEndpointConfigCommand')).toBeLessThan(sentCommands(mocks).indexOf('UpdateEndpointCommand'));
    expect(out).toContain(`Created endpoint config ${NEW_CONFIG}.`);
    expect(out).toContain(`UpdateEndpoint accepted: endpoint llm-endpoint is updating to ${NEW_CONFIG}.`);
    expect(out).toContain('Going back:  sagemaker-fleet migrate llm-endpoint --revert llm-endpoint-config-v1 --region us-east-1');
  });

  test('without autoscaling or a hand-scaled count, the update takes the config\'s counts', async () => {
    mockMigration(mocks, { autoscaled: false, endpoint: singleTypeEndpoint({ ProductionVariants: [{ VariantName: 'AllTraffic', CurrentInstanceCount: 2, DesiredInstanceCount: 2, DesiredWeight: 1 }] }) });
    const { code, out } = await run([...MIGRATE, '--yes', '--no-watch']);
    expect(code).toBe(0);
    expect(mocks.sagemaker.commandCalls(UpdateEndpointCommand)[0].args[0].input).toEqual({ EndpointName: ENDPOINT, EndpointConfigName: NEW_CONFIG });
    expect(out).toContain('Instance counts from the endpoint config (InitialInstanceCount): no variant is autoscaled or scaled by hand');
  });

  test('--rolling 20: a rolling DeploymentConfig, keeping the rollback alarms of the last deployment', async () => {
    const last = { BlueGreenUpdatePolicy: { TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE' as const, WaitIntervalInSeconds: 0 } },
      AutoRollbackConfiguration: { Alarms: [{ AlarmName: 'llm-5xx' }] } };
    mockMigration(mocks, { endpoint: singleTypeEndpoint({ LastDeploymentConfig: last }) });
    const { code, out } = await run([...MIGRATE, '--rolling', '20', '--yes', '--no-watch']);
    expect(code).toBe(0);
    expect(mocks.sagemaker.commandCalls(UpdateEndpointCommand)[0].args[0].input).toEqual({
      EndpointName: ENDPOINT, EndpointConfigName: NEW_CONFIG, RetainAllVariantProperties: true,
      DeploymentConfig: {
        RollingUpdatePolicy: {
          MaximumBatchSize: { Type: 'CAPACITY_PERCENT', Value: 20 }, WaitIntervalInSeconds: 300,
          MaximumExecutionTimeoutInSeconds: 28800, RollbackMaximumBatchSize: { Type: 'CAPACITY_PERCENT', Value: 20 },
        },
        AutoRollbackConfiguration: { Alarms: [{ AlarmName: 'llm-5xx' }] },
      },
    });
    expect(out).toContain('Deployment      rolling, 20% of the instances per batch, 5m 00s bake per batch, rollback in batches of 20%');
  });

  test('without --rolling, an endpoint with a last deployment config keeps it', async () => {
    const last = { RollingUpdatePolicy: { MaximumBatchSize: { Type: 'INSTANCE_COUNT' as const, Value: 1 }, WaitIntervalInSeconds: 60 } };
    mockMigration(mocks, { endpoint: singleTypeEndpoint({ LastDeploymentConfig: last }) });
    await run([...MIGRATE, '--yes', '--no-watch']);
    expect(mocks.sagemaker.commandCalls(UpdateEndpointCommand)[0].args[0].input).toMatchObject({ RetainDeploymentConfig: true });
  });
});

describe('migrate ENDPOINT --pools: following the update', () => {
  test('follows it like status --watch until InService on the new config: exit code 0', async () => {
    mockMigration(mocks);
    mocks.sagemaker.on(DescribeEndpointCommand, { EndpointName: ENDPOINT })
      .resolvesOnce(singleTypeEndpoint()).resolvesOnce(updating()).resolves(migrated());
    mocks.sagemaker.on(DescribeEndpointConfigCommand, { EndpointConfigName: NEW_CONFIG }).resolves({ ...EXPECTED_REQUEST, EndpointConfigArn: 'arn' } as never);
    const { code, out, runtime } = await run([...MIGRATE, '--yes', '--interval', '15']);
    expect(code).toBe(0);
    expect(out).toMatch(/^\[\+0s\] Updating · .*new AllTraffic 2\/6/m);
    expect(out).toMatch(/^\[\+15s\] InService · AllTraffic 6\/6: ml\.p5\.48xlarge 6, ml\.g6\.48xlarge 0$/m);
    expect(out).toContain('Deployment complete: endpoint llm-endpoint is InService');
    expect(out).toContain(`Endpoint llm-endpoint runs on ${NEW_CONFIG}.`);
    expect(runtime.sleeps).toEqual([15_000]);
  });

  test('an update SageMaker rolls back ends with exit code 1 and says the endpoint serves as before', async () => {
    mockMigration(mocks);
    mocks.sagemaker.on(DescribeEndpointCommand, { EndpointName: ENDPOINT })
      .resolvesOnce(singleTypeEndpoint()).resolvesOnce(updating()).resolves(singleTypeEndpoint({ FailureReason: 'Insufficient capacity for ml.g6.48xlarge' }));
    mocks.sagemaker.on(DescribeEndpointConfigCommand, { EndpointConfigName: NEW_CONFIG }).resolves({ ...EXPECTED_REQUEST } as never);
    const { code, out } = await run([...MIGRATE, '--yes']);
    expect(code).toBe(1);
    expect(out).toContain('Deployment rolled back: endpoint llm-endpoint is InService on config llm-endpoint-config-v1: Insufficient capacity');
    expect(out).toContain(`The update to ${NEW_CONFIG} did not finish: endpoint llm-endpoint is InService on endpoint config llm-endpoint-config-v1.`);
    expect(out).toContain('SageMaker rolled the update back: the endpoint serves as it did before the migration.');
  });

  test('a failed update ends with exit code 1 and the command that goes back', async () => {
    mockMigration(mocks);
    mocks.sagemaker.on(DescribeEndpointCommand, { EndpointName: ENDPOINT })
      .resolvesOnce(singleTypeEndpoint()).resolvesOnce(updating())
      .resolves(singleTypeEndpoint({ EndpointStatus: 'UpdateRollbackFailed', EndpointConfigName: NEW_CONFIG, FailureReason: 'boom' }));
    mocks.sagemaker.on(DescribeEndpointConfigCommand, { EndpointConfigName: NEW_CONFIG }).resolves({ ...EXPECTED_REQUEST } as never);
    const { code, out } = await run([...MIGRATE, '--yes']);
    expect(code).toBe(1);
    expect(out).toContain('To put the endpoint back on the config it ran on before:\n  sagemaker-fleet migrate llm-endpoint --revert llm-endpoint-config-v1 --region us-east-1');
  });

  test('an accepted update that DescribeEndpoint does not show at once is waited for', async () => {
    mockMigration(mocks);
    mocks.sagemaker.on(DescribeEndpointCommand, { EndpointName: ENDPOINT })
      .resolvesOnce(singleTypeEndpoint()).resolvesOnce(singleTypeEndpoint()).resolvesOnce(updating()).resolves(migrated());
    mocks.sagemaker.on(DescribeEndpointConfigCommand, { EndpointConfigName: NEW_CONFIG }).resolves({ ...EXPECTED_REQUEST } as never);
    const { code, out } = await run([...MIGRATE, '--yes']);
    expect(code).toBe(0);
    expect(out).toContain('Deployment complete');
  });
});

describe('migrate ENDPOINT --revert CONFIG', () => {
  const onNewConfig = () => singleTypeEndpoint({ EndpointConfigName: NEW_CONFIG });

  test('plans and sends only UpdateEndpoint back to the old config, with the same instance-count rule', async () => {
    mockMigration(mocks, { endpoint: onNewConfig() });
    mocks.sagemaker.on(DescribeEndpointConfigCommand, { EndpointConfigName: NEW_CONFIG })
      .resolves({ ...EXPECTED_REQUEST, EndpointConfigArn: `arn:aws:sagemaker:us-east-1:111122223333:endpoint-config/${NEW_CONFIG}` } as never);
    const { code, out } = await run(['migrate', ENDPOINT, '--revert', OLD_CONFIG, '--yes', '--no-watch']);
    expect(code).toBe(0);
    expect(out).toContain(`Migrate endpoint llm-endpoint (us-east-1) back to endpoint config ${OLD_CONFIG}`);
    expect(out).toMatch(/^ {2}InstancePools +1 ml\.p5\.48xlarge +- +\*$/m);
    expect(out).toMatch(/^ {2}InstanceType +- +ml\.p5\.48xlarge +\*$/m);
    expect(mocks.sagemaker).not.toHaveReceivedCommand(CreateEndpointConfigCommand);
    expect(mocks.sagemaker.commandCalls(UpdateEndpointCommand).map((c) => c.args[0].input))
      .toEqual([{ EndpointName: ENDPOINT, EndpointConfigName: OLD_CONFIG, RetainAllVariantProperties: true }]);
  });

  test('--json prints the UpdateEndpoint request', async () => {
    mockMigration(mocks, { endpoint: onNewConfig() });
    mocks.sagemaker.on(DescribeEndpointConfigCommand, { EndpointConfigName: NEW_CONFIG }).resolves({ ...EXPECTED_REQUEST } as never);
    const { code, out } = await run(['migrate', ENDPOINT, '--revert', OLD_CONFIG, '--dry-run', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ EndpointName: ENDPOINT, EndpointConfigName: OLD_CONFIG, RetainAllVariantProperties: true });
  });
});
