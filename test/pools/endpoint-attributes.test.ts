import { Duration } from 'aws-cdk-lib';
import { InstancePoolsError } from '../../lib/core/errors';
import { checkEndpointAttributes } from '../../lib/pools/endpoint-attributes';
import { testStack } from '../util';

describe('checkEndpointAttributes', () => {
  test('returns attributes that pass every check', () => {
    const attrs = { endpointName: 'llm', pools: [], variantName: 'Blue', metricPublishFrequency: Duration.seconds(10), asyncInference: true };
    expect(checkEndpointAttributes(testStack(), 'Imported', attrs)).toBe(attrs);
  });

  test.each<[string, any, string]>([
    ['no attributes', undefined, 'attrs: required: an object of properties, got undefined [MissingRequiredProp]'],
    ['no endpointName', { pools: [] }, 'endpointName: required: the name of the deployed endpoint, got undefined [MissingRequiredProp]'],
    ['an endpointName SageMaker rejects', { endpointName: 'bad_name', pools: [] }, 'endpointName:'],
    ['a variantName SageMaker rejects', { endpointName: 'llm', pools: [], variantName: 'a b' }, 'variantName:'],
    ['a publish frequency SageMaker does not offer', { endpointName: 'llm', pools: [], metricPublishFrequency: Duration.seconds(15) }, 'metricPublishFrequency:'],
    ['asyncInference that is not a boolean', { endpointName: 'llm', pools: [], asyncInference: 'yes' }, 'asyncInference:'],
  ])('rejects %s', (_, attrs, message) => {
    expect(() => checkEndpointAttributes(testStack(), 'Imported', attrs)).toThrow(InstancePoolsError);
    expect(() => checkEndpointAttributes(testStack(), 'Imported', attrs)).toThrow(message);
  });

  test('rejects an empty id before the attributes', () => {
    expect(() => checkEndpointAttributes(testStack(), '', undefined as any)).toThrow(InstancePoolsError);
  });
});
