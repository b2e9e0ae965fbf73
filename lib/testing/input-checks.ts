/**
 * The evaluator's input checks: a wrong input fails with a plain Error naming it (this module stands alone and
 * throws no library codes), never with a TypeError from deep inside the parser.
 */
export function checkInput(name: string, ok: boolean, what: string, received: unknown): void {
  if (!ok) {
    throw new Error(`metric math: ${name} must be ${what}, got ${shown(received)}`);
  }
}

/**
 * Checks an object of keys to numbers (metric ids, instance types), naming the first entry that is not a number:
 * `values['m1'] must be a number, got an object with keys instances, concurrency`.
 */
export function checkValues(name: string, values: unknown, what: string): void {
  checkInput(name, typeof values === 'object' && values !== null && !Array.isArray(values), what, values);
  for (const [key, value] of Object.entries(values as object)) {
    // CloudWatch data points are finite: NaN would read as missing data in some functions and as 0 in others.
    checkInput(`${name}['${key}']`, typeof value === 'number' && Number.isFinite(value), 'a number', value);
  }
}

/** How a received value appears in a message: never `[object Object]`. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    return keys.length === 0 ? 'an empty object' : `an object with keys ${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ', ...' : ''}`;
  }
  return String(value);
}
