import { oneLine } from '../errors';

/**
 * Safe pieces of generated TypeScript. Everything in the generated code that comes from AWS (ARNs, names,
 * environment values, failure reasons) passes through here, so no answer can break out of a string or a comment.
 */

/** A single-quoted string literal. */
export function tsString(value: string): string {
  const body = JSON.stringify(value).slice(1, -1)
    .replace(/\\"/g, '"')
    .replace(/'/g, "\\'")
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `'${body}'`;
}

/** `{ 'KEY': 'value', ... }` on one line, or `{}`. */
export function tsStringRecord(record: Readonly<Record<string, string>>): string {
  const entries = Object.entries(record);
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([k, v]) => `${tsString(k)}: ${tsString(v)}`).join(', ')} }`;
}

/** `text` as `//` comment lines of at most `width` characters, each line at `indent`. */
export function comment(text: string, indent = '', width = 118): string[] {
  const words = oneLine(text).split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && indent.length + 3 + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => `${indent}// ${l}`);
}

/** `ml.g6e.12xlarge` → `G6e12xlarge`, for construct IDs. */
export function pascal(identifier: string): string {
  return identifier.charAt(0).toUpperCase() + identifier.slice(1);
}
