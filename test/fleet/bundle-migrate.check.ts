/**
 * `sagemaker-fleet migrate` as users run it: the bundle against a fake SageMaker with state (endpoint configs
 * it created, an endpoint that updates), through real serialization, signing and the SDK's retry strategy.
 * Following an update through Updating waits `--interval` (2 s at least) between two looks: that one test runs
 * in-process against the same fake SageMaker, through the real SDK, on a fake clock.
 *
 * Each run here proves what only the bundle can: the requests on the wire, the SDK's retry of a lost answer, a
 * member the bundled deserializer drops, the bundled InstanceType.of, the exit codes of a real process and what it
 * does without a terminal. The plan logic runs in-process with the SDK mocked (commands/migrate.test.ts:
 * --dry-run makes no write call, --revert sends only UpdateEndpoint; commands/migrate-failures.test.ts: an
 * endpoint a CloudFormation stack manages is refused with exit code 2 for --pools, --dry-run and --revert alike).
 */
import { Harness, KEYS, useHarness } from './bundle-harness';
import { FakeTransport, transportClients } from './fake-transport';
import {
  CONFIG_TAGS, ENDPOINT_ARN, INVOCATIONS_POLICY, OLD_CONFIG, OLD_CONFIG_ARN, singleTypeConfig, singleTypeEndpoint, TARGET,
} from './migrate/migrate-scenario';
import { ENDPOINT, fakeRuntime, G6, P5 } from './scenario';
import { main } from '../../bin/fleet/main';

let harness: Harness;

/** The fake service's state, reset before each test. */
const state = {
  configs: new Map<string, Record<string, unknown>>(),
  /** Where UpdateEndpoint sent the endpoint, and how many DescribeEndpoint calls it has answered since. */
  updatedTo: undefined as string | undefined,
  describesSinceUpdate: 0,
  /** How many DescribeEndpoint answers after UpdateEndpoint say "Updating" before InService on the new config. */
  updatingAnswers: 0,
  /** Store the next created config, then answer 500 as if the response was lost on the way back. */
  loseNextCreateResponse: false,
  /** Extra members DescribeEndpointConfig returns for the current config (fields from a newer API). */
  extraConfigMembers: {} as Record<string, unknown>,
};

function answer(target: string, body: Record<string, unknown>): [number, unknown] {
  switch (target) {
    case 'SageMaker.DescribeEndpoint': {
      if (!state.updatedTo) return [200, singleTypeEndpoint()];
      // "Updating" with the new fleet coming up, then InService on the new config.
      if (state.describesSinceUpdate++ < state.updatingAnswers) {
        return [200, singleTypeEndpoint({ EndpointStatus: 'Updating', PendingDeploymentSummary: { EndpointConfigName: state.updatedTo, StartTime: new Date() } })];
      }
      return [200, singleTypeEndpoint({ EndpointConfigName: state.updatedTo })];
    }
    case 'SageMaker.DescribeEndpointConfig': {
      const name = String(body.EndpointConfigName);
      if (name === OLD_CONFIG) return [200, { ...singleTypeConfig(), ...state.extraConfigMembers }];
      const created = state.configs.get(name);
      return created ? [200, created] : [400, { __type: 'ValidationException', message: `Could not find endpoint configuration "${name}".` }];
    }
    case 'SageMaker.CreateEndpointConfig': {
      const name = String(body.EndpointConfigName);
      if (state.configs.has(name)) return [400, { __type: 'ValidationException', message: `Cannot create already existing endpoint configuration "${name}".` }];
      const { Tags: _notDescribed, ...described } = body;
      state.configs.set(name, { ...described, EndpointConfigArn: `arn:aws:sagemaker:us-east-1:111122223333:endpoint-config/${name}`, CreationTime: new Date() });
      if (state.loseNextCreateResponse) {
        state.loseNextCreateResponse = false;
        return [500, { __type: 'InternalFailure', message: 'connection lost' }];
      }
      return [200, { EndpointConfigArn: `arn:aws:sagemaker:us-east-1:111122223333:endpoint-config/${name}` }];
    }
    case 'SageMaker.UpdateEndpoint':
      state.updatedTo = String(body.EndpointConfigName);
      state.describesSinceUpdate = 0;
      return [200, { EndpointArn: ENDPOINT_ARN }];
    case 'SageMaker.ListTags':
      return [200, { Tags: body.ResourceArn === OLD_CONFIG_ARN ? CONFIG_TAGS : [] }];
    case 'AnyScaleFrontendService.DescribeScalableTargets':
      return [200, { ScalableTargets: [TARGET] }];
    case 'AnyScaleFrontendService.DescribeScalingPolicies':
      return [200, { ScalingPolicies: [INVOCATIONS_POLICY] }];
    case 'AnyScaleFrontendService.DescribeScalingActivities':
      return [200, { ScalingActivities: [] }];
    default:
      return [400, { __type: 'UnknownOperationException', message: target }];
  }
}

const MIGRATE = ['migrate', ENDPOINT, '--pools', `${P5},${G6}`, '--region', 'us-east-1'];
const WRITES = ['SageMaker.CreateEndpointConfig', 'SageMaker.UpdateEndpoint'];
const writes = () => harness.received.filter((r) => WRITES.includes(r.target));

useHarness(answer, (started) => { harness = started; }, () => {
  state.configs.clear();
  state.updatedTo = undefined;
  state.updatingAnswers = 0;
  state.loseNextCreateResponse = false;
  state.extraConfigMembers = {};
});

test('no terminal and no --yes: exit code 2, one line, not one write', async () => {
  const { code, stderr } = await harness.fleet(MIGRATE, KEYS);
  expect(code).toBe(2);
  expect(stderr).toMatch(/^sagemaker-fleet: not changing anything without confirmation, and there is no terminal to ask on: .*\n$/);
  expect(writes()).toEqual([]);
}, 30_000);

test('--yes: the requests on the wire, then the update followed to InService on the new config', async () => {
  // The endpoint is InService on the new config at the first look after UpdateEndpoint: no --interval to wait out.
  const { code, stdout, stderr } = await harness.fleet([...MIGRATE, '--yes'], KEYS);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  const targets = harness.received.map((r) => r.target);
  expect(targets.slice(targets.indexOf('SageMaker.UpdateEndpoint'))).toEqual(expect.arrayContaining(['SageMaker.DescribeEndpoint']));
  const [create, update] = writes();
  expect(create.body).toEqual({
    EndpointConfigName: expect.stringMatching(/^llm-endpoint-pools-\d{8}-\d{6}-[0-9a-f]{4}$/),
    ProductionVariants: [{
      VariantName: 'AllTraffic', ModelName: 'qwen3-fp16', InitialInstanceCount: 2, InitialVariantWeight: 1,
      ContainerStartupHealthCheckTimeoutInSeconds: 900, ModelDataDownloadTimeoutInSeconds: 1200,
      InstancePools: [{ InstanceType: P5, Priority: 1 }, { InstanceType: G6, Priority: 2 }],
      RoutingConfig: { RoutingStrategy: 'LEAST_OUTSTANDING_REQUESTS' },
    }],
    DataCaptureConfig: singleTypeConfig().DataCaptureConfig,
    KmsKeyId: singleTypeConfig().KmsKeyId,
    Tags: CONFIG_TAGS.slice(0, 2),
  });
  expect(update.body).toEqual({ EndpointName: ENDPOINT, EndpointConfigName: create.body.EndpointConfigName, RetainAllVariantProperties: true });
  expect(stdout).toContain(`Endpoint llm-endpoint runs on ${String(create.body.EndpointConfigName)}.`);
}, 30_000);

test('--yes, in-process through the SDK on a fake clock: Updating, one --interval, then InService on the new config', async () => {
  state.updatingAnswers = 1;
  const transport = new FakeTransport(answer);
  const runtime = fakeRuntime();
  const code = await main([...MIGRATE, '--yes', '--interval', '2'], { runtime, createClients: transportClients(transport) });
  expect(runtime.stderr.text()).toBe('');
  expect(code).toBe(0);
  const after = transport.targets.slice(transport.targets.indexOf('SageMaker.UpdateEndpoint'));
  expect(after.filter((t) => t === 'SageMaker.DescribeEndpoint')).toHaveLength(2);
  expect(runtime.sleeps).toEqual([2_000]);
  const config = String(transport.calls.find((c) => c.target === 'SageMaker.UpdateEndpoint')?.body.EndpointConfigName);
  // Exit code 0 also proves the pending deployment's config was read as the new one (else: "rolled back", 1).
  expect(runtime.stdout.text()).toMatch(/^\[\+0s\] Updating · .*\n\[\+2s\] InService · /m);
  expect(runtime.stdout.text()).toContain('Deployment complete: endpoint llm-endpoint is InService');
  expect(runtime.stdout.text()).toContain(`Endpoint llm-endpoint runs on ${config}.`);
});

test('a CreateEndpointConfig whose answer is lost: the SDK retries, finds the config there, and the migration goes on', async () => {
  state.loseNextCreateResponse = true;
  const { code, stdout, stderr } = await harness.fleet([...MIGRATE, '--yes', '--no-watch'], KEYS);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(harness.received.map((r) => r.target).filter((t) => t.includes('EndpointConfig') || t.includes('Update'))).toEqual([
    'SageMaker.DescribeEndpointConfig', // the current config
    'SageMaker.CreateEndpointConfig', // stored, answered 500
    'SageMaker.CreateEndpointConfig', // the SDK's retry: "already existing"
    'SageMaker.DescribeEndpointConfig', // is it ours? yes
    'SageMaker.UpdateEndpoint',
  ]);
  expect(stdout).toMatch(/Created endpoint config llm-endpoint-pools-\S+ \(found in place after a retried request\)\./);
  expect(state.configs.size).toBe(1);
}, 30_000);

test('a field this version does not know: exit code 6, the field named, not one write', async () => {
  state.extraConfigMembers = { InferenceSchedulingConfig: { Mode: 'priority' } };
  const { code, stdout, stderr } = await harness.fleet([...MIGRATE, '--yes'], KEYS);
  expect(code).toBe(6);
  expect(stdout).toBe('');
  expect(stderr).toBe(`sagemaker-fleet: endpoint config ${OLD_CONFIG} has fields this version of sagemaker-fleet does not know: `
    + 'InferenceSchedulingConfig. Copying the config would drop them, so nothing was changed; a newer sagemaker-fleet may know them.\n');
  expect(writes()).toEqual([]);
}, 30_000);

test('--pools is checked with the library\'s own InstanceType.of, bundled: a mistyped size is exit code 2 before any call', async () => {
  const { code, stdout, stderr } = await harness.fleet(['migrate', ENDPOINT, '--pools', 'ml.p5.48xlarg,ml.g6.48xlarge', '--region', 'us-east-1'], KEYS);
  expect(code).toBe(2);
  expect(stdout).toBe('');
  expect(stderr).toBe("sagemaker-fleet: --pools: InstanceType.of: a SageMaker instance type: lower-case 'ml.<family>.<size>' such as "
    + "'ml.g6.48xlarge', without whitespace; the size '48xlarg' is not a size (medium, large, xlarge, '<n>xlarge' such as 48xlarge, metal, nano, "
    + "micro or small) (did you mean 'ml.p5.48xlarge'?), got 'ml.p5.48xlarg' [InvalidInstanceType]\n");
  expect(harness.received).toEqual([]);
}, 30_000);

