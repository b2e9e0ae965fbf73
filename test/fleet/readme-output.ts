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

/** The lines of the fenced block (any language) that follows the ```text block whose first line is `firstLine`. */
export function readmeBlockAfter(firstLine: string): string[] {
  const lines = readFileSync(README, 'utf8').split('\n');
  const start = lines.indexOf('```', lines.indexOf(firstLine));
  const open = lines.findIndex((line, i) => i > start && line.startsWith('```'));
  if (lines.indexOf(firstLine) < 0 || open < 0) throw new Error(`no block after the \`\`\`text block starting with: ${firstLine}`);
  return lines.slice(open + 1, lines.indexOf('```', open + 1));
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

/**
 * The README's exit-code table ("Credentials, permissions and exit codes") as what each command may exit with: a
 * code applies to a command when its row names the command (`` `migrate`: ... ``, `` `migrate` / `export`: ... ``),
 * or to every command when the row starts with words of its own before any command's clause.
 */
export function readmeExitCodes(command: string): Map<number, string> {
  const lines = readFileSync(README, 'utf8').split('\n');
  const header = lines.indexOf('| Exit code | Meaning |');
  const end = lines.findIndex((line, i) => i > header && !line.startsWith('|'));
  const rows = lines.slice(header + 2, end)
    .map((line) => /^\| (\d) \| (.*) \|$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null);
  if (header < 0 || rows.length < 7) throw new Error('README.md has no exit-code table');
  const codes = new Map<number, string>();
  for (const [, code, text] of rows) {
    const clauses = text.split(' · ');
    const general = !/^`[a-z]+`( \/ `[a-z]+`)*:/.test(clauses[0]);
    const own = clauses.filter((c) => new RegExp(`^(\`[a-z]+\` / )*\`${command}\`( / \`[a-z]+\`)*:`).test(c));
    if (general || own.length > 0) codes.set(Number(code), [...(general ? [clauses[0]] : []), ...own].join(' · '));
  }
  return codes;
}

/** The exit codes a help text lists (`Exit codes:` then entries that start with a digit and a space). */
export function helpExitCodes(help: string): number[] {
  const section = help.slice(help.indexOf('Exit codes'));
  return [...section.matchAll(/(?:^|\n|· |: )\s*(\d) /g)].map((m) => Number(m[1])).sort();
}
