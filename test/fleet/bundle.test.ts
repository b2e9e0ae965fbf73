/**
 * The artefact users run: `npm run build:cli` bundles dist-cli/fleet.js, which runs here as a child process
 * against a local HTTP server answering like SageMaker and Application Auto Scaling (AWS JSON 1.1), reached
 * through AWS_ENDPOINT_URL. This exercises what the in-process tests mock away: the bundled SDK, real request
 * signing, real error deserialization, credential and region resolution from a named profile.
 */
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ACTIVITIES, CONFIG, describeEndpoint, ENDPOINT, endpointConfig, VARIANT_RESOURCE, WEIGHTED_POLICY } from './scenario';

const ROOT = resolve(__dirname, '../..');
const BUILT = join(ROOT, 'dist-cli', 'fleet.js');

interface Received {
  readonly target: string;
  readonly authorization: string;
  readonly body: Record<string, unknown>;
}

let server: Server;
let endpointUrl: string;
let home: string;
/** A copy of the bundle outside the repository, where no node_modules can be found: proves it is self-contained. */
let bundle: string;
const received: Received[] = [];
/** Targets to answer with one ThrottlingException before answering normally. */
const throttleOnce = new Set<string>();

/** AWS JSON 1.1 sends timestamps as epoch seconds. */
function wire(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(wire);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wire(v)]));
  return value;
}

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

function handle(request: IncomingMessage, response: ServerResponse): void {
  const chunks: Buffer[] = [];
  request.on('data', (c: Buffer) => chunks.push(c));
  request.on('end', () => {
    const target = String(request.headers['x-amz-target']);
    const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown>;
    received.push({ target, authorization: String(request.headers.authorization), body });
    const [status, payload] = answer(target, body);
    response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
    response.end(JSON.stringify(wire(payload)));
  });
}

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the bundle with a clean environment: nothing from this machine's AWS set-up leaks in. */
function fleet(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [bundle, ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        AWS_CONFIG_FILE: join(home, 'no-config'),
        AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-credentials'),
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_ENDPOINT_URL: endpointUrl,
        ...env,
      },
      timeout: 20_000,
    }, (error, stdout, stderr) => {
      done({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const KEYS = { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'fake' };

beforeAll(async () => {
  execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'pipe' });
  home = mkdtempSync(join(tmpdir(), 'fleet-bundle-'));
  bundle = join(home, 'fleet.js');
  copyFileSync(BUILT, bundle);
  server = createServer(handle);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  endpointUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((closed) => server.close(closed));
  rmSync(home, { recursive: true, force: true });
});

beforeEach(() => {
  received.length = 0;
  throttleOnce.clear();
});

test('the bundle is one small file with a node shebang', () => {
  expect(readFileSync(BUILT, 'utf8').startsWith('#!/usr/bin/env node\n"use strict";')).toBe(true);
  expect(statSync(BUILT).size).toBeLessThan(1024 * 1024);
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
  expect(received.filter((r) => r.target === 'SageMaker.DescribeEndpoint')).toHaveLength(2);
  expect(received[0].authorization).toContain('Credential=AKIAIOSFODNN7EXAMPLE/');
}, 30_000);

test('--json', async () => {
  const { code, stdout } = await fleet(['status', ENDPOINT, '--region', 'us-east-1', '--json'], KEYS);
  expect(code).toBe(0);
  const report = JSON.parse(stdout);
  expect(report).toMatchObject({ region: 'us-east-1', fallback: true, endpoint: { status: 'InService', creationTime: '2026-11-20T09:12:00.000Z' } });
  expect(report.variants[0].pools.map((p: { instanceType: string }) => p.instanceType)).toEqual(['ml.p5.48xlarge', 'ml.g6.48xlarge']);
}, 30_000);

test('--profile: credentials and region come from the named profile', async () => {
  writeFileSync(join(home, 'config'), '[profile fleet-test]\nregion = eu-west-1\n');
  writeFileSync(join(home, 'credentials'), '[fleet-test]\naws_access_key_id = AKIAI44QH8DHBEXAMPLE\naws_secret_access_key = fake\n');
  const { code, stdout, stderr } = await fleet(['status', ENDPOINT, '--profile', 'fleet-test'], {
    AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
  });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(stdout).toContain('region eu-west-1');
  expect(received[0].authorization).toMatch(/Credential=AKIAI44QH8DHBEXAMPLE\/\d{8}\/eu-west-1\/sagemaker\/aws4_request/);
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
  expect(received).toEqual([]);
}, 30_000);

test('no region: exit 2 and one line', async () => {
  const { code, stderr } = await fleet(['status', ENDPOINT], KEYS);
  expect(code).toBe(2);
  expect(stderr).toBe('sagemaker-fleet: no AWS region: pass --region, set AWS_REGION, or set a region in the profile.\n');
}, 30_000);
