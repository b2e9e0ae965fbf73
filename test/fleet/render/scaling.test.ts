import { policyLine, scalingLines } from '../../../bin/fleet/render/scaling';
import { REGISTERED_SCALING } from '../reports';

const NOW = Date.parse('2026-11-26T10:00:00Z');

describe('scalingLines', () => {
  test('bounds, the policy in force with its target, recent activity with its cause', () => {
    expect(scalingLines(REGISTERED_SCALING, NOW)).toEqual([
      'Autoscaling  min 2 · max 10 · desired 6',
      '  Policy     WeightedUtilization (TargetTrackingScaling) · target 0.7 of metric math: (FILL(p5, 0) / 20 + FILL(g6, 0) / 8) / 2 (2 metrics)'
      + ' · cooldown out 1m 00s, in 5m 00s',
      '  Activity',
      '    2026-11-26 09:41 UTC (19m 00s ago)  Successful  Setting desired instance count to 6.',
      '      cause: monitor alarm AlarmHigh in state ALARM triggered policy WeightedUtilization',
    ]);
  });

  test('suspended scaling, no policies, no activity', () => {
    const lines = scalingLines({ ...REGISTERED_SCALING, suspended: ['scale-in'], policies: [], activities: [] }, NOW);
    expect(lines).toEqual([
      'Autoscaling  min 2 · max 10 · desired 6 · SUSPENDED: scale-in',
      '  Policies   none: the count only moves within min..max when changed by hand',
      '  Activity   none recorded',
    ]);
  });

  test('unreadable parts say so', () => {
    expect(scalingLines({ ...REGISTERED_SCALING, policies: null, activities: null }, NOW).slice(1)).toEqual([
      '  Policies   not readable (see notes)',
      '  Activity   not readable (see notes)',
    ]);
  });

  test('no target, unknown target', () => {
    expect(scalingLines({ state: 'none' }, NOW)).toEqual(['Autoscaling  none registered']);
    expect(scalingLines({ state: 'unknown', reason: 'denied' }, NOW)).toEqual(['Autoscaling  unknown (not readable, see notes)']);
  });
});

test('policyLine without target shows the metric; scale-in disabled is flagged', () => {
  expect(policyLine({
    name: 'Steps', type: 'StepScaling', targetValue: null, metric: 'alarm Backlog', scaleOutCooldownSeconds: null, scaleInCooldownSeconds: 120, disableScaleIn: false,
  })).toBe('Steps (StepScaling) · alarm Backlog · cooldown in 2m 00s');
  expect(policyLine({
    name: 'P', type: 'TargetTrackingScaling', targetValue: 70, metric: null, scaleOutCooldownSeconds: null, scaleInCooldownSeconds: null, disableScaleIn: true,
  })).toBe('P (TargetTrackingScaling) · target 70 · scale-in disabled');
});
