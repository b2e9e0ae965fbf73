/**
 * The evaluator's input checks: a wrong input fails with a plain Error naming it (this module stands alone and
 * throws no library codes), never with a TypeError from deep inside the parser.
 */
export function checkInput(name: string, ok: boolean, what: string, received: unknown): void {
  if (!ok) {
    const shown = Array.isArray(received) ? 'an array' : typeof received === 'string' ? `'${received}'` : String(received);
    throw new Error(`metric math: ${name} must be ${what}, got ${shown}`);
  }
}

/** An object of metric ids to numbers. */
export function isValues(values: unknown): boolean {
  return typeof values === 'object' && values !== null && !Array.isArray(values) && Object.values(values).every((v) => typeof v === 'number');
}
