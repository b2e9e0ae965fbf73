import { Size, Stack, Token } from 'aws-cdk-lib';
import {
  CapacityAwareEndpoint, InferenceComponentSpecification, InferenceComponentWidgets, InstanceType, PoolDashboard, PoolWidgets,
} from '../../lib';
import { InstancePoolsError } from '../../lib/core/errors';
import { checkTypeInPools } from '../../lib/pools/pool-instance-types';
import { lmiModel, seedEndpoint } from '../endpoint/fixtures';
import { G6_24, G6_48, icEndpoint, pooledComponent, tpModels } from '../inference-components/fixtures';
import { testStack } from '../util';

const G6_12 = InstanceType.ML_G6_12XLARGE;
const P5 = InstanceType.ML_P5_48XLARGE;
const typeToken = () => InstanceType.of(Token.asString({ Ref: 'PoolType' }));

/** An endpoint on g6 pools only, as the new user had it. */
const g6Endpoint = (stack: Stack) => new CapacityAwareEndpoint(stack, 'G6', {
  model: lmiModel(stack, 'Model'),
  pools: [{ instanceType: G6_48, maxConcurrency: 8 }, { instanceType: G6_12, maxConcurrency: 2 }],
});

describe('checkTypeInPools', () => {
  const pools = { types: [G6_48, G6_12], source: 'pools' };

  test('a type of the pools passes; another names the prop, the pools and the value', () => {
    expect(() => checkTypeInPools('options.instanceType', G6_12, pools)).not.toThrow();
    expect(() => checkTypeInPools('options.instanceType', P5, pools)).toThrow(new InstancePoolsError('InstanceTypeNotInPools', 'options.instanceType',
      'one of the instance types of pools (ml.g6.48xlarge, ml.g6.12xlarge): SageMaker publishes per-InstanceType metrics only for the types '
      + 'the endpoint runs on, so a metric of another type has no data', 'ml.p5.48xlarge'));
  });

  test('tokens pass: a token type, or pools holding one, cannot be compared at synth time', () => {
    expect(() => checkTypeInPools('t', typeToken(), pools)).not.toThrow();
    expect(() => checkTypeInPools('t', P5, { types: [G6_48, typeToken()], source: 'pools' })).not.toThrow();
  });
});

/** Every entry point that takes an instance type, with a type of another fleet: the prop, where the types come from. */
const rows: Array<[string, (stack: Stack) => unknown, string, string, string?]> = [
  ['endpoint.metricModelLatency (the new user\'s call)', (s) => g6Endpoint(s).metricModelLatency({ instanceType: P5 }), 'options.instanceType', 'pools (ml.g6.48xlarge, ml.g6.12xlarge)'],
  ['endpoint.metric(name)', (s) => g6Endpoint(s).metric('ModelSetupTime', { instanceType: P5 }), 'options.instanceType', 'pools (ml.g6.48xlarge, ml.g6.12xlarge)'],
  ['endpoint.metricGPUUtilization', (s) => g6Endpoint(s).metricGPUUtilization({ instanceType: P5 }), 'options.instanceType', 'pools (ml.g6.48xlarge, ml.g6.12xlarge)'],
  ['a further variant\'s metric, checked against its own pools', (s) => seedEndpoint(s, {
    variants: [{ variantName: 'B', model: lmiModel(s, 'B'), pools: [{ instanceType: G6_12 }] }],
  }).variant('B').metric('Invocations', { instanceType: P5 }), 'options.instanceType', 'variants[0].pools (ml.g6.12xlarge)'],
  ['an endpoint imported with fromEndpointAttributes', (s) => CapacityAwareEndpoint.fromEndpointAttributes(s, 'Imported', {
    endpointName: 'llm', pools: [{ instanceType: G6_48 }],
  }).metric('ModelLatency', { instanceType: P5 }), 'options.instanceType', 'pools (ml.g6.48xlarge)'],
  ['PoolWidgets.widgetsForPool', (s) => new PoolWidgets(g6Endpoint(s)).widgetsForPool({ instanceType: P5, priority: 1 }), 'pool.instanceType', 'pools (ml.g6.48xlarge, ml.g6.12xlarge)'],
  ['an inference component\'s metric, for a pool type it has no specification for', (s) => {
    const endpoint = icEndpoint(s);
    const { tp4 } = tpModels(s);
    return endpoint.addInferenceComponent('Small', {
      specification: InferenceComponentSpecification.perInstanceType([
        { instanceType: G6_24, model: tp4, acceleratorCount: 4, minMemory: Size.mebibytes(512) },
        { instanceType: InstanceType.ML_G5_48XLARGE, model: tp4, acceleratorCount: 4, minMemory: Size.mebibytes(512) },
      ]),
    }).metricModelLatency({ instanceType: G6_48 });
  }, 'options.instanceType', "the component's specification (ml.g6.24xlarge, ml.g5.48xlarge)", 'ml.g6.48xlarge'],
  ['an inference component\'s utilization metric', (s) => pooledComponent(s).component.metricGPUUtilizationNormalized({ instanceType: P5 }),
    'options.instanceType', "the component's specification (ml.g6.48xlarge, ml.g6.24xlarge, ml.g5.48xlarge)"],
  ['InferenceComponentWidgets.typeWidgets', (s) => {
    const { component, tp8 } = pooledComponent(s);
    return new InferenceComponentWidgets(component).typeWidgets({ instanceType: P5, model: tp8 });
  }, 'placement.instanceType', "the component's specification (ml.g6.48xlarge, ml.g6.24xlarge, ml.g5.48xlarge)"],
];

describe('every helper that takes an instance type rejects one the endpoint does not run on', () => {
  test.each(rows)('%s', (_what, build, prop, source, value = 'ml.p5.48xlarge') => {
    expect(() => build(testStack())).toThrow(`${prop}: one of the instance types of ${source}: SageMaker publishes per-InstanceType metrics `
      + `only for the types the endpoint runs on, so a metric of another type has no data, got '${value}' [InstanceTypeNotInPools]`);
  });

  test('a type of the pools, and a token, are accepted', () => {
    const stack = testStack();
    const endpoint = g6Endpoint(stack);
    expect(endpoint.metricModelLatency({ instanceType: G6_12 }).dimensions).toMatchObject({ InstanceType: 'ml.g6.12xlarge' });
    expect(stack.resolve(endpoint.metricModelLatency({ instanceType: typeToken() }).dimensions)).toMatchObject({ InstanceType: { Ref: 'PoolType' } });
    expect(new PoolWidgets(endpoint).widgetsForPool({ instanceType: G6_12, priority: 2 })).toHaveLength(7);
  });

  test('alarms and dashboards read the endpoint\'s own pools, so they always pass', () => {
    const stack = testStack();
    const endpoint = g6Endpoint(stack);
    expect(endpoint.addAlarms().errorRateAlarms).toHaveLength(2);
    expect(() => new PoolDashboard(stack, 'Dashboard', { endpoint })).not.toThrow();
  });
});
