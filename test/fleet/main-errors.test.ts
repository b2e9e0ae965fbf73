import 'aws-sdk-client-mock-jest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeEndpointCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import {
  awsError, ENDPOINT, fakeRuntime, networkError, runMain as run, sdkMocks, testClients,
} from './fixtures';
import { main } from '../../bin/fleet/main';

/**
 * main() and the errors people hit: each is one line on stderr, without a stack trace, with the exit code
 * documented in the README (ExitCode in errors.ts).
 */
const mocks = sdkMocks();

beforeEach(() => {
  mocks.sagemaker.reset();
  mocks.autoscaling.reset();
});

/** One line, no stack frames. */
function expectOneLineError(err: string, pattern: RegExp): void {
  expect(err.split('\n').filter(Boolean)).toHaveLength(1);
  expect(err).not.toMatch(/\n\s+at /);
  expect(err).toMatch(pattern);
}

describe('errors: one line on stderr, no stack trace, honest exit code', () => {
  test('no credentials → 4, for a profile the config files define and for one they do not', async () => {
    mocks.sagemaker.on(DescribeEndpointCommand).rejects(
      Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }));
    // The profile check reads the shared config files: this machine's own must not decide the outcome.
    const dir = mkdtempSync(join(tmpdir(), 'fleet-main-errors-'));
    const saved = { config: process.env.AWS_CONFIG_FILE, credentials: process.env.AWS_SHARED_CREDENTIALS_FILE };
    writeFileSync(join(dir, 'config'), '[profile ops]\nregion = us-east-1\n');
    process.env.AWS_CONFIG_FILE = join(dir, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
    try {
      const { code, out, err } = await run(['status', ENDPOINT, '--profile', 'ops']);
      expect(code).toBe(4);
      expect(out).toBe('');
      expectOneLineError(err, /^sagemaker-fleet: no usable AWS credentials for profile 'ops': .* Run 'aws sso login --profile ops' or 'aws configure --profile ops'\.$/m);
      const undefinedProfile = await run(['status', ENDPOINT, '--profile', 'opps']);
      expect(undefinedProfile.code).toBe(4);
      expectOneLineError(undefinedProfile.err, /^sagemaker-fleet: profile 'opps' \(--profile\) is not defined in the AWS config files/);
    } finally {
      for (const [name, value] of [['AWS_CONFIG_FILE', saved.config], ['AWS_SHARED_CREDENTIALS_FILE', saved.credentials]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('no region → 2', async () => {
    const runtime = fakeRuntime();
    const noRegion = () => ({ ...testClients(), sagemaker: new SageMakerClient({ region: async () => { throw new Error('Region is missing'); } }) });
    const code = await main(['status', ENDPOINT], { runtime, createClients: noRegion });
    expect(code).toBe(2);
    expectOneLineError(runtime.stderr.text(), /no AWS region: pass --region/);
  });

  test('endpoint not found → 3, naming the region', async () => {
    mocks.sagemaker.on(DescribeEndpointCommand).rejects(
      awsError('ValidationException', `Could not find endpoint "arn:aws:sagemaker:us-east-1:111122223333:endpoint/${ENDPOINT}".`));
    const { code, err } = await run(['status', ENDPOINT]);
    expect(code).toBe(3);
    expectOneLineError(err, /^sagemaker-fleet: endpoint 'llm-endpoint' not found in us-east-1: check the name, --region and --profile\.$/m);
  });

  test('access denied → 4, naming the call', async () => {
    mocks.sagemaker.on(DescribeEndpointCommand).rejects(awsError('AccessDeniedException',
      'User: arn:aws:iam::111122223333:user/ops is not authorized to perform: sagemaker:DescribeEndpoint', 403));
    const { code, err } = await run(['status', ENDPOINT]);
    expect(code).toBe(4);
    expectOneLineError(err, /access denied on DescribeEndpoint: User: .* not authorized to perform: sagemaker:DescribeEndpoint$/m);
  });

  test('network unreachable → 5, naming the host and the attempts the SDK made', async () => {
    mocks.sagemaker.on(DescribeEndpointCommand).rejects(Object.assign(networkError('ENOTFOUND'), { $metadata: { attempts: 6 } }));
    const { code, err } = await run(['status', ENDPOINT]);
    expect(code).toBe(5);
    expectOneLineError(err, /cannot reach AWS in us-east-1 \(ENOTFOUND api\.sagemaker\.us-east-1\.amazonaws\.com\) on DescribeEndpoint after 6 attempts/);
  });

  test('an unexpected error → 6; --debug adds the stack trace', async () => {
    mocks.sagemaker.on(DescribeEndpointCommand).rejects(new TypeError('boom'));
    const plain = await run(['status', ENDPOINT]);
    expect(plain.code).toBe(6);
    expectOneLineError(plain.err, /DescribeEndpoint failed \(TypeError\): boom/);

    const debug = await run(['status', ENDPOINT, '--debug']);
    expect(debug.code).toBe(6);
    expect(debug.err).toMatch(/\n\s+at /);
  });

  test('a bug outside the AWS calls → 6, still one line', async () => {
    const runtime = fakeRuntime();
    const broken = () => { throw new TypeError("Cannot read properties of undefined (reading 'region')"); };
    const code = await main(['status', ENDPOINT], { runtime, createClients: broken });
    expect(code).toBe(6);
    expectOneLineError(runtime.stderr.text(),
      /^sagemaker-fleet: unexpected error: TypeError: Cannot read properties of undefined \(reading 'region'\) \(run again with --debug for details\)$/m);
  });

  test('usage errors → 2 without any AWS call', async () => {
    const { code, err } = await run(['status']);
    expect(code).toBe(2);
    expectOneLineError(err, /missing endpoint name/);
    expect(mocks.sagemaker.calls()).toHaveLength(0);
  });
});
