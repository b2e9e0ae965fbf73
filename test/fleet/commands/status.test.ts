import { StatusCommand } from '../../../bin/fleet/args';
import { statusCommand } from '../../../bin/fleet/commands/status';
import { FleetStatus } from '../../../bin/fleet/model';
import { fakeRuntime } from '../scenario';
import { readmeBlock } from '../readme-output';
import { pool, report, REGISTERED_SCALING, variant } from '../reports';

const command = (extra: Partial<StatusCommand> = {}): StatusCommand => ({
  kind: 'status', endpointName: 'llm-endpoint', watch: false, json: false, intervalSeconds: 10, activityCount: 5, debug: false, ...extra,
});
const source = (status: FleetStatus) => ({ collect: jest.fn(async () => status) });

describe('statusCommand', () => {
  test('text report, exit 0', async () => {
    const runtime = fakeRuntime();
    const src = source(report());
    expect(await statusCommand(command(), { runtime, source: src })).toBe(0);
    expect(src.collect).toHaveBeenCalledWith('llm-endpoint');
    expect(runtime.stdout.text()).toMatch(/^Endpoint llm-endpoint {2}InService\n/);
    expect(runtime.stderr.text()).toBe('');
  });

  test('the README shows this output as it is printed', async () => {
    // The README's endpoint: the fallback pool with its own model, the library's weighted policy, two activities.
    const scaling = {
      ...REGISTERED_SCALING,
      policies: [{
        ...REGISTERED_SCALING.policies![0], name: 'LlmEndpointLlmAutoScalingF45E0462',
        metric: 'metric math: (FILL(pool1, 0) / 20 + FILL(pool2, 0) / 8) / (((FILL(pool1_instances, 0) > 0) OR (FILL(pool1, -1) >= 0)) '
          + '+ ((FILL(pool2_instances, 0) > 0) OR (FILL(pool2, -1) >= 0))) (4 metrics)',
      }],
      activities: [
        { ...REGISTERED_SCALING.activities![0],
          statusMessage: 'Successfully set desired instance count to 6. Change successfully fulfilled by sagemaker.',
          cause: 'monitor alarm TargetTracking-endpoint/llm-endpoint/variant/AllTraffic-AlarmHigh-5e0b in state ALARM triggered policy WeightedUtilization' },
        { ...REGISTERED_SCALING.activities![0], startTime: '2026-11-26T06:05:00.000Z', endTime: '2026-11-26T06:16:00.000Z',
          description: 'Setting desired instance count to 4.',
          cause: 'monitor alarm TargetTracking-endpoint/llm-endpoint/variant/AllTraffic-AlarmLow-91c2 in state ALARM triggered policy WeightedUtilization' },
      ],
    } as typeof REGISTERED_SCALING;
    const readmeReport = report({
      variants: [variant({ scaling, pools: [pool(1, 'ml.p5.48xlarge', 4, 0.6667, false), { ...pool(2, 'ml.g6.48xlarge', 2, 0.3333, true), modelNameOverride: 'Int4Model-77d0b3' }] })],
    });
    const runtime = fakeRuntime();
    expect(await statusCommand(command(), { runtime, source: source(readmeReport) })).toBe(0);
    const shown = readmeBlock('$ sagemaker-fleet status llm-endpoint').filter((l) => !l.startsWith('$ '));
    expect(runtime.stdout.text().trimEnd().split('\n')).toEqual(shown);
  });

  test('--json prints the report as one document', async () => {
    const runtime = fakeRuntime();
    await statusCommand(command({ json: true }), { runtime, source: source(report()) });
    expect(JSON.parse(runtime.stdout.text())).toEqual(report());
  });

  test.each(['Failed', 'UpdateRollbackFailed', 'OutOfService'])('%s exits 1', async (state) => {
    const runtime = fakeRuntime();
    expect(await statusCommand(command(), { runtime, source: source(report({}, { status: state })) })).toBe(1);
  });

  test.each(['Creating', 'Updating', 'SystemUpdating', 'RollingBack', 'Deleting'])('%s (in progress) exits 0 without --watch', async (state) => {
    const runtime = fakeRuntime();
    expect(await statusCommand(command(), { runtime, source: source(report({}, { status: state })) })).toBe(0);
    expect(runtime.sleeps).toEqual([]);
  });

  test('--watch hands over to the watch loop', async () => {
    const runtime = fakeRuntime();
    await statusCommand(command({ watch: true }), { runtime, source: source(report()) });
    expect(runtime.stdout.text()).toContain('Endpoint llm-endpoint is InService: no deployment in progress');
  });
});
