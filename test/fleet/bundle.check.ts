/**
 * The artefact users run: the bundle `npm run build:cli` builds (bundle-harness.ts), run here as a child process
 * against a local HTTP server answering like SageMaker and Application Auto Scaling (AWS JSON 1.1), reached
 * through AWS_ENDPOINT_URL. This exercises what the in-process tests mock away: the bundled SDK, real request
 * signing, real error deserialization, credential and region resolution from a named profile.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Harness, KEYS, useHarness } from './bundle-harness';
import { ACTIVITIES, CONFIG, describeEndpoint, ENDPOINT, endpointConfig, VARIANT_RESOURCE, WEIGHTED_POLICY } from './scenario';

let harness: Harness;
/** Targets to answer with one ThrottlingException before answering normally. */
const throttleOnce = new Set<string>();

function answer(target: string, body: Record<string, unknown>): [number, unknown] {
  if (throttleOnce.delete(target)) return [400, { __type: 'ThrottlingException', message: 'Rate exceeded' }];
  switch (target) {
    case 'SageMaker.DescribeEndpoint':
      return body.EndpointName === ENDPOINT
        ? [200, describeEndpoint()]
        : [400, { __type: 'ValidationException', message: `Could not find endpoint "arn:aws:sagemaker:us-east-1:111122223333:endpoint/${String(body.EndpointName)}".` }];
    case 'SageMaker.DescribeEndpointConfig':
      return [200, endpointConfig(CONFIG)];
    case 'AnyScaleFrontendService.DescribeScalableTargets':
      return [200, { ScalableTargets: [{ ServiceNamespace: 'sagemaker', ResourceId: VARIANT_RESOURCE, ScalableDimension: 'sagemaker:variant:DesiredInstanceCount', MinCapacity: 2, MaxCapacity: 10, RoleARN: 'arn', CreationTime: new Date('2026-11-20T09:40:00Z') }] }];
    case 'AnyScaleFrontendService.DescribeScalingPolicies':
      return [200, { ScalingPolicies: [WEIGHTED_POLICY] }];
    case 'AnyScaleFrontendService.DescribeScalingActivities':
      return [200, { ScalingActivities: ACTIVITIES }];
    default:
      return [400, { __type: 'UnknownOperationException', message: target }];
  }
}

const fleet = (args: string[], env?: Record<string, string>) => harness.fleet(args, env);

useHarness(answer, (started) => { harness = started; }, () => {
  throttleOnce.clear();
});

test('the bundle is one file with a node shebang, small for what it holds', () => {
  expect(readFileSync(harness.bundle, 'utf8').startsWith('#!/usr/bin/env node\n"use strict";')).toBe(true);
  // The AWS SDK clients, and of aws-cdk-lib only the three classes the library's InstanceType needs (scripts/build-cli.ts):
  // about 1.3 MB. A plain esbuild run of the same entry point bundles all of aws-cdk-lib, about 40 MB; aws-cdk-lib/core
  // as a whole adds about 3 MB, parsed on every start of the tool.
  expect(statSync(harness.bundle).size).toBeLessThan(2 * 1024 * 1024);
});

test('status: pools, shares, fallback, policy and activities, through a throttled first call', async () => {
  throttleOnce.add('SageMaker.DescribeEndpoint');
  const { code, stdout, stderr } = await fleet(['status', ENDPOINT, '--region', 'us-east-1'], KEYS);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(stdout).toMatch(/^ {2}1 +ml\.p5\.48xlarge +4 +66\.7%/m);
  expect(stdout).toMatch(/^ {2}2 +ml\.g6\.48xlarge +2 +33\.3% .*<- FALLBACK {2}model Int4Model-77d0b3$/m);
  expect(stdout).toContain('FALLBACK HARDWARE IN USE  variant AllTraffic: 2 of 6 instances on ml.g6.48xlarge');
  expect(stdout).toContain('WeightedUtilization (TargetTrackingScaling) · target 0.7');
  expect(stdout).toContain('Successful  Setting desired instance count to 6.');
  expect(harness.received.filter((r) => r.target === 'SageMaker.DescribeEndpoint')).toHaveLength(2);
  expect(harness.received[0].authorization).toContain('Credential=AKIAIOSFODNN7EXAMPLE/');
}, 30_000);

test('--json', async () => {
  const { code, stdout } = await fleet(['status', ENDPOINT, '--region', 'us-east-1', '--json'], KEYS);
  expect(code).toBe(0);
  const report = JSON.parse(stdout);
  expect(report).toMatchObject({ region: 'us-east-1', fallback: true, endpoint: { status: 'InService', creationTime: '2026-11-20T09:12:00.000Z' } });
  expect(report.variants[0].pools.map((p: { instanceType: string }) => p.instanceType)).toEqual(['ml.p5.48xlarge', 'ml.g6.48xlarge']);
}, 30_000);

test('--profile: credentials and region come from the named profile', async () => {
  writeFileSync(join(harness.home, 'config'), '[profile fleet-test]\nregion = eu-west-1\n');
  writeFileSync(join(harness.home, 'credentials'), '[fleet-test]\naws_access_key_id = AKIAI44QH8DHBEXAMPLE\naws_secret_access_key = fake\n');
  const { code, stdout, stderr } = await fleet(['status', ENDPOINT, '--profile', 'fleet-test'], {
    AWS_CONFIG_FILE: join(harness.home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(harness.home, 'credentials'),
  });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(stdout).toContain('region eu-west-1');
  expect(harness.received[0].authorization).toMatch(/Credential=AKIAI44QH8DHBEXAMPLE\/\d{8}\/eu-west-1\/sagemaker\/aws4_request/);
}, 30_000);

test('endpoint not found: exit 3 and one line', async () => {
  const { code, stdout, stderr } = await fleet(['status', 'missing', '--region', 'us-east-1'], KEYS);
  expect(code).toBe(3);
  expect(stdout).toBe('');
  expect(stderr).toBe("sagemaker-fleet: endpoint 'missing' not found in us-east-1: check the name, --region and --profile.\n");
}, 30_000);

test('no credentials: exit 4 and one line, without calling AWS', async () => {
  const { code, stderr } = await fleet(['status', ENDPOINT, '--region', 'us-east-1']);
  expect(code).toBe(4);
  expect(stderr).toMatch(/^sagemaker-fleet: no usable AWS credentials: .*\n$/);
  expect(harness.received).toEqual([]);
}, 30_000);

test('--profile naming a profile the config files do not define: exit 4 and one line that says so, with or without a region', async () => {
  for (const region of [[], ['--region', 'us-east-1']]) {
    const { code, stderr } = await fleet(['status', ENDPOINT, '--profile', 'nosuchprofile', ...region]);
    expect(code).toBe(4);
    expect(stderr).toMatch(/^sagemaker-fleet: profile 'nosuchprofile' \(--profile\) is not defined in the AWS config files \(.*\): check the name/);
    expect(stderr).not.toMatch(/pass --profile|aws sso login|set a region/);
    expect(stderr.split('\n')).toHaveLength(2);
  }
  expect(harness.received).toEqual([]);
}, 30_000);

test('no region: exit 2 and one line', async () => {
  const { code, stderr } = await fleet(['status', ENDPOINT], KEYS);
  expect(code).toBe(2);
  expect(stderr).toBe('sagemaker-fleet: no AWS region: pass --region, set AWS_REGION, or set a region in the profile.\n');
}, 30_000);
