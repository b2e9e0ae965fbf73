/**
 * Stable error codes. A code never changes meaning once released: users match on it in their tests
 * (`toThrow(/\[PoolCount\]/)`) and in their own tooling.
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
  | 'VolumeSizeWithLocalStorage';

/**
 * The one error class of the library: every validation failure is thrown as this class, with a stable
 * `code`, and a message that names the prop, the rule and the value received:
 * `pools: at most 5 instance pools, got 6 [PoolCount]`.
 */
export class InstancePoolsError extends Error {
  /** Stable identifier of the broken rule. */
  public readonly code: ErrorCode;
  /** The prop (path) that holds the offending value, e.g. `pools[2].maxConcurrency`. */
  public readonly prop: string;

  constructor(code: ErrorCode, prop: string, rule: string, received?: unknown) {
    const got = received === undefined ? '' : `, got ${describe(received)}`;
    super(`${prop}: ${rule}${got} [${code}]`);
    this.name = 'InstancePoolsError';
    this.code = code;
    this.prop = prop;
    Object.setPrototypeOf(this, InstancePoolsError.prototype);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  return String(value);
}
