import { Token } from 'aws-cdk-lib';
import { FAMILY_SPECS, parseInstanceTypeName } from './instance-catalog';

/**
 * A SageMaker AI hosting instance type (`ml.*`), with what the library knows about its hardware.
 *
 * Use a constant (`InstanceType.ML_G6_48XLARGE`) or `InstanceType.of('ml.g6e.12xlarge')` for any other type.
 */
export class InstanceType {
  /**
   * An instance type by its SageMaker name, e.g. `ml.g6.48xlarge`. The name is validated where it is used
   * (it must start with `ml.`); tokens are accepted as they are.
   */
  public static of(name: string): InstanceType {
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

  /** Instance family (`g6` for `ml.g6.48xlarge`); undefined for tokens and unknown shapes. */
  public get family(): string | undefined {
    return this.parsed()?.family;
  }

  /** Number of NVIDIA GPUs; undefined when the library does not know the type (or it has none). */
  public get gpuCount(): number | undefined {
    const parsed = this.parsed();
    const spec = parsed && FAMILY_SPECS[parsed.family];
    return spec?.gpus?.[parsed!.size];
  }

  /** Number of AWS Inferentia or Trainium devices; undefined when unknown or none. */
  public get neuronDeviceCount(): number | undefined {
    const parsed = this.parsed();
    const spec = parsed && FAMILY_SPECS[parsed.family];
    return spec?.neuronDevices?.[parsed!.size];
  }

  /** True for GPU or AWS-accelerator families the library knows. */
  public get isAccelerated(): boolean {
    const spec = this.spec();
    return !!spec && (spec.gpus !== undefined || spec.neuronDevices !== undefined);
  }

  /** True for burstable (`ml.t*`) types. */
  public get isBurstable(): boolean {
    const family = this.family;
    return !!family && (FAMILY_SPECS[family]?.burstable === true || /^t\d/.test(family));
  }

  /**
   * True when the type has local NVMe instance storage, encrypted by hardware; the endpoint config's `KmsKeyId`
   * does not cover it. Undefined when the library does not know the family.
   */
  public get hasLocalStorage(): boolean | undefined {
    return this.spec()?.localStorage;
  }

  /** Whether the name is a token (its value is known only at deploy time). */
  public get isUnresolved(): boolean {
    return Token.isUnresolved(this.name);
  }

  /** Returns the SageMaker name. */
  public toString(): string {
    return this.name;
  }

  private parsed() {
    return this.isUnresolved ? undefined : parseInstanceTypeName(this.name);
  }

  private spec() {
    const family = this.family;
    return family === undefined ? undefined : FAMILY_SPECS[family];
  }
}
