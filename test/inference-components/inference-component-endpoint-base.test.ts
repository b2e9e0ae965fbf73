import { Size } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { EndpointAutoScaling, InferenceComponentEndpoint, InferenceComponentSpecification, Model, PoolAlarms } from '../../lib';
import { testStack } from '../util';
import { G6_24, G6_48, icEndpoint } from './fixtures';

describe('InferenceComponentEndpointBase', () => {
  test('addInferenceComponent creates the component under the endpoint, on its variant', () => {
    // GIVEN
    const stack = testStack();
    const endpoint = icEndpoint(stack, { variantName: 'v1' });
    // WHEN
    const component = endpoint.addInferenceComponent('Small', {
      specification: InferenceComponentSpecification.forAllInstanceTypes({ model: Model.fromModelName(stack, 'M', 'small'), minMemory: Size.mebibytes(512) }),
    });
    // THEN
    expect(component.node.scope).toBe(endpoint);
    expect(component.endpoint).toBe(endpoint);
    Template.fromStack(stack).hasResourceProperties('AWS::SageMaker::InferenceComponent', { VariantName: 'v1', Specification: { ModelName: 'small', ComputeResourceRequirements: { MinMemoryRequiredInMb: 512 } } });
  });

  test('an imported endpoint takes components too, addressed by name', () => {
    const stack = testStack();
    const endpoint = InferenceComponentEndpoint.fromEndpointAttributes(stack, 'Ep', { endpointName: 'qwen-ic', pools: [{ instanceType: G6_48 }, { instanceType: G6_24 }] });
    const component = endpoint.addInferenceComponent('Small', {
      specification: InferenceComponentSpecification.forAllInstanceTypes({ model: Model.fromModelName(stack, 'M', 'small'), minMemory: Size.mebibytes(512) }),
    });
    expect(component.node.path).toBe('TestStack/Ep/Small');
    Template.fromStack(stack).hasResource('AWS::SageMaker::InferenceComponent', {
      Properties: Match.objectLike({ EndpointName: 'qwen-ic', VariantName: 'AllTraffic' }),
      DependsOn: Match.absent(),
    });
  });

  test('grantInvoke is scoped to this endpoint', () => {
    const stack = testStack();
    const endpoint = icEndpoint(stack);
    const role = new iam.Role(stack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() });
    endpoint.grantInvoke(role);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: stack.getLogicalId(role.node.defaultChild as iam.CfnRole) }],
      PolicyDocument: { Statement: [Match.objectLike({ Resource: { Ref: stack.getLogicalId(endpoint.cfnEndpoint) }, Action: Match.arrayWith(['sagemaker:InvokeEndpoint']) })] },
    });
  });

  test('single-model monitoring and variant autoscaling do not accept an inference-component endpoint (checked by tsc)', () => {
    const stack = testStack();
    const endpoint = icEndpoint(stack);
    const wrongUses = () => {
      // @ts-expect-error its metrics are per inference component: variant-level alarms would never see data
      new PoolAlarms(stack, 'Alarms', { endpoint });
      // @ts-expect-error instances follow managed instance scaling, not a variant scalable target
      new EndpointAutoScaling(stack, 'Scaling', { endpoint, maxCapacity: 2 });
    };
    expect(typeof wrongUses).toBe('function');
    expect((endpoint as any).metric).toBeUndefined();
  });
});
