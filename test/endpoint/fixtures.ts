import { Stack } from 'aws-cdk-lib';
import { CapacityAwareEndpoint, CapacityAwareEndpointProps, ContainerImage, InstanceType, Model, ModelContainer } from '../../lib';

/** A model on the DJL LMI image, as the sample notebooks use. */
export function lmiModel(stack: Stack, id: string, modelId = 'Qwen/Qwen3-4B'): Model {
  return new Model(stack, id, {
    container: ModelContainer.fromImage(ContainerImage.fromDeepLearningContainer('djl-inference', '0.36.0-lmi23.0.0-cu129'), {
      environment: { HF_MODEL_ID: modelId },
    }),
  });
}

/** The p5 / g6 endpoint of AWS's launch blog post for instance pools, with overridable props. */
export function seedEndpoint(stack: Stack, props: Partial<CapacityAwareEndpointProps> = {}): CapacityAwareEndpoint {
  const fp16 = lmiModel(stack, 'Fp16');
  const int4 = lmiModel(stack, 'Int4', 'Qwen/Qwen3-4B-AWQ');
  return new CapacityAwareEndpoint(stack, 'Llm', {
    model: fp16,
    pools: [
      { instanceType: InstanceType.ML_P5_48XLARGE, maxConcurrency: 20 },
      { instanceType: InstanceType.ML_G6_48XLARGE, model: int4, maxConcurrency: 8 },
    ],
    ...props,
  });
}
