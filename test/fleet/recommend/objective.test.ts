import { compareBy, compareCandidates, describeComparison, matchesMetric, valueFor } from '../../../bin/fleet/recommend/objective';
import { Candidate, PerformanceValue } from '../../../bin/fleet/recommend/recommendation-job';

function candidate(index: number, performance: Array<Partial<PerformanceValue> & { metric: string; value: number | null }>): Candidate {
  return {
    index, instanceType: `ml.t${index}.xlarge`, instanceCount: 1, copiesPerInstance: 1, modelPackageArn: 'arn', inferenceSpecificationName: null,
    environment: {}, minMemoryMiB: null, description: null, missing: [],
    performance: performance.map((p) => ({ stat: null, unit: null, reported: String(p.value), ...p })),
  };
}

describe('matchesMetric', () => {
  test.each([
    ['ttft-ms', 'ttft-ms', true], ['ttft-ms', 'TTFT', true], ['ttft-ms', 'time-to-first-token-ms', true], ['ttft-ms', 'throughput', false],
    ['cost', 'cost-per-hour', true], ['cost', 'Cost', true], ['throughput', 'Throughput', true], ['throughput', 'throughput-per-dollar', false],
    ['CostPerInference', 'CostPerInference', true], ['CostPerInference', 'CostPerHour', false],
  ])('%s ~ %s: %s', (objective, reported, expected) => {
    expect(matchesMetric(objective, reported)).toBe(expected);
  });
});

describe('compareBy', () => {
  test('chooses the statistic most candidates report, with its unit', () => {
    const candidates = [
      candidate(1, [{ metric: 'ttft-ms', stat: 'p50', value: 200, unit: 'ms' }, { metric: 'ttft-ms', stat: 'p90', value: 400, unit: 'ms' }]),
      candidate(2, [{ metric: 'ttft-ms', stat: 'p50', value: 100, unit: 'ms' }]),
    ];
    const [comparison] = compareBy([{ name: 'ttft-ms', direction: 'lower' }], candidates);
    expect(comparison).toEqual({ metric: { name: 'ttft-ms', direction: 'lower' }, stat: 'p50', unit: 'ms', usable: true, problem: null });
    expect(valueFor(candidates[0], comparison)?.value).toBe(200);
    expect(describeComparison(comparison)).toBe('ttft-ms (p50, ms; lower is better)');
  });

  test('different units or no values at all make a metric unusable, with the reason', () => {
    const candidates = [
      candidate(1, [{ metric: 'cost', value: 2, unit: 'USD/hour' }]),
      candidate(2, [{ metric: 'cost', value: 0.5, unit: 'USD/1M tokens' }]),
    ];
    const [cost, throughput] = compareBy([{ name: 'cost', direction: 'lower' }, { name: 'throughput', direction: 'higher' }], candidates);
    expect(cost).toMatchObject({ usable: false, problem: 'recommendations report cost in different units (USD/hour, USD/1M tokens)' });
    expect(throughput).toMatchObject({ usable: false, problem: 'no recommendation reports a value for throughput' });
  });
});

describe('compareCandidates', () => {
  const a = candidate(1, [{ metric: 'throughput', value: 300 }, { metric: 'ttft-ms', value: 90 }]);
  const b = candidate(2, [{ metric: 'throughput', value: 500 }, { metric: 'ttft-ms', value: 120 }]);
  const c = candidate(3, [{ metric: 'throughput', value: 500 }, { metric: 'ttft-ms', value: 80 }]);
  const none = candidate(4, [{ metric: 'throughput', value: null }]);

  test('higher throughput first, ties broken by the next objective, missing values last', () => {
    const comparisons = compareBy([{ name: 'throughput', direction: 'higher' }, { name: 'ttft-ms', direction: 'lower' }], [a, b, c, none]);
    expect([none, a, b, c].sort(compareCandidates(comparisons)).map((x) => x.index)).toEqual([3, 2, 1, 4]);
  });

  test('without usable comparisons the job order stands', () => {
    expect([c, a, b].sort(compareCandidates([])).map((x) => x.index)).toEqual([1, 2, 3]);
  });
});
