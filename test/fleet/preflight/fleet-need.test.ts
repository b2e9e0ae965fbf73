import { neededInstances } from '../../../bin/fleet/preflight/fleet-need';

describe('neededInstances', () => {
  const none = { initialInstanceCount: null, scalableTargetMax: null, managedInstanceScalingMax: null, desiredInstanceCount: null };

  test('the largest bound, naming every bound that gives it', () => {
    expect(neededInstances({ ...none, initialInstanceCount: 2, scalableTargetMax: 10 })).toEqual({ count: 10, from: ['scalable target MaxCapacity'] });
    expect(neededInstances({ ...none, initialInstanceCount: 5, managedInstanceScalingMax: 5 }))
      .toEqual({ count: 5, from: ['managed instance scaling MaxInstanceCount', 'InitialInstanceCount'] });
    expect(neededInstances({ ...none, initialInstanceCount: 1, desiredInstanceCount: 6, scalableTargetMax: 4 }))
      .toEqual({ count: 6, from: ['desired instance count now'] });
  });

  test('no bound at all: unknown', () => {
    expect(neededInstances(none)).toEqual({ count: null, from: [] });
  });
});
