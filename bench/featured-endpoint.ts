import { Duration, Stack } from 'aws-cdk-lib';
import type { CapacityAwareEndpoint } from '../lib';
import type { Library } from './library';

/** The one container image all endpoints use, per loaded library (as an app would create it once). */
const images = new WeakMap<Library, ReturnType<Library['ContainerImage']['fromDeepLearningContainer']>>();

/**
 * One fully featured endpoint: two pools with their own models, weighted scaling, dashboard, alarms, rolling deployment.
 * `lib` is the library as loaded by the bench (`library.ts`): the installed package, or its sources.
 */
export function buildFeaturedEndpoint(lib: Library, stack: Stack, id: string): CapacityAwareEndpoint {
  const { CapacitySize, CapacityAwareEndpoint, ContainerImage, DeploymentStrategy, InstanceType, Model, ModelContainer } = lib;
  const image = images.get(lib) ?? ContainerImage.fromDeepLearningContainer('djl-inference', '0.36.0-lmi23.0.0-cu129');
  images.set(lib, image);
  const fp16 = new Model(stack, `${id}Fp16`, { container: ModelContainer.fromImage(image, { environment: { HF_MODEL_ID: 'Qwen/Qwen3-4B' } }) });
  const int4 = new Model(stack, `${id}Int4`, { container: ModelContainer.fromImage(image, { environment: { HF_MODEL_ID: 'Qwen/Qwen3-4B-AWQ' } }) });
  const endpoint = new CapacityAwareEndpoint(stack, id, {
    endpointName: `bench-${id.toLowerCase()}`,
    model: fp16,
    pools: [
      { instanceType: InstanceType.ML_P5_48XLARGE, maxConcurrency: 20 },
      { instanceType: InstanceType.ML_G6_48XLARGE, model: int4, maxConcurrency: 8 },
    ],
    provisioningTimeout: Duration.minutes(60),
    deployment: DeploymentStrategy.rolling({ maximumBatchSize: CapacitySize.percent(20), waitInterval: Duration.minutes(10) }),
  });
  endpoint.autoScale({ minCapacity: 1, maxCapacity: 10 });
  endpoint.addAlarms({ modelLatencyThreshold: Duration.seconds(30) });
  endpoint.addDashboard('Dashboard');
  return endpoint;
}
