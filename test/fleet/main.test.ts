import 'aws-sdk-client-mock-jest';
import { DescribeScalableTargetsCommand, DescribeScalingActivitiesCommand } from '@aws-sdk/client-application-auto-scaling';
import {
  DescribeEndpointCommand, DescribeEndpointConfigCommand, DescribeEndpointOutput, DescribeInferenceComponentCommand,
  ListInferenceComponentsCommand,
} from '@aws-sdk/client-sagemaker';
import {
  CONFIG, describeEndpoint, ENDPOINT, endpointConfig, fakeRuntime, G6, mockFeaturedEndpoint, NOW, P5, pooledVariant,
  recordingFactory, runMain, sdkMocks,
} from './fixtures';
import { main } from '../../bin/fleet/main';
import { FleetStatus } from '../../bin/fleet/model';

const mocks = sdkMocks();

beforeEach(() => {
  mocks.sagemaker.reset();
  mocks.autoscaling.reset();
});

const run = runMain;

describe('status ENDPOINT', () => {
  test('shows pools in priority order with counts and shares, the fallback mark, bounds, policy and activities', async () => {
    // GIVEN an InService endpoint on 4 × p5 (priority 1) and 2 × g6 (priority 2), listed g6-first by SageMaker
    mockFeaturedEndpoint(mocks);

    // WHEN
    const { code, out, err } = await run(['status', ENDPOINT]);

    // THEN
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^Endpoint llm-endpoint {2}InService$/m);
    const rows = out.split('\n').filter((l) => /^ {2}\d +ml\./.test(l));
    expect(rows.map((l) => l.trim().split(/ +/).slice(0, 2))).toEqual([['1', P5], ['2', G6]]);
    expect(out).toMatch(/^ {2}1 +ml\.p5\.48xlarge +4 +66\.7%/m);
    expect(out).toMatch(/^ {2}2 +ml\.g6\.48xlarge +2 +33\.3% .*<- FALLBACK {2}model Int4Model-77d0b3$/m);
    expect(out).toContain('FALLBACK HARDWARE IN USE  variant AllTraffic: 2 of 6 instances on ml.g6.48xlarge');
    expect(out).toContain('Autoscaling  min 2 · max 10 · desired 6');
    expect(out).toContain('Policy     WeightedUtilization (TargetTrackingScaling) · target 0.7 of metric math: '
      + '(FILL(p5, 0) / 20 + FILL(g6, 0) / 8) / 2 (2 metrics) · cooldown out 1m 00s, in 5m 00s');
    expect(out).toContain('2026-11-26 09:41 UTC (19m 00s ago)  Successful  Setting desired instance count to 6.');
    expect(out).toContain('2026-11-26 06:05 UTC (3h 55m ago)  Successful  Setting desired instance count to 4.');
    expect(mocks.sagemaker).toHaveReceivedCommandWith(DescribeEndpointConfigCommand, { EndpointConfigName: CONFIG });
    expect(mocks.autoscaling).toHaveReceivedCommandWith(DescribeScalableTargetsCommand, {
      ServiceNamespace: 'sagemaker', ResourceIds: ['endpoint/llm-endpoint/variant/AllTraffic'],
    });
    expect(mocks.autoscaling).toHaveReceivedCommandWith(DescribeScalingActivitiesCommand, { MaxResults: 5 });
    // A single-model endpoint: no inference components to list.
    expect(mocks.sagemaker).not.toHaveReceivedCommand(ListInferenceComponentsCommand);
  });

  test('no fallback mark when every instance is on priority 1', async () => {
    mockFeaturedEndpoint(mocks, describeEndpoint({ ProductionVariants: [pooledVariant(5, 0)] }));
    const { code, out } = await run(['status', ENDPOINT]);
    expect(code).toBe(0);
    expect(out).toContain('Fleet: all on priority-1 hardware');
    expect(out).not.toContain('FALLBACK');
  });

  test('--json prints one document with the report schema', async () => {
    mockFeaturedEndpoint(mocks);
    const { code, out } = await run(['status', ENDPOINT, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out) as FleetStatus;
    expect(report).toMatchObject({
      schemaVersion: 1,
      observedAt: '2026-11-26T10:00:00.000Z',
      region: 'us-east-1',
      endpoint: { name: ENDPOINT, status: 'InService', endpointConfigName: CONFIG, failureReason: null },
      fallback: true,
      pendingDeployment: null,
      inferenceComponents: [],
      warnings: [],
    });
    expect(report.variants[0].pools).toEqual([
      { priority: 1, instanceType: P5, count: 4, share: 0.6667, fallback: false, modelNameOverride: null },
      { priority: 2, instanceType: G6, count: 2, share: 0.3333, fallback: true, modelNameOverride: 'Int4Model-77d0b3' },
    ]);
    expect(report.variants[0].scaling).toMatchObject({
      state: 'registered', minCapacity: 2, maxCapacity: 10, desiredCapacity: 6,
      policies: [{ name: 'WeightedUtilization', type: 'TargetTrackingScaling', targetValue: 0.7 }],
    });
    expect(out).not.toContain('\x1b');
  });

  test('--region and --profile reach the SDK clients', async () => {
    mockFeaturedEndpoint(mocks);
    const factory = recordingFactory();
    const runtime = fakeRuntime();
    const code = await main(['status', ENDPOINT, '--region', 'eu-west-1', '--profile', 'ops'], { runtime, createClients: factory });
    expect(code).toBe(0);
    expect(factory.calls).toEqual([{ region: 'eu-west-1', profile: 'ops' }]);
    expect(runtime.stdout.text()).toContain('region eu-west-1');
  });

  test('a Failed endpoint exits 1 and shows the failure reason', async () => {
    mockFeaturedEndpoint(mocks, describeEndpoint({ EndpointStatus: 'Failed', FailureReason: 'Unable to provision requested ML compute capacity.' }));
    const { code, out } = await run(['status', ENDPOINT]);
    expect(code).toBe(1);
    expect(out).toContain('Failure reason: Unable to provision requested ML compute capacity.');
  });

  test('inference-component endpoint: copies per instance type from PlacementStatus, ranked by the pools', async () => {
    // GIVEN an endpoint whose config variant has no ModelName (inference components) and one component on it
    mockFeaturedEndpoint(mocks, describeEndpoint({ ProductionVariants: [pooledVariant(2, 1)] }));
    const icConfig = endpointConfig();
    mocks.sagemaker.on(DescribeEndpointConfigCommand, { EndpointConfigName: CONFIG }).resolves({
      ...icConfig, ProductionVariants: icConfig.ProductionVariants!.map((v) => ({ ...v, ModelName: undefined })),
    });
    mocks.sagemaker.on(ListInferenceComponentsCommand).resolves({
      InferenceComponents: [{
        InferenceComponentName: 'llm-ic', EndpointName: ENDPOINT, VariantName: 'AllTraffic', InferenceComponentArn: 'arn', EndpointArn: 'arn',
        CreationTime: new Date(NOW), LastModifiedTime: new Date(NOW),
      }],
    });
    mocks.sagemaker.on(DescribeInferenceComponentCommand, { InferenceComponentName: 'llm-ic' }).resolves({
      InferenceComponentName: 'llm-ic', EndpointName: ENDPOINT, VariantName: 'AllTraffic', InferenceComponentStatus: 'InService',
      RuntimeConfig: { DesiredCopyCount: 6, CurrentCopyCount: 6, PlacementStatus: [{ InstanceType: G6, CurrentCopyCount: 2 }, { InstanceType: P5, CurrentCopyCount: 4 }] },
    });

    // WHEN
    const { code, out } = await run(['status', ENDPOINT]);

    // THEN
    expect(code).toBe(0);
    expect(mocks.sagemaker).toHaveReceivedCommandWith(ListInferenceComponentsCommand, { EndpointNameEquals: ENDPOINT });
    expect(out).toContain('Inference component llm-ic  InService · 6 of 6 copies · variant AllTraffic  [FALLBACK]');
    expect(out).toMatch(/PRIORITY +INSTANCE TYPE +COPIES +SHARE/);
    expect(out).toMatch(/^ {2}1 +ml\.p5\.48xlarge +4 +66\.7%/m);
    expect(out).toMatch(/^ {2}2 +ml\.g6\.48xlarge +2 +33\.3% .*<- FALLBACK$/m);
    expect(out).toContain('component llm-ic: 2 of 6 copies on ml.g6.48xlarge');
    expect(mocks.autoscaling).toHaveReceivedCommandWith(DescribeScalableTargetsCommand, {
      ResourceIds: ['endpoint/llm-endpoint/variant/AllTraffic', 'inference-component/llm-ic'],
    });
  });
});

describe('status ENDPOINT --watch', () => {
  const creating = (p5: number, g6: number): DescribeEndpointOutput => describeEndpoint({
    EndpointStatus: 'Creating',
    EndpointConfigName: 'cfg-v1',
    CreationTime: new Date(NOW - 120_000),
    LastModifiedTime: new Date(NOW - 120_000),
    ProductionVariants: [pooledVariant(p5, g6, {
      DesiredInstanceCount: 4,
      VariantStatus: [{ Status: 'Creating', StatusMessage: 'Launching instances', StartTime: new Date(NOW - 120_000) }],
    })],
  });

  beforeEach(() => {
    mocks.sagemaker.on(DescribeEndpointConfigCommand, { EndpointConfigName: 'cfg-v1' }).resolves(endpointConfig('cfg-v1'));
    mocks.sagemaker.on(DescribeEndpointConfigCommand, { EndpointConfigName: 'cfg-v2' }).resolves(endpointConfig('cfg-v2'));
    mocks.autoscaling.on(DescribeScalableTargetsCommand).resolves({ ScalableTargets: [] });
  });

  test('follows Creating → Updating → InService, with elapsed time and progress per pool, and exits 0', async () => {
    // GIVEN four refreshes: creating (0 then 2 instances), updating to cfg-v2 (new fleet 1 of 4), InService on cfg-v2
    mocks.sagemaker.on(DescribeEndpointCommand)
      .resolvesOnce(creating(0, 0))
      .resolvesOnce(creating(2, 0))
      .resolvesOnce(describeEndpoint({
        EndpointStatus: 'Updating',
        EndpointConfigName: 'cfg-v1',
        ProductionVariants: [pooledVariant(3, 1)],
        PendingDeploymentSummary: {
          EndpointConfigName: 'cfg-v2',
          StartTime: new Date(NOW + 15_000),
          ProductionVariants: [{
            VariantName: 'AllTraffic', CurrentInstanceCount: 1, DesiredInstanceCount: 4,
            InstancePools: [{ InstanceType: P5, CurrentInstanceCount: 1 }, { InstanceType: G6, CurrentInstanceCount: 0 }],
            VariantStatus: [{ Status: 'Creating', StartTime: new Date(NOW + 15_000) }],
          }],
        },
      }))
      .resolves(describeEndpoint({ EndpointStatus: 'InService', EndpointConfigName: 'cfg-v2', ProductionVariants: [pooledVariant(4, 0)] }));

    // WHEN
    const { code, out, err, runtime } = await run(['status', ENDPOINT, '--watch', '--interval', '15']);

    // THEN one progress line per change, then the final report and the verdict
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(runtime.sleeps).toEqual([15_000, 15_000, 15_000]);
    const progress = out.split('\n').filter((l) => l.startsWith('[+'));
    expect(progress).toEqual([
      '[+0s] Creating · AllTraffic 0/4 Creating: ml.p5.48xlarge 0, ml.g6.48xlarge 0',
      '[+15s] Creating · AllTraffic 2/4 Creating: ml.p5.48xlarge 2, ml.g6.48xlarge 0',
      '[+30s] Updating · AllTraffic 4/4: ml.p5.48xlarge 3, ml.g6.48xlarge 1 (fallback) · new AllTraffic 1/4 Creating: ml.p5.48xlarge 1, ml.g6.48xlarge 0',
      '[+45s] InService · AllTraffic 4/4: ml.p5.48xlarge 4, ml.g6.48xlarge 0',
    ]);
    expect(out).toMatch(/^Endpoint llm-endpoint {2}InService$/m);
    expect(out.trimEnd().split('\n').pop()).toBe('Deployment complete: endpoint llm-endpoint is InService (deployment took 2m 45s)');
    expect(mocks.sagemaker).toHaveReceivedCommandTimes(DescribeEndpointCommand, 4);
    // Endpoint configs are immutable: each is fetched once however often the watch refreshes.
    expect(mocks.sagemaker).toHaveReceivedCommandTimes(DescribeEndpointConfigCommand, 2);
  });

  test('ends in Failed: exits 1 and prints the failure reason', async () => {
    const reason = 'Unable to provision requested ML compute capacity. Please retry using a different ML instance type.';
    mocks.sagemaker.on(DescribeEndpointCommand)
      .resolvesOnce(creating(0, 0))
      .resolvesOnce(creating(0, 0))
      .resolves(describeEndpoint({ ...creating(0, 0), EndpointStatus: 'Failed', FailureReason: reason }));

    const { code, out } = await run(['status', ENDPOINT, '--watch']);

    expect(code).toBe(1);
    expect(out).toContain(`Failure reason: ${reason}`);
    expect(out.trimEnd().split('\n').pop()).toBe(`Deployment failed: endpoint llm-endpoint is Failed (deployment took 2m 20s): ${reason}`);
  });

  test('--watch --json streams one object per refresh and puts the verdict on stderr', async () => {
    mocks.sagemaker.on(DescribeEndpointCommand)
      .resolvesOnce(creating(1, 0))
      .resolves(describeEndpoint({ EndpointStatus: 'InService', EndpointConfigName: 'cfg-v1' }));

    const { code, out, err } = await run(['status', ENDPOINT, '--watch', '--json']);

    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n').map((l) => JSON.parse(l) as FleetStatus);
    expect(lines.map((l) => [l.endpoint.status, l.watch?.elapsedSeconds, l.watch?.deploymentElapsedSeconds])).toEqual([
      ['Creating', 0, 120], ['InService', 10, 130],
    ]);
    expect(err).toBe('sagemaker-fleet: Deployment complete: endpoint llm-endpoint is InService (deployment took 2m 10s)\n');
  });
});

test('--help and --version print to stdout and exit 0', async () => {
  const help = await run(['--help']);
  expect(help.code).toBe(0);
  expect(help.out).toMatch(/^Usage: sagemaker-fleet status ENDPOINT \[options\]\n/);
  expect(help.out).toMatch(/^ {7}sagemaker-fleet migrate ENDPOINT \(--pools TYPE\[,TYPE\.\.\.\] \| --revert CONFIG_NAME\) \[options\]$/m);
  const migrateHelp = await run(['migrate', '--help']);
  expect(migrateHelp.code).toBe(0);
  expect(migrateHelp.out).toMatch(/^Usage: sagemaker-fleet migrate ENDPOINT --pools TYPE\[,TYPE\.\.\.\] \[options\]\n/);
  // Each command prints its own help, never the general one (preflight --help used to).
  for (const command of ['status', 'recommend', 'preflight', 'migrate', 'export']) {
    for (const flag of ['--help', '-h']) {
      const own = await run([command, flag]);
      expect(own.code).toBe(0);
      expect(own.out).toMatch(new RegExp(`^Usage: sagemaker-fleet ${command} `));
      expect(own.out).toContain('Exit codes:');
      expect(own.out).not.toContain('Options of every command');
    }
  }
  const exportVersion = await run(['export', '--version']);
  expect(exportVersion.out).toMatch(/^\d+\.\d+\.\d+\n$/);
  const version = await run(['--version']);
  expect(version.code).toBe(0);
  expect(version.out).toMatch(/^\d+\.\d+\.\d+\n$/);
});
