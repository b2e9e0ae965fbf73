import { InstanceType } from '../../lib';
import { endpointDimensions } from '../../lib/pools/endpoint-dimensions';
import { seedEndpoint } from '../endpoint/fixtures';
import { testStack } from '../util';

describe('endpointDimensions', () => {
  test("the endpoint's own metric dimensions, with the instance type when given", () => {
    const endpoint = seedEndpoint(testStack(), { endpointName: 'llm' });
    expect(endpointDimensions(endpoint)).toEqual({ EndpointName: 'llm', VariantName: 'AllTraffic' });
    expect(endpointDimensions(endpoint, InstanceType.ML_G6_48XLARGE)).toEqual({ EndpointName: 'llm', VariantName: 'AllTraffic', InstanceType: 'ml.g6.48xlarge' });
  });

  test('asks the endpoint once per instance type, and hands out copies', () => {
    // GIVEN
    const endpoint = seedEndpoint(testStack(), { endpointName: 'llm' });
    const asked = jest.spyOn(endpoint, 'metric');
    // WHEN
    const first = endpointDimensions(endpoint, InstanceType.ML_P5_48XLARGE);
    first.EndpointName = 'changed';
    const second = endpointDimensions(endpoint, InstanceType.ML_P5_48XLARGE);
    // THEN
    expect(asked).toHaveBeenCalledTimes(1);
    expect(second.EndpointName).toBe('llm');
  });
});
