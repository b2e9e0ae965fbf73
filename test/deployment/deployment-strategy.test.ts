import { Duration, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { CapacitySize, DeploymentStrategy, DeploymentType, TrafficShift } from '../../lib';
import { testStack } from '../util';

const rolling = (extra: object = {}) => DeploymentStrategy.rolling({ maximumBatchSize: CapacitySize.percent(20), waitInterval: Duration.minutes(10), ...extra });

function alarms(count: number): cloudwatch.IAlarm[] {
  const stack = testStack();
  return Array.from({ length: count }, (_, i) => cloudwatch.Alarm.fromAlarmName(stack, `A${i}`, `alarm-${i}`));
}

describe('DeploymentStrategy.rolling', () => {
  test('renders RollingUpdatePolicy and the rollback alarms', () => {
    // GIVEN
    const strategy = rolling({ maximumExecutionTimeout: Duration.hours(2), rollbackMaximumBatchSize: CapacitySize.instanceCount(1) });
    // WHEN
    const config = strategy._render(alarms(2));
    // THEN
    expect(strategy.kind).toBe(DeploymentType.ROLLING);
    expect(config).toEqual({
      rollingUpdatePolicy: {
        maximumBatchSize: { type: 'CAPACITY_PERCENT', value: 20 },
        waitIntervalInSeconds: 600,
        maximumExecutionTimeoutInSeconds: 7200,
        rollbackMaximumBatchSize: { type: 'INSTANCE_COUNT', value: 1 },
      },
      autoRollbackConfiguration: { alarms: [{ alarmName: 'alarm-0' }, { alarmName: 'alarm-1' }] },
    });
  });

  test('omits AutoRollbackConfiguration without alarms (SageMaker takes 1 to 10)', () => {
    expect(rolling()._render([]).autoRollbackConfiguration).toBeUndefined();
  });

  test('on scarce capacity, rolls back in the rollout batches unless a rollback batch is given', () => {
    const strategy = rolling();
    expect(strategy.maximumBatchSize?.value).toBe(20);
    expect(strategy.rollbackMaximumBatchSize).toBeUndefined();
    expect(strategy._render([]).rollingUpdatePolicy).toEqual({ maximumBatchSize: { type: 'CAPACITY_PERCENT', value: 20 }, waitIntervalInSeconds: 600 });
    expect((strategy._render([], true).rollingUpdatePolicy as any).rollbackMaximumBatchSize).toEqual({ type: 'CAPACITY_PERCENT', value: 20 });
    const given = rolling({ rollbackMaximumBatchSize: CapacitySize.percent(100) });
    expect((given._render([], true).rollingUpdatePolicy as any).rollbackMaximumBatchSize).toEqual({ type: 'CAPACITY_PERCENT', value: 100 });
    expect(DeploymentStrategy.blueGreen()._render([], true).rollingUpdatePolicy).toBeUndefined();
    expect(DeploymentStrategy.blueGreen().maximumBatchSize).toBeUndefined();
  });

  test.each([4, 51])('maximumBatchSize: 5 to 50 %%, rejects %p', (percent) => {
    expect(() => rolling({ maximumBatchSize: CapacitySize.percent(percent) }))
      .toThrow(`rolling.maximumBatchSize: must be a whole percentage from 5 to 50, got ${percent} [OutOfRange]`);
  });

  test('maximumBatchSize as an instance count needs no percent range', () => {
    expect(rolling({ maximumBatchSize: CapacitySize.instanceCount(3) })._render([]).rollingUpdatePolicy).toMatchObject({ maximumBatchSize: { type: 'INSTANCE_COUNT', value: 3 } });
  });

  test.each([
    ['waitInterval', Duration.seconds(3601), 'rolling.waitInterval: must be a whole number of seconds from 0 to 3600, got 3601 [OutOfRange]'],
    ['maximumExecutionTimeout', Duration.seconds(599), 'rolling.maximumExecutionTimeout: must be a whole number of seconds from 600 to 28800, got 599 [OutOfRange]'],
    ['maximumExecutionTimeout', Duration.hours(9), 'rolling.maximumExecutionTimeout: must be a whole number of seconds from 600 to 28800, got 32400 [OutOfRange]'],
  ])('rejects %s out of range', (prop, value, message) => {
    expect(() => rolling({ [prop]: value })).toThrow(message);
  });

  test('at most 10 autoRollbackAlarms', () => {
    expect(() => rolling({ autoRollbackAlarms: alarms(11) })).toThrow('rolling.autoRollbackAlarms: at most 10 alarms, got 11 [TooManyRollbackAlarms]');
    expect(rolling({ autoRollbackAlarms: alarms(10) }).autoRollbackAlarms).toHaveLength(10);
  });

  test('is rejected for several variants and for serverless ones', () => {
    const strategy = rolling();
    expect(strategy._targetErrors(1, false)).toEqual([]);
    expect(strategy._targetErrors(2, false).map((e) => e.message)).toEqual([
      "deployment: SageMaker supports rolling updates only for endpoints with one production variant; use DeploymentStrategy.blueGreen(), got 2 variants [RollingNotSupported]",
    ]);
    expect(strategy._targetErrors(1, true).map((e) => e.code)).toEqual(['RollingNotSupported']);
    expect(DeploymentStrategy.blueGreen()._targetErrors(3, true)).toEqual([]);
  });

  test('rolls back on the endpoint alarms unless told otherwise', () => {
    expect(rolling().rollbackOnEndpointAlarms).toBe(true);
    expect(rolling({ rollbackOnEndpointAlarms: false }).rollbackOnEndpointAlarms).toBe(false);
  });
});

describe('DeploymentStrategy.blueGreen', () => {
  test('defaults to all at once', () => {
    const strategy = DeploymentStrategy.blueGreen();
    expect(strategy.kind).toBe(DeploymentType.BLUE_GREEN);
    expect(strategy._render([])).toEqual({ blueGreenUpdatePolicy: { trafficRoutingConfiguration: { type: 'ALL_AT_ONCE', waitIntervalInSeconds: 0 } } });
  });

  test('renders canary traffic shifting, termination wait and timeout', () => {
    const config = DeploymentStrategy.blueGreen({
      trafficShift: TrafficShift.canary(CapacitySize.percent(10), Duration.minutes(10)),
      terminationWait: Duration.minutes(15),
      maximumExecutionTimeout: Duration.hours(1),
    })._render(alarms(1));
    expect(config).toEqual({
      blueGreenUpdatePolicy: {
        trafficRoutingConfiguration: { type: 'CANARY', waitIntervalInSeconds: 600, canarySize: { type: 'CAPACITY_PERCENT', value: 10 } },
        terminationWaitInSeconds: 900,
        maximumExecutionTimeoutInSeconds: 3600,
      },
      autoRollbackConfiguration: { alarms: [{ alarmName: 'alarm-0' }] },
    });
  });

  test.each([
    ['terminationWait', Duration.seconds(3601), 'blueGreen.terminationWait: must be a whole number of seconds from 0 to 3600, got 3601 [OutOfRange]'],
    ['maximumExecutionTimeout', Duration.seconds(599), 'blueGreen.maximumExecutionTimeout: must be a whole number of seconds from 600 to 28800, got 599 [OutOfRange]'],
    ['maximumExecutionTimeout', Duration.seconds(28801), 'got 28801'],
  ])('rejects %s out of range', (prop, value, message) => {
    expect(() => DeploymentStrategy.blueGreen({ [prop]: value })).toThrow(message);
  });

  test('maximumExecutionTimeout must exceed the waits', () => {
    expect(() => DeploymentStrategy.blueGreen({
      trafficShift: TrafficShift.linear(CapacitySize.percent(20), Duration.minutes(10)),
      terminationWait: Duration.minutes(10),
      maximumExecutionTimeout: Duration.minutes(20),
    })).toThrow("blueGreen.maximumExecutionTimeout: must exceed terminationWait plus the traffic shift's waitInterval (1200 s), got 1200 [InvalidDeploymentConfig]");
    expect(() => DeploymentStrategy.blueGreen({ terminationWait: Duration.minutes(10), maximumExecutionTimeout: Duration.minutes(11) })).not.toThrow();
  });

  test('at most 10 autoRollbackAlarms', () => {
    expect(() => DeploymentStrategy.blueGreen({ autoRollbackAlarms: alarms(11) })).toThrow(/^blueGreen\.autoRollbackAlarms: at most 10 alarms, got 11 \[TooManyRollbackAlarms\]$/);
  });
});

test('tokens never trip validation', () => {
  const n = Token.asNumber({ Ref: 'N' });
  expect(() => DeploymentStrategy.rolling({
    maximumBatchSize: CapacitySize.percent(n), waitInterval: Duration.seconds(n), maximumExecutionTimeout: Duration.seconds(n),
  })).not.toThrow();
  expect(() => DeploymentStrategy.blueGreen({
    trafficShift: TrafficShift.linear(CapacitySize.percent(n), Duration.seconds(n)), terminationWait: Duration.seconds(n), maximumExecutionTimeout: Duration.seconds(n),
  })).not.toThrow();
});
