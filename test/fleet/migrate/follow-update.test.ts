import { StatusSource } from '../../../bin/fleet/commands/context';
import { followUpdate, SETTLE_REFRESHES } from '../../../bin/fleet/migrate/follow-update';
import { MigrateCommand } from '../../../bin/fleet/migrate/migrate-args';
import { FleetStatus } from '../../../bin/fleet/model';
import { report, variant } from '../reports';
import { fakeRuntime, NOW } from '../scenario';

const COMMAND: MigrateCommand = {
  kind: 'migrate', endpointName: 'llm-endpoint', change: { kind: 'revert', configName: 'new' }, ignoreStack: false, dryRun: false, json: false, yes: true,
  watch: true, intervalSeconds: 10, debug: false,
};

function scripted(...steps: FleetStatus[]): StatusSource & { calls: number } {
  const source = {
    calls: 0,
    collect: async () => steps[Math.min(source.calls++, steps.length - 1)],
  };
  return source;
}

const before = report({}, { status: 'InService', endpointConfigName: 'old' });
const updating = report({
  pendingDeployment: { endpointConfigName: 'new', startTime: new Date(NOW).toISOString(), variants: [variant({ role: 'pending' })] },
}, { status: 'Updating', endpointConfigName: 'old' });
const after = report({}, { status: 'InService', endpointConfigName: 'new' });

describe('followUpdate', () => {
  test('ends 0 when the endpoint is InService on the new config', async () => {
    const runtime = fakeRuntime();
    const outcome = await followUpdate(COMMAND, runtime, scripted(updating, after), 'new');
    expect(outcome.code).toBe(0);
    expect(outcome.last?.endpoint.endpointConfigName).toBe('new');
    expect(runtime.stdout.text()).toContain('Deployment complete: endpoint llm-endpoint is InService');
  });

  test('ends 1 when the endpoint is InService on another config (rolled back)', async () => {
    const outcome = await followUpdate(COMMAND, fakeRuntime(), scripted(updating, before), 'new');
    expect(outcome.code).toBe(1);
  });

  test('waits for an accepted update to show, refresh by refresh', async () => {
    const runtime = fakeRuntime();
    const source = scripted(before, before, updating, after);
    const outcome = await followUpdate(COMMAND, runtime, source, 'new');
    expect(outcome.code).toBe(0);
    expect(source.calls).toBe(4);
    expect(runtime.sleeps).toEqual([10_000, 10_000, 10_000]);
  });

  test('an update that never shows is not reported as done', async () => {
    const runtime = fakeRuntime();
    const source = scripted(before);
    const outcome = await followUpdate(COMMAND, runtime, source, 'new');
    expect(outcome.code).toBe(1);
    expect(source.calls).toBe(SETTLE_REFRESHES + 1);
    expect(runtime.stdout.text()).toContain('no deployment in progress');
  });
});
