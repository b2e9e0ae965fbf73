import { CfnResource } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { CapacityAwareEndpoint, InstanceType, Model } from '../../lib';
import { seedEndpoint } from '../endpoint/fixtures';
import { testStack } from '../util';

function fill(stack: ReturnType<typeof testStack>, count: number, bytesEach = 10) {
  for (let i = 0; i < count; i++) {
    new CfnResource(stack, `Filler${i}`, { type: 'AWS::SNS::Topic', properties: { DisplayName: 'x'.repeat(bytesEach) } });
  }
}

describe('stack limits', () => {
  test('no warning for an ordinary stack', () => {
    const stack = testStack();
    seedEndpoint(stack);
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('CloudFormation allows'));
  });

  test('warns at 80 % of the 500-resource quota, once per stack', () => {
    const stack = testStack();
    seedEndpoint(stack);
    new CapacityAwareEndpoint(stack, 'Second', { model: Model.fromModelName(stack, 'M', 'm'), pools: [{ instanceType: InstanceType.ML_G6_XLARGE }] });
    fill(stack, 395);
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('resources; CloudFormation allows 500 per stack'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0].entry.data).toMatch(/^this stack holds 4\d\d resources/);
  });

  test('the 1 MB template quota: aws-cdk-lib warns on the template it writes, the library renders nothing twice', () => {
    const stack = testStack();
    seedEndpoint(stack);
    fill(stack, 100, 9000);
    const annotations = Annotations.fromStack(stack);
    annotations.hasWarning('/TestStack', Match.stringLikeRegexp('Template size is approaching limit: \\d+/1000000'));
    annotations.hasNoWarning('*', Match.stringLikeRegexp("this stack's template is about"));
  });

  test('a large stack below both quotas gets no warning', () => {
    const stack = testStack();
    seedEndpoint(stack);
    fill(stack, 300, 100);
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('CloudFormation allows'));
  });
});
