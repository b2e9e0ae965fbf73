import { Stack, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { CapacityAwareEndpoint, InferenceComponentEndpoint, InstanceType } from '../../lib';
import { RankedInstancePool } from '../../lib/pools/instance-pool';
import { InstancePoolEndpointBase } from '../../lib/pools/instance-pool-endpoint';
import { seedEndpoint } from '../endpoint/fixtures';
import { testStack } from '../util';

const INVOKE = ['sagemaker:InvokeEndpoint', 'sagemaker:InvokeEndpointAsync', 'sagemaker:InvokeEndpointWithResponseStream'];

/** The smallest endpoint with pools: a fixed ARN, nothing else. */
class TestEndpoint extends InstancePoolEndpointBase {
  public readonly endpointName = 'llm';
  public readonly variantName = 'AllTraffic';
  public readonly pools: RankedInstancePool[] = [{ instanceType: InstanceType.ML_G6_XLARGE, priority: 1 }];
  constructor(scope: Construct, id: string, public readonly endpointArn: string) {
    super(scope, id);
  }
}

function caller(stack: Stack): iam.Role {
  return new iam.Role(stack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() });
}

/** Every statement of the identity policies of the `Caller` role. */
function statements(stack: Stack): any[] {
  const role = stack.getLogicalId(stack.node.findChild('Caller').node.defaultChild as iam.CfnRole);
  return Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: role }] } }))
    .flatMap((p: any) => p.Properties.PolicyDocument.Statement);
}

describe('InstancePoolEndpointBase.grantInvoke', () => {
  test('grants exactly the three invoke actions, on the endpoint ARN only', () => {
    const stack = testStack();
    const endpoint = new TestEndpoint(stack, 'Endpoint', 'arn:aws:sagemaker:us-east-1:111111111111:endpoint/llm');
    endpoint.grantInvoke(caller(stack));
    expect(statements(stack)).toEqual([{ Effect: 'Allow', Action: INVOKE, Resource: 'arn:aws:sagemaker:us-east-1:111111111111:endpoint/llm' }]);
  });

  test('returns a successful grant for a principal with a policy', () => {
    const stack = testStack();
    const grant = new TestEndpoint(stack, 'Endpoint', 'arn:aws:sagemaker:us-east-1:111111111111:endpoint/llm').grantInvoke(caller(stack));
    expect(grant.success).toBe(true);
    expect(grant.principalStatements.map((s) => s.toStatementJson())).toEqual([
      { Effect: 'Allow', Action: INVOKE, Resource: 'arn:aws:sagemaker:us-east-1:111111111111:endpoint/llm' },
    ]);
  });

  test('a token ARN is the resource as it is', () => {
    const stack = testStack();
    new TestEndpoint(stack, 'Endpoint', Token.asString({ Ref: 'EndpointArn' })).grantInvoke(caller(stack));
    expect(statements(stack)).toEqual([{ Effect: 'Allow', Action: INVOKE, Resource: { Ref: 'EndpointArn' } }]);
  });

  test("a created endpoint grants on its own resource's ARN", () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack);
    endpoint.grantInvoke(caller(stack));
    expect(statements(stack)).toEqual([{ Effect: 'Allow', Action: INVOKE, Resource: { Ref: stack.getLogicalId(endpoint.cfnEndpoint) } }]);
  });

  test('an imported endpoint grants on the lower-cased ARN of its name', () => {
    const stack = testStack();
    const endpoint = CapacityAwareEndpoint.fromEndpointAttributes(stack, 'Imported', { endpointName: 'Prod-LLM', pools: [{ instanceType: InstanceType.ML_G5_XLARGE }] });
    endpoint.grantInvoke(caller(stack));
    expect(statements(stack)).toEqual([{ Effect: 'Allow', Action: INVOKE, Resource: 'arn:aws:sagemaker:us-east-1:111111111111:endpoint/prod-llm' }]);
  });

  test('inference-component endpoints share the same grant', () => {
    const stack = testStack();
    const endpoint = InferenceComponentEndpoint.fromEndpointAttributes(stack, 'Imported', { endpointName: 'shared', pools: [{ instanceType: InstanceType.ML_G5_XLARGE }] });
    endpoint.grantInvoke(caller(stack));
    expect(statements(stack)).toEqual([{ Effect: 'Allow', Action: INVOKE, Resource: 'arn:aws:sagemaker:us-east-1:111111111111:endpoint/shared' }]);
  });
});
