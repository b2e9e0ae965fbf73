/**
 * Values built from the installed AWS SDK's own runtime model (its schemas), so that tests cover every member the
 * SDK knows, including ones added by an SDK upgrade.
 */
import { NormalizedSchema } from '@smithy/core/schema';

export type Schema = Parameters<typeof NormalizedSchema.of>[0];

/** Member names of a structure. */
export function members(schema: Schema): string[] {
  return [...NormalizedSchema.of(schema).structIterator()].map(([name]) => name);
}

/** A value for every member, all the way down: strings, 7, true, one-element lists, epoch timestamps. */
export function sample(schema: Schema | NormalizedSchema, name = 'value'): unknown {
  const normalized = schema instanceof NormalizedSchema ? schema : NormalizedSchema.of(schema);
  if (normalized.isStructSchema()) {
    return Object.fromEntries([...normalized.structIterator()].map(([member, memberSchema]) => [member, sample(memberSchema, member)]));
  }
  if (normalized.isListSchema()) return [sample(normalized.getValueSchema(), name)];
  if (normalized.isMapSchema()) return { key: sample(normalized.getValueSchema(), name) };
  if (normalized.isTimestampSchema()) return new Date(0);
  if (normalized.isNumericSchema()) return 7;
  if (normalized.isBooleanSchema()) return true;
  return `sample-${name}`;
}

/** A sample of one member of a structure. */
export function sampleMember(schema: Schema, member: string): unknown {
  const found = [...NormalizedSchema.of(schema).structIterator()].find(([name]) => name === member);
  if (!found) throw new Error(`no member ${member}`);
  return sample(found[1], member);
}
