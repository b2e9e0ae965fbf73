import { Duration, Token } from 'aws-cdk-lib';
import { ErrorCode, InstancePoolsError } from './errors';

/**
 * Shared, token-aware validation rules. Every check silently accepts unresolved tokens: their value is only
 * known at deploy time, and a false positive at synth time would block a valid app.
 */

/** Integer in [min, max]. */
export function checkInteger(prop: string, value: number | undefined, min: number, max: number, code: ErrorCode = 'OutOfRange'): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InstancePoolsError(code, prop, `must be an integer from ${min} to ${max}`, value);
  }
}

/** Finite number strictly greater than zero. */
export function checkPositive(prop: string, value: number | undefined, code: ErrorCode = 'OutOfRange'): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  if (!Number.isFinite(value) || value <= 0) {
    throw new InstancePoolsError(code, prop, 'must be a number greater than 0', value);
  }
}

/** A duration in whole seconds within [minSeconds, maxSeconds]. Returns the seconds (or undefined). */
export function checkDurationSeconds(prop: string, value: Duration | undefined, minSeconds: number, maxSeconds: number): number | undefined {
  if (value === undefined) return undefined;
  if (value.isUnresolved()) return value.toSeconds();
  const seconds = value.toSeconds({ integral: false });
  if (!Number.isInteger(seconds) || seconds < minSeconds || seconds > maxSeconds) {
    throw new InstancePoolsError('OutOfRange', prop, `must be a whole number of seconds from ${minSeconds} to ${maxSeconds}`, seconds);
  }
  return seconds;
}

/**
 * SageMaker resource names (models, endpoints, variants): at most 63 characters of
 * `[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?` (DOMAIN.md 1.2, `ModelName` shape of the SageMaker API model).
 */
export function checkSageMakerName(prop: string, value: string | undefined): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  if (value.length > 63) {
    throw new InstancePoolsError('InvalidName', prop, 'at most 63 characters', `'${value}' (${value.length} characters)`);
  }
  if (!/^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/.test(value)) {
    throw new InstancePoolsError('InvalidName', prop, 'only letters, digits and inner hyphens (pattern [a-zA-Z0-9](-*[a-zA-Z0-9])*)', value);
  }
}
