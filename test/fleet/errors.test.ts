import { awsError, networkError } from './scenario';
import { classifyAwsError, ExitCode, FleetError, oneLine, retryClass } from '../../bin/fleet/errors';

const ctx = { operation: 'DescribeEndpoint', attempts: 1, region: 'us-east-1' };

describe('classifyAwsError', () => {
  test.each([
    ['no credentials', Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }),
      'no-credentials', ExitCode.AUTH, /^no usable AWS credentials: Could not load credentials from any providers\. Run 'aws configure'/],
    ['expired SSO token', Object.assign(new Error('The SSO session has expired'), { name: 'TokenProviderError' }),
      'no-credentials', ExitCode.AUTH, /no usable AWS credentials: The SSO session has expired/],
    ['no region', new Error('Region is missing'), 'no-region', ExitCode.USAGE, /^no AWS region: pass --region/],
    ['expired keys', awsError('ExpiredTokenException', 'The security token included in the request is expired'),
      'invalid-credentials', ExitCode.AUTH, /^AWS rejected the credentials on DescribeEndpoint \(ExpiredTokenException\): The security token/],
    ['access denied', awsError('AccessDeniedException', 'not authorized to perform: sagemaker:DescribeEndpoint', 403),
      'access-denied', ExitCode.AUTH, /^access denied on DescribeEndpoint: not authorized to perform: sagemaker:DescribeEndpoint$/],
    ['plain 403', awsError('UnknownError', 'Forbidden', 403), 'access-denied', ExitCode.AUTH, /^access denied on DescribeEndpoint/],
    ['not found', awsError('ValidationException', 'Could not find endpoint "x".'), 'not-found', ExitCode.NOT_FOUND, /^not found on DescribeEndpoint: Could not find endpoint/],
    ['throttled', awsError('ThrottlingException', 'Rate exceeded'), 'throttled', ExitCode.UNAVAILABLE,
      /^AWS kept throttling DescribeEndpoint \(1 attempt with backoff\): Rate exceeded\. Try again in a minute\.$/],
    ['HTTP 429', awsError('SomethingNew', 'slow down', 429), 'throttled', ExitCode.UNAVAILABLE, /kept throttling/],
    ['DNS failure', networkError('ENOTFOUND'), 'network', ExitCode.UNAVAILABLE,
      /^cannot reach AWS in us-east-1 \(ENOTFOUND api\.sagemaker\.us-east-1\.amazonaws\.com\) on DescribeEndpoint after 1 attempt: check the network/],
    ['connection refused', networkError('ECONNREFUSED', '127.0.0.1'), 'network', ExitCode.UNAVAILABLE, /\(ECONNREFUSED 127\.0\.0\.1\)/],
    ['socket timeout', Object.assign(new Error('socket hang up'), { name: 'TimeoutError' }), 'network', ExitCode.UNAVAILABLE, /\(TimeoutError\)/],
    ['AWS 5xx', awsError('ServiceUnavailable', 'try later', 503, 'server'), 'service', ExitCode.UNAVAILABLE,
      /^AWS failed on DescribeEndpoint after 1 attempt \(ServiceUnavailable\): try later$/],
    ['other validation error', awsError('ValidationException', 'Value at endpointName failed to satisfy constraint'), 'unexpected',
      ExitCode.UNEXPECTED, /^DescribeEndpoint failed \(ValidationException\): Value at endpointName/],
  ])('%s', (_, error, kind, exitCode, message) => {
    const result = classifyAwsError(error, ctx);
    expect(result.kind).toBe(kind);
    expect(result.exitCode).toBe(exitCode);
    expect(result.message).toMatch(message);
    expect(result.original).toBe(error);
  });

  test('names the profile when credentials are missing for it', () => {
    const error = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
    expect(classifyAwsError(error, { ...ctx, profile: 'ops' }).message).toBe("no usable AWS credentials for profile 'ops': Could not load "
      + "credentials from any providers. Run 'aws sso login --profile ops' or 'aws configure --profile ops'.");
  });

  test('counts attempts in the message', () => {
    expect(classifyAwsError(awsError('ThrottlingException', 'Rate exceeded'), { ...ctx, attempts: 6 }).message).toContain('(6 attempts with backoff)');
  });

  test('a FleetError passes through unchanged', () => {
    const error = new FleetError('usage', 'bad');
    expect(classifyAwsError(error, ctx)).toBe(error);
  });

  test('multi-line AWS messages become one line', () => {
    expect(classifyAwsError(awsError('AccessDeniedException', 'line one\n  line two'), ctx).message).toBe('access denied on DescribeEndpoint: line one line two');
  });

  test('survives things that are not errors', () => {
    expect(classifyAwsError('weird', ctx).message).toBe('DescribeEndpoint failed (string): weird');
    expect(classifyAwsError(undefined, ctx).kind).toBe('unexpected');
  });
});

describe('retryClass', () => {
  test.each([
    [awsError('ThrottlingException', 'x'), 'throttling'],
    [awsError('TooManyRequestsException', 'x'), 'throttling'],
    [Object.assign(new Error('x'), { $retryable: { throttling: true } }), 'throttling'],
    [awsError('InternalFailure', 'x', 500, 'server'), 'transient'],
    [networkError('ECONNRESET'), 'transient'],
    // The SDK retries DNS failures too (a resolver hiccup may pass); classifyAwsError still calls them network failures.
    [networkError('ENOTFOUND'), 'transient'],
    [Object.assign(new Error('socket hang up'), { name: 'TimeoutError' }), 'transient'],
    [awsError('InternalError', 'x', 501, 'server'), 'transient'],
    [awsError('AccessDeniedException', 'x', 403), 'none'],
    [awsError('ValidationException', 'x'), 'none'],
    ['a string', 'none'],
  ])('%p is %s', (error, expected) => {
    expect(retryClass(error)).toBe(expected);
  });
});

test('FleetError maps every kind to its documented exit code', () => {
  expect(new FleetError('usage', 'x').exitCode).toBe(2);
  expect(new FleetError('not-found', 'x').exitCode).toBe(3);
  expect(new FleetError('access-denied', 'x').exitCode).toBe(4);
  expect(new FleetError('network', 'x').exitCode).toBe(5);
  expect(new FleetError('unexpected', 'x').exitCode).toBe(6);
  expect(new FleetError('usage', 'a\nb').message).toBe('a b');
});

test('oneLine collapses whitespace', () => {
  expect(oneLine('  a\n\tb  c ')).toBe('a b c');
});
