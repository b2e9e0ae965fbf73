import { requireObject } from '../core/required';
import { InstancePoolEndpointBase } from '../pools/instance-pool-endpoint';
import { IInferenceComponentEndpoint, InferenceComponentOptions, PooledInferenceComponent } from './pooled-inference-component';

/** Grants and `addInferenceComponent` shared by created and imported inference-component endpoints. */
export abstract class InferenceComponentEndpointBase extends InstancePoolEndpointBase implements IInferenceComponentEndpoint {
  public addInferenceComponent(id: string, options: InferenceComponentOptions): PooledInferenceComponent {
    return new PooledInferenceComponent(this, id, { ...requireObject('addInferenceComponent options', options), endpoint: this });
  }
}
