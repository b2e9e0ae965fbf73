import * as fs from 'fs';
import * as path from 'path';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';

/**
 * Checks that two cloud assemblies hold the same stacks with byte-identical templates, and throws naming the first
 * difference (`Fleet0.template.json: Resources.Llm0Resource.Properties.EndpointName: "a" vs "b"`) otherwise.
 */
export function assertIdenticalTemplates(expected: CloudAssembly, actual: CloudAssembly, what: string): void {
  const names = (assembly: CloudAssembly) => assembly.stacks.map((s) => s.stackName).join(', ');
  if (names(expected) !== names(actual)) {
    throw new Error(`${what}: stacks differ: [${names(expected)}] vs [${names(actual)}]`);
  }
  for (const stack of expected.stacks) {
    const other = actual.getStackByName(stack.stackName);
    const a = fs.readFileSync(path.join(expected.directory, stack.templateFile), 'utf-8');
    const b = fs.readFileSync(path.join(actual.directory, other.templateFile), 'utf-8');
    if (a === b) continue;
    const difference = firstDifference(JSON.parse(a), JSON.parse(b), []) ?? `same JSON, different bytes (at offset ${firstOffset(a, b)})`;
    throw new Error(`${what}: ${stack.templateFile} differs from the library's at ${difference}`);
  }
}

/** The first path at which `a` and `b` differ, in document order (object keys in order too), or undefined. */
export function firstDifference(a: unknown, b: unknown, at: string[]): string | undefined {
  const here = at.length > 0 ? at.join('.') : '(root)';
  const show = (v: unknown) => (v === undefined ? '(absent)' : JSON.stringify(v).slice(0, 200));
  if (typeof a === 'string' && typeof b === 'string' && a !== b) {
    // Long strings (a dashboard body) differ somewhere inside: show where.
    const at = firstOffset(a, b);
    const from = Math.max(0, at - 60);
    return `${here}, character ${at}: ${show(a.slice(from, at + 80))} vs ${show(b.slice(from, at + 80))}`;
  }
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || a === null || b === null || typeof a !== 'object') {
    return a === b ? undefined : `${here}: ${show(a)} vs ${show(b)}`;
  }
  const keysA = Object.keys(a as object);
  const keysB = Object.keys(b as object);
  for (let i = 0; i < Math.max(keysA.length, keysB.length); i++) {
    if (keysA[i] !== keysB[i]) {
      return `${here}: key #${i} is ${show(keysA[i])} vs ${show(keysB[i])}`;
    }
    const difference = firstDifference((a as any)[keysA[i]], (b as any)[keysB[i]], [...at, keysA[i]]);
    if (difference) return difference;
  }
  return undefined;
}

function firstOffset(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}
