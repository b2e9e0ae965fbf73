import { Token } from 'aws-cdk-lib';
import { InstancePoolsError } from '../core/errors';
import { requireString } from '../core/required';
import { AcceleratorKind } from './accelerator-kind';
import { INSTANCE_TYPE_RULE, InstanceTraits, isCatalogued, parseInstanceTypeName, traitsOf } from './instance-catalog';
import { didYouMean, malformedPart, nearestInstanceTypes } from './instance-type-suggestions';

/** What an instance type's name tells, computed once (the name never changes): whether it is a token, its parse, its traits. */
interface NameFacts {
  readonly unresolved: boolean;
  readonly parsed?: { family: string; size: string };
  readonly traits?: InstanceTraits;
}

/** Kept outside the objects, so that two instance types of one name stay equal (deep equality, JSON) whatever was read. */
const nameFacts = new WeakMap<InstanceType, NameFacts>();

/**
 * A SageMaker AI hosting instance type (`ml.*`), with what the library knows about its hardware from its
 * instance-type catalog (generated from the SageMaker API model; accelerators, local NVMe storage, memory).
 *
 * Use a constant (`InstanceType.ML_G6_48XLARGE`) or `InstanceType.of('ml.g6e.12xlarge')` for any other type.
 */
export class InstanceType {
  /**
   * An instance type by its SageMaker name, e.g. `ml.g6.48xlarge`. Tokens are accepted as they are.
   *
   * A well-formed type that the catalog does not list (a typo such as `ml.g6x.48xlarge`, or a type newer than this
   * version of the library) is accepted: the pools and components that use it warn that its traits are unknown,
   * and suggest the catalogued types it is nearest to.
   *
   * @throws `[InvalidInstanceType]` for a name that is not lower-case `ml.<family>.<size>`: upper case,
   * whitespace, non-ASCII characters, a missing or malformed family or size (`ml.g6.48xlarg`), or other characters
   * (`ml.g5/xlarge`). The message says which part is wrong and suggests the nearest catalogued type.
   */
  public static of(name: string): InstanceType {
    requireString('InstanceType.of', name, 'an instance type name such as ml.g6.48xlarge', 'InvalidInstanceType');
    if (!Token.isUnresolved(name) && !parseInstanceTypeName(name)) {
      throw new InstancePoolsError('InvalidInstanceType', 'InstanceType.of',
        `${INSTANCE_TYPE_RULE}; ${malformedPart(name)}${didYouMean(nearestInstanceTypes(name))}`, name);
    }
    return new InstanceType(name);
  }

  /** ml.g4dn.xlarge: 1 NVIDIA T4 */
  public static readonly ML_G4DN_XLARGE = InstanceType.of('ml.g4dn.xlarge');
  /** ml.g4dn.12xlarge: 4 NVIDIA T4 */
  public static readonly ML_G4DN_12XLARGE = InstanceType.of('ml.g4dn.12xlarge');
  /** ml.g5.xlarge: 1 NVIDIA A10G */
  public static readonly ML_G5_XLARGE = InstanceType.of('ml.g5.xlarge');
  /** ml.g5.2xlarge: 1 NVIDIA A10G */
  public static readonly ML_G5_2XLARGE = InstanceType.of('ml.g5.2xlarge');
  /** ml.g5.12xlarge: 4 NVIDIA A10G */
  public static readonly ML_G5_12XLARGE = InstanceType.of('ml.g5.12xlarge');
  /** ml.g5.24xlarge: 4 NVIDIA A10G */
  public static readonly ML_G5_24XLARGE = InstanceType.of('ml.g5.24xlarge');
  /** ml.g5.48xlarge: 8 NVIDIA A10G */
  public static readonly ML_G5_48XLARGE = InstanceType.of('ml.g5.48xlarge');
  /** ml.g6.xlarge: 1 NVIDIA L4 */
  public static readonly ML_G6_XLARGE = InstanceType.of('ml.g6.xlarge');
  /** ml.g6.2xlarge: 1 NVIDIA L4 */
  public static readonly ML_G6_2XLARGE = InstanceType.of('ml.g6.2xlarge');
  /** ml.g6.12xlarge: 4 NVIDIA L4 */
  public static readonly ML_G6_12XLARGE = InstanceType.of('ml.g6.12xlarge');
  /** ml.g6.24xlarge: 4 NVIDIA L4 */
  public static readonly ML_G6_24XLARGE = InstanceType.of('ml.g6.24xlarge');
  /** ml.g6.48xlarge: 8 NVIDIA L4 */
  public static readonly ML_G6_48XLARGE = InstanceType.of('ml.g6.48xlarge');
  /** ml.g6e.xlarge: 1 NVIDIA L40S */
  public static readonly ML_G6E_XLARGE = InstanceType.of('ml.g6e.xlarge');
  /** ml.g6e.2xlarge: 1 NVIDIA L40S */
  public static readonly ML_G6E_2XLARGE = InstanceType.of('ml.g6e.2xlarge');
  /** ml.g6e.12xlarge: 4 NVIDIA L40S */
  public static readonly ML_G6E_12XLARGE = InstanceType.of('ml.g6e.12xlarge');
  /** ml.g6e.24xlarge: 4 NVIDIA L40S */
  public static readonly ML_G6E_24XLARGE = InstanceType.of('ml.g6e.24xlarge');
  /** ml.g6e.48xlarge: 8 NVIDIA L40S */
  public static readonly ML_G6E_48XLARGE = InstanceType.of('ml.g6e.48xlarge');
  /** ml.p4d.24xlarge: 8 NVIDIA A100 40 GB */
  public static readonly ML_P4D_24XLARGE = InstanceType.of('ml.p4d.24xlarge');
  /** ml.p4de.24xlarge: 8 NVIDIA A100 80 GB */
  public static readonly ML_P4DE_24XLARGE = InstanceType.of('ml.p4de.24xlarge');
  /** ml.p5.48xlarge: 8 NVIDIA H100 */
  public static readonly ML_P5_48XLARGE = InstanceType.of('ml.p5.48xlarge');
  /** ml.p5e.48xlarge: 8 NVIDIA H200 */
  public static readonly ML_P5E_48XLARGE = InstanceType.of('ml.p5e.48xlarge');
  /** ml.p5en.48xlarge: 8 NVIDIA H200 */
  public static readonly ML_P5EN_48XLARGE = InstanceType.of('ml.p5en.48xlarge');
  /** ml.inf2.xlarge: 1 AWS Inferentia2 */
  public static readonly ML_INF2_XLARGE = InstanceType.of('ml.inf2.xlarge');
  /** ml.inf2.48xlarge: 12 AWS Inferentia2 */
  public static readonly ML_INF2_48XLARGE = InstanceType.of('ml.inf2.48xlarge');
  /** ml.c5.xlarge: CPU */
  public static readonly ML_C5_XLARGE = InstanceType.of('ml.c5.xlarge');
  /** ml.m5.xlarge: CPU */
  public static readonly ML_M5_XLARGE = InstanceType.of('ml.m5.xlarge');
  /** ml.m5.2xlarge: CPU */
  public static readonly ML_M5_2XLARGE = InstanceType.of('ml.m5.2xlarge');
  /** ml.t2.medium: burstable CPU, for development only */
  public static readonly ML_T2_MEDIUM = InstanceType.of('ml.t2.medium');

  /** The SageMaker name, e.g. `ml.g6.48xlarge`. */
  public readonly name: string;

  private constructor(name: string) {
    this.name = name;
  }

  /** Instance family (`g6` for `ml.g6.48xlarge`); undefined for tokens. */
  public get family(): string | undefined {
    return this.parsed()?.family;
  }

  /** Instance size (`48xlarge` for `ml.g6.48xlarge`); undefined for tokens. */
  public get size(): string | undefined {
    return this.parsed()?.size;
  }

  /**
   * Whether the library's instance-type catalog lists this type (generated from the SageMaker API model). A
   * well-formed type missing from it is a typo or newer than this version of the library: its traits are unknown.
   */
  public get isInCatalog(): boolean {
    return !this.isUnresolved && isCatalogued(this.name);
  }

  /** What accelerates the type; undefined when its traits are unknown (a token, or a type the catalog lacks). */
  public get acceleratorKind(): AcceleratorKind | undefined {
    const accelerator = this.traits()?.accelerator;
    return accelerator === undefined ? undefined : AcceleratorKind[accelerator];
  }

  /** Accelerator devices of any kind (0 for CPU-only types); undefined when unknown. */
  public get acceleratorCount(): number | undefined {
    return this.traits()?.acceleratorCount;
  }

  /** Memory of the instance in GiB (EC2 specification); undefined when unknown. */
  public get memoryGiB(): number | undefined {
    return this.traits()?.memoryGiB;
  }

  /** Number of NVIDIA GPUs; undefined when the library does not know the type (or it has none). */
  public get gpuCount(): number | undefined {
    const traits = this.traits();
    return traits?.accelerator === 'NVIDIA_GPU' ? traits.acceleratorCount : undefined;
  }

  /** Number of AWS Inferentia or Trainium devices; undefined when unknown or none. */
  public get neuronDeviceCount(): number | undefined {
    const traits = this.traits();
    return traits?.accelerator === 'AWS_INFERENTIA' || traits?.accelerator === 'AWS_TRAINIUM' ? traits.acceleratorCount : undefined;
  }

  /** True for types with accelerators (GPUs, Inferentia, Trainium, Gaudi) that the catalog knows. */
  public get isAccelerated(): boolean {
    return (this.traits()?.acceleratorCount ?? 0) > 0;
  }

  /** True for burstable (`ml.t*`) types: from the catalog, or from the family name for types it lacks. */
  public get isBurstable(): boolean {
    const traits = this.traits();
    if (traits) return traits.burstable;
    const family = this.family;
    return !!family && /^t\d/.test(family);
  }

  /**
   * True when the type has local NVMe instance storage, encrypted by the instance hardware; the endpoint config's
   * `KmsKeyId` does not cover it. Undefined when the library does not know the type.
   */
  public get hasLocalStorage(): boolean | undefined {
    return this.traits()?.localStorage;
  }

  /** Whether the name is a token (its value is known only at deploy time). */
  public get isUnresolved(): boolean {
    return this.facts().unresolved;
  }

  /** Returns the SageMaker name. */
  public toString(): string {
    return this.name;
  }

  private parsed(): { family: string; size: string } | undefined {
    return this.facts().parsed;
  }

  private traits(): InstanceTraits | undefined {
    return this.facts().traits;
  }

  private facts(): NameFacts {
    let facts = nameFacts.get(this);
    if (!facts) {
      const unresolved = Token.isUnresolved(this.name);
      facts = unresolved ? { unresolved } : { unresolved, parsed: parseInstanceTypeName(this.name), traits: traitsOf(this.name) };
      nameFacts.set(this, facts);
    }
    return facts;
  }
}

