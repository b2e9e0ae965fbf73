import { isServerError, isThrottlingError, isTransientError } from '@smithy/core/retry';

/**
 * Exit codes of `sagemaker-fleet`. Documented in the README; scripts rely on them, so never renumber.
 */
export const ExitCode = {
  /** The report was printed and the endpoint is not in a failed state (after `--watch`: it is InService). */
  OK: 0,
  /**
   * The endpoint is Failed, UpdateRollbackFailed or OutOfService, or `--watch` saw the deployment fail or roll back;
   * `recommend`: the job failed or was stopped, or none of its recommendations can become a pool;
   * `preflight`: a check failed (priority 1 cannot reach the fleet's maximum, or a pool's quota is 0).
   */
  ENDPOINT_FAILED: 1,
  /** Bad arguments, or no region configured; or `migrate` refused a change or was not confirmed (nothing was changed). */
  USAGE: 2,
  /** The endpoint (or recommendation job) does not exist in this account and region. */
  NOT_FOUND: 3,
  /** No credentials, rejected credentials, or access denied. */
  AUTH: 4,
  /** AWS could not be reached, kept throttling, or kept failing on its side after retries. */
  UNAVAILABLE: 5,
  /** Anything else: a bug or an AWS answer this tool does not understand. */
  UNEXPECTED: 6,
  /** `recommend`: the recommendation job is still running; run again when it has completed. */
  JOB_RUNNING: 7,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export type ErrorKind =
  | 'usage' | 'refused' | 'no-region' | 'no-credentials' | 'invalid-credentials' | 'access-denied' | 'not-found'
  | 'throttled' | 'network' | 'service' | 'unexpected';

const EXIT_CODES: Record<ErrorKind, ExitCodeValue> = {
  'usage': ExitCode.USAGE,
  'refused': ExitCode.USAGE,
  'no-region': ExitCode.USAGE,
  'no-credentials': ExitCode.AUTH,
  'invalid-credentials': ExitCode.AUTH,
  'access-denied': ExitCode.AUTH,
  'not-found': ExitCode.NOT_FOUND,
  'throttled': ExitCode.UNAVAILABLE,
  'network': ExitCode.UNAVAILABLE,
  'service': ExitCode.UNAVAILABLE,
  'unexpected': ExitCode.UNEXPECTED,
};

/** An error the CLI reports as one line, with the exit code that belongs to its kind. */
export class FleetError extends Error {
  public readonly exitCode: ExitCodeValue;

  constructor(public readonly kind: ErrorKind, message: string, public readonly original?: unknown) {
    super(oneLine(message));
    this.name = 'FleetError';
    this.exitCode = EXIT_CODES[kind];
  }
}

/** How the SDK's retry strategy treats a failed call: throttling and transient faults are retried, the rest is final. */
export type RetryClass = 'throttling' | 'transient' | 'none';

/** Where a failed AWS call happened, for the message. */
export interface CallContext {
  readonly operation: string;
  readonly attempts: number;
  readonly region?: string;
  readonly profile?: string;
}

const INVALID_CREDENTIAL_NAMES = new Set([
  'ExpiredToken', 'ExpiredTokenException', 'InvalidClientTokenId', 'UnrecognizedClientException',
  'SignatureDoesNotMatch', 'InvalidSignatureException', 'IncompleteSignature', 'MissingAuthenticationToken',
  'AuthFailure', 'RequestExpired',
]);
const ACCESS_DENIED_NAMES = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'NotAuthorized']);
/** Connection problems that mean "no route to AWS from here" (after the retries): reported as a network failure. */
const UNREACHABLE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EPROTO', 'CERT_HAS_EXPIRED', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'SELF_SIGNED_CERT_IN_CHAIN']);

/**
 * The SDK's own classification (the one its retry strategy acts on), so that "kept throttling" in a message
 * always means the SDK retried it as throttling. HTTP 5xx outside the SDK's transient list still counts as an
 * AWS-side fault here.
 */
export function retryClass(error: unknown): RetryClass {
  if (typeof error !== 'object' || error === null) return 'none';
  const sdkError = error as Parameters<typeof isThrottlingError>[0];
  if (isThrottlingError(sdkError)) return 'throttling';
  if (isTransientError(sdkError) || isServerError(sdkError) || (sdkError as { $fault?: unknown }).$fault === 'server') return 'transient';
  return 'none';
}

/** Turns whatever an SDK call threw into a one-line FleetError. */
export function classifyAwsError(error: unknown, ctx: CallContext): FleetError {
  if (error instanceof FleetError) return error;
  const e = describe(error);
  const aws = e.message ? `: ${e.message}` : '';
  if (e.name === 'CredentialsProviderError' || e.name === 'TokenProviderError' || /could not load credentials/i.test(e.message)) {
    const hint = ctx.profile
      ? `Run 'aws sso login --profile ${ctx.profile}' or 'aws configure --profile ${ctx.profile}'.`
      : "Run 'aws configure' or 'aws sso login', set AWS_PROFILE, or pass --profile.";
    return new FleetError('no-credentials', `no usable AWS credentials${ctx.profile ? ` for profile '${ctx.profile}'` : ''}${aws}. ${hint}`, error);
  }
  if (/region is missing/i.test(e.message)) {
    return new FleetError('no-region', 'no AWS region: pass --region, set AWS_REGION, or set a region in the profile.', error);
  }
  if (INVALID_CREDENTIAL_NAMES.has(e.name)) {
    return new FleetError('invalid-credentials', `AWS rejected the credentials on ${ctx.operation} (${e.name})${aws}. Refresh them and retry.`, error);
  }
  if (ACCESS_DENIED_NAMES.has(e.name) || e.status === 403) {
    return new FleetError('access-denied', `access denied on ${ctx.operation}${aws}`, error);
  }
  if ((e.name === 'ValidationException' && /could not find|does not exist|not found/i.test(e.message))
    || e.name === 'ResourceNotFound' || e.name === 'ResourceNotFoundException' || e.name === 'ObjectNotFoundException') {
    return new FleetError('not-found', `not found on ${ctx.operation}${aws}`, error);
  }
  const retry = retryClass(error);
  const tries = ctx.attempts === 1 ? '1 attempt' : `${ctx.attempts} attempts`;
  if (retry === 'throttling') {
    return new FleetError('throttled', `AWS kept throttling ${ctx.operation} (${tries} with backoff)${aws}. Try again in a minute.`, error);
  }
  if (UNREACHABLE_CODES.has(e.code) || (retry === 'transient' && e.fault !== 'server' && e.status === undefined)) {
    const where = e.hostname ? ` ${e.hostname}` : '';
    const region = ctx.region ? ` in ${ctx.region}` : '';
    return new FleetError('network', `cannot reach AWS${region} (${e.code || e.name}${where}) on ${ctx.operation} after ${tries}: `
      + 'check the network connection, proxy settings and --region.', error);
  }
  if (retry === 'transient') {
    return new FleetError('service', `AWS failed on ${ctx.operation} after ${tries} (${e.name})${aws}`, error);
  }
  return new FleetError('unexpected', `${ctx.operation} failed (${e.name})${aws}`, error);
}

/** Collapses whitespace so every message prints as exactly one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

interface ErrorFacts {
  readonly name: string;
  readonly message: string;
  readonly code: string;
  readonly hostname?: string;
  readonly status?: number;
  readonly fault?: string;
}

/** Reads the fields the SDK and Node put on errors, defensively: anything may be thrown. */
function describe(error: unknown): ErrorFacts {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const metadata = (e.$metadata ?? {}) as Record<string, unknown>;
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  return {
    name: str(e.name) || typeof error,
    message: oneLine(str(e.message) || (typeof error === 'string' ? error : '')),
    code: str(e.code) || str(e.errno),
    hostname: str(e.hostname) || undefined,
    status: typeof metadata.httpStatusCode === 'number' ? metadata.httpStatusCode : undefined,
    fault: str(e.$fault) || undefined,
  };
}
