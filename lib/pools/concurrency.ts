import { Token, Tokenization } from 'aws-cdk-lib';
import { ErrorCode, InstancePoolsError } from '../core/errors';

/**
 * Bounds of a measured concurrency (`maxConcurrency`, `maxConcurrencyPerCopy`): at least 0.001 and at most
 * 1,000,000 requests. The value becomes a constant of CloudWatch metric math (`m1 / 20`), which has no
 * exponent notation (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html):
 * within these bounds a number always renders in plain decimals, and beyond them it is no measurement.
 */
export const MIN_CONCURRENCY = 0.001;
export const MAX_CONCURRENCY = 1_000_000;

/** A measured concurrency within [MIN_CONCURRENCY, MAX_CONCURRENCY], or a token. */
export function checkConcurrency(prop: string, value: number | undefined, code: ErrorCode = 'InvalidMaxConcurrency'): void {
  if (value === undefined || value === null || Token.isUnresolved(value)) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < MIN_CONCURRENCY || value > MAX_CONCURRENCY) {
    throw new InstancePoolsError(code, prop,
      `must be a number from ${MIN_CONCURRENCY} to ${MAX_CONCURRENCY} (concurrent requests at full load; it becomes a metric-math constant)`, value);
  }
}

/**
 * A number as a metric-math constant: plain decimal notation (never `1e-7`), at most 6 decimals; a token is
 * rendered as a token, resolved by CloudFormation.
 */
export function mathConstant(value: number): string {
  if (Token.isUnresolved(value)) return Tokenization.stringifyNumber(value);
  const fixed = value.toFixed(6).replace(/\.?0+$/, '');
  return fixed === '' || fixed === '-0' ? '0' : fixed;
}
