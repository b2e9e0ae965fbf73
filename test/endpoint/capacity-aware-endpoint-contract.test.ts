import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CapacitySize, DeploymentStrategy, InstanceType } from '../../lib';
import { testStack } from '../util';
import { lmiModel, seedEndpoint } from './fixtures';

/**
 * Construct IDs and logical IDs are a public contract: a library upgrade that changes them makes CloudFormation
 * replace a live endpoint. These literals must never change.
 */
describe('CapacityAwareEndpoint: update safety contract', () => {
  test('construct IDs and logical IDs are frozen', () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack);
    expect(endpoint.cfnEndpoint.node.id).toBe('Resource');
    expect(endpoint.cfnEndpointConfig.node.id).toBe('EndpointConfig');
    expect(stack.getLogicalId(endpoint.cfnEndpoint)).toBe('Llm20BDA581');
    expect(stack.getLogicalId(endpoint.cfnEndpointConfig)).toBe('LlmEndpointConfigE9BDA6B9');
    const model = endpoint.model as import('../../lib').Model;
    expect(stack.getLogicalId(model.cfnModel)).toBe('Fp16D2C7D6C2');
  });

  test('no fixed endpoint config or model names (replacement needs generated names)', () => {
    const stack = testStack();
    seedEndpoint(stack);
    const template = Template.fromStack(stack);
    for (const config of Object.values(template.findResources('AWS::SageMaker::EndpointConfig'))) {
      expect(config.Properties.EndpointConfigName).toBeUndefined();
    }
    for (const model of Object.values(template.findResources('AWS::SageMaker::Model'))) {
      expect(model.Properties.ModelName).toBeUndefined();
    }
  });

  test('changing pools or models replaces only the endpoint config; the endpoint is updated in place', () => {
    const before = testStack();
    seedEndpoint(before);
    const after = testStack();
    const int8 = lmiModel(after, 'Int8', 'Qwen/Qwen3-4B-INT8');
    seedEndpoint(after, {
      pools: [
        { instanceType: InstanceType.ML_P5_48XLARGE, maxConcurrency: 20 },
        { instanceType: InstanceType.ML_G6E_48XLARGE, model: int8, maxConcurrency: 12 },
        { instanceType: InstanceType.ML_G6_48XLARGE, maxConcurrency: 8 },
      ],
    });
    const a = Template.fromStack(before).toJSON().Resources;
    const b = Template.fromStack(after).toJSON().Resources;
    const configId = before.getLogicalId((before.node.findChild('Llm').node.findChild('EndpointConfig') as any));

    // The endpoint config differs (a replacement with a generated name) ...
    expect(b[configId].Properties).not.toEqual(a[configId].Properties);
    // ... while the endpoint keeps its logical ID and properties: it points at the config through GetAtt, so
    // CloudFormation calls UpdateEndpoint (no interruption) rather than replacing it. (DependsOn may differ:
    // it follows the models in use and never causes a replacement.)
    expect(b.Llm20BDA581.Type).toBe('AWS::SageMaker::Endpoint');
    expect(b.Llm20BDA581.Properties).toEqual(a.Llm20BDA581.Properties);
    expect(a.Llm20BDA581.Properties.EndpointConfigName).toEqual({ 'Fn::GetAtt': [configId, 'EndpointConfigName'] });
    expect(a.Llm20BDA581.Properties.EndpointName).toBeUndefined();
  });

  test('the rollback-batch default changes only the endpoint DeploymentConfig (an in-place update), no logical ID', () => {
    const render = (deployment: DeploymentStrategy) => {
      const stack = testStack();
      seedEndpoint(stack, { endpointName: 'llm', deployment }).addAlarms();
      return Template.fromStack(stack).toJSON().Resources;
    };
    const rolling = (rollbackMaximumBatchSize?: CapacitySize) =>
      DeploymentStrategy.rolling({ maximumBatchSize: CapacitySize.percent(20), waitInterval: Duration.minutes(10), rollbackMaximumBatchSize });
    // SageMaker's all-at-once rollback (what an absent RollbackMaximumBatchSize meant before) against the new default.
    const before = render(rolling(CapacitySize.percent(100)));
    const after = render(rolling());
    expect(Object.keys(after)).toEqual(Object.keys(before));
    const changed = Object.keys(after).filter((id) => JSON.stringify(after[id]) !== JSON.stringify(before[id]));
    expect(changed).toEqual(['Llm20BDA581']);
    const strip = (r: any) => ({ ...r, Properties: { ...r.Properties, DeploymentConfig: { ...r.Properties.DeploymentConfig, RollingUpdatePolicy: undefined } } });
    expect(strip(after.Llm20BDA581)).toEqual(strip(before.Llm20BDA581));
  });

  test('further variants, a shadow, data capture, a reservation and a volume size add resources; the existing IDs stay', () => {
    const render = (more: boolean) => {
      const stack = testStack();
      const endpoint = seedEndpoint(stack, { endpointName: 'llm', ...(more ? {
        variants: [{ variantName: 'B', model: lmiModel(stack, 'Candidate'), pools: [{ instanceType: InstanceType.ML_G6E_48XLARGE, maxConcurrency: 12 }],
          capacityReservation: { mlReservationArn: 'arn:aws:sagemaker:us-east-1:111111111111:ml-reservation/plan' } }],
        dataCapture: { bucket: s3.Bucket.fromBucketName(stack, 'Captures', 'captures'), initialSamplingPercentage: 5 },
      } : {}) });
      endpoint.autoScale({ maxCapacity: 4 });
      endpoint.addAlarms();
      if (more) {
        endpoint.variant('B').autoScale({ maxCapacity: 2 });
        endpoint.variant('B').addAlarms();
        expect(endpoint.variant('B').autoScaling!.scalableTarget.node.path).toBe('TestStack/Llm/Variants/B/AutoScaling/Target');
        expect(stack.getLogicalId(endpoint.variant('B').autoScaling!.scalableTarget)).toBe('LlmVariantsBAutoScalingTarget85CAD13C');
      }
      return Template.fromStack(stack).toJSON().Resources;
    };
    const before = render(false);
    const after = render(true);
    expect(Object.keys(after)).toEqual(expect.arrayContaining(Object.keys(before)));
    expect(after.Llm20BDA581.Type).toBe('AWS::SageMaker::Endpoint');
    expect(after.LlmEndpointConfigE9BDA6B9.Type).toBe('AWS::SageMaker::EndpointConfig');
  });

  test('synthesis is deterministic (no timestamps, random names or paths)', () => {
    const render = () => {
      const stack = testStack();
      seedEndpoint(stack);
      return JSON.stringify(Template.fromStack(stack).toJSON());
    };
    const first = render();
    expect(render()).toBe(first);
    expect(first).not.toMatch(/\/work\/|\/home\/|\/tmp\/|\d{4}-\d{2}-\d{2}T/);
  });

  test('snapshot of the seed endpoint', () => {
    const stack = testStack();
    seedEndpoint(stack, { endpointName: 'seed-llm' });
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});
