import { cloudFormationStack, describeStack, takeoverAdvice } from '../../../bin/fleet/snapshot/cloudformation-stack';

describe('cloudFormationStack', () => {
  test('the stack name and logical ID from the tags CloudFormation sets', () => {
    const stack = cloudFormationStack([
      { Key: 'team', Value: 'inference' },
      { Key: 'aws:cloudformation:stack-name', Value: 'LlmStack' },
      { Key: 'aws:cloudformation:logical-id', Value: 'LlmEndpoint1234' },
      { Key: 'aws:cloudformation:stack-id', Value: 'arn:aws:cloudformation:us-east-1:111122223333:stack/LlmStack/1' },
    ]);
    expect(stack).toEqual({ stackName: 'LlmStack', logicalId: 'LlmEndpoint1234' });
    expect(describeStack(stack!)).toBe('CloudFormation stack LlmStack (logical ID LlmEndpoint1234)');
    expect(takeoverAdvice(stack!)).toContain("existingEndpoint: { endpointLogicalId: 'LlmEndpoint1234' }");
  });

  test('without a logical-id tag, the advice says where the ID comes from', () => {
    const stack = cloudFormationStack([{ Key: 'aws:cloudformation:stack-name', Value: 'LlmStack' }])!;
    expect(describeStack(stack)).toBe('CloudFormation stack LlmStack');
    expect(takeoverAdvice(stack)).toContain("endpointLogicalId: '<the endpoint's logical ID in that stack>'");
  });

  test('no stack: no aws:cloudformation:stack-name tag (other aws: tags do not count)', () => {
    expect(cloudFormationStack([])).toBeUndefined();
    expect(cloudFormationStack([{ Key: 'team', Value: 'inference' }, { Key: 'aws:cloudformation:logical-id', Value: 'X' }])).toBeUndefined();
    expect(cloudFormationStack([{ Key: 'aws:cloudformation:stack-name', Value: '' }])).toBeUndefined();
  });
});
