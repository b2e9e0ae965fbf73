import { Template } from 'aws-cdk-lib/assertions';
import { CfnEndpointConfig } from 'aws-cdk-lib/aws-sagemaker';
import { EndpointKind, renderedVariants, variantErrors } from '../../lib/pools/rendered-variants';
import { seedEndpoint } from '../endpoint/fixtures';
import { testStack } from '../util';

const pooled = { VariantName: 'AllTraffic', InstancePools: [{ InstanceType: 'ml.g6.48xlarge', Priority: 1 }] };

describe('rendered variants', () => {
  test('renderedVariants applies escape-hatch overrides', () => {
    const stack = testStack();
    const config = new CfnEndpointConfig(stack, 'Config', { productionVariants: [{ variantName: 'AllTraffic', instancePools: [{ instanceType: 'ml.g6.48xlarge', priority: 1 }] }] });
    config.addPropertyOverride('ProductionVariants.0.ModelName', 'm');
    expect(renderedVariants(config)).toEqual([{ ...pooled, ModelName: 'm' }]);
  });

  test('both kinds: no ServerlessConfig or InstanceType next to pools', () => {
    for (const kind of [EndpointKind.SINGLE_MODEL, EndpointKind.INFERENCE_COMPONENTS]) {
      expect(variantErrors([{ ...pooled, InstanceType: 'ml.g5.xlarge', ServerlessConfig: {} }], kind)).toEqual([
        "ProductionVariants[0].ServerlessConfig: serverless inference has no instance types and cannot use instance pools, got ServerlessConfig [ServerlessWithPools]",
        "ProductionVariants[0].InstanceType: InstancePools replaces InstanceType; set only one, got 'ml.g5.xlarge' [InstanceTypeWithPools]",
      ]);
    }
    expect(variantErrors([{ VariantName: 'v', InstanceType: 'ml.g5.xlarge' }], EndpointKind.SINGLE_MODEL)).toEqual([]);
  });

  test('both kinds: a variant whose pools were removed with nothing in their place', () => {
    for (const kind of [EndpointKind.SINGLE_MODEL, EndpointKind.INFERENCE_COMPONENTS]) {
      expect(variantErrors([{ VariantName: 'v', InitialInstanceCount: 1 }], kind)).toEqual([
        'ProductionVariants[0].InstancePools: between 1 and 5 instance pools (or, replacing them, an InstanceType or a ServerlessConfig), got none [PoolCount]',
      ]);
      expect(variantErrors([{ VariantName: 'v', ServerlessConfig: { MaxConcurrency: 5, MemorySizeInMB: 2048 } }], kind)).toEqual([]);
    }
  });

  test('single-model endpoints take no ManagedInstanceScaling; endpoints for inference components no variant model', () => {
    const scaling = { ...pooled, ModelName: 'm', ManagedInstanceScaling: { Status: 'ENABLED', MinInstanceCount: 1, MaxInstanceCount: 2 } };
    expect(variantErrors([pooled, scaling], EndpointKind.SINGLE_MODEL)).toEqual([
      "ProductionVariants[1].ManagedInstanceScaling: SageMaker supports managed instance scaling only for inference component endpoints (use InferenceComponentEndpoint), got ManagedInstanceScaling [ManagedScalingNeedsComponents]",
    ]);
    expect(variantErrors([scaling], EndpointKind.INFERENCE_COMPONENTS)).toEqual([
      "ProductionVariants[0].ModelName: an endpoint for inference components has no variant model; each component names its own, got 'm' [VariantModelWithComponents]",
    ]);
  });

  test('CapacityAwareEndpoint rejects ManagedInstanceScaling added through an escape hatch', () => {
    expect(() => Template.fromStack(seedEndpoint(testStack()).stack)).not.toThrow();
    const stack = testStack();
    const endpoint = seedEndpoint(stack);
    endpoint.cfnEndpointConfig.addPropertyOverride('ProductionVariants.0.ManagedInstanceScaling', { Status: 'ENABLED', MinInstanceCount: 1, MaxInstanceCount: 4 });
    expect(() => Template.fromStack(stack)).toThrow(/ProductionVariants\[0\]\.ManagedInstanceScaling: SageMaker supports managed instance scaling only for inference component endpoints.*\[ManagedScalingNeedsComponents\]/);
  });
});
