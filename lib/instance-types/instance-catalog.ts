import { CatalogAccelerator } from './catalog-family';
import { CATALOG, CATALOG_SDK_VERSION } from './instance-type-catalog.generated';

/**
 * Reads the generated instance-type catalog (instance-type-catalog.generated.ts: every type of the SageMaker API
 * model's `ProductionVariantInstanceType`, with its accelerators, local NVMe storage and memory). Used for
 * validation (a KMS key next to local NVMe storage, `KmsKeyId` of
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateEndpointConfig.html; burstable types next
 * to accelerated pools; accelerators and memory of inference-component copies) and for dashboards (GPU metrics
 * are summed across GPUs, https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html).
 */

export { CATALOG_SDK_VERSION };

/**
 * The shape of an instance type name (https://docs.aws.amazon.com/ec2/latest/instancetypes/instance-type-names.html,
 * with SageMaker's `ml.` prefix): `ml.<family>.<size>`, lower case, the family a series letter, a generation
 * digit, optional attribute letters and dashed suffixes (`p6-b200`, `p6e-gb200`), the size `medium`, `large`,
 * `xlarge` or `<n>xlarge` (and EC2's other size words).
 */
const INSTANCE_TYPE_NAME = /^ml\.([a-z]+[0-9]+[a-z]*(?:-[a-z0-9]+)*)\.(nano|micro|small|medium|large|xlarge|[1-9][0-9]*xlarge|metal(?:-[1-9][0-9]*xl)?)$/;

/** The sizes a well-formed name may end with, as messages list them. */
export const SIZE_WORDS = "medium, large, xlarge, '<n>xlarge' such as 48xlarge, metal, nano, micro or small";

/** The rule a well-formed instance type name follows, as error messages state it. */
export const INSTANCE_TYPE_RULE = "a SageMaker instance type: lower-case 'ml.<family>.<size>' such as 'ml.g6.48xlarge', without whitespace";

/** Splits `ml.g6.48xlarge` into family `g6` and size `48xlarge`; undefined if the name is not of that shape. */
export function parseInstanceTypeName(name: string): { family: string; size: string } | undefined {
  const match = INSTANCE_TYPE_NAME.exec(name);
  return match ? { family: match[1], size: match[2] } : undefined;
}

/** A close well-formed name for a malformed one (trimmed, lower-cased), to suggest in the error. */
export function suggestInstanceTypeName(name: string): string | undefined {
  const fixed = name.trim().toLowerCase().replace(/\s+/g, '');
  const candidate = fixed.startsWith('ml.') ? fixed : `ml.${fixed}`;
  return candidate !== name && parseInstanceTypeName(candidate) ? candidate : undefined;
}

let names: string[] | undefined;

/** Every catalogued type name (`ml.<family>.<size>`), in catalog order. */
export function cataloguedNames(): string[] {
  names ??= Object.entries(CATALOG).flatMap(([family, entry]) => Object.keys(entry.sizes).map((size) => `ml.${family}.${size}`));
  return names;
}

/** The traits of one catalogued instance type. */
export interface InstanceTraits {
  readonly accelerator: CatalogAccelerator;
  readonly acceleratorCount: number;
  readonly memoryGiB: number;
  readonly localStorage: boolean;
  readonly burstable: boolean;
}

/** Whether the catalog lists the type (the SageMaker API model knew it when the catalog was generated). */
export function isCatalogued(name: string): boolean {
  const parsed = parseInstanceTypeName(name);
  return parsed !== undefined && CATALOG[parsed.family]?.sizes[parsed.size] !== undefined;
}

/** The catalogued traits of a type; undefined when the type is not catalogued or its traits are unknown. */
export function traitsOf(name: string): InstanceTraits | undefined {
  const parsed = parseInstanceTypeName(name);
  const family = parsed && CATALOG[parsed.family];
  const size = family?.sizes[parsed!.size];
  if (!family || !size || family.accelerator === undefined) return undefined;
  return {
    accelerator: family.accelerator,
    acceleratorCount: size[0],
    memoryGiB: size[1],
    localStorage: family.localStorage === true,
    burstable: family.burstable === true,
  };
}
