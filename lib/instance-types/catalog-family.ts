/** What accelerates an instance family, as the generated catalog spells it. */
export type CatalogAccelerator = 'NVIDIA_GPU' | 'AWS_INFERENTIA' | 'AWS_TRAINIUM' | 'HABANA_GAUDI' | 'NONE';

/** One family of the generated catalog (lib/instance-types/instance-type-catalog.generated.ts). */
export interface CatalogFamily {
  /** What accelerates the family; undefined when its traits are unknown. */
  readonly accelerator?: CatalogAccelerator;
  /** Instance store (local NVMe) volumes; undefined when unknown. */
  readonly localStorage?: boolean;
  /** Burstable CPU credits; undefined when unknown. */
  readonly burstable?: boolean;
  /** Per size: [accelerator devices, memory in GiB], or null when the traits are unknown. */
  readonly sizes: { readonly [size: string]: readonly [number, number] | null };
}
