import { variantReport } from '../../../bin/fleet/collect/variants';
import { endpointConfig, G6, P5, pooledVariant } from '../scenario';

const configVariant = endpointConfig().ProductionVariants![0];
const none = { state: 'none' } as const;

describe('variantReport', () => {
  test('a pooled variant: counts, weights, ranked pools, fallback', () => {
    const report = variantReport(pooledVariant(4, 2), 'production', configVariant, none);
    expect(report).toMatchObject({
      name: 'AllTraffic', role: 'production', currentInstanceCount: 6, desiredInstanceCount: 6, currentWeight: 1, desiredWeight: 1,
      instancePools: true, serverless: false, prioritySource: 'endpoint-config', fallback: true, fallbackInstanceCount: 2,
      stages: [], managedInstanceScaling: null, scaling: none,
    });
    expect(report.pools.map((p) => [p.priority, p.instanceType, p.count, p.modelNameOverride])).toEqual([
      [1, P5, 4, null], [2, G6, 2, 'Int4Model-77d0b3'],
    ]);
  });

  test('a classic single-type variant: the type comes from the config, all instances in one priority-1 pool', () => {
    const report = variantReport({ VariantName: 'AllTraffic', CurrentInstanceCount: 3, DesiredInstanceCount: 3 }, 'production',
      { VariantName: 'AllTraffic', InstanceType: 'ml.g5.2xlarge', InitialInstanceCount: 3 }, none);
    expect(report.instancePools).toBe(false);
    expect(report.pools).toEqual([{ priority: 1, instanceType: 'ml.g5.2xlarge', count: 3, share: 1, fallback: false, modelNameOverride: null }]);
  });

  test('a pending single-type variant names its own instance type', () => {
    const report = variantReport({ VariantName: 'AllTraffic', InstanceType: 'ml.g5.4xlarge', CurrentInstanceCount: 1 }, 'pending', undefined, none);
    expect(report.pools.map((p) => [p.instanceType, p.count])).toEqual([['ml.g5.4xlarge', 1]]);
    expect(report.prioritySource).toBe('response-order');
  });

  test('deployment stages and managed instance scaling', () => {
    const report = variantReport(pooledVariant(1, 0, {
      VariantStatus: [{ Status: 'Creating', StatusMessage: 'Launching instances', StartTime: new Date('2026-11-26T09:58:00Z') }],
      ManagedInstanceScaling: { Status: 'ENABLED', MinInstanceCount: 1, MaxInstanceCount: 5 },
    }), 'pending', configVariant, none);
    expect(report.stages).toEqual([{ status: 'Creating', message: 'Launching instances', startTime: '2026-11-26T09:58:00.000Z' }]);
    expect(report.managedInstanceScaling).toEqual({ status: 'ENABLED', minInstanceCount: 1, maxInstanceCount: 5 });
  });

  test('a serverless variant has no pools', () => {
    const report = variantReport({ VariantName: 'Serverless', CurrentServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 } }, 'production',
      { VariantName: 'Serverless', ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 } }, none);
    expect(report.serverless).toBe(true);
    expect(report.pools).toEqual([]);
    expect(report.fallback).toBe(false);
  });
});
