import { App, Duration, Size, Stack } from 'aws-cdk-lib';
import { FleetError } from '../../../../bin/fleet/errors';
import { templateFleets } from '../../../../bin/fleet/preflight/template/template-fleets';
import {
  CapacityAwareEndpoint, ContainerImage, InferenceComponentEndpoint, InferenceComponentSpecification, InstanceType, Model, ModelContainer, ScalingSignal,
} from '../../../../lib';
import { testStack } from '../../../util';

/** A template as `cdk synth` writes it for this library's constructs (with path metadata, as the CDK CLI asks for). */
function synthesized(build: (stack: Stack) => void): unknown {
  const stack = testStack();
  stack.node.setContext('aws:cdk:enable-path-metadata', true);
  build(stack);
  return (stack.node.root as App).synth().getStackByName(stack.stackName).template;
}

const image = ContainerImage.fromImageUri('111122223333.dkr.ecr.us-east-1.amazonaws.com/llm:1');
const model = (stack: Stack, id: string) => new Model(stack, id, { container: ModelContainer.fromImage(image) });

describe('templateFleets: templates synthesized from the library', () => {
  test('a capacity-aware endpoint with autoscaling: pools in priority order, MaxCapacity tied through Fn::Join', () => {
    const template = synthesized((stack) => {
      const endpoint = new CapacityAwareEndpoint(stack, 'Llm', {
        model: model(stack, 'Fp16'),
        pools: [{ instanceType: InstanceType.ML_P5_48XLARGE, maxConcurrency: 20 }, { instanceType: InstanceType.ML_G6_48XLARGE, model: model(stack, 'Int4'), maxConcurrency: 8 }],
        initialInstanceCount: 2,
      });
      endpoint.autoScale({ minCapacity: 2, maxCapacity: 10, signal: ScalingSignal.weightedUtilization({ targetUtilization: 0.7 }) });
    });
    const { fleets, unresolved, notes } = templateFleets(template, 'Test.template.json');
    expect(unresolved).toEqual([]);
    expect(notes).toEqual([]);
    expect(fleets).toEqual([{
      endpoint: 'TestStack/Llm', endpointName: null, logicalId: expect.stringMatching(/^Llm/), variant: 'AllTraffic', role: 'production',
      inferenceComponents: false,
      pools: [{ priority: 1, instanceType: 'ml.p5.48xlarge' }, { priority: 2, instanceType: 'ml.g6.48xlarge' }],
      bounds: { initialInstanceCount: 2, scalableTargetMax: 10, managedInstanceScalingMax: null, desiredInstanceCount: null },
      boundsResolved: true,
      unresolved: [],
    }]);
  });

  test('an inference-component endpoint with a fixed name and managed instance scaling', () => {
    const template = synthesized((stack) => {
      const endpoint = new InferenceComponentEndpoint(stack, 'Shared', {
        endpointName: 'shared-llm',
        pools: [{ instanceType: InstanceType.ML_G6_48XLARGE }, { instanceType: InstanceType.ML_G6_24XLARGE }],
        initialInstanceCount: 2,
        managedInstanceScaling: { minInstanceCount: 1, maxInstanceCount: 6 },
        provisioningTimeout: Duration.minutes(15),
      });
      endpoint.addInferenceComponent('Qwen', {
        specification: InferenceComponentSpecification.forAllInstanceTypes({ model: model(stack, 'Tp4'), acceleratorCount: 4, minMemory: Size.mebibytes(512), maxConcurrencyPerCopy: 8 }),
        copyCount: 2,
      }).autoScale({ minCopyCount: 1, maxCopyCount: 8 });
    });
    const { fleets, unresolved } = templateFleets(template, 'Test.template.json');
    // The component's copy-count target scales copies, not instances: no unresolved target is reported for it.
    expect(unresolved).toEqual([]);
    expect(fleets).toEqual([expect.objectContaining({
      endpoint: 'shared-llm', endpointName: 'shared-llm', inferenceComponents: true,
      pools: [{ priority: 1, instanceType: 'ml.g6.48xlarge' }, { priority: 2, instanceType: 'ml.g6.24xlarge' }],
      bounds: { initialInstanceCount: 2, scalableTargetMax: null, managedInstanceScalingMax: 6, desiredInstanceCount: null },
    })]);
  });
});

describe('templateFleets: what it resolves by hand and what it reports', () => {
  const endpoint = (configRef: unknown, extra: Record<string, unknown> = {}) => ({ Type: 'AWS::SageMaker::Endpoint', Properties: { EndpointConfigName: configRef, ...extra } });
  const config = (variants: unknown[], extra: Record<string, unknown> = {}) => ({ Type: 'AWS::SageMaker::EndpointConfig', Properties: { ProductionVariants: variants, ...extra } });
  const target = (resourceId: unknown, max: unknown, dimension = 'sagemaker:variant:DesiredInstanceCount') => ({
    Type: 'AWS::ApplicationAutoScaling::ScalableTarget',
    Properties: { ServiceNamespace: 'sagemaker', ScalableDimension: dimension, ResourceId: resourceId, MinCapacity: 1, MaxCapacity: max },
  });

  test('Fn::Sub resource ids, a parameter default for MaxCapacity, a single instance type, a shadow variant, a literal config name', () => {
    const { fleets, unresolved } = templateFleets({
      Parameters: { Max: { Type: 'Number', Default: 8 } },
      Resources: {
        Ep: endpoint('llm-config'),
        Cfg: config([{ VariantName: 'Blue', ModelName: 'm', InstanceType: 'ml.g5.12xlarge', InitialInstanceCount: 1 }], {
          EndpointConfigName: 'llm-config',
          ShadowProductionVariants: [{ VariantName: 'Shadow', ModelName: 'm', InstancePools: [{ InstanceType: 'ml.g6.12xlarge', Priority: 1 }], InitialInstanceCount: 1 }],
        }),
        Target: target({ 'Fn::Sub': 'endpoint/${Ep.EndpointName}/variant/Blue' }, { Ref: 'Max' }),
      },
    }, 'x.json');
    expect(unresolved).toEqual([]);
    expect(fleets.map((f) => [f.endpoint, f.variant, f.role, f.pools, f.bounds.scalableTargetMax])).toEqual([
      ['Ep', 'Blue', 'production', [{ priority: 1, instanceType: 'ml.g5.12xlarge' }], 8],
      ['Ep', 'Shadow', 'shadow', [{ priority: 1, instanceType: 'ml.g6.12xlarge' }], null],
    ]);
  });

  test('unresolvable values are named with their place; bounds that cannot be read make the maximum a lower bound', () => {
    const { fleets, unresolved } = templateFleets({
      Resources: {
        Ep: endpoint({ 'Fn::GetAtt': ['Cfg', 'EndpointConfigName'] }),
        Cfg: config([{
          VariantName: 'AllTraffic', ModelName: 'm', InitialInstanceCount: { 'Fn::If': ['Big', 4, 1] },
          InstancePools: [{ InstanceType: { 'Fn::FindInMap': ['Types', 'prod', 'first'] }, Priority: 1 }, { InstanceType: 'ml.g6.48xlarge', Priority: 2 }],
        }]),
        Imported: target({ 'Fn::Join': ['', ['endpoint/', { 'Fn::ImportValue': 'llm-endpoint' }, '/variant/AllTraffic']] }, 10),
        Elsewhere: target('endpoint/other/variant/AllTraffic', 3),
        Copies: target('inference-component/qwen', 9, 'sagemaker:inference-component:DesiredCopyCount'),
      },
    }, 'x.json');
    expect(fleets).toHaveLength(1);
    expect(fleets[0]).toMatchObject({
      pools: [{ priority: 1, instanceType: null }, { priority: 2, instanceType: 'ml.g6.48xlarge' }],
      bounds: { initialInstanceCount: null, scalableTargetMax: null },
      boundsResolved: false,
      unresolved: [
        'Resources.Cfg.Properties.ProductionVariants[0].InstancePools[0].InstanceType uses Fn::FindInMap, which this tool does not resolve',
        'Resources.Cfg.Properties.ProductionVariants[0].InitialInstanceCount uses Fn::If, which this tool does not resolve',
      ],
    });
    expect(unresolved).toEqual([
      'scalable target Imported: Resources.Imported.Properties.ResourceId uses Fn::ImportValue, which this tool does not resolve; its MaxCapacity is tied to no endpoint',
      'scalable target Elsewhere scales endpoint/other/variant/AllTraffic, which is no endpoint variant of this template; its MaxCapacity is not checked',
    ]);
  });

  test('an endpoint whose config is not in the template, serverless variants, nested stacks', () => {
    const { fleets, unresolved, notes } = templateFleets({
      Resources: {
        Ext: endpoint('shared-config'),
        Sls: endpoint({ Ref: 'SlsCfg' }, { EndpointName: 'serverless-ep' }),
        SlsCfg: config([{ VariantName: 'AllTraffic', ModelName: 'm', ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 } }]),
        Nested: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://example.com/t.json' } },
      },
    }, 'x.json');
    expect(fleets).toEqual([]);
    expect(unresolved).toEqual(['endpoint Ext: its endpoint config (shared-config) is not in this template, so its pools are not checked']);
    expect(notes).toEqual([
      'endpoint serverless-ep variant AllTraffic is serverless: no instances, no instance quota',
      'nested stacks (AWS::CloudFormation::Stack) are not followed: check their templates too',
    ]);
  });

  test.each([[null], [[]], [{ AWSTemplateFormatVersion: '2010-09-09' }], ['text']])('%j is not a template: usage error', (value) => {
    expect(() => templateFleets(value, 'x.json')).toThrow(FleetError);
    expect(() => templateFleets(value, 'x.json')).toThrow('x.json is not a CloudFormation template (no Resources).');
  });
});
