/**
 * What the library knows about SageMaker instance families. Used for validation (local NVMe storage and a KMS
 * key: `KmsKeyId` of https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateEndpointConfig.html;
 * burstable types next to GPU pools) and for dashboards (GPU metrics are summed across GPUs,
 * https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html, so they are normalized by the GPU count).
 *
 * Sources: EC2 instance type specifications for the underlying families. A family that is not listed here is
 * simply unknown: no validation rule fires on unknown data.
 */
export interface FamilySpec {
  /** NVIDIA GPUs per size; `default` applies to sizes not listed. */
  readonly gpus?: { readonly [size: string]: number };
  /** AWS Inferentia / Trainium accelerators per size. */
  readonly neuronDevices?: { readonly [size: string]: number };
  /** The family has instance-store (NVMe) volumes, which the endpoint config's `KmsKeyId` does not encrypt. */
  readonly localStorage: boolean;
  /** Burstable CPU credits (t2, t3). */
  readonly burstable?: boolean;
}

const G_SERIES_GPUS = { 'xlarge': 1, '2xlarge': 1, '4xlarge': 1, '8xlarge': 1, '16xlarge': 1, '12xlarge': 4, '24xlarge': 4, '48xlarge': 8 };

export const FAMILY_SPECS: { readonly [family: string]: FamilySpec } = {
  // NVIDIA GPU families
  'g4dn': { gpus: { 'xlarge': 1, '2xlarge': 1, '4xlarge': 1, '8xlarge': 1, '16xlarge': 1, '12xlarge': 4 }, localStorage: true },
  'g5': { gpus: G_SERIES_GPUS, localStorage: true },
  'g6': { gpus: G_SERIES_GPUS, localStorage: true },
  'g6e': { gpus: G_SERIES_GPUS, localStorage: true },
  'p3': { gpus: { '2xlarge': 1, '8xlarge': 4, '16xlarge': 8 }, localStorage: false },
  'p3dn': { gpus: { '24xlarge': 8 }, localStorage: true },
  'p4d': { gpus: { '24xlarge': 8 }, localStorage: true },
  'p4de': { gpus: { '24xlarge': 8 }, localStorage: true },
  'p5': { gpus: { '48xlarge': 8 }, localStorage: true },
  'p5e': { gpus: { '48xlarge': 8 }, localStorage: true },
  'p5en': { gpus: { '48xlarge': 8 }, localStorage: true },
  // AWS accelerators
  'inf2': { neuronDevices: { 'xlarge': 1, '8xlarge': 1, '24xlarge': 6, '48xlarge': 12 }, localStorage: false },
  'trn1': { neuronDevices: { '2xlarge': 1, '32xlarge': 16 }, localStorage: true },
  // CPU families
  'c5': { localStorage: false },
  'c5d': { localStorage: true },
  'c6i': { localStorage: false },
  'c7i': { localStorage: false },
  'm5': { localStorage: false },
  'm5d': { localStorage: true },
  'm6i': { localStorage: false },
  'm7i': { localStorage: false },
  'r5': { localStorage: false },
  'r5d': { localStorage: true },
  'r6i': { localStorage: false },
  't2': { localStorage: false, burstable: true },
  't3': { localStorage: false, burstable: true },
};

/** Splits `ml.g6.48xlarge` into family `g6` and size `48xlarge`; undefined if the name is not of that shape. */
export function parseInstanceTypeName(name: string): { family: string; size: string } | undefined {
  const match = /^ml\.([a-z0-9-]+)\.([a-z0-9-]+)$/.exec(name);
  return match ? { family: match[1], size: match[2] } : undefined;
}
