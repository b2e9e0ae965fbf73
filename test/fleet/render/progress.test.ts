import { progressLine } from '../../../bin/fleet/render/progress';
import { component, pool, report, variant } from '../reports';

test('elapsed time, status, live and new fleets per pool, components', () => {
  const line = progressLine(report({
    pendingDeployment: {
      endpointConfigName: 'cfg-v2', startTime: null,
      variants: [variant({ role: 'pending', currentInstanceCount: 1, desiredInstanceCount: 4, pools: [pool(1, 'ml.p5.48xlarge', 1, 1, false)],
        stages: [{ status: 'Creating', message: null, startTime: null }, { status: 'ActivatingTraffic', message: null, startTime: null }] })],
    },
    inferenceComponents: [component()],
  }, { status: 'Updating' }), 250);
  expect(line).toBe('[+4m 10s] Updating'
    + ' · AllTraffic 6/6: ml.p5.48xlarge 4, ml.g6.48xlarge 2 (fallback)'
    + ' · new AllTraffic 1/4 ActivatingTraffic: ml.p5.48xlarge 1'
    + ' · component llm-ic InService 3/4 copies: ml.p5.48xlarge 3, ml.g6.48xlarge 0');
});

test('shadow variants are labelled; unknown counts print as ?', () => {
  const line = progressLine(report({ variants: [variant({ role: 'shadow', name: 'S', currentInstanceCount: null, desiredInstanceCount: null, pools: [] })] }), 0);
  expect(line).toBe('[+0s] InService · shadow S ?/?');
});
