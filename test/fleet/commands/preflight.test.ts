import 'aws-sdk-client-mock-jest';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeScalableTargetsCommand } from '@aws-sdk/client-application-auto-scaling';
import { DescribeEndpointCommand, DescribeEndpointConfigCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { ListServiceQuotasCommand } from '@aws-sdk/client-service-quotas';
import { PreflightReport } from '../../../bin/fleet/preflight/preflight-report';
import {
  awsError, CONFIG, describeEndpoint, ENDPOINT, endpointConfig, fakeRuntime, recordingFactory, runMain, sdkMocks, testClients, VARIANT_RESOURCE,
} from '../fixtures';
import { mockAccount, pooledEndpoint } from '../preflight/account';
import { readmeBlock } from '../readme-output';

/** `sagemaker-fleet preflight ...` in-process against the mocked SDK: output, exit codes, the order of the work. */
const mocks = sdkMocks();
let dir: string;

beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'preflight-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  mocks.sagemaker.reset();
  mocks.autoscaling.reset();
  mocks.serviceQuotas.reset();
});

/** A template like `cdk synth` writes for a capacity-aware endpoint on p5 then g6 that scales to `max`. */
function writeTemplate(name: string, pools: string[], max: number): string {
  const file = join(dir, `${name}.template.json`);
  writeFileSync(file, JSON.stringify({
    Resources: {
      LlmEndpointConfigE9BDA6B9: {
        Type: 'AWS::SageMaker::EndpointConfig',
        Properties: { ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'm', InitialInstanceCount: 1, InstancePools: pools.map((InstanceType, i) => ({ InstanceType, Priority: i + 1 })) }] },
      },
      Llm20BDA581: {
        Type: 'AWS::SageMaker::Endpoint',
        Properties: { EndpointConfigName: { 'Fn::GetAtt': ['LlmEndpointConfigE9BDA6B9', 'EndpointConfigName'] } },
        Metadata: { 'aws:cdk:path': 'LlmEndpoint/Llm/Resource' },
      },
      LlmAutoScalingTarget55292AFC: {
        Type: 'AWS::ApplicationAutoScaling::ScalableTarget',
        Properties: {
          ServiceNamespace: 'sagemaker', ScalableDimension: 'sagemaker:variant:DesiredInstanceCount', MinCapacity: 1, MaxCapacity: max,
          ResourceId: { 'Fn::Join': ['', ['endpoint/', { 'Fn::GetAtt': ['Llm20BDA581', 'EndpointName'] }, '/variant/AllTraffic']] },
        },
      },
    },
  }));
  return file;
}

function oneLine(err: string): string {
  const lines = err.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(err).not.toMatch(/\n\s+at /);
  return lines[0];
}

describe('preflight --template', () => {
  test('every pool has room: the table, PASSED, exit 0', async () => {
    mockAccount(mocks, [pooledEndpoint('other', { 'ml.g6.48xlarge': 5 })], { 'ml.p5.48xlarge': 16, 'ml.g6.48xlarge': 20 });
    const { code, out, err } = await runMain(['preflight', '--template', writeTemplate('Ok', ['ml.p5.48xlarge', 'ml.g6.48xlarge'], 10)]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('Endpoint LlmEndpoint/Llm · variant AllTraffic · up to 10 instances (scalable target MaxCapacity)');
    expect(out).toMatch(/^ {2}ml\.p5\.48xlarge +1 +10 +16 +0 +16 +ok$/m);
    expect(out).toMatch(/^ {2}ml\.g6\.48xlarge +2 +10 +20 +5 +15 +ok$/m);
    expect(out).toContain('1 endpoint running in the account');
    expect(out.trimEnd().split('\n').pop()).toBe("PASSED: every priority-1 pool can reach its fleet's maximum, and every pool has a quota");
  });

  test('the README shows this output as it is printed (its first example)', async () => {
    mockAccount(mocks, [pooledEndpoint('a', { 'ml.p5.48xlarge': 2 }), pooledEndpoint('b', { 'ml.g6.48xlarge': 4 })], { 'ml.p5.48xlarge': 8, 'ml.g6.48xlarge': 16 });
    const file = writeTemplate('LlmEndpoint', ['ml.p5.48xlarge', 'ml.g6.48xlarge'], 10);
    const template = JSON.parse(readFileSync(file, 'utf8'));
    template.Resources.Llm20BDA581.Properties.EndpointName = 'qwen3-4b-llm';
    writeFileSync(file, JSON.stringify(template));
    const { code, out } = await runMain(['preflight', '--template', file]);
    expect(code).toBe(1);
    const block = readmeBlock('$ sagemaker-fleet preflight --template cdk.out/LlmEndpoint.template.json');
    const first = block.slice(0, block.findIndex((l) => l.startsWith('$ ')));
    expect(out.replace(`${dir}/`, 'cdk.out/').trimEnd().split('\n')).toEqual(first.slice(0, first.length - 1));
  });

  test('priority 1 short and a fallback with a quota of 0: FAILED, exit 1', async () => {
    mockAccount(mocks, [], { 'ml.p5.48xlarge': 4 }, { 'ml.g6.24xlarge': 0 });
    const { code, out } = await runMain(['preflight', '--template', writeTemplate('Short', ['ml.p5.48xlarge', 'ml.g6.24xlarge'], 10)]);
    expect(code).toBe(1);
    expect(out).toContain('FAILED: 2 checks');
    expect(out).toContain('  - LlmEndpoint/Llm variant AllTraffic: priority 1 ml.p5.48xlarge: SHORT: reaches 4 of 10 instances; request a quota of at least 10');
    expect(out).toContain('  - LlmEndpoint/Llm variant AllTraffic: priority 2 ml.g6.24xlarge: QUOTA 0: this account cannot run ml.g6.24xlarge on endpoints');
  });

  test('--json: the report document, with the same exit code', async () => {
    mockAccount(mocks, [], { 'ml.p5.48xlarge': 4 });
    const { code, out } = await runMain(['preflight', '--template', writeTemplate('Json', ['ml.p5.48xlarge'], 10), '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(out) as PreflightReport;
    expect(report).toMatchObject({
      schemaVersion: 1, region: 'us-east-1', passed: false, source: { kind: 'template' },
      usage: { endpointsCounted: 0, instancesByType: {} },
    });
    expect(report.fleets[0].pools[0]).toMatchObject({
      instanceType: 'ml.p5.48xlarge', needed: 10, inUse: 0, headroom: 4, verdict: 'short', fails: true, quota: { value: 4, source: 'applied' },
    });
  });

  test('a missing file: exit 2 before any AWS call, and before the region is needed', async () => {
    const noRegion = () => ({ ...testClients(), sagemaker: new SageMakerClient({ region: async () => { throw new Error('Region is missing'); } }) });
    for (const clients of [recordingFactory(), noRegion]) {
      const { code, out, err } = await runMain(['preflight', '--template', join(dir, 'missing.template.json')], fakeRuntime(), clients);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(oneLine(err)).toMatch(/^sagemaker-fleet: cannot read --template .*missing\.template\.json: no such file\./);
    }
    expect(mocks.sagemaker.calls()).toHaveLength(0);
    expect(mocks.serviceQuotas.calls()).toHaveLength(0);
  });

  test('a template without endpoints: exit 2', async () => {
    const file = join(dir, 'Empty.template.json');
    writeFileSync(file, JSON.stringify({ Resources: { Bucket: { Type: 'AWS::S3::Bucket' } } }));
    const { code, err } = await runMain(['preflight', '--template', file]);
    expect(code).toBe(2);
    expect(oneLine(err)).toMatch(/has no SageMaker endpoint with instances to check/);
  });

  test('no permission to read the quotas: exit 4, naming the call', async () => {
    mockAccount(mocks, []);
    mocks.serviceQuotas.on(ListServiceQuotasCommand).rejects(awsError('AccessDeniedException', 'not authorized to perform: servicequotas:ListServiceQuotas', 403));
    const { code, out, err } = await runMain(['preflight', '--template', writeTemplate('Denied', ['ml.p5.48xlarge'], 2)]);
    expect(code).toBe(4);
    expect(out).toBe('');
    expect(oneLine(err)).toBe('sagemaker-fleet: access denied on ListServiceQuotas: not authorized to perform: servicequotas:ListServiceQuotas');
  });
});

describe('preflight --template: the region of the template\'s stack', () => {
  /** A cdk.out of its own, with the manifest.json `cdk synth` writes next to the template. */
  function synthesized(environment: string): string {
    const out = mkdtempSync(join(dir, 'cdk.out-'));
    const file = writeTemplate('Envd', ['ml.p5.48xlarge'], 2);
    renameSync(file, join(out, 'Envd.template.json'));
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ version: '48.0.0', artifacts: {
      Envd: { type: 'aws:cloudformation:stack', environment, properties: { templateFile: 'Envd.template.json' } },
    } }));
    return join(out, 'Envd.template.json');
  }

  test('without --region: the region of the stack\'s environment in manifest.json, and a note that says so', async () => {
    mockAccount(mocks, [], { 'ml.p5.48xlarge': 8 });
    const factory = recordingFactory();
    const { code, out } = await runMain(['preflight', '--template', synthesized('aws://111122223333/eu-west-1')], fakeRuntime(), factory);
    expect(code).toBe(0);
    expect(factory.calls).toEqual([{ region: 'eu-west-1', profile: undefined }]);
    expect(out).toMatch(/^Preflight of template .*Envd\.template\.json · eu-west-1 · /);
    expect(out).toContain("  - region eu-west-1: the stack's environment, aws://111122223333/eu-west-1, in the manifest.json next to the template");
  });

  test('--region wins, with a note when the stack deploys elsewhere', async () => {
    mockAccount(mocks, [], { 'ml.p5.48xlarge': 8 });
    const factory = recordingFactory();
    const { out } = await runMain(['preflight', '--template', synthesized('aws://111122223333/eu-west-1'), '--region', 'us-west-2'], fakeRuntime(), factory);
    expect(factory.calls).toEqual([{ region: 'us-west-2', profile: undefined }]);
    expect(out).toContain("  - checked in --region us-west-2, but the stack's environment is aws://111122223333/eu-west-1 (manifest.json next to the template): the deploy goes there");
  });

  describe('no region from any of the three sources: the error says so, and how to give each', () => {
    const noRegion = () => ({ ...testClients(), sagemaker: new SageMakerClient({ region: async () => { throw new Error('Region is missing'); } }) });
    const HOW = ' Give the region in one of three ways: --region REGION; AWS_REGION or a region in the profile; or an environment with a region '
      + "for the stack in the app (new Stack(app, 'Id', { env: { region: 'us-east-1' } })), then cdk synth again, which records it in the "
      + 'manifest.json next to the template.';
    test.each([
      ['an environment-agnostic stack', () => synthesized('aws://unknown-account/unknown-region'),
        "its stack's environment in the manifest.json next to it, aws://unknown-account/unknown-region, names no region (an environment-agnostic stack)"],
      ['a template without a manifest.json', () => writeTemplate('Loose', ['ml.p5.48xlarge'], 2),
        'there is no manifest.json next to it (a template copied out of cdk.out?)'],
    ])('%s', async (_what, template, why) => {
      const file = template();
      const { code, out, err } = await runMain(['preflight', '--template', file], fakeRuntime(), noRegion);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(oneLine(err)).toBe(`sagemaker-fleet: no AWS region for ${file}: no --region was given, AWS_REGION (or a region in the profile) is not set, and ${why}.${HOW}`);
      expect(mocks.serviceQuotas.calls()).toHaveLength(0);
    });

    test('a deployed endpoint keeps the general message', async () => {
      const { code, err } = await runMain(['preflight', 'llm-endpoint'], fakeRuntime(), noRegion);
      expect(code).toBe(2);
      expect(oneLine(err)).toBe('sagemaker-fleet: no AWS region: pass --region, set AWS_REGION, or set a region in the profile.');
    });
  });

  test('an environment-agnostic stack: the usual region resolution, no note', async () => {
    mockAccount(mocks, [], { 'ml.p5.48xlarge': 8 });
    const factory = recordingFactory();
    const { out } = await runMain(['preflight', '--template', synthesized('aws://unknown-account/unknown-region')], fakeRuntime(), factory);
    expect(factory.calls).toEqual([{ region: undefined, profile: undefined }]);
    expect(out).not.toContain('manifest.json');
  });
});

describe('preflight ENDPOINT', () => {
  test('a live endpoint: its own instances are left out of "in use"', async () => {
    mockAccount(mocks, [describeEndpoint(), pooledEndpoint('other', { 'ml.p5.48xlarge': 2 })], { 'ml.p5.48xlarge': 8, 'ml.g6.48xlarge': 20 });
    mocks.sagemaker.on(DescribeEndpointConfigCommand, { EndpointConfigName: CONFIG }).resolves(endpointConfig());
    mocks.autoscaling.on(DescribeScalableTargetsCommand).resolves({
      ScalableTargets: [{ ServiceNamespace: 'sagemaker', ResourceId: VARIANT_RESOURCE, ScalableDimension: 'sagemaker:variant:DesiredInstanceCount', MinCapacity: 2, MaxCapacity: 6, RoleARN: 'arn', CreationTime: new Date() }],
    });
    const { code, out } = await runMain(['preflight', ENDPOINT]);
    expect(code).toBe(0);
    expect(out).toContain(`Preflight of endpoint ${ENDPOINT} · us-east-1 · 2 endpoints running in the account`);
    expect(out).toContain('up to 6 instances (scalable target MaxCapacity, desired instance count now)');
    expect(out).toMatch(/^ {2}ml\.p5\.48xlarge +1 +6 +8 +2 +6 +ok$/m);
    expect(out).toContain(`in use leaves out the instances ${ENDPOINT} runs itself (2 × ml.g6.48xlarge, 4 × ml.p5.48xlarge)`);
  });

  test('a serverless endpoint has nothing to check: exit 2', async () => {
    mockAccount(mocks, []);
    mocks.sagemaker.on(DescribeEndpointCommand, { EndpointName: 'sls' }).resolves({ ...describeEndpoint(), EndpointName: 'sls', EndpointConfigName: 'sls-config' });
    mocks.sagemaker.on(DescribeEndpointConfigCommand, { EndpointConfigName: 'sls-config' }).resolves({
      EndpointConfigName: 'sls-config', EndpointConfigArn: 'arn', CreationTime: new Date(),
      ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'm', ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 } }],
    });
    mocks.autoscaling.on(DescribeScalableTargetsCommand).resolves({ ScalableTargets: [] });
    const { code, err } = await runMain(['preflight', 'sls']);
    expect(code).toBe(2);
    expect(oneLine(err)).toBe("sagemaker-fleet: endpoint 'sls' has no variant with instances (serverless only): nothing to check.");
  });

  test('a template whose endpoint config cannot be found: nothing checked, exit 1', async () => {
    mockAccount(mocks, []);
    const file = join(dir, 'External.template.json');
    writeFileSync(file, JSON.stringify({ Resources: { Ep: { Type: 'AWS::SageMaker::Endpoint', Properties: { EndpointConfigName: { 'Fn::ImportValue': 'shared-config' } } } } }));
    const { code, out } = await runMain(['preflight', '--template', file]);
    expect(code).toBe(1);
    expect(out).toContain('Could not resolve\n  - endpoint Ep: its endpoint config (Resources.Ep.Properties.EndpointConfigName uses Fn::ImportValue, which this tool does not resolve) is not in this template');
    expect(out).toContain('  - nothing could be checked');
  });

  test('no such endpoint: exit 3', async () => {
    mockAccount(mocks, []);
    mocks.sagemaker.on(DescribeEndpointCommand, { EndpointName: 'missing' }).rejects(awsError('ValidationException', 'Could not find endpoint "missing".'));
    const { code, err } = await runMain(['preflight', 'missing']);
    expect(code).toBe(3);
    expect(oneLine(err)).toBe("sagemaker-fleet: endpoint 'missing' not found in us-east-1: check the name, --region and --profile.");
  });
});
