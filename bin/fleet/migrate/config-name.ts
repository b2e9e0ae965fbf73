import { isSageMakerName } from '../command-line';

/** `-pools-YYYYMMDD-HHMMSS-xxxx`: when, and 16 random bits so that two runs in the same second differ. */
const TAIL_LENGTH = '-pools-20261126-100000-0000'.length;

/**
 * A new endpoint config name: the endpoint name (shortened to fit), `-pools-`, the UTC time to the second and
 * four random hex digits, e.g. `llm-endpoint-pools-20261126-100000-8f3a`. Always valid for SageMaker (letters,
 * digits and hyphens, at most 63 characters) and sorts by time among the endpoint's configs.
 */
export function newConfigName(endpointName: string, nowMs: number, random: () => number): string {
  const stamp = new Date(nowMs).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const suffix = Math.floor(random() * 0x10000).toString(16).padStart(4, '0');
  const head = endpointName.slice(0, 63 - TAIL_LENGTH).replace(/-+$/, '');
  const name = `${head}-pools-${stamp}-${suffix}`;
  if (!isSageMakerName(name)) throw new Error(`generated an invalid endpoint config name: ${name}`);
  return name;
}
