import { Duration } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { CapacityAwareEndpoint, CapacitySize, DeploymentStrategy, InstanceType, TrafficShift } from '../../lib';
import { templateWidgets } from '../monitoring/dashboard-body';
import { testStack } from '../util';
import { lmiModel, seedEndpoint } from './fixtures';

const rolling = (extra: object = {}) => DeploymentStrategy.rolling({ maximumBatchSize: CapacitySize.percent(20), waitInterval: Duration.minutes(10), ...extra });

describe('CapacityAwareEndpoint: alarms, dashboards and guarded deployments', () => {
  test('rolls in batches and rolls back on its own latency and 5XX alarms, defined in the same template', () => {
    // GIVEN
    const stack = testStack();
    const endpoint = seedEndpoint(stack, { endpointName: 'llm', deployment: rolling() });
    // WHEN
    const alarms = endpoint.addAlarms({ modelLatencyThreshold: Duration.seconds(20) });
    // THEN (the example app test also runs this through strict CloudFormation validation)
    const template = Template.fromStack(stack);
    const own = [...alarms.latencyAlarms, ...alarms.errorRateAlarms];
    expect(own).toHaveLength(4);
    template.hasResourceProperties('AWS::SageMaker::Endpoint', {
      EndpointName: 'llm',
      DeploymentConfig: {
        RollingUpdatePolicy: { MaximumBatchSize: { Type: 'CAPACITY_PERCENT', Value: 20 }, WaitIntervalInSeconds: 600 },
        AutoRollbackConfiguration: { Alarms: own.map((a) => ({ AlarmName: { Ref: stack.getLogicalId(a.node.defaultChild as cloudwatch.CfnAlarm) } })) },
      },
    });
    // The alarms watch the endpoint by its plain name, not through a reference to it: no dependency cycle.
    for (const alarm of own) {
      const props = template.toJSON().Resources[stack.getLogicalId(alarm.node.defaultChild as cloudwatch.CfnAlarm)].Properties;
      expect(JSON.stringify(props)).not.toContain('Fn::GetAtt');
    }
  });

  test('the concurrency and fallback alarms never roll a deployment back', () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack, { endpointName: 'llm', deployment: rolling() });
    const alarms = endpoint.addAlarms();
    const names = Template.fromStack(stack).toJSON().Resources[stack.getLogicalId(endpoint.cfnEndpoint)].Properties.DeploymentConfig.AutoRollbackConfiguration.Alarms;
    expect(names).toHaveLength(2); // the 5XX alarms; no latency threshold was given
    expect(JSON.stringify(names)).not.toMatch(/ConcurrencyAboveMax|RunningOnFallback/);
    expect(alarms.alarms).toHaveLength(5);
  });

  test("blue/green with the user's alarms only", () => {
    const stack = testStack();
    const own = new cloudwatch.Alarm(stack, 'Business', { metric: new cloudwatch.Metric({ namespace: 'App', metricName: 'Orders' }), threshold: 1, evaluationPeriods: 1 });
    const endpoint = seedEndpoint(stack, {
      deployment: DeploymentStrategy.blueGreen({
        trafficShift: TrafficShift.linear(CapacitySize.percent(25), Duration.minutes(5)), autoRollbackAlarms: [own], rollbackOnEndpointAlarms: false,
      }),
    });
    endpoint.addAlarms();
    Template.fromStack(stack).hasResourceProperties('AWS::SageMaker::Endpoint', {
      DeploymentConfig: {
        BlueGreenUpdatePolicy: { TrafficRoutingConfiguration: { Type: 'LINEAR', WaitIntervalInSeconds: 300, LinearStepSize: { Type: 'CAPACITY_PERCENT', Value: 25 } } },
        AutoRollbackConfiguration: { Alarms: [{ AlarmName: { Ref: Match.stringLikeRegexp('^Business') } }] },
        RollingUpdatePolicy: Match.absent(),
      },
    });
  });

  test('without any alarm: no AutoRollbackConfiguration, and a warning', () => {
    const stack = testStack();
    seedEndpoint(stack, { deployment: rolling() });
    Template.fromStack(stack).hasResourceProperties('AWS::SageMaker::Endpoint', { DeploymentConfig: { AutoRollbackConfiguration: Match.absent() } });
    Annotations.fromStack(stack).hasWarning('/TestStack/Llm', Match.stringLikeRegexp('deployment: no alarms to roll back on.*deploymentWithoutAlarms'));
  });

  test('no deployment: no DeploymentConfig', () => {
    const stack = testStack();
    seedEndpoint(stack).addAlarms();
    Template.fromStack(stack).hasResourceProperties('AWS::SageMaker::Endpoint', { DeploymentConfig: Match.absent() });
  });

  test('rejects rolling back on its own alarms without a fixed endpoint name (CloudFormation cycle)', () => {
    const stack = testStack();
    seedEndpoint(stack, { deployment: rolling() }).addAlarms();
    expect(() => Template.fromStack(stack)).toThrow(/endpointName: rolling back on the endpoint's own alarms needs a fixed endpoint name.*got a generated name \[RollbackNeedsEndpointName\]/);
  });

  test('rejects more than 10 rollback alarms in total', () => {
    const stack = testStack();
    const extra = cloudwatch.Alarm.fromAlarmName(stack, 'Extra', 'extra');
    const endpoint = new CapacityAwareEndpoint(stack, 'Ep', {
      model: lmiModel(stack, 'M'), endpointName: 'five',
      pools: ['g6.48xlarge', 'g6e.48xlarge', 'g5.48xlarge', 'p4d.24xlarge', 'p5.48xlarge'].map((t) => ({ instanceType: InstanceType.of(`ml.${t}`) })),
      deployment: rolling({ autoRollbackAlarms: [extra] }),
    });
    endpoint.addAlarms({ modelLatencyThreshold: Duration.seconds(20) });
    expect(() => Template.fromStack(stack)).toThrow(/deployment: SageMaker watches at most 10 rollback alarms .*, got 11 \[TooManyRollbackAlarms\]/);
  });

  test('rejects a rolling update once the config has several variants (escape hatch)', () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack, { deployment: rolling() });
    endpoint.cfnEndpointConfig.addPropertyOverride('ProductionVariants.1', { VariantName: 'Shadow', ModelName: 'm', InitialInstanceCount: 1, InstanceType: 'ml.g5.xlarge' });
    expect(() => Template.fromStack(stack)).toThrow("deployment: SageMaker supports rolling updates only for endpoints with one production variant; use DeploymentStrategy.blueGreen(), got 2 variants [RollingNotSupported]");
  });

  test('rejects a rolling update of a serverless variant (escape hatch)', () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack, { deployment: rolling() });
    endpoint.cfnEndpointConfig.addPropertyOverride('ProductionVariants.0.ServerlessConfig', { MaxConcurrency: 1, MemorySizeInMB: 2048 });
    expect(() => Template.fromStack(stack)).toThrow(/deployment: SageMaker supports no rolling updates for serverless variants; use DeploymentStrategy.blueGreen\(\), got ServerlessConfig \[RollingNotSupported\]/);
  });

  test('addAlarms() once per endpoint, under construct ID Alarms', () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack);
    const alarms = endpoint.addAlarms();
    expect(alarms.node.path).toBe('TestStack/Llm/Alarms');
    expect(endpoint.alarms).toBe(alarms);
    expect(() => endpoint.addAlarms()).toThrow("addAlarms: alarm names are unique per endpoint; addAlarms() was already called, got TestStack/Llm [AlarmsExist]");
  });

  test('addDashboard() shows the alarms of addAlarms() by default', () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack, { endpointName: 'llm' });
    const alarms = endpoint.addAlarms();
    const dashboard = endpoint.addDashboard('Dashboard', { dashboardName: 'llm' });
    endpoint.addDashboard('Quiet', { alarms: [] });
    expect(dashboard.node.path).toBe('TestStack/Llm/Dashboard');
    const status = templateWidgets(stack).filter((w) => w.type === 'alarm');
    expect(status).toHaveLength(1); // the quiet one has none
    expect(status[0].properties.alarms).toHaveLength(alarms.alarms.length);
  });
});

describe('CapacityAwareEndpoint: rolling batches', () => {
  const rollingPolicy = (stack: import('aws-cdk-lib').Stack) =>
    Object.values(Template.fromStack(stack).findResources('AWS::SageMaker::Endpoint'))[0].Properties.DeploymentConfig.RollingUpdatePolicy;
  const cpuEndpoint = (stack: import('aws-cdk-lib').Stack, props: object) => new CapacityAwareEndpoint(stack, 'Cpu', {
    model: lmiModel(stack, 'M'),
    pools: [{ instanceType: InstanceType.ML_C5_XLARGE }, { instanceType: InstanceType.ML_M5_XLARGE }],
    ...props,
  });

  test('GPU pools roll back in the rollout batches, not the whole old fleet at once', () => {
    const stack = testStack();
    seedEndpoint(stack, { deployment: rolling() });
    expect(rollingPolicy(stack)).toEqual({
      MaximumBatchSize: { Type: 'CAPACITY_PERCENT', Value: 20 },
      RollbackMaximumBatchSize: { Type: 'CAPACITY_PERCENT', Value: 20 },
      WaitIntervalInSeconds: 600,
    });
  });

  test('the default follows the rollout batch, also after addAlarms() re-renders the deployment config', () => {
    const stack = testStack();
    seedEndpoint(stack, { endpointName: 'llm', deployment: rolling({ maximumBatchSize: CapacitySize.instanceCount(2) }) }).addAlarms();
    expect(rollingPolicy(stack).RollbackMaximumBatchSize).toEqual({ Type: 'INSTANCE_COUNT', Value: 2 });
  });

  test('an unknown instance type counts as scarce hardware', () => {
    const stack = testStack();
    cpuEndpoint(stack, { pools: [{ instanceType: InstanceType.ML_C5_XLARGE }, { instanceType: InstanceType.of('ml.p9.48xlarge') }], deployment: rolling() });
    expect(rollingPolicy(stack).RollbackMaximumBatchSize).toEqual({ Type: 'CAPACITY_PERCENT', Value: 20 });
  });

  test("CPU-only pools keep SageMaker's all-at-once rollback", () => {
    const stack = testStack();
    cpuEndpoint(stack, { deployment: rolling() });
    expect(rollingPolicy(stack).RollbackMaximumBatchSize).toBeUndefined();
  });

  test('a given rollback batch always wins, 100 % included', () => {
    const stack = testStack();
    seedEndpoint(stack, { deployment: rolling({ rollbackMaximumBatchSize: CapacitySize.percent(100) }) });
    expect(rollingPolicy(stack).RollbackMaximumBatchSize).toEqual({ Type: 'CAPACITY_PERCENT', Value: 100 });
    const cpu = testStack();
    cpuEndpoint(cpu, { deployment: rolling({ rollbackMaximumBatchSize: CapacitySize.instanceCount(1) }) });
    expect(rollingPolicy(cpu).RollbackMaximumBatchSize).toEqual({ Type: 'INSTANCE_COUNT', Value: 1 });
  });

  test('blue/green deployments get no rolling policy', () => {
    const stack = testStack();
    seedEndpoint(stack, { deployment: DeploymentStrategy.blueGreen() });
    expect(rollingPolicy(stack)).toBeUndefined();
  });

  const warning = Match.stringLikeRegexp('deployment: maximumBatchSize is 20 % of a variant that runs one instance.*CapacitySize.instanceCount\\(1\\)');

  test('warns about a percentage batch on a one-instance variant', () => {
    const stack = testStack();
    seedEndpoint(stack, { deployment: rolling() }); // initialInstanceCount defaults to 1
    Annotations.fromStack(stack).hasWarning('/TestStack/Llm', warning);
    const scaledToOne = testStack();
    seedEndpoint(scaledToOne, { deployment: rolling() }).autoScale({ minCapacity: 1, maxCapacity: 1 });
    Annotations.fromStack(scaledToOne).hasWarning('/TestStack/Llm', warning);
  });

  test.each<[string, object, number | undefined]>([
    ['an instance-count batch', { deployment: rolling({ maximumBatchSize: CapacitySize.instanceCount(1) }) }, undefined],
    ['several instances', { deployment: rolling(), initialInstanceCount: 4 }, undefined],
    ['autoscaling beyond one instance', { deployment: rolling() }, 4],
  ])('no one-instance warning with %s', (_, props, maxCapacity) => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack, props);
    if (maxCapacity !== undefined) endpoint.autoScale({ maxCapacity });
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('runs one instance'));
  });
});
