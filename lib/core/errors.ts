/**
 * Stable error codes. A code never changes meaning once released: users match on it in their tests
 * (`toThrow(/\[PoolCount\]/)`) and in their own tooling. The README's validation section lists every code.
 */
export type ErrorCode =
  | 'PoolCount'
  | 'DuplicateInstanceType'
  | 'InvalidInstanceType'
  | 'InvalidMaxConcurrency'
  | 'MissingModel'
  | 'InvalidName'
  | 'OutOfRange'
  /** Retired: no longer thrown (a KMS key next to local-storage pools is a warning now); never reused. */
  | 'KmsWithLocalStorage'
  | 'ServerlessWithPools'
  | 'InstanceTypeWithPools'
  | 'InvalidAsyncConfig'
  | 'InvalidModelContainer'
  | 'DashboardLimit'
  | 'ConflictingOptions'
  | 'AlarmsExist'
  | 'RollingNotSupported'
  | 'TooManyRollbackAlarms'
  | 'RollbackNeedsEndpointName'
  | 'InvalidDeploymentConfig'
  | 'InvalidMetricQuery'
  | 'MissingMaxConcurrency'
  | 'InvalidCapacity'
  | 'ModelOnComponentPool'
  | 'ManagedScalingNeedsComponents'
  | 'VariantModelWithComponents'
  | 'SpecificationCount'
  | 'SpecificationTypeNotInPools'
  | 'AcceleratorsExceedInstance'
  | 'AutoScalingExists'
  | 'AsyncScalingSignal'
  | 'InvalidLogicalId'
  | 'ExistingEndpointMismatch'
  | 'DeepLearningContainerRegion'
  // Added with the rest of the endpoint-config surface (data capture, capacity reservations, several variants):
  | 'InvalidDataCapture'
  | 'InvalidCapacityReservation'
  | 'VariantCount'
  | 'DuplicateVariantName'
  | 'InvalidVariantWeight'
  | 'ShadowVariantCount'
  | 'UnknownVariant'
  | 'VolumeSizeWithLocalStorage'
  // Added with the input rules of the SageMaker API (strings, integers, enums, names, tokens):
  | 'MissingRequiredProp'
  | 'InvalidEnumValue'
  | 'InvalidImage'
  | 'InvalidS3Location'
  | 'InvalidTag'
  | 'DuplicatePhysicalName'
  | 'DuplicateConstructId'
  | 'TokenUnit'
  | 'MemoryExceedsInstance'
  | 'ScalingNeedsPools'
  // Added with the audit against the current API references:
  | 'BacklogSignalOnRealTime'
  | 'ReservationWithFallbackPools'
  | 'MultipleCapacityReservations'
  | 'DeploymentOnInf1'
  // Added with the findings of a new-user trial:
  | 'InstanceTypeNotInPools'
  | 'EndpointNameEdited'
  | 'CrossEnvironmentDashboard'
  | 'CrossEnvironmentModel';

/**
 * Words that describe a value rather than quote it (`got a token`, `got 2 variants`): printed as they are,
 * while a received string is always printed in single quotes.
 */
export class Described {
  constructor(public readonly text: string) {}
}

/** Shorthand for a `Described` received value. */
export function described(text: string): Described {
  return new Described(text);
}

/**
 * The one error class of the library: every validation failure is thrown as this class, with a stable
 * `code`, and a message that names the prop, the rule and the value received:
 * `pools: between 1 and 5 instance pools, got 6 [PoolCount]`.
 */
export class InstancePoolsError extends Error {
  /** Stable identifier of the broken rule. */
  public readonly code: ErrorCode;
  /** The prop (path) that holds the offending value, e.g. `pools[2].maxConcurrency`. */
  public readonly prop: string;

  constructor(code: ErrorCode, prop: string, rule: string, received?: unknown) {
    const got = received === undefined ? '' : `, got ${describeValue(received)}`;
    super(`${prop}: ${rule}${got} [${code}]`);
    this.name = 'InstancePoolsError';
    this.code = code;
    this.prop = prop;
    Object.setPrototypeOf(this, InstancePoolsError.prototype);
  }
}

/** Longest string quoted whole in a message; longer ones are cut and their length given. */
const MAX_QUOTED = 48;

/**
 * How a received value appears in a message: strings in single quotes (control characters escaped, long ones
 * cut with their length), numbers and booleans as they are, and a short description of anything else.
 */
export function describeValue(value: unknown): string {
  if (value instanceof Described) return value.text;
  if (typeof value === 'string') {
    const shown = JSON.stringify(value.length > MAX_QUOTED ? value.slice(0, 40) : value).slice(1, -1).replace(/\\"/g, '"');
    return value.length > MAX_QUOTED ? `'${shown}…' (${value.length} characters)` : `'${shown}'`;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return `an object (${Object.getPrototypeOf(value)?.constructor?.name ?? 'Object'})`;
  if (typeof value === 'function') return 'a function';
  return String(value);
}
