import { CfnOutput, Fn, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { DEEP_LEARNING_CONTAINER_REGIONS, deepLearningContainerRegistry } from '../../lib/model/deep-learning-container-registry';
import { testApp } from '../util';

describe('deepLearningContainerRegistry', () => {
  test('the table holds 38 regions, each one aws-cdk-lib knows the partition and domain suffix of', () => {
    expect(DEEP_LEARNING_CONTAINER_REGIONS).toHaveLength(38);
    const unknown = DEEP_LEARNING_CONTAINER_REGIONS.filter((r) => !RegionInfo.get(r).partition || !RegionInfo.get(r).domainSuffix);
    expect(unknown).toEqual([]);
  });

  test('a known region: literals, no mapping', () => {
    const stack = new Stack(testApp(), 'S', { env: { region: 'cn-northwest-1' } });
    expect(deepLearningContainerRegistry(stack)).toEqual({
      account: '727897471807', region: 'cn-northwest-1', partition: 'aws-cn', urlSuffix: 'amazonaws.com.cn',
    });
    expect(Template.fromStack(stack).toJSON().Mappings).toBeUndefined();
  });

  test('a token region: one mapping per stack, however many images', () => {
    const stack = new Stack(testApp(), 'S');
    const first = deepLearningContainerRegistry(stack);
    const second = deepLearningContainerRegistry(stack);
    expect(stack.resolve(first.account)).toEqual({ 'Fn::FindInMap': ['DeepLearningContainerRegistry', { Ref: 'AWS::Region' }, 'account'] });
    expect(stack.resolve(second.account)).toEqual(stack.resolve(first.account));
    expect(stack.resolve([first.region, first.partition, first.urlSuffix])).toEqual([{ Ref: 'AWS::Region' }, { Ref: 'AWS::Partition' }, { Ref: 'AWS::URLSuffix' }]);
    expect(Object.keys(Template.fromStack(stack).toJSON().Mappings)).toEqual(['DeepLearningContainerRegistry']);
  });

  test('a token region: the account renders one intrinsic in its own stack, and a copy of the mapping in a stack that consumes it', () => {
    const app = testApp();
    const own = new Stack(app, 'Own');
    const other = new Stack(app, 'Other');
    const { account } = deepLearningContainerRegistry(own);
    new CfnOutput(own, 'Account', { value: account });
    new CfnOutput(other, 'Account', { value: account });
    const findInMap = (mapping: string) => ({ 'Fn::FindInMap': [mapping, { Ref: 'AWS::Region' }, 'account'] });
    const ownTemplate = Template.fromStack(own).toJSON();
    expect(ownTemplate.Outputs.Account.Value).toEqual(findInMap('DeepLearningContainerRegistry'));
    // No new intrinsic (and token) per resolution in the own stack: aws-cdk-lib's mapping token builds one each time.
    const findInMapCalls = jest.spyOn(Fn, 'findInMap');
    try {
      own.resolve(account);
      own.resolve(account);
      expect(findInMapCalls).not.toHaveBeenCalled();
    } finally {
      findInMapCalls.mockRestore();
    }
    const otherTemplate = Template.fromStack(other).toJSON();
    const [copy] = Object.keys(otherTemplate.Mappings);
    expect(copy).toMatch(/^MappingCopyDeepLearningContainerRegistry/);
    expect(otherTemplate.Mappings[copy]).toEqual(ownTemplate.Mappings.DeepLearningContainerRegistry);
    expect(otherTemplate.Outputs.Account.Value).toEqual(findInMap(copy));
  });

  test('an unknown known region throws [DeepLearningContainerRegion]; a given account is used as it is', () => {
    const stack = new Stack(testApp(), 'S', { env: { region: 'us-iso-east-1' } });
    expect(() => deepLearningContainerRegistry(stack)).toThrow(/region us-iso-east-1.*\[DeepLearningContainerRegion\]$/);
    expect(deepLearningContainerRegistry(stack, '886529160074')).toMatchObject({ account: '886529160074', region: 'us-iso-east-1', partition: 'aws-iso' });
  });
});
