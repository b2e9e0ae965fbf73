import { Size } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { InferenceComponentEndpoint, InferenceComponentSpecification, Model } from '../../lib';
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

  test('grantInvoke is scoped to this endpoint; endpoint metrics keep working', () => {
    const stack = testStack();
    const endpoint = icEndpoint(stack);
    const role = new iam.Role(stack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() });
    endpoint.grantInvoke(role);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: stack.getLogicalId(role.node.defaultChild as iam.CfnRole) }],
      PolicyDocument: { Statement: [Match.objectLike({ Resource: { Ref: stack.getLogicalId(endpoint.cfnEndpoint) }, Action: Match.arrayWith(['sagemaker:InvokeEndpoint']) })] },
    });
    expect(endpoint.metricGpuUtilization({ instanceType: G6_48 }).dimensions).toEqual(expect.objectContaining({ VariantName: 'AllTraffic', InstanceType: 'ml.g6.48xlarge' }));
  });
});
