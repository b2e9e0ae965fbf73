import { Duration, Size, Stack, StackProps } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { acknowledgeEndpointRoleModelAccess, acknowledgeLocalStorage } from './warning-acknowledgements';
import {
  ContainerImage, InferenceComponentEndpoint, InferenceComponentSpecification, InstanceType, Model, ModelContainer,
  PooledInferenceComponent,
} from '../lib';

/** The DJL LMI image of the official inference-components sample notebook. */
const LMI_IMAGE = ContainerImage.fromDeepLearningContainer('djl-inference', '0.36.0-lmi20.0.0-cu128');

/**
 * The official sample `inference_components_with_instance_pools.ipynb` (https://github.com/aws-samples/sagemaker-genai-hosting-examples/tree/main/03-features/capacity-aware-instance-pool): an endpoint for
 * inference components on five pools (g6.48xlarge first, then g6.24xlarge, g6.12xlarge, g5.48xlarge and
 * g5.24xlarge) with managed instance scaling from 1 to 5 instances, and one component that runs a
 * tensor-parallel-8 build with 8 GPUs on the 48xlarge types and a tensor-parallel-4 build with 4 GPUs on the
 * others, three copies to start with.
 */
export class InferenceComponentStack extends Stack {
  public readonly endpoint: InferenceComponentEndpoint;
  public readonly component: PooledInferenceComponent;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props);

    const build = (modelId: string, tensorParallelDegree: number) => new Model(this, `Tp${tensorParallelDegree}`, {
      container: ModelContainer.fromImage(LMI_IMAGE, {
        environment: {
          HF_MODEL_ID: modelId, OPTION_TENSOR_PARALLEL_DEGREE: String(tensorParallelDegree),
          OPTION_MAX_MODEL_LEN: '16384', SERVING_FAIL_FAST: 'true',
        },
      }),
    });
    const tp8 = build('Qwen/Qwen3-4B', 8);
    const tp4 = build('Qwen/Qwen3-4B', 4);

    this.endpoint = new InferenceComponentEndpoint(this, 'Endpoint', {
      pools: [
        { instanceType: InstanceType.ML_G6_48XLARGE },
        { instanceType: InstanceType.ML_G6_24XLARGE },
        { instanceType: InstanceType.ML_G6_12XLARGE },
        { instanceType: InstanceType.ML_G5_48XLARGE },
        { instanceType: InstanceType.ML_G5_24XLARGE },
      ],
      initialInstanceCount: 4,
      encryptionKey: new kms.Key(this, 'StorageKey', { enableKeyRotation: true, description: 'ML storage volumes of the inference-component endpoint' }),
      managedInstanceScaling: { minInstanceCount: 1, maxInstanceCount: 5 },
      provisioningTimeout: Duration.seconds(900),
      containerStartupHealthCheckTimeout: Duration.seconds(900),
    });

    acknowledgeLocalStorage(this.endpoint);

    // Each instance type gets the build that fits its GPUs: TP=8 on the 8-GPU 48xlarge types, TP=4 elsewhere.
    const entry = (instanceType: InstanceType) => {
      const eightGpus = instanceType.gpuCount === 8;
      return {
        instanceType,
        model: eightGpus ? tp8 : tp4,
        acceleratorCount: eightGpus ? 8 : 4,
        minMemory: Size.mebibytes(512),
        modelDataDownloadTimeout: Duration.seconds(900),
        containerStartupHealthCheckTimeout: Duration.seconds(900),
      };
    };
    this.component = this.endpoint.addInferenceComponent('Qwen', {
      specification: InferenceComponentSpecification.perInstanceType(this.endpoint.pools.map((pool) => entry(pool.instanceType))),
      copyCount: 3,
    });
    acknowledgeEndpointRoleModelAccess(this.component);
  }
}
