import { renderPreflight } from '../../../bin/fleet/preflight/render-preflight';
import { FleetCheck, PoolCheck, PreflightReport } from '../../../bin/fleet/preflight/preflight-report';

const pool = (p: Partial<PoolCheck> & Pick<PoolCheck, 'priority' | 'instanceType' | 'verdict'>): PoolCheck => ({
  needed: 10, quota: null, inUse: 0, headroom: null, fails: false, message: '', ...p,
});
const q = (instanceType: string, value: number, source: 'applied' | 'default' = 'applied') =>
  ({ instanceType, value, source, quotaName: `${instanceType} for endpoint usage`, quotaCode: null, adjustable: null });

const FLEET: FleetCheck = {
  endpoint: 'qwen3-4b-llm', endpointName: 'qwen3-4b-llm', logicalId: 'Llm20BDA581', variant: 'AllTraffic', role: 'production', inferenceComponents: false,
  bounds: { initialInstanceCount: 1, scalableTargetMax: 10, managedInstanceScalingMax: null, desiredInstanceCount: null },
  needed: 10, neededFrom: ['scalable target MaxCapacity'], boundsResolved: true, unresolved: [],
  pools: [
    pool({ priority: 1, instanceType: 'ml.p5.48xlarge', quota: q('ml.p5.48xlarge', 8), inUse: 2, headroom: 6, verdict: 'short', fails: true, message: 'reaches 6 of 10 instances; request a quota of at least 12' }),
    pool({ priority: 2, instanceType: 'ml.g6.48xlarge', quota: q('ml.g6.48xlarge', 2, 'default'), inUse: 0, headroom: 2, verdict: 'partial', message: 'takes 2 of 10 if the pools above have no capacity' }),
    pool({ priority: 3, instanceType: 'ml.g6e.48xlarge', quota: q('ml.g6e.48xlarge', 20), inUse: 4, headroom: 16, verdict: 'ok', message: 'room for all 10' }),
  ],
};

const REPORT: PreflightReport = {
  schemaVersion: 1, observedAt: '2026-11-26T10:00:00.000Z', region: 'us-east-1',
  source: { kind: 'template', path: 'cdk.out/LlmEndpoint.template.json' },
  passed: false, fleets: [FLEET],
  failures: ['qwen3-4b-llm variant AllTraffic: priority 1 ml.p5.48xlarge: SHORT: reaches 6 of 10 instances; request a quota of at least 12'],
  unresolved: ['scalable target T: Resources.T.Properties.ResourceId uses Fn::ImportValue, which this tool does not resolve; its MaxCapacity is tied to no endpoint'],
  usage: { endpointsCounted: 3, instancesByType: { 'ml.p5.48xlarge': 2, 'ml.g6e.48xlarge': 4 } },
  notes: ['ml.g6.48xlarge: no quota value is applied to this account; the AWS default (2) is used'],
};

describe('renderPreflight', () => {
  test('a table per fleet, what was not resolved, notes and the verdict', () => {
    expect(renderPreflight(REPORT)).toBe([
      'Preflight of template cdk.out/LlmEndpoint.template.json · us-east-1 · 3 endpoints running in the account',
      '',
      'Endpoint qwen3-4b-llm · variant AllTraffic · up to 10 instances (scalable target MaxCapacity)',
      '  INSTANCE TYPE    PRIORITY  NEEDED  QUOTA  IN USE  HEADROOM  VERDICT',
      '  ml.p5.48xlarge          1      10      8       2         6  SHORT: reaches 6 of 10 instances; request a quota of at least 12',
      '  ml.g6.48xlarge          2      10     2*       0         2  partial: takes 2 of 10 if the pools above have no capacity',
      '  ml.g6e.48xlarge         3      10     20       4        16  ok',
      '',
      '* the AWS default: no quota value is applied to this account',
      '',
      'Could not resolve',
      '  - scalable target T: Resources.T.Properties.ResourceId uses Fn::ImportValue, which this tool does not resolve; its MaxCapacity is tied to no endpoint',
      '',
      'Notes',
      '  - ml.g6.48xlarge: no quota value is applied to this account; the AWS default (2) is used',
      '',
      'FAILED: 1 check',
      '  - qwen3-4b-llm variant AllTraffic: priority 1 ml.p5.48xlarge: SHORT: reaches 6 of 10 instances; request a quota of at least 12',
      '',
    ].join('\n'));
  });

  test('passed; a live endpoint; an inference-component fleet whose maximum is a lower bound; unknown values as dashes', () => {
    const text = renderPreflight({
      ...REPORT, passed: true, failures: [], unresolved: [], notes: [], source: { kind: 'endpoint', name: 'shared-llm' },
      fleets: [{
        ...FLEET, inferenceComponents: true, boundsResolved: false, needed: 5, neededFrom: ['managed instance scaling MaxInstanceCount'],
        unresolved: ['Resources.C.Properties.ProductionVariants[0].InstancePools[1].InstanceType uses Fn::If, which this tool does not resolve'],
        pools: [pool({ priority: 1, instanceType: null, inUse: null, needed: 5, verdict: 'unresolved', message: 'instance type not resolved, not checked' })],
      }, { ...FLEET, variant: 'Shadow', role: 'shadow', pools: [] }],
    });
    expect(text).toContain('Preflight of endpoint shared-llm · us-east-1');
    expect(text).toContain('Endpoint qwen3-4b-llm · variant AllTraffic · inference components · up to 5 instances or more (managed instance scaling MaxInstanceCount)');
    expect(text).toMatch(/^ {2}\? +1 +5 +- +- +- +unresolved: instance type not resolved, not checked$/m);
    expect(text).toContain('  - qwen3-4b-llm variant AllTraffic: Resources.C.Properties.ProductionVariants[0].InstancePools[1].InstanceType uses Fn::If');
    expect(text).toContain('Endpoint qwen3-4b-llm · shadow variant Shadow · up to 10 instances (scalable target MaxCapacity)\n  no instance pools or instance type');
    expect(text.trimEnd().split('\n').pop()).toBe("PASSED: every priority-1 pool can reach its fleet's maximum, and every pool has a quota (1 pool not checked, see above)");
  });
});
