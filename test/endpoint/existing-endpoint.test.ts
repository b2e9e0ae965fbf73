import * as alpha from '@aws-cdk/aws-sagemaker-alpha';
import { Stack } from 'aws-cdk-lib';
import { CfnScalableTarget, CfnScalingPolicy } from 'aws-cdk-lib/aws-applicationautoscaling';
import { Template } from 'aws-cdk-lib/assertions';
import { CfnEndpoint, CfnEndpointConfig, CfnModel } from 'aws-cdk-lib/aws-sagemaker';
import { lmiModel } from './fixtures';
import { CapacityAwareEndpoint, ExistingEndpoint, InstanceType } from '../../lib';
import { changeImpact, losses, ResourceImpact } from '../change-impact';
import { testStack } from '../util';

/*
 * Moving an endpoint the app already manages onto instance pools: the change-set impact of the first deploy,
 * computed offline with @aws-cdk/cloudformation-diff from the template deployed today (each shape users have:
 * the L1 resources written two ways, and @aws-cdk/aws-sagemaker-alpha) to the template with a
 * CapacityAwareEndpoint. No endpoint, scalable target or alarm may be replaced or destroyed.
 */

const template = (stack: Stack) => Template.fromStack(stack).toJSON();
const logicalIdOf = (stack: Stack, type: string) => Object.entries(template(stack).Resources).find(([, r]: [string, any]) => r.Type === type)![0];

interface L1Shape {
  /** The endpoint has a fixed name (else CloudFormation generated it). */
  readonly fixedName: boolean;
  /** The scalable target's ResourceId is written as a plain string (else with `attrEndpointName`). */
  readonly literalResourceId: boolean;
}

/** Today's template: the L1 resources for one instance type, autoscaled on invocations per instance. */
function l1Stack(shape: L1Shape): Stack {
  const stack = testStack();
  const model = new CfnModel(stack, 'Model', {
    executionRoleArn: 'arn:aws:iam::111111111111:role/sagemaker-execution',
    primaryContainer: { image: '763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.36.0-lmi23.0.0-cu129' },
  });
  const config = new CfnEndpointConfig(stack, 'EndpointConfig', {
    productionVariants: [{ variantName: 'AllTraffic', modelName: model.attrModelName, initialInstanceCount: 1, instanceType: 'ml.g5.2xlarge', initialVariantWeight: 1 }],
  });
  const endpoint = new CfnEndpoint(stack, 'Endpoint', { endpointName: shape.fixedName ? 'llm' : undefined, endpointConfigName: config.attrEndpointConfigName });
  const target = new CfnScalableTarget(stack, 'ScalableTarget', {
    serviceNamespace: 'sagemaker',
    scalableDimension: 'sagemaker:variant:DesiredInstanceCount',
    resourceId: shape.literalResourceId ? 'endpoint/llm/variant/AllTraffic' : `endpoint/${endpoint.attrEndpointName}/variant/AllTraffic`,
    minCapacity: 1,
    maxCapacity: 4,
  });
  target.node.addDependency(endpoint);
  new CfnScalingPolicy(stack, 'ScalingPolicy', {
    policyName: 'invocations-per-instance',
    policyType: 'TargetTrackingScaling',
    scalingTargetId: target.ref,
    targetTrackingScalingPolicyConfiguration: { targetValue: 100, predefinedMetricSpecification: { predefinedMetricType: 'SageMakerVariantInvocationsPerInstance' } },
  });
  return stack;
}

/** The template after the move: the same model on two pools, the current type first, autoscaled and alarmed. */
function poolStack(props: { endpointName?: string; existingEndpoint?: ExistingEndpoint; constructId?: string; autoScale?: boolean }): Stack {
  const stack = testStack();
  const endpoint = new CapacityAwareEndpoint(stack, props.constructId ?? 'Llm', {
    endpointName: props.endpointName,
    model: lmiModel(stack, 'Model'),
    pools: [{ instanceType: InstanceType.ML_G5_2XLARGE, maxConcurrency: 4 }, { instanceType: InstanceType.ML_G6_2XLARGE, maxConcurrency: 4 }],
    existingEndpoint: props.existingEndpoint,
  });
  if (props.autoScale !== false) endpoint.autoScale({ minCapacity: 1, maxCapacity: 4 });
  endpoint.addAlarms();
  return stack;
}

describe('moving an L1 endpoint onto instance pools', () => {
  test('without existingEndpoint the endpoint would be destroyed and a new one created under the same name (the bug users hit)', () => {
    const before = template(l1Stack({ fixedName: true, literalResourceId: true }));
    const after = template(poolStack({ endpointName: 'llm' }));
    expect(losses(before, after)).toEqual([
      'AWS::SageMaker::Endpoint Endpoint: WILL_DESTROY',
      'AWS::ApplicationAutoScaling::ScalableTarget ScalableTarget: WILL_DESTROY',
    ]);
  });

  test.each<[string, L1Shape, ExistingEndpoint]>([
    ['fixed name, ResourceId written as a string', { fixedName: true, literalResourceId: true },
      { endpointLogicalId: 'Endpoint', scalableTargetLogicalId: 'ScalableTarget', scalableTargetResourceId: 'endpoint/llm/variant/AllTraffic' }],
    ['fixed name, ResourceId written with attrEndpointName', { fixedName: true, literalResourceId: false },
      { endpointLogicalId: 'Endpoint', scalableTargetLogicalId: 'ScalableTarget' }],
    ['generated name, ResourceId written with attrEndpointName', { fixedName: false, literalResourceId: false },
      { endpointLogicalId: 'Endpoint', scalableTargetLogicalId: 'ScalableTarget' }],
  ])('%s: the endpoint and its scalable target are updated in place; only the endpoint config is new', (_, shape, existingEndpoint) => {
    const before = template(l1Stack(shape));
    const after = template(poolStack({ endpointName: shape.fixedName ? 'llm' : undefined, existingEndpoint }));

    expect(losses(before, after)).toEqual([]);
    const changes = changeImpact(before, after);
    const impactOf = (logicalId: string) => changes.find((c) => c.logicalId === logicalId)?.impact ?? ResourceImpact.NO_CHANGE;
    expect(impactOf('Endpoint')).toBe(ResourceImpact.WILL_UPDATE); // a new EndpointConfigName: UpdateEndpoint
    expect([ResourceImpact.WILL_UPDATE, ResourceImpact.NO_CHANGE]).toContain(impactOf('ScalableTarget'));
    expect(changes.filter((c) => c.type === 'AWS::SageMaker::EndpointConfig').map((c) => c.impact).sort())
      .toEqual([ResourceImpact.WILL_CREATE, ResourceImpact.WILL_DESTROY]);
    expect(after.Resources.Endpoint.Properties.RetainAllVariantProperties).toBe(true); // the live count survives
  });

  test('a string ResourceId needs scalableTargetResourceId: without it the target would be replaced', () => {
    const before = template(l1Stack({ fixedName: true, literalResourceId: true }));
    const after = template(poolStack({ endpointName: 'llm', existingEndpoint: { endpointLogicalId: 'Endpoint', scalableTargetLogicalId: 'ScalableTarget' } }));
    expect(losses(before, after)).toEqual(['AWS::ApplicationAutoScaling::ScalableTarget ScalableTarget: WILL_REPLACE']);
  });

  test('dropping the fixed name would replace the endpoint: the diff shows it before any deploy', () => {
    const before = template(l1Stack({ fixedName: true, literalResourceId: false }));
    const after = template(poolStack({ existingEndpoint: { endpointLogicalId: 'Endpoint', scalableTargetLogicalId: 'ScalableTarget' } }));
    expect(losses(before, after)).toContain('AWS::SageMaker::Endpoint Endpoint: WILL_REPLACE');
  });
});

describe('moving an @aws-cdk/aws-sagemaker-alpha endpoint onto instance pools', () => {
  function alphaStack(): Stack {
    const stack = testStack();
    const model = new alpha.Model(stack, 'Model', {
      containers: [{ image: alpha.ContainerImage.fromDlc('djl-inference', '0.36.0-lmi23.0.0-cu129') }],
    });
    const config = new alpha.EndpointConfig(stack, 'EndpointConfig', {
      instanceProductionVariants: [{ model, variantName: 'AllTraffic', instanceType: alpha.InstanceType.of('ml.g5.2xlarge') }],
    });
    const endpoint = new alpha.Endpoint(stack, 'Endpoint', { endpointConfig: config, endpointName: 'llm' });
    endpoint.findInstanceProductionVariant('AllTraffic').autoScaleInstanceCount({ maxCapacity: 4 })
      .scaleOnInvocations('Invocations', { maxRequestsPerSecond: 10 });
    return stack;
  }

  test('the endpoint and its scalable target are taken over by logical ID and updated in place', () => {
    const old = alphaStack();
    const endpointLogicalId = logicalIdOf(old, 'AWS::SageMaker::Endpoint');
    const scalableTargetLogicalId = logicalIdOf(old, 'AWS::ApplicationAutoScaling::ScalableTarget');
    const before = template(old);
    const after = template(poolStack({ constructId: 'Endpoint', endpointName: 'llm', existingEndpoint: { endpointLogicalId, scalableTargetLogicalId } }));

    expect(losses(before, after)).toEqual([]);
    expect(changeImpact(before, after).find((c) => c.logicalId === endpointLogicalId)?.impact).toBe(ResourceImpact.WILL_UPDATE);
  });

  test('without existingEndpoint, even under the same construct ID, the alpha endpoint and its scalable target would be destroyed', () => {
    const before = template(alphaStack());
    const after = template(poolStack({ constructId: 'Endpoint', endpointName: 'llm' }));
    expect(losses(before, after)).toEqual([
      expect.stringMatching(/^AWS::SageMaker::Endpoint \w+: WILL_DESTROY$/),
      expect.stringMatching(/^AWS::ApplicationAutoScaling::ScalableTarget \w+: WILL_DESTROY$/),
    ]);
  });
});
