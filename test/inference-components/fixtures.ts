import { Size, Stack } from 'aws-cdk-lib';
import {
  InferenceComponentEndpoint, InferenceComponentEndpointProps, InferenceComponentOptions, InferenceComponentSpecification,
  IModel, InstanceType, InstanceTypeSpecification, Model, PooledInferenceComponent,
} from '../../lib';
import { lmiModel } from '../endpoint/fixtures';

export const G6_48 = InstanceType.ML_G6_48XLARGE;
export const G6_24 = InstanceType.ML_G6_24XLARGE;
export const G5_48 = InstanceType.ML_G5_48XLARGE;

/** A three-pool endpoint for inference components: g6.48xlarge first, then g6.24xlarge and g5.48xlarge. */
export function icEndpoint(stack: Stack, props: Partial<InferenceComponentEndpointProps> = {}): InferenceComponentEndpoint {
  return new InferenceComponentEndpoint(stack, 'Llm', {
    pools: [{ instanceType: G6_48 }, { instanceType: G6_24 }, { instanceType: G5_48 }],
    ...props,
  });
}

/** The tensor-parallel builds of the notebook: TP=8 for 8-GPU types, TP=4 for 4-GPU types. */
export function tpModels(stack: Stack): { tp8: Model; tp4: Model } {
  return { tp8: lmiModel(stack, 'Tp8', 'Qwen/Qwen3-4B-TP8'), tp4: lmiModel(stack, 'Tp4', 'Qwen/Qwen3-4B-TP4') };
}

/** One entry per pool of `icEndpoint`: TP=8 with 8 GPUs on the 48xlarge types, TP=4 with 4 GPUs on g6.24xlarge. */
export function perTypeEntries(models: { tp8: IModel; tp4: IModel }): InstanceTypeSpecification[] {
  return [
    { instanceType: G6_48, model: models.tp8, acceleratorCount: 8, minMemory: Size.mebibytes(512), maxConcurrencyPerCopy: 16 },
    { instanceType: G6_24, model: models.tp4, acceleratorCount: 4, minMemory: Size.mebibytes(512), maxConcurrencyPerCopy: 8 },
    { instanceType: G5_48, model: models.tp8, acceleratorCount: 8, minMemory: Size.mebibytes(512), maxConcurrencyPerCopy: 12 },
  ];
}

/** The endpoint with one per-type component `Qwen` (construct path `Llm/Qwen`). */
export function pooledComponent(stack: Stack, options: Partial<InferenceComponentOptions> = {}) {
  const endpoint = icEndpoint(stack);
  const models = tpModels(stack);
  const component: PooledInferenceComponent = endpoint.addInferenceComponent('Qwen', {
    specification: InferenceComponentSpecification.perInstanceType(perTypeEntries(models)),
    ...options,
  });
  return { endpoint, component, ...models };
}
