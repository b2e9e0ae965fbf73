import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classifyAwsError, ExitCode, FleetError } from '../../bin/fleet/errors';
import { explainUndefinedProfile } from '../../bin/fleet/profile';

let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fleet-profile-'));
  writeFileSync(join(dir, 'config'), '[default]\nregion = us-east-1\n[profile ops]\nregion = eu-west-1\n');
  writeFileSync(join(dir, 'credentials'), '[keys-only]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = fake\n');
  env = { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ctx = { operation: 'DescribeEndpoint', attempts: 1 };
const noCredentials = (profile?: string) => classifyAwsError(
  Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }), { ...ctx, profile });
const noRegion = () => classifyAwsError(new Error('Region is missing'), ctx);

describe('explainUndefinedProfile', () => {
  test('--profile naming no profile of the config files: says so, exit code 4, without the login hint', async () => {
    const explained = await explainUndefinedProfile(noCredentials('nosuchprofile'), 'nosuchprofile', env);
    expect(explained.kind).toBe('no-credentials');
    expect(explained.exitCode).toBe(ExitCode.AUTH);
    expect(explained.message).toBe(`profile 'nosuchprofile' (--profile) is not defined in the AWS config files (${env.AWS_CONFIG_FILE} and `
      + `${env.AWS_SHARED_CREDENTIALS_FILE}): check the name ('aws configure list-profiles' lists them) or create it with `
      + "'aws configure --profile nosuchprofile'.");
    expect(explained.message).not.toMatch(/pass --profile|aws sso login/);
  });

  test('the region failure of an undefined profile is explained the same way', async () => {
    const explained = await explainUndefinedProfile(noRegion(), 'nosuchprofile', env);
    expect(explained.message).toMatch(/^profile 'nosuchprofile' \(--profile\) is not defined in the AWS config files/);
    expect(explained.exitCode).toBe(ExitCode.AUTH);
  });

  test('AWS_PROFILE is the profile in play without --profile', async () => {
    const explained = await explainUndefinedProfile(noCredentials(), undefined, { ...env, AWS_PROFILE: 'typo' });
    expect(explained.message).toMatch(/^profile 'typo' \(AWS_PROFILE\) is not defined/);
  });

  test.each([
    ['a profile of the config file', 'ops'],
    ['a profile of the credentials file', 'keys-only'],
    ['the default profile', 'default'],
  ])('%s: the original failure, unchanged', async (_, profile) => {
    const failure = noCredentials(profile);
    await expect(explainUndefinedProfile(failure, profile, env)).resolves.toBe(failure);
  });

  test('no profile in play, or another kind of failure: unchanged', async () => {
    const failure = noCredentials();
    await expect(explainUndefinedProfile(failure, undefined, env)).resolves.toBe(failure);
    const denied = new FleetError('access-denied', 'access denied on DescribeEndpoint');
    await expect(explainUndefinedProfile(denied, 'nosuchprofile', env)).resolves.toBe(denied);
  });

  test('no config files at all: the profile is not defined', async () => {
    const none = { AWS_CONFIG_FILE: join(dir, 'absent-config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'absent-credentials') };
    const explained = await explainUndefinedProfile(noCredentials('ops'), 'ops', none);
    expect(explained.message).toMatch(/^profile 'ops' \(--profile\) is not defined/);
  });
});
