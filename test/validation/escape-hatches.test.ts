import { Duration } from 'aws-cdk-lib';
import { CapacitySize, DeploymentStrategy, InstanceType, ScalingSignal } from '../../lib';
import { badInputTable, endpoint, icEndpoint, outcome } from './hostile-input';

/** Edits through escape hatches are checked at synth time, on the rendered config. */
const six = ['g5.xlarge', 'g5.2xlarge', 'g5.4xlarge', 'g5.8xlarge', 'g5.12xlarge', 'g5.16xlarge']
  .map((type, i) => ({ InstanceType: `ml.${type}`, Priority: i + 1 }));
const override = (path: string, value: unknown) => (s: any) => endpoint(s).cfnEndpointConfig.addPropertyOverride(path, value);
const weighted = (s: any) => {
  const e = endpoint(s);
  e.autoScale({ maxCapacity: 4 });
  return e;
};

badInputTable('escape hatches', [
  ['InstancePools overridden to six entries', override('ProductionVariants.0.InstancePools', six), 'PoolCount'],
  ['InstancePools overridden to an empty list', override('ProductionVariants.0.InstancePools', []), 'PoolCount'],
  ['InstancePools deleted, nothing in their place', (s) => endpoint(s).cfnEndpointConfig.addPropertyDeletionOverride('ProductionVariants.0.InstancePools'), 'PoolCount'],
  ['InstancePools of an inference-component endpoint deleted, nothing in their place',
    (s) => icEndpoint(s).cfnEndpointConfig.addPropertyDeletionOverride('ProductionVariants.0.InstancePools'), 'PoolCount'],
  ['the endpoint name overridden on the L1 while metrics and alarms use endpointName',
    (s) => endpoint(s, { endpointName: 'llm' }).cfnEndpoint.addPropertyOverride('EndpointName', 'llm-two'), 'EndpointNameEdited'],
  ['the endpoint name set on the L1 while metrics and alarms use endpointName', (s) => {
    endpoint(s, { endpointName: 'llm' }).cfnEndpoint.endpointName = 'llm-two';
  }, 'EndpointNameEdited'],
  ['the endpoint name deleted from the L1 while metrics and alarms use endpointName',
    (s) => endpoint(s, { endpointName: 'llm' }).cfnEndpoint.addPropertyDeletionOverride('EndpointName'), 'EndpointNameEdited'],
  ['an endpoint name overridden to one another endpoint of the app uses', (s) => {
    endpoint(s, { endpointName: 'llm' });
    endpoint(s, {}, 'Second').cfnEndpoint.addPropertyOverride('EndpointName', 'LLM');
  }, 'DuplicatePhysicalName'],
  ['InstancePools on an inference-component endpoint overridden to six entries', (s) => icEndpoint(s).cfnEndpointConfig.addPropertyOverride('ProductionVariants.0.InstancePools', six), 'PoolCount'],
  ["an overridden pool type 'ML.G5.XLARGE'", override('ProductionVariants.0.InstancePools.0.InstanceType', 'ML.G5.XLARGE'), 'InvalidInstanceType'],
  ["an overridden pool type 'ml.g5.xlarge ' with a trailing space", override('ProductionVariants.0.InstancePools.1.InstanceType', 'ml.g5.xlarge '), 'InvalidInstanceType'],
  ['pools deleted and ServerlessConfig added while weighted autoscaling renders per-type metrics', (s) => {
    const config = weighted(s).cfnEndpointConfig;
    config.addPropertyDeletionOverride('ProductionVariants.0.InstancePools');
    config.addPropertyOverride('ProductionVariants.0.ServerlessConfig', { MaxConcurrency: 5, MemorySizeInMB: 2048 });
  }, 'ScalingNeedsPools'],
  ['pools deleted and InstanceType set while weighted autoscaling renders per-type metrics', (s) => {
    const config = weighted(s).cfnEndpointConfig;
    config.addPropertyDeletionOverride('ProductionVariants.0.InstancePools');
    config.addPropertyOverride('ProductionVariants.0.InstanceType', 'ml.g5.xlarge');
  }, 'ScalingNeedsPools'],
  ['ServerlessConfig next to the pools', override('ProductionVariants.0.ServerlessConfig', { MaxConcurrency: 5, MemorySizeInMB: 2048 }), 'ServerlessWithPools'],
  ['InstanceType next to the pools', override('ProductionVariants.0.InstanceType', 'ml.g5.xlarge'), 'InstanceTypeWithPools'],
  ['ManagedInstanceScaling on a single-model endpoint', override('ProductionVariants.0.ManagedInstanceScaling', { Status: 'ENABLED', MaxInstanceCount: 2 }), 'ManagedScalingNeedsComponents'],
  ['a variant ModelName on an inference-component endpoint', (s) => icEndpoint(s).cfnEndpointConfig.addPropertyOverride('ProductionVariants.0.ModelName', 'm'), 'VariantModelWithComponents'],
  ['a second variant under a rolling deployment', (s) => endpoint(s, {
    deployment: DeploymentStrategy.rolling({ maximumBatchSize: CapacitySize.percent(20), waitInterval: Duration.minutes(5), rollbackOnEndpointAlarms: false }),
  }).cfnEndpointConfig.addPropertyOverride('ProductionVariants.1', { VariantName: 'B', ModelName: 'm', InstanceType: 'ml.g5.xlarge', InitialInstanceCount: 1 }), 'RollingNotSupported'],
]);

test('a name the endpoint does not fix may be set on the L1: its metrics name it by the attribute, whatever it is', () => {
  expect(outcome((s: any) => endpoint(s).cfnEndpoint.addPropertyOverride('EndpointName', 'llm-two'))).toBeUndefined();
});

test('a predefined signal does not need the pools: deleting them is the user\'s call', () => {
  expect(outcome((s: any) => {
    const e = endpoint(s, { pools: [{ instanceType: InstanceType.ML_G6_48XLARGE }] });
    e.autoScale({ maxCapacity: 4, signal: ScalingSignal.concurrentRequestsPerModel({ targetValue: 5 }) });
    e.cfnEndpointConfig.addPropertyDeletionOverride('ProductionVariants.0.InstancePools');
    e.cfnEndpointConfig.addPropertyOverride('ProductionVariants.0.InstanceType', 'ml.g5.xlarge');
  })).toBeUndefined();
});
