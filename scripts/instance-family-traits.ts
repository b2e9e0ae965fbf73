/**
 * The generator's input: what each SageMaker hosting instance family carries, by family, with the public source
 * of every figure. `npm run generate:instance-types` crosses it with the instance types the SageMaker API model
 * lists (`ProductionVariantInstanceType` in @aws-sdk/client-sagemaker) and writes
 * lib/instance-types/instance-type-catalog.generated.ts. A type whose family is missing here (or is listed with
 * `traits: undefined`) is still in the catalog, with unknown traits: the library then warns where it needs one.
 *
 * ML instances are EC2 instances with the `ml.` prefix: SageMaker's pricing page lists the same vCPUs, memory
 * and accelerators per type (https://aws.amazon.com/sagemaker/ai/pricing/, "Instance details").
 */

/** The accelerators of a family. */
export type AcceleratorKindName = 'NVIDIA_GPU' | 'AWS_INFERENTIA' | 'AWS_TRAINIUM' | 'HABANA_GAUDI' | 'NONE';

export interface FamilyTraits {
  /** What accelerates the family. */
  readonly accelerator: AcceleratorKindName;
  /** Instance store (local NVMe) volumes on every size of the family. */
  readonly localStorage: boolean;
  /** Burstable CPU credits. */
  readonly burstable?: boolean;
  /**
   * Memory of the `xlarge` size in GiB, for families whose memory scales with the size name (a `large` has half,
   * a `medium` a quarter, an `Nxlarge` N times as much).
   */
  readonly memoryPerXlarge?: number;
  /** Per size: [accelerator devices, memory in GiB] (memory undefined: use `memoryPerXlarge`). */
  readonly sizes?: { readonly [size: string]: readonly [number, number?] };
  /** Where the figures come from. */
  readonly sources: readonly string[];
}

const GP = 'https://docs.aws.amazon.com/ec2/latest/instancetypes/gp.html';
const CO = 'https://docs.aws.amazon.com/ec2/latest/instancetypes/co.html';
const MO = 'https://docs.aws.amazon.com/ec2/latest/instancetypes/mo.html';
const AC = 'https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html';
const PG = 'https://docs.aws.amazon.com/ec2/latest/instancetypes/pg.html';
const HYPERPOD = 'https://github.com/aws/sagemaker-hyperpod-cli/blob/main/src/sagemaker/hyperpod/training/constants.py (INSTANCE_RESOURCES)';

const cpu = (memoryPerXlarge: number, localStorage: boolean, source: string, burstable = false): FamilyTraits =>
  ({ accelerator: 'NONE', localStorage, burstable, memoryPerXlarge, sources: [source] });

/** 1 GPU from xlarge to 16xlarge, 4 on 12xlarge and 24xlarge, 8 on 48xlarge: the G4dn/G5/G6/G6e pattern. */
const G_SERIES = { 'xlarge': [1], '2xlarge': [1], '4xlarge': [1], '8xlarge': [1], '16xlarge': [1], '12xlarge': [4], '24xlarge': [4], '48xlarge': [8] } as const;

export const FAMILY_TRAITS: { readonly [family: string]: FamilyTraits | undefined } = {
  // CPU families: memory scales with the size name (EC2 specifications; *d families carry instance store).
  'c4': cpu(7.5, false, PG),
  'c5': cpu(8, false, CO),
  'c5d': cpu(8, true, CO),
  'c6g': cpu(8, false, CO),
  'c6gd': cpu(8, true, CO),
  'c6gn': cpu(8, false, CO),
  'c6i': cpu(8, false, CO),
  'c6in': cpu(8, false, CO),
  'c7g': cpu(8, false, CO),
  'c7i': cpu(8, false, CO),
  'c8g': cpu(8, false, CO),
  'm4': cpu(16, false, PG),
  'm5': cpu(16, false, GP),
  'm5d': cpu(16, true, GP),
  'm6g': cpu(16, false, GP),
  'm6gd': cpu(16, true, GP),
  'm6i': cpu(16, false, GP),
  'm7i': cpu(16, false, GP),
  'm8g': cpu(16, false, GP),
  'r5': cpu(32, false, MO),
  'r5d': cpu(32, true, MO),
  'r6g': cpu(32, false, MO),
  'r6gd': cpu(32, true, MO),
  'r6i': cpu(32, false, MO),
  'r7gd': cpu(32, true, MO),
  'r7i': cpu(32, false, MO),
  'r8g': cpu(32, false, MO),
  't2': cpu(16, false, PG, true),
  // NVIDIA GPU families (EC2 accelerated computing specifications; HyperPod's instance table for memory).
  'g4dn': { accelerator: 'NVIDIA_GPU', localStorage: true, memoryPerXlarge: 16, sizes: G_SERIES, sources: [AC] },
  'g5': { accelerator: 'NVIDIA_GPU', localStorage: true, memoryPerXlarge: 16, sizes: G_SERIES, sources: [AC, HYPERPOD] },
  'g6': { accelerator: 'NVIDIA_GPU', localStorage: true, memoryPerXlarge: 16, sizes: G_SERIES, sources: [AC, HYPERPOD] },
  'g6e': { accelerator: 'NVIDIA_GPU', localStorage: true, memoryPerXlarge: 32, sizes: G_SERIES, sources: [AC, HYPERPOD] },
  'g7e': {
    accelerator: 'NVIDIA_GPU', localStorage: true, sources: [AC, HYPERPOD],
    sizes: { '2xlarge': [1, 64], '4xlarge': [1, 128], '8xlarge': [1, 256], '12xlarge': [2, 512], '24xlarge': [4, 1024], '48xlarge': [8, 2048] },
  },
  // G7: listed by the SageMaker API model; no public specification was found when this table was written.
  'g7': undefined,
  'p2': { accelerator: 'NVIDIA_GPU', localStorage: false, sizes: { 'xlarge': [1, 61], '8xlarge': [8, 488], '16xlarge': [16, 732] }, sources: [PG] },
  'p3': { accelerator: 'NVIDIA_GPU', localStorage: false, sizes: { '2xlarge': [1, 61], '8xlarge': [4, 244], '16xlarge': [8, 488] }, sources: [AC] },
  'p4d': { accelerator: 'NVIDIA_GPU', localStorage: true, sizes: { '24xlarge': [8, 1152] }, sources: [AC, HYPERPOD] },
  'p4de': { accelerator: 'NVIDIA_GPU', localStorage: true, sizes: { '24xlarge': [8, 1152] }, sources: [AC, HYPERPOD] },
  'p5': { accelerator: 'NVIDIA_GPU', localStorage: true, sizes: { '4xlarge': [1, 256], '48xlarge': [8, 2048] }, sources: [AC, HYPERPOD] },
  'p5e': { accelerator: 'NVIDIA_GPU', localStorage: true, sizes: { '48xlarge': [8, 2048] }, sources: [AC, HYPERPOD] },
  'p5en': { accelerator: 'NVIDIA_GPU', localStorage: true, sizes: { '48xlarge': [8, 2048] }, sources: [AC, HYPERPOD] },
  'p6-b200': { accelerator: 'NVIDIA_GPU', localStorage: true, sizes: { '48xlarge': [8, 2048] }, sources: [AC, HYPERPOD] },
  'p6-b300': { accelerator: 'NVIDIA_GPU', localStorage: true, sizes: { '48xlarge': [8, 4096] }, sources: [AC, HYPERPOD] },
  'p6e-gb200': { accelerator: 'NVIDIA_GPU', localStorage: true, sizes: { '36xlarge': [4, 960] }, sources: [AC, HYPERPOD] },
  // AWS accelerators.
  'inf1': { accelerator: 'AWS_INFERENTIA', localStorage: false, memoryPerXlarge: 8, sizes: { 'xlarge': [1], '2xlarge': [1], '6xlarge': [4], '24xlarge': [16] }, sources: [AC] },
  'inf2': { accelerator: 'AWS_INFERENTIA', localStorage: false, memoryPerXlarge: 16, sizes: { 'xlarge': [1], '8xlarge': [1], '24xlarge': [6], '48xlarge': [12] }, sources: [AC] },
  'trn1': { accelerator: 'AWS_TRAINIUM', localStorage: true, sizes: { '2xlarge': [1, 32], '32xlarge': [16, 512] }, sources: [AC, HYPERPOD] },
  'trn1n': { accelerator: 'AWS_TRAINIUM', localStorage: true, sizes: { '32xlarge': [16, 512] }, sources: [AC, HYPERPOD] },
  'trn2': { accelerator: 'AWS_TRAINIUM', localStorage: true, sizes: { '3xlarge': [1, 128], '48xlarge': [16, 2048] }, sources: [AC, HYPERPOD] },
  'dl1': { accelerator: 'HABANA_GAUDI', localStorage: true, sizes: { '24xlarge': [8, 768] }, sources: [AC] },
};

/** How many `xlarge` units a size name stands for: medium 1/4, large 1/2, xlarge 1, Nxlarge N. */
export function xlargeUnits(size: string): number | undefined {
  if (size === 'medium') return 0.25;
  if (size === 'large') return 0.5;
  const match = /^(\d*)xlarge$/.exec(size);
  return match ? Number(match[1] || '1') : undefined;
}
