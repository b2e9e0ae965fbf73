/**
 * TypeScript source text for plain values, and the names the CDK's generated L1 classes give to API members
 * (`EnableSSMAccess` → `enableSsmAccess`). Pure.
 */

/** A single-quoted TypeScript string. */
export function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/**
 * The property name an aws-cdk-lib L1 class uses for an API member: words split at case changes and digits,
 * acronyms written as words (SSM → Ssm, GB → Gb), the first letter lower case.
 */
export function l1Name(member: string): string {
  const words = member.match(/[A-Z]+(?=[A-Z][a-z]|\d|$)|[A-Z][a-z]*|\d+[a-z]*|[a-z]+/g) ?? [member];
  return words.map((word, i) => (i === 0 ? word.toLowerCase() : word[0].toUpperCase() + word.slice(1).toLowerCase())).join('');
}

/** An API value with every object key renamed for the L1 classes (l1Name), all the way down. */
export function l1Value(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(l1Value);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [l1Name(k), l1Value(v)]));
  }
  return value;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * A value as TypeScript source: objects and arrays across lines, indented by `indent` (the indentation of the
 * line the value starts on), short ones on one line.
 */
export function literal(value: unknown, indent = ''): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'undefined';
  if (value instanceof Date) return quote(value.toISOString());
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const items = value.map((v) => literal(v, inner));
    const oneLine = `[${items.join(', ')}]`;
    return oneLine.length <= 80 && !oneLine.includes('\n') ? oneLine : `[\n${items.map((i) => `${inner}${i},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${IDENTIFIER.test(k) ? k : quote(k)}: ${literal(v, inner)}`);
  if (entries.length === 0) return '{}';
  const oneLine = `{ ${entries.join(', ')} }`;
  return oneLine.length <= 80 && !oneLine.includes('\n') ? oneLine : `{\n${entries.map((e) => `${inner}${e},`).join('\n')}\n${indent}}`;
}

/** `llm-endpoint` → `LlmEndpoint`: a class-name stem from a SageMaker name. */
export function pascalCase(name: string): string {
  const stem = name.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  return /^[A-Za-z]/.test(stem) ? stem : `Endpoint${stem}`;
}
