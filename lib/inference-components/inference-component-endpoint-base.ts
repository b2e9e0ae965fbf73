import { InferenceComponentOptions, PooledInferenceComponent } from './pooled-inference-component';
import { CapacityAwareEndpointBase, ICapacityAwareEndpoint } from '../endpoint/endpoint-base';

/**
 * An endpoint with instance pools that hosts inference components: its variant carries pools but no model,
 * and each component says what it runs on each pool type.
 */
export interface IInferenceComponentEndpoint extends ICapacityAwareEndpoint {
  /** Adds an inference component to the endpoint's variant (construct `id` under the endpoint). */
  addInferenceComponent(id: string, options: InferenceComponentOptions): PooledInferenceComponent;
}

/** Metrics, grants and `addInferenceComponent` shared by created and imported inference-component endpoints. */
export abstract class InferenceComponentEndpointBase extends CapacityAwareEndpointBase implements IInferenceComponentEndpoint {
  public addInferenceComponent(id: string, options: InferenceComponentOptions): PooledInferenceComponent {
    return new PooledInferenceComponent(this, id, { ...options, endpoint: this });
  }
}
