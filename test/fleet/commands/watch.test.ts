import { StatusCommand } from '../../../bin/fleet/args';
import { CLEAR_SCREEN, watchCommand } from '../../../bin/fleet/commands/watch';
import { FleetError } from '../../../bin/fleet/errors';
import { FleetStatus } from '../../../bin/fleet/model';
import { fakeRuntime, FakeRuntime, NOW } from '../scenario';
import { pool, report, variant } from '../reports';

const command = (extra: Partial<StatusCommand> = {}): StatusCommand => ({
  kind: 'status', endpointName: 'llm-endpoint', watch: true, json: false, intervalSeconds: 10, activityCount: 5, debug: false, ...extra,
});

/** A source that returns the given reports (or throws the given errors) in order, repeating the last. */
function scripted(...steps: Array<FleetStatus | Error>) {
  let i = 0;
  return {
    collect: jest.fn(async () => {
      const step = steps[Math.min(i++, steps.length - 1)];
      if (step instanceof Error) throw step;
      return step;
    }),
  };
}

const creating = (p5: number) => report({
  fallback: false,
  variants: [variant({ currentInstanceCount: p5, desiredInstanceCount: 4, pools: [pool(1, 'ml.p5.48xlarge', p5, p5 > 0 ? 1 : 0, false)], fallback: false, fallbackInstanceCount: 0 })],
}, { status: 'Creating', creationTime: new Date(NOW - 120_000).toISOString() });

const updating = report({
  pendingDeployment: { endpointConfigName: 'cfg-v2', startTime: new Date(NOW - 30_000).toISOString(), variants: [variant({ role: 'pending' })] },
}, { status: 'Updating', endpointConfigName: 'cfg-v1' });

const inService = (config = 'cfg-v2') => report({}, { status: 'InService', endpointConfigName: config });

async function watch(steps: Array<FleetStatus | Error>, extra: Partial<StatusCommand> = {}, runtime: FakeRuntime = fakeRuntime()) {
  const source = scripted(...steps);
  const code = await watchCommand(command(extra), { runtime, source });
  return { code, out: runtime.stdout.text(), err: runtime.stderr.text(), sleeps: runtime.sleeps, source };
}

describe('watchCommand', () => {
  test('on a terminal: redraws the full report with the elapsed time, then prints the verdict', async () => {
    const { code, out, sleeps } = await watch([creating(0), creating(2), inService('cfg-v1')], {}, fakeRuntime({ tty: true }));
    expect(code).toBe(0);
    expect(sleeps).toEqual([10_000, 10_000]);
    const frames = out.split(CLEAR_SCREEN).slice(1);
    expect(frames).toHaveLength(3);
    expect(frames[0]).toMatch(/^Watching llm-endpoint every 10s · elapsed 0s · deployment running 2m 00s · Ctrl-C stops watching \(not the deployment\)\n\nEndpoint llm-endpoint {2}Creating\n/);
    expect(frames[1]).toMatch(/^Watching llm-endpoint every 10s · elapsed 10s · deployment running 2m 10s · Ctrl-C/);
    expect(frames[1]).toMatch(/1 +ml\.p5\.48xlarge +2 +100\.0% +█{10}░{10}/);
    expect(frames[2]).toMatch(/^Watching llm-endpoint every 10s · elapsed 20s · deployment running 2m 20s\n\nEndpoint llm-endpoint {2}InService\n/);
    expect(out.trimEnd().split('\n').pop()).toBe('Deployment complete: endpoint llm-endpoint is InService (deployment took 2m 20s)');
  });

  test('without a terminal: one line per change, a heartbeat every 5 minutes, the full report at the end', async () => {
    const steps = [...Array.from({ length: 12 }, () => creating(0)), creating(1), inService('cfg-v1')];
    const { code, out } = await watch(steps, { intervalSeconds: 30 });
    expect(code).toBe(0);
    expect(out.split('\n').filter((l) => l.startsWith('[+'))).toEqual([
      '[+0s] Creating · AllTraffic 0/4: ml.p5.48xlarge 0',
      '[+5m 00s] Creating · AllTraffic 0/4: ml.p5.48xlarge 0',
      '[+6m 00s] Creating · AllTraffic 1/4: ml.p5.48xlarge 1',
      '[+6m 30s] InService · AllTraffic 6/6: ml.p5.48xlarge 4, ml.g6.48xlarge 2 (fallback)',
    ]);
    expect(out).toMatch(/\n\nEndpoint llm-endpoint {2}InService\n[\s\S]*\nDeployment complete: endpoint llm-endpoint is InService \(deployment took 8m 30s\)\n$/);
    expect(out).not.toContain(CLEAR_SCREEN);
  });

  test.each([false, true])('nothing in progress (terminal: %p): one plain report, no waiting, exit 0', async (tty) => {
    const { code, out, sleeps, source } = await watch([inService()], {}, fakeRuntime({ tty }));
    expect(code).toBe(0);
    expect(sleeps).toEqual([]);
    expect(source.collect).toHaveBeenCalledTimes(1);
    expect(out).toMatch(/^Endpoint llm-endpoint {2}InService\n[\s\S]*\nEndpoint llm-endpoint is InService: no deployment in progress\n$/);
  });

  test('an update that rolls back exits 1 even though the endpoint ends InService', async () => {
    const rollingBack = report({}, { status: 'RollingBack', endpointConfigName: 'cfg-v1', failureReason: 'Alarm LatencyHigh in ALARM' });
    const { code, out } = await watch([updating, rollingBack, report({}, { status: 'InService', endpointConfigName: 'cfg-v1', failureReason: 'Alarm LatencyHigh in ALARM' })]);
    expect(code).toBe(1);
    expect(out.trimEnd().split('\n').pop()).toBe('Deployment rolled back: endpoint llm-endpoint is InService on config cfg-v1: Alarm LatencyHigh in ALARM');
  });

  test('a rollback between two refreshes is caught by the config the endpoint ends on', async () => {
    const { code, out } = await watch([updating, inService('cfg-v1')]);
    expect(code).toBe(1);
    expect(out).toContain('Deployment rolled back: endpoint llm-endpoint is InService on config cfg-v1: SageMaker gave no failure reason');
  });

  test('an update that completes on the new config exits 0', async () => {
    const { code, out } = await watch([updating, inService('cfg-v2')]);
    expect(code).toBe(0);
    expect(out).toContain('Deployment complete: endpoint llm-endpoint is InService (deployment took 40s)');
  });

  test.each(['Failed', 'UpdateRollbackFailed'])('ends %s: exit 1 with the failure reason', async (state) => {
    const { code, out } = await watch([updating, report({}, { status: state, failureReason: 'Model container failed the ping health check.' })]);
    expect(code).toBe(1);
    expect(out).toContain(`Deployment failed: endpoint llm-endpoint is ${state} (deployment took 40s): Model container failed the ping health check.`);
  });

  test('--json: one object per refresh on stdout, the verdict on stderr', async () => {
    const { code, out, err } = await watch([creating(0), report({}, { status: 'Failed', failureReason: 'No capacity.' })], { json: true });
    expect(code).toBe(1);
    const lines = out.trimEnd().split('\n').map((l) => JSON.parse(l) as FleetStatus);
    expect(lines.map((l) => [l.endpoint.status, l.watch])).toEqual([
      ['Creating', { elapsedSeconds: 0, deploymentElapsedSeconds: 120 }],
      ['Failed', { elapsedSeconds: 10, deploymentElapsedSeconds: 130 }],
    ]);
    expect(err).toBe('sagemaker-fleet: Deployment failed: endpoint llm-endpoint is Failed (deployment took 2m 10s): No capacity.\n');
  });

  test('an endpoint deleted while watching is reported as such', async () => {
    const deleting = report({}, { status: 'Deleting' });
    const gone = new FleetError('not-found', "endpoint 'llm-endpoint' not found in us-east-1");
    await expect(watch([deleting, gone])).rejects.toMatchObject({ kind: 'not-found', message: "endpoint 'llm-endpoint' was deleted while watching." });
  });

  test('a refresh lost to the network is reported and tried again', async () => {
    const blip = new FleetError('network', 'cannot reach AWS in us-east-1 (ECONNRESET) on DescribeEndpoint after 3 attempts');
    const { code, err, sleeps } = await watch([creating(0), blip, inService('cfg-v1')]);
    expect(code).toBe(0);
    expect(sleeps).toEqual([10_000, 10_000]);
    expect(err).toBe('sagemaker-fleet: refresh failed (1 of 5 in a row), trying again in 10s: '
      + 'cannot reach AWS in us-east-1 (ECONNRESET) on DescribeEndpoint after 3 attempts\n');
  });

  test('five lost refreshes in a row end the watch with the last error', async () => {
    const throttled = new FleetError('throttled', 'AWS kept throttling DescribeEndpoint');
    const runtime = fakeRuntime();
    await expect(watch([creating(0), throttled], {}, runtime)).rejects.toBe(throttled);
    expect(runtime.stderr.text().trimEnd().split('\n')).toHaveLength(4);
  });

  test('access denied in the middle of a watch is not retried', async () => {
    const denied = new FleetError('access-denied', 'access denied on DescribeEndpoint');
    await expect(watch([creating(0), denied])).rejects.toBe(denied);
  });

  test('an endpoint that does not exist fails on the first refresh with the original error', async () => {
    const missing = new FleetError('not-found', "endpoint 'llm-endpoint' not found in us-east-1");
    await expect(watch([missing])).rejects.toBe(missing);
  });
});
