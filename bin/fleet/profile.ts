import { loadSharedConfigFiles } from '@smithy/core/config';
import { FleetError } from './errors';

/**
 * A named profile that the shared config files do not define. The SDK's own messages do not say so: credentials
 * fail with "Could not load credentials from any providers" and the region with "Region is missing", so a typo in
 * `--profile` would read like a login problem. The profile in play is `--profile`, else `AWS_PROFILE`; the files are
 * the ones the SDK reads (`AWS_CONFIG_FILE`, `AWS_SHARED_CREDENTIALS_FILE`, else ~/.aws/config and
 * ~/.aws/credentials: https://docs.aws.amazon.com/sdkref/latest/guide/file-location.html).
 */

/** Failures a missing profile causes. */
const CAUSED_BY_PROFILE: ReadonlySet<FleetError['kind']> = new Set(['no-credentials', 'no-region']);

/**
 * `failure` itself, unless it is a missing-credentials or missing-region failure while the profile in play is not
 * defined in the shared config files: then a 'no-credentials' error (exit code 4) that says exactly that.
 */
export async function explainUndefinedProfile(failure: FleetError, flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<FleetError> {
  const profile = flag ?? env.AWS_PROFILE;
  if (!CAUSED_BY_PROFILE.has(failure.kind) || !profile) return failure;
  let files;
  try {
    files = await loadSharedConfigFiles({ configFilepath: env.AWS_CONFIG_FILE, filepath: env.AWS_SHARED_CREDENTIALS_FILE, ignoreCache: true });
  } catch {
    return failure; // unreadable files: the SDK's own failure says more than a guess
  }
  if (profile in files.configFile || profile in files.credentialsFile) return failure;
  const from = flag !== undefined ? '--profile' : 'AWS_PROFILE';
  const where = `${env.AWS_CONFIG_FILE ?? '~/.aws/config'} and ${env.AWS_SHARED_CREDENTIALS_FILE ?? '~/.aws/credentials'}`;
  return new FleetError('no-credentials', `profile '${profile}' (${from}) is not defined in the AWS config files (${where}): `
    + `check the name ('aws configure list-profiles' lists them) or create it with 'aws configure --profile ${profile}'.`, failure.original);
}
