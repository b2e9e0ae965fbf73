import { cataloguedNames, isCatalogued, parseInstanceTypeName, SIZE_WORDS, suggestInstanceTypeName } from './instance-catalog';

/**
 * What an error or warning about an instance type name says besides its rule: which part of a malformed name is
 * wrong, and the catalogued types it most likely meant. A name the catalog does not list is as likely a typo
 * (`ml.g6x.48xlarge`) as a type newer than this version of the library, so both say "did you mean".
 */

/** Most edits between a name and a catalogued type for the type to be suggested: a typo, not another type. */
const MAX_EDITS = 2;

/** At most this many suggestions, the nearest first. */
const MAX_SUGGESTIONS = 3;

/**
 * Why `name` is not of the form `ml.<family>.<size>`: the part that is wrong, in words
 * (`the size '48xlarg' is not a size (...)`); undefined when the name is well-formed.
 */
export function malformedPart(name: string): string | undefined {
  if (parseInstanceTypeName(name)) return undefined;
  if (name !== name.trim() || /\s/.test(name)) return 'it holds whitespace';
  if (name !== name.toLowerCase()) return 'it holds capitals';
  if (name === '') return 'it is empty';
  const parts = name.split('.');
  if (parts.length === 1) return `it has no dots (ml.<family>.<size>, like ml.g6.xlarge)`;
  if (parts[0] !== 'ml') return `it starts with '${parts[0]}.', not 'ml.'`;
  if (parts.length !== 3) return `it has ${parts.length} dot-separated parts, not 3 (ml, family, size)`;
  const [, family, size] = parts;
  if (!parseInstanceTypeName(`ml.${family}.xlarge`)) {
    return `the family '${family}' is not a family (a series letter, a generation digit, then attribute letters, like g6, p5en or p6-b200)`;
  }
  return `the size '${size}' is not a size (${SIZE_WORDS})`;
}

/**
 * Catalogued types close to `name` (none for a catalogued name): the case and whitespace fix when that makes it
 * well-formed, else the catalogued types at the fewest edits (at most two), in name order, at most three.
 */
export function nearestInstanceTypes(name: string): string[] {
  if (isCatalogued(name)) return [];
  const fixed = suggestInstanceTypeName(name);
  if (fixed) return [fixed];
  const scored = cataloguedNames()
    .map((candidate) => ({ candidate, edits: editDistance(name, candidate, MAX_EDITS) }))
    .filter((s) => s.edits <= MAX_EDITS && s.candidate !== name);
  if (scored.length === 0) return [];
  const fewest = Math.min(...scored.map((s) => s.edits));
  return scored.filter((s) => s.edits === fewest).map((s) => s.candidate).sort().slice(0, MAX_SUGGESTIONS);
}

/** ` (did you mean 'a' or 'b'?)`, or '' without suggestions. */
export function didYouMean(suggestions: string[]): string {
  if (suggestions.length === 0) return '';
  const quoted = suggestions.map((s) => `'${s}'`);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
  return ` (did you mean ${list}?)`;
}

/**
 * Edits (insertions, deletions, substitutions, swaps of neighbours) that turn `a` into `b`, or `limit + 1` as
 * soon as it exceeds `limit` (the catalog holds hundreds of names; most are far away).
 */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}
