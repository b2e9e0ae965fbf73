import { InferenceComponentOptions, PooledInferenceComponent } from './pooled-inference-component';
import { IInstancePoolEndpoint, InstancePoolEndpointBase } from '../endpoint/instance-pool-endpoint';

/**
 * An endpoint with instance pools that hosts inference components: its variant carries pools but no model,
 * and each component says what it runs on each pool type.
 */
export interface IInferenceComponentEndpoint extends IInstancePoolEndpoint {
  /** Adds an inference component to the endpoint's variant (construct `id` under the endpoint). */
  addInferenceComponent(id: string, options: InferenceComponentOptions): PooledInferenceComponent;
}

/** Grants and `addInferenceComponent` shared by created and imported inference-component endpoints. */
export abstract class InferenceComponentEndpointBase extends InstancePoolEndpointBase implements IInferenceComponentEndpoint {
  public addInferenceComponent(id: string, options: InferenceComponentOptions): PooledInferenceComponent {
    return new PooledInferenceComponent(this, id, { ...options, endpoint: this });
  }
}
