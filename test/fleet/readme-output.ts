/**
 * The README shows real output of the commands; tests hold it to what the commands print, so it cannot drift.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const README = join(__dirname, '..', '..', 'README.md');

/** The lines of the README's ```text block whose first line is `firstLine`, without the fences. */
export function readmeBlock(firstLine: string): string[] {
  const lines = readFileSync(README, 'utf8').split('\n');
  const start = lines.indexOf(firstLine);
  if (start < 1 || lines[start - 1] !== '```text') throw new Error(`no \`\`\`text block starting with: ${firstLine}`);
  const end = lines.indexOf('```', start);
  return lines.slice(start + 1, end);
}

/**
 * Every line of `shown` (except `…` lines, which stand for lines left out, and `$ ` commands) is a whole line
 * of `actual`, in the same order. Returns the lines that are not, for a readable failure.
 */
export function linesNotIn(actual: string, shown: readonly string[]): string[] {
  const printed = actual.split('\n');
  let at = 0;
  const missing: string[] = [];
  for (const line of shown) {
    if (line.trim() === '…' || line.startsWith('$ ')) continue;
    const found = printed.indexOf(line, at);
    if (found < 0) missing.push(line);
    else at = found + 1;
  }
  return missing;
}
