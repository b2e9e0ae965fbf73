import { scenarioSnapshot, singleTypeConfig, singleTypeEndpoint } from './migrate-scenario';
import { FleetError } from '../../../bin/fleet/errors';
import { buildUpdateRequest, describeDeployment } from '../../../bin/fleet/migrate/update-request';
import { P5 } from '../scenario';

describe('buildUpdateRequest: RetainAllVariantProperties', () => {
  test('set when a variant is an autoscaling target', () => {
    const plan = buildUpdateRequest(scenarioSnapshot(), 'new', undefined);
    expect(plan.request).toEqual({ EndpointName: 'llm-endpoint', EndpointConfigName: 'new', RetainAllVariantProperties: true });
    expect(plan.retainReasons).toEqual(['variant AllTraffic is an autoscaling target (min 2, max 10)']);
  });

  test('set when a variant was scaled or weighted by hand', () => {
    const plan = buildUpdateRequest(scenarioSnapshot({
      scaling: [],
      endpoint: singleTypeEndpoint({ ProductionVariants: [{ VariantName: 'AllTraffic', DesiredInstanceCount: 4, DesiredWeight: 0.5 }] }),
    }), 'new', undefined);
    expect(plan.request.RetainAllVariantProperties).toBe(true);
    expect(plan.retainReasons).toEqual([
      'variant AllTraffic runs 4 instances where its endpoint config says 2',
      'variant AllTraffic has weight 0.5 where its endpoint config says 1',
    ]);
  });

  test('not set when every variant runs as its config says', () => {
    const plan = buildUpdateRequest(scenarioSnapshot({
      scaling: [],
      endpoint: singleTypeEndpoint({ ProductionVariants: [{ VariantName: 'AllTraffic', DesiredInstanceCount: 2, DesiredWeight: 1 }] }),
    }), 'new', undefined);
    expect(plan.request).toEqual({ EndpointName: 'llm-endpoint', EndpointConfigName: 'new' });
    expect(plan.retainReasons).toEqual([]);
  });
});

describe('buildUpdateRequest: deployment', () => {
  test('default: no deployment config, SageMaker\'s blue/green all at once', () => {
    const plan = buildUpdateRequest(scenarioSnapshot(), 'new', undefined);
    expect(plan.request.DeploymentConfig).toBeUndefined();
    expect(plan.request.RetainDeploymentConfig).toBeUndefined();
    expect(plan.deployment).toMatch(/^blue\/green, all at once \(SageMaker's default\)/);
  });

  test('--rolling without a last deployment: batches and rollback of the same size, no alarms', () => {
    const plan = buildUpdateRequest(scenarioSnapshot(), 'new', 10);
    expect(plan.request.DeploymentConfig).toEqual({
      RollingUpdatePolicy: {
        MaximumBatchSize: { Type: 'CAPACITY_PERCENT', Value: 10 }, WaitIntervalInSeconds: 300,
        MaximumExecutionTimeoutInSeconds: 28800, RollbackMaximumBatchSize: { Type: 'CAPACITY_PERCENT', Value: 10 },
      },
    });
    expect(plan.deployment).toBe('rolling, 10% of the instances per batch, 5m 00s bake per batch, rollback in batches of 10%, at most 8h 00m in all; no rollback alarms');
  });

  test('--rolling refuses an endpoint with several production variants', () => {
    const config = singleTypeConfig({ ProductionVariants: [{ VariantName: 'A', InstanceType: P5 }, { VariantName: 'B', InstanceType: P5 }] });
    expect(() => buildUpdateRequest(scenarioSnapshot({ config }), 'new', 10)).toThrow(FleetError);
  });

  test('an endpoint with a last deployment config keeps it', () => {
    const last = { BlueGreenUpdatePolicy: { TrafficRoutingConfiguration: { Type: 'CANARY' as const, WaitIntervalInSeconds: 600 } },
      AutoRollbackConfiguration: { Alarms: [{ AlarmName: 'a' }, { AlarmName: 'b' }] } };
    const plan = buildUpdateRequest(scenarioSnapshot({ endpoint: singleTypeEndpoint({ LastDeploymentConfig: last }) }), 'new', undefined);
    expect(plan.request.RetainDeploymentConfig).toBe(true);
    expect(plan.deployment).toBe("as the endpoint's last deployment (RetainDeploymentConfig): blue/green, canary; rolls back on alarm a, b");
  });
});

test('describeDeployment reads rolling batches in instances or percent', () => {
  expect(describeDeployment({ RollingUpdatePolicy: { MaximumBatchSize: { Type: 'INSTANCE_COUNT', Value: 2 }, WaitIntervalInSeconds: 0 } }))
    .toBe('rolling, batches of 2 instances; no rollback alarms');
  expect(describeDeployment({})).toBe('blue/green, all at once; no rollback alarms');
});
