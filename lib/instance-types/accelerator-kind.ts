/** What accelerates an instance type, as the instance-type catalog knows it. */
export enum AcceleratorKind {
  /** NVIDIA GPUs (g4dn, g5, g6, g6e, g7e, p4d, p5, p6, ...). */
  NVIDIA_GPU = 'NVIDIA_GPU',
  /** AWS Inferentia devices (inf1, inf2). */
  AWS_INFERENTIA = 'AWS_INFERENTIA',
  /** AWS Trainium devices (trn1, trn1n, trn2). */
  AWS_TRAINIUM = 'AWS_TRAINIUM',
  /** Habana (Intel) Gaudi accelerators (dl1). */
  HABANA_GAUDI = 'HABANA_GAUDI',
  /** No accelerator: a CPU-only type. */
  NONE = 'NONE',
}
