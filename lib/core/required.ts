import { Duration, Size, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { described, ErrorCode, InstancePoolsError } from './errors';

/**
 * Checks for callers without a type checker (plain JavaScript, and jsii languages passing None or null): a
 * required prop that is missing, a struct that is not an object, an enum value the enum does not hold, or an
 * enum-like class replaced by a look-alike. Each fails with a coded error naming the prop, before the value is
 * used (where it would end in a raw `TypeError`).
 */

/** `value` must be set (neither undefined nor null). */
export function requireValue<T>(prop: string, value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) {
    throw new InstancePoolsError('MissingRequiredProp', prop, `required: ${what}`, described(String(value)));
  }
  return value;
}

/** `value` must be an object (a struct or props); returns it, or `{}` when it is optional and missing. */
export function requireObject<T extends object>(prop: string, value: T | undefined | null, optional = false): T {
  if ((value === undefined || value === null) && optional) return {} as T;
  if (value === undefined || value === null) {
    throw new InstancePoolsError('MissingRequiredProp', prop, 'required: an object of properties', described(String(value)));
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new InstancePoolsError('MissingRequiredProp', prop, 'must be an object of properties', value);
  }
  return value;
}

/**
 * `value` must be an array (of `what`) whose entries are all set. Every index is checked, holes of a sparse array
 * (`[, x]` in JavaScript) too: `forEach` and `map` skip them, and a hole would reach the code as `undefined`.
 */
export function requireArray<T>(prop: string, value: T[] | undefined | null, what: string): T[] {
  requireValue(prop, value, `an array of ${what}`);
  if (!Array.isArray(value)) {
    throw new InstancePoolsError('MissingRequiredProp', prop, `must be an array of ${what}`, value);
  }
  for (let i = 0; i < value.length; i++) requireValue(`${prop}[${i}]`, value[i], what);
  return value;
}

/** `value` must be a string (or a string token). */
export function requireString(prop: string, value: string | undefined | null, what: string, code: ErrorCode = 'MissingRequiredProp'): string {
  requireValue(prop, value, what);
  if (typeof value !== 'string') {
    throw new InstancePoolsError(code, prop, `must be a string: ${what}`, value);
  }
  return value;
}

/** `value` must be a number (or a number token), when set; `code` is the code of the prop's other rules. */
export function optionalNumber(prop: string, value: number | undefined | null, code: ErrorCode = 'OutOfRange'): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number') {
    throw new InstancePoolsError(code, prop, 'must be a number', value);
  }
  return value;
}

/** A required number (or number token); `code` is the code of the prop's other rules (a string is one more way to break them). */
export function requireNumber(prop: string, value: number | undefined | null, what: string, code: ErrorCode = 'OutOfRange'): number {
  requireValue(prop, value, what);
  return optionalNumber(prop, value, code)!;
}

/** `value` must be one of `enumObject`'s values, when set (`enumName` names the enum in the message). */
export function checkEnumValue<T extends string>(prop: string, value: T | undefined | null, enumObject: { [key: string]: T }, enumName: string): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (Token.isUnresolved(value)) return value;
  const values = Object.values(enumObject);
  if (!values.includes(value)) {
    throw new InstancePoolsError('InvalidEnumValue', prop, `must be one of ${Object.keys(enumObject).map((k) => `${enumName}.${k}`).join(', ')}`, value);
  }
  return value;
}

/**
 * `value` must be made by the named factories (an enum-like class): it needs the methods the library calls on
 * it. A look-alike object from JavaScript would otherwise fail later with `x.bind is not a function`. With `kind`, it
 * must also be an instance of that class (or a subclass): where several of the library's classes share a method
 * (`bind` of a container, an image and model data), the method alone would let one pass for another.
 */
export function checkEnumLike<T>(prop: string, value: T | undefined | null, methods: string[], factories: string, optional = false,
  kind?: abstract new (...args: any[]) => unknown): T | undefined {
  if ((value === undefined || value === null) && optional) return undefined;
  requireValue(prop, value, `made by ${factories}`);
  if (typeof value !== 'object' || methods.some((m) => typeof (value as any)[m] !== 'function') || (kind && !(value instanceof kind))) {
    throw new InstancePoolsError('InvalidEnumValue', prop, `must be made by ${factories}`, value);
  }
  return value as T;
}

/**
 * `value` must be a `Duration` (from `Duration.seconds(...)`, `Duration.minutes(...)`, ...), when set. Another copy of
 * aws-cdk-lib's `Duration` passes if it has the methods the library and aws-cdk-lib call (`toSeconds`,
 * `isUnresolved`, `toIsoString`); an object with `toSeconds` alone does not.
 */
export function checkDuration(prop: string, value: Duration | undefined | null, optional = true): Duration | undefined {
  if ((value === undefined || value === null) && optional) return undefined;
  requireValue(prop, value, 'a Duration');
  if (!(value instanceof Duration) && !['toSeconds', 'isUnresolved', 'toIsoString'].every((m) => typeof (value as any)?.[m] === 'function')) {
    throw new InstancePoolsError('InvalidEnumValue', prop, 'must be a Duration (Duration.seconds(...), Duration.minutes(...))', value);
  }
  return value!;
}

/** `value` must be a `Size` (from `Size.mebibytes(...)`, ...), when set. */
export function checkSize(prop: string, value: Size | undefined | null, optional = true): Size | undefined {
  if ((value === undefined || value === null) && optional) return undefined;
  requireValue(prop, value, 'a Size');
  if (!(value instanceof Size) && typeof (value as any)?.toMebibytes !== 'function') {
    throw new InstancePoolsError('InvalidEnumValue', prop, 'must be a Size (Size.mebibytes(...), Size.gibibytes(...))', value);
  }
  return value!;
}

/** `value` must be a boolean (or a token), when set. */
export function checkBoolean(prop: string, value: boolean | undefined | null): void {
  if (value === undefined || value === null || Token.isUnresolved(value)) return;
  if (typeof value !== 'boolean') {
    throw new InstancePoolsError('InvalidEnumValue', prop, 'must be true or false', value);
  }
}

/** `value` must be a construct (a resource such as a bucket, topic, key or model), when set. */
export function checkConstruct<T>(prop: string, value: T | undefined | null, what: string, optional = false): T | undefined {
  if ((value === undefined || value === null) && optional) return undefined;
  requireValue(prop, value, what);
  if (typeof (value as any)?.node?.path !== 'string') {
    throw new InstancePoolsError('MissingRequiredProp', prop, `must be ${what}`, value);
  }
  return value as T;
}

/** A construct's scope and id, checked before the construct is created. Returns the id. */
export function checkScopeAndId(scope: IConstruct, id: string): string {
  if (typeof (scope as any)?.node?.tryFindChild !== 'function') {
    throw new InstancePoolsError('MissingRequiredProp', 'scope', 'required: the construct scope (a Stack or Construct)', scope ?? described(String(scope)));
  }
  requireString('id', id, 'the construct id');
  if (id === '') {
    throw new InstancePoolsError('MissingRequiredProp', 'id', 'required: a non-empty construct id', id);
  }
  if (scope.node.tryFindChild(id) !== undefined) {
    throw new InstancePoolsError('DuplicateConstructId', 'id',
      `construct ids are unique within a scope; ${scope.node.path || 'the app'} already has a child with this id`, id);
  }
  return id;
}
