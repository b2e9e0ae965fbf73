import { fallbackVerdict, renderText } from '../../../bin/fleet/render/text';
import { component, pool, report, variant } from '../reports';

const NOW = Date.parse('2026-11-26T10:00:00Z');

describe('renderText', () => {
  test('the featured endpoint, in full', () => {
    // One snapshot of the whole report; the README's sample output is this text.
    expect(renderText(report(), NOW)).toMatchSnapshot();
  });

  test('a failed endpoint shows its failure reason under the header', () => {
    const text = renderText(report({}, { status: 'Failed', failureReason: 'Unable to provision requested ML compute capacity.' }), NOW);
    expect(text.split('\n').slice(0, 3)).toEqual([
      'Endpoint llm-endpoint  Failed',
      expect.stringMatching(/^ {2}region us-east-1 · config LlmEndpointConfig-3f9a1c · created 2026-11-20 09:12 UTC · modified/),
      '  Failure reason: Unable to provision requested ML compute capacity.',
    ]);
  });

  test('the deployment in progress: stages, the new fleet\'s pools with bars towards the desired count', () => {
    const text = renderText(report({
      pendingDeployment: {
        endpointConfigName: 'cfg-v2', startTime: '2026-11-26T09:55:00.000Z',
        variants: [variant({
          role: 'pending', currentInstanceCount: 1, desiredInstanceCount: 4, fallback: false, fallbackInstanceCount: 0, scaling: { state: 'none' },
          pools: [pool(1, 'ml.p5.48xlarge', 1, 1, false), pool(2, 'ml.g6.48xlarge', 0, 0, false)],
          stages: [{ status: 'Creating', message: 'Launching instances', startTime: '2026-11-26T09:55:00.000Z' }],
        })],
      },
    }, { status: 'Updating' }), NOW);
    expect(text).toContain([
      'Deployment in progress  config cfg-v2 · started 2026-11-26 09:55 UTC (5m 00s ago)',
      '  New variant AllTraffic  1 of 4 instances · weight 1',
      '    Creating since 2026-11-26 09:55 UTC (5m 00s ago): Launching instances',
      '    PRIORITY  INSTANCE TYPE   INSTANCES   SHARE',
      '    1         ml.p5.48xlarge          1  100.0%  █████░░░░░░░░░░░░░░░',
      '    2         ml.g6.48xlarge          0    0.0%  ░░░░░░░░░░░░░░░░░░░░',
    ].join('\n'));
    // The new fleet has no autoscaling block of its own.
    expect(text.split('Deployment in progress')[1]).not.toContain('Autoscaling');
  });

  test('inference components: copies per instance type and their autoscaling', () => {
    const text = renderText(report({ inferenceComponents: [component()] }), NOW);
    expect(text).toContain([
      'Inference component llm-ic  InService · 3 of 4 copies · variant AllTraffic',
      '  PRIORITY  INSTANCE TYPE   COPIES   SHARE',
      '  1         ml.p5.48xlarge       3  100.0%  ███████████████░░░░░',
      '  2         ml.g6.48xlarge       0    0.0%  ░░░░░░░░░░░░░░░░░░░░',
      '  Autoscaling  none registered',
    ].join('\n'));
  });

  test('classic, serverless and assumed-priority variants say what they are', () => {
    const text = renderText(report({
      variants: [
        variant({ name: 'Classic', currentInstanceCount: 2, desiredInstanceCount: 2, instancePools: false, pools: [pool(1, 'ml.g5.xlarge', 2, 1, false)], fallback: false, fallbackInstanceCount: 0 }),
        variant({ name: 'Guess', prioritySource: 'response-order' }),
        variant({ name: 'Sls', serverless: true, instancePools: false, pools: [], fallback: false, fallbackInstanceCount: 0, scaling: { state: 'none' } }),
      ],
    }), NOW);
    expect(text).toContain('Variant Classic  2 of 2 instances · weight 1\n  single instance type (no instance pools)');
    expect(text).toContain('Variant Guess  6 of 6 instances · weight 1  [FALLBACK]\n  priorities assumed from the order SageMaker returned');
    expect(text).toContain('Variant Sls  serverless · weight 1\n  Autoscaling  none registered');
  });

  test('notes list what could not be read', () => {
    const text = renderText(report({ warnings: ['autoscaling not shown: access denied on DescribeScalableTargets: nope'] }), NOW);
    expect(text.endsWith('\nNotes\n  - autoscaling not shown: access denied on DescribeScalableTargets: nope\n')).toBe(true);
  });
});

describe('fallbackVerdict', () => {
  test('names each fleet on fallback with counts and types', () => {
    expect(fallbackVerdict(report({ inferenceComponents: [component({ fallback: true, fallbackCopyCount: 1, placement: [pool(1, 'ml.p5.48xlarge', 1, 0.5, false), pool(2, 'ml.g6.48xlarge', 1, 0.5, true)] })] })))
      .toBe('FALLBACK HARDWARE IN USE  variant AllTraffic: 2 of 6 instances on ml.g6.48xlarge; component llm-ic: 1 of 2 copies on ml.g6.48xlarge');
  });

  test('all on priority 1', () => {
    expect(fallbackVerdict(report({ variants: [variant({ pools: [pool(1, 'ml.p5.48xlarge', 6, 1, false)], fallback: false, fallbackInstanceCount: 0 })] })))
      .toBe('Fleet: all on priority-1 hardware');
  });

  test('nothing running yet', () => {
    expect(fallbackVerdict(report({ variants: [variant({ pools: [pool(1, 'ml.p5.48xlarge', 0, 0, false)], fallback: false, fallbackInstanceCount: 0 })] })))
      .toBe('Fleet: no instances yet');
  });
});
