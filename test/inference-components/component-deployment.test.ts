import { Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { ComponentCapacitySize, ComponentDeployment, ComponentRollingUpdateOptions } from '../../lib';
import { InstancePoolsError } from '../../lib/core/errors';
import { testStack } from '../util';
import { pooledComponent } from './fixtures';

const alarm = (stack: Stack, id: string) => new cloudwatch.Alarm(stack, id, { metric: new cloudwatch.Metric({ namespace: 'App', metricName: id }), threshold: 1, evaluationPeriods: 1 });

describe('ComponentDeployment.rolling', () => {
  const base: ComponentRollingUpdateOptions = { maximumBatchSize: ComponentCapacitySize.percent(25), waitInterval: Duration.minutes(5) };

  test.each<[string, () => unknown, string]>([
    ['a batch of 4 %', () => ComponentDeployment.rolling({ ...base, maximumBatchSize: ComponentCapacitySize.percent(4) }), 'rolling.maximumBatchSize: must be a whole percentage from 5 to 50, got 4 [OutOfRange]'],
    ['a batch of 51 %', () => ComponentDeployment.rolling({ ...base, maximumBatchSize: ComponentCapacitySize.percent(51) }), 'rolling.maximumBatchSize: must be a whole percentage from 5 to 50, got 51 [OutOfRange]'],
    ['no batch', () => ComponentDeployment.rolling({ ...base, maximumBatchSize: undefined as any }),
      'rolling.maximumBatchSize: required: made by ComponentCapacitySize.percent() or .copyCount(), got undefined [MissingRequiredProp]'],
    ['no wait interval', () => ComponentDeployment.rolling({ ...base, waitInterval: null as any }), 'rolling.waitInterval: required: a Duration, got null [MissingRequiredProp]'],
    ['a wait of 61 minutes', () => ComponentDeployment.rolling({ ...base, waitInterval: Duration.minutes(61) }), 'rolling.waitInterval: must be a whole number of seconds from 0 to 3600, got 3660 [OutOfRange]'],
    ['a timeout of 9 minutes', () => ComponentDeployment.rolling({ ...base, maximumExecutionTimeout: Duration.minutes(9) }), 'rolling.maximumExecutionTimeout: must be a whole number of seconds from 600 to 28800, got 540 [OutOfRange]'],
    ['a timeout over 8 hours', () => ComponentDeployment.rolling({ ...base, maximumExecutionTimeout: Duration.seconds(28801) }), 'got 28801 [OutOfRange]'],
    ['11 rollback alarms', () => {
      const stack = testStack();
      return ComponentDeployment.rolling({ ...base, autoRollbackAlarms: Array.from({ length: 11 }, (_, i) => alarm(stack, `A${i}`)) });
    }, 'rolling.autoRollbackAlarms: at most 10 alarms, got 11 [TooManyRollbackAlarms]'],
    ['0 copies', () => ComponentCapacitySize.copyCount(0), `ComponentCapacitySize.copyCount: must be an integer of at least 1 (and at most 2147483647, the API's integer range), got 0 [OutOfRange]`],
    ['1.5 copies', () => ComponentCapacitySize.copyCount(1.5), 'got 1.5 [OutOfRange]'],
    ['0 %', () => ComponentCapacitySize.percent(0), 'ComponentCapacitySize.percent: must be a whole percentage from 1 to 100, got 0 [OutOfRange]'],
    ['101 %', () => ComponentCapacitySize.percent(101), 'got 101 [OutOfRange]'],
  ])('rejects %s', (_, make, message) => {
    expect(make).toThrow(InstancePoolsError);
    expect(make).toThrow(message);
  });

  test('accepts the bounds: 5 and 50 %, any copy count, waits of 0 and 60 minutes, timeouts of 10 minutes and 8 hours, 10 alarms', () => {
    const stack = testStack();
    expect(() => ComponentDeployment.rolling({ maximumBatchSize: ComponentCapacitySize.percent(5), waitInterval: Duration.seconds(0), maximumExecutionTimeout: Duration.minutes(10) })).not.toThrow();
    expect(() => ComponentDeployment.rolling({
      maximumBatchSize: ComponentCapacitySize.percent(50), waitInterval: Duration.minutes(60), maximumExecutionTimeout: Duration.hours(8),
      autoRollbackAlarms: Array.from({ length: 10 }, (_, i) => alarm(stack, `A${i}`)),
    })).not.toThrow();
    expect(() => ComponentDeployment.rolling({ maximumBatchSize: ComponentCapacitySize.copyCount(7), waitInterval: Duration.minutes(1) })).not.toThrow();
  });
});

describe('PooledInferenceComponent deployment', () => {
  test('renders DeploymentConfig with the rolling policy, the rollback batch and the alarms', () => {
    const stack = testStack();
    const business = alarm(stack, 'Business');
    pooledComponent(stack, {
      deployment: ComponentDeployment.rolling({
        maximumBatchSize: ComponentCapacitySize.copyCount(1), waitInterval: Duration.minutes(10), maximumExecutionTimeout: Duration.hours(2),
        rollbackMaximumBatchSize: ComponentCapacitySize.percent(50), autoRollbackAlarms: [business],
      }),
    });
    Template.fromStack(stack).hasResourceProperties('AWS::SageMaker::InferenceComponent', {
      DeploymentConfig: {
        RollingUpdatePolicy: {
          MaximumBatchSize: { Type: 'COPY_COUNT', Value: 1 }, WaitIntervalInSeconds: 600, MaximumExecutionTimeoutInSeconds: 7200,
          RollbackMaximumBatchSize: { Type: 'CAPACITY_PERCENT', Value: 50 },
        },
        AutoRollbackConfiguration: { Alarms: [{ AlarmName: { Ref: Match.stringLikeRegexp('^Business') } }] },
      },
    });
  });

  test('no AutoRollbackConfiguration without alarms, and no DeploymentConfig without a deployment', () => {
    const stack = testStack();
    pooledComponent(stack, { deployment: ComponentDeployment.rolling({ maximumBatchSize: ComponentCapacitySize.percent(20), waitInterval: Duration.minutes(1) }) });
    Template.fromStack(stack).hasResourceProperties('AWS::SageMaker::InferenceComponent', {
      DeploymentConfig: { RollingUpdatePolicy: Match.objectLike({ MaximumBatchSize: { Type: 'CAPACITY_PERCENT', Value: 20 } }), AutoRollbackConfiguration: Match.absent() },
    });
    const none = testStack();
    pooledComponent(none);
    Template.fromStack(none).hasResourceProperties('AWS::SageMaker::InferenceComponent', { DeploymentConfig: Match.absent() });
  });

  test('a deployment not made by ComponentDeployment.rolling() is rejected where it enters', () => {
    expect(() => pooledComponent(testStack(), { deployment: 'ROLLING' as any }))
      .toThrow("deployment: must be made by ComponentDeployment.rolling(), got 'ROLLING' [InvalidEnumValue]");
  });
});
