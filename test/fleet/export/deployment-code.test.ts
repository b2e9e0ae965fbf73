import { deploymentCode } from '../../../bin/fleet/export/deployment-code';
import { SourceBuilder } from '../../../bin/fleet/export/source-builder';

describe('deploymentCode', () => {
  test('none: SageMaker\'s and the library\'s default', () => {
    expect(deploymentCode(undefined, new SourceBuilder(), '')).toBeUndefined();
  });

  test('blue/green canary with a termination wait', () => {
    const code = deploymentCode({
      BlueGreenUpdatePolicy: {
        TrafficRoutingConfiguration: { Type: 'CANARY', CanarySize: { Type: 'CAPACITY_PERCENT', Value: 10 }, WaitIntervalInSeconds: 600 },
        TerminationWaitInSeconds: 300, MaximumExecutionTimeoutInSeconds: 3600,
      },
    }, new SourceBuilder(), '');
    expect(code).toBe([
      'DeploymentStrategy.blueGreen({',
      '  trafficShift: TrafficShift.canary(CapacitySize.percent(10), Duration.minutes(10)),',
      '  terminationWait: Duration.minutes(5),',
      '  maximumExecutionTimeout: Duration.minutes(60),',
      '  rollbackOnEndpointAlarms: false,',
      '})',
    ].join('\n'));
  });

  test('linear and all-at-once shifts', () => {
    const linear = deploymentCode({ BlueGreenUpdatePolicy: { TrafficRoutingConfiguration: { Type: 'LINEAR', LinearStepSize: { Type: 'INSTANCE_COUNT', Value: 2 }, WaitIntervalInSeconds: 60 } } }, new SourceBuilder(), '');
    expect(linear).toContain('TrafficShift.linear(CapacitySize.instanceCount(2), Duration.minutes(1))');
    const all = deploymentCode({ BlueGreenUpdatePolicy: { TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 0 } } }, new SourceBuilder(), '');
    expect(all).toContain('TrafficShift.allAtOnce(Duration.minutes(0))');
  });
});
