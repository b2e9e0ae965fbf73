/** SDK values (optional everywhere) to report values (`null` when unknown). */
export function iso(value: Date | string | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function num(value: number | undefined | null): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function str(value: string | undefined | null): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}
