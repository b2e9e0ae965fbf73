import { CreateEndpointConfigInput$, ProductionVariant$ } from '@aws-sdk/client-sagemaker';
import { members } from '../sdk-samples';
import { CONFIG_MEMBERS, VARIANT_MEMBERS } from '../../../bin/fleet/export/export-members';

describe('export handles every member of the SDK model', () => {
  test('every member of CreateEndpointConfig\'s input has a place, and every place a member', () => {
    expect(Object.keys(CONFIG_MEMBERS).sort()).toEqual(members(CreateEndpointConfigInput$).sort());
  });

  test('every member of ProductionVariant has a place, and every place a member', () => {
    expect(Object.keys(VARIANT_MEMBERS).sort()).toEqual(members(ProductionVariant$).sort());
  });

  test('only a serverless variant is refused', () => {
    expect(Object.entries(VARIANT_MEMBERS).filter(([, h]) => h === 'refused').map(([m]) => m)).toEqual(['ServerlessConfig']);
  });
});
