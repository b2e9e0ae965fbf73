/** Small text helpers shared by the renderers. Pure: time comes in as an argument. */

/** 45s, 4m 10s, 2h 05m, 367d 03h: two units at most, days from 24 hours on. Every duration the CLI prints goes through here. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${two(s % 60)}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${two(Math.floor((s % 3600) / 60))}m`;
  return `${Math.floor(s / 86_400)}d ${two(Math.floor((s % 86_400) / 3600))}h`;
}

/** 2026-11-26 10:14 UTC (12m 04s ago). `null` prints as a dash. */
export function timestamp(isoTime: string | null, nowMs?: number): string {
  if (!isoTime) return '-';
  const date = new Date(isoTime);
  const text = `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  if (nowMs === undefined) return text;
  const ago = (nowMs - date.getTime()) / 1000;
  return ago >= 0 ? `${text} (${duration(ago)} ago)` : text;
}

/** 0.6667 → 66.7% */
export function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** A bar of `width` cells, `part / whole` of them filled. */
export function bar(part: number, whole: number, width = 20): string {
  const filled = whole > 0 ? Math.min(width, Math.round((part / whole) * width)) : 0;
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

/** Left-aligned columns, except those listed in `right`; two spaces between columns, no trailing blanks. */
export function table(rows: readonly (readonly string[])[], right: readonly number[] = []): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => { widths[i] = Math.max(widths[i] ?? 0, cell.length); });
  return rows.map((row) => row
    .map((cell, i) => (right.includes(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
    .join('  ')
    .trimEnd());
}

/** "1 instance", "3 instances", "2 copies". */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}
