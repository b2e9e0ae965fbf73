import { InstanceType } from '../instance-types/instance-type';
import { IModel } from '../model/model';

/**
 * One entry of a production variant's ranked list of instance types. SageMaker provisions the first pool that
 * has capacity, scales out on the next available one, and scales in lowest-priority instances first.
 */
export interface InstancePool {
  /** The instance type of this pool (`ml.*`). */
  readonly instanceType: InstanceType;
  /**
   * The model built for this hardware, rendered as the pool's `ModelNameOverride`.
   * @default - the endpoint's model
   */
  readonly model?: IModel;
  /**
   * The number of concurrent requests one instance of this type serves at full utilization, as measured in a
   * load test. Weighted autoscaling divides each pool's observed `ConcurrentRequestsPerModel` by it, and the
   * dashboards draw it as the pool's capacity line.
   * @default - unknown: weighted autoscaling is not available and no capacity line is drawn
   */
  readonly maxConcurrency?: number;
}

/** An instance pool after validation, with the priority SageMaker gives it (1 = preferred). */
export interface RankedInstancePool extends InstancePool {
  /** Priority from 1 (first in the list, preferred hardware) to 5. */
  readonly priority: number;
}
