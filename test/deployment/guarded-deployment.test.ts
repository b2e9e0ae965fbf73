import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { CapacitySize, DeploymentStrategy } from '../../lib';
import { deploymentErrors, rollbackAlarms } from '../../lib/deployment/guarded-deployment';
import { seedEndpoint } from '../endpoint/fixtures';
import { testStack } from '../util';

const rolling = (extra: object = {}) => DeploymentStrategy.rolling({ maximumBatchSize: CapacitySize.percent(10), waitInterval: Duration.minutes(5), ...extra });

describe('guarded deployment wiring', () => {
  test("rollback alarms: the endpoint's latency and 5XX alarms first, then the user's", () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack, { endpointName: 'llm' });
    const own = endpoint.addAlarms({ modelLatencyThreshold: Duration.seconds(5) });
    const extra = cloudwatch.Alarm.fromAlarmName(stack, 'Extra', 'extra');
    expect(rollbackAlarms(rolling({ autoRollbackAlarms: [extra] }), own)).toEqual([...own.latencyAlarms, ...own.errorRateAlarms, extra]);
    expect(rollbackAlarms(rolling({ autoRollbackAlarms: [extra], rollbackOnEndpointAlarms: false }), own)).toEqual([extra]);
    expect(rollbackAlarms(rolling(), undefined)).toEqual([]);
  });

  test('reports every broken rule at once', () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack, { endpointName: 'llm' });
    const own = endpoint.addAlarms({ modelLatencyThreshold: Duration.seconds(5) });
    const many = Array.from({ length: 7 }, (_, i) => cloudwatch.Alarm.fromAlarmName(stack, `A${i}`, `a${i}`));
    const errors = deploymentErrors(endpoint, rolling({ autoRollbackAlarms: many }), [{}, { ServerlessConfig: {} }], own, false);
    expect(errors.map((e) => e.match(/\[(\w+)\]$/)![1])).toEqual(['RollingNotSupported', 'RollingNotSupported', 'TooManyRollbackAlarms', 'RollbackNeedsEndpointName']);
    expect(deploymentErrors(endpoint, rolling(), [{}], own, true)).toEqual([]);
  });
});
