import { StatusCommand } from '../../../bin/fleet/args';
import { statusCommand } from '../../../bin/fleet/commands/status';
import { FleetStatus } from '../../../bin/fleet/model';
import { fakeRuntime } from '../scenario';
import { report } from '../reports';

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
