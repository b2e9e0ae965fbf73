import { App, CfnResource, Stack, Token } from 'aws-cdk-lib';
import { CfnEndpoint } from 'aws-cdk-lib/aws-sagemaker';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { CapacityAwareEndpoint, EndpointAutoScaling, InstanceType, Model, PoolAlarms } from '../../lib';
import { allTypes, badInputTable, bucket, endpoint, expectCode, icEndpoint, lmi, outcome, variant, withShadow, withVariants } from './hostile-input';

/** Physical names unique within an app: per account and region, or per stack when those are unknown. */
const sibling = (stack: Stack, id = 'Other', env: object = { account: '111111111111', region: 'us-east-1' }) => new Stack(App.of(stack)!, id, { env });
const named = (name: string) => ({ endpointName: name });

badInputTable('physical names', [
  ['two endpoints with the same endpointName in one stack', (s) => { endpoint(s, named('llm'), 'A'); endpoint(s, named('llm'), 'B'); }, 'DuplicatePhysicalName'],
  ['two endpoints with the same endpointName in two stacks of one account and region', (s) => { endpoint(s, named('llm')); endpoint(sibling(s), named('llm')); }, 'DuplicatePhysicalName'],
  ["endpointName 'Qwen' next to 'qwen' (SageMaker compares without case)", (s) => { endpoint(s, named('Qwen'), 'A'); endpoint(s, named('qwen'), 'B'); }, 'DuplicatePhysicalName'],
  ['an inference-component endpoint with the name of an endpoint', (s) => { endpoint(s, named('llm')); icEndpoint(s, named('llm')); }, 'DuplicatePhysicalName'],
  ['two models with the same modelName', (s) => { lmi(s, 'A', { modelName: 'qwen' }); lmi(s, 'B', { modelName: 'qwen' }); }, 'DuplicatePhysicalName'],
  ['two models with the same modelName in two stacks', (s) => { lmi(s, 'A', { modelName: 'qwen' }); lmi(sibling(s), 'B', { modelName: 'qwen' }); }, 'DuplicatePhysicalName'],
  ['two endpoint configs named through the escape hatch', (s) => {
    endpoint(s, {}, 'A').cfnEndpointConfig.endpointConfigName = 'cfg'; endpoint(s, {}, 'B').cfnEndpointConfig.endpointConfigName = 'cfg';
  }, 'DuplicatePhysicalName'],
  ['two dashboards with the same dashboardName', (s) => {
    endpoint(s, {}, 'A').addDashboard('D', { dashboardName: 'fleet' }); endpoint(s, {}, 'B').addDashboard('D', { dashboardName: 'fleet' });
  }, 'DuplicatePhysicalName'],
  ['a pool dashboard with the name of another dashboard of the app', (s) => {
    new cloudwatch.Dashboard(s, 'Mine', { dashboardName: 'fleet' }); endpoint(s, {}, 'A').addDashboard('D', { dashboardName: 'fleet' });
    endpoint(s, {}, 'B').addDashboard('D', { dashboardName: 'fleet' });
  }, 'DuplicatePhysicalName'],
  ['two inference components with the same inferenceComponentName', (s) => {
    const ic = icEndpoint(s);
    ic.addInferenceComponent('A', { specification: allTypes(s), inferenceComponentName: 'qwen' });
    ic.addInferenceComponent('B', { specification: allTypes(s), inferenceComponentName: 'qwen' });
  }, 'DuplicatePhysicalName'],
  ["alarms of endpoint 'a-b' variant 'c' and endpoint 'a' variant 'b-c': same derived names", (s) => {
    endpoint(s, { endpointName: 'a-b', variantName: 'c' }, 'A').addAlarms();
    endpoint(s, { endpointName: 'a', variantName: 'b-c' }, 'B').addAlarms();
  }, 'DuplicatePhysicalName'],
  ['alarms of two endpoints with the same alarmNamePrefix and names in two stacks', (s) => {
    endpoint(s, named('llm')).addAlarms(); endpoint(sibling(s), named('llm')).addAlarms();
  }, 'DuplicatePhysicalName'],
  ["a second addDashboard('Dash') on one endpoint", (s) => { const e = endpoint(s); e.addDashboard('Dash'); e.addDashboard('Dash'); }, 'DuplicateConstructId'],
  ["a second CapacityAwareEndpoint with construct id 'Ep'", (s) => { endpoint(s); endpoint(s); }, 'DuplicateConstructId'],
  ["a second addInferenceComponent('C')", (s) => {
    const ic = icEndpoint(s); ic.addInferenceComponent('C', { specification: allTypes(s) }); ic.addInferenceComponent('C', { specification: allTypes(s) });
  }, 'DuplicateConstructId'],
  ["a second Model with construct id 'M'", (s) => { lmi(s, 'M'); lmi(s, 'M'); }, 'DuplicateConstructId'],
  ["new PoolAlarms with construct id 'Alarms' next to addAlarms()", (s) => { const e = endpoint(s); e.addAlarms(); new PoolAlarms(e, 'Alarms', { endpoint: e }); }, 'DuplicateConstructId'],
  ["new EndpointAutoScaling with construct id 'AutoScaling' next to autoScale()", (s) => {
    const e = endpoint(s); e.autoScale({ maxCapacity: 2 }); new EndpointAutoScaling(e, 'AutoScaling', { endpoint: e, maxCapacity: 2 });
  }, 'DuplicateConstructId'],
  ['Model.fromModelName with an id already taken', (s) => { lmi(s, 'M'); Model.fromModelName(s, 'M', 'x'); }, 'DuplicateConstructId'],
]);

/** The newest surface: variant names, physical names of variants' alarms and dashboards, taken-over logical IDs. */
const withB = (s: Stack, props: object = {}, id = 'Ep') => endpoint(s, { variants: [variant(s)], ...props }, id);
const param = () => Token.asString({ Ref: 'CandidateName' });

badInputTable('unique names of variants, their alarms and dashboards, and taken-over logical IDs', [
  ["a variant named like the primary ('AllTraffic')", withVariants({ variantName: 'AllTraffic' }), 'DuplicateVariantName'],
  ["a shadow variant named like the primary ('AllTraffic')", withShadow({ variantName: 'AllTraffic' }), 'DuplicateVariantName'],
  ["two variants named 'B'", withVariants({}, {}), 'DuplicateVariantName'],
  ['two variants named by the same parameter (once accepted)', withVariants({ variantName: param() }, { variantName: param() }), 'DuplicateVariantName'],
  ['two PoolAlarms on one variant of an endpoint with a generated name (once accepted)', (s) => {
    const b = withB(s).variant('B'); b.addAlarms(); new PoolAlarms(s, 'Again', { endpoint: b });
  }, 'DuplicatePhysicalName'],
  ["alarms of variant 'b-c' of endpoint 'a' and of variant 'c' of endpoint 'a-b'", (s) => {
    endpoint(s, { endpointName: 'a-b', variantName: 'c' }, 'A').addAlarms();
    endpoint(s, { endpointName: 'a', variants: [variant(s, { variantName: 'b-c', pools: [{ instanceType: InstanceType.ML_G6_48XLARGE }] })] }, 'B').variant('b-c').addAlarms();
  }, 'DuplicatePhysicalName'],
  ['dashboards of two variants with one dashboardName', (s) => {
    const e = endpoint(s, { variants: [variant(s), variant(s, { variantName: 'C' })] });
    e.variant('B').addDashboard('D', { dashboardName: 'fleet' }); e.variant('C').addDashboard('D', { dashboardName: 'fleet' });
  }, 'DuplicatePhysicalName'],
  ["a variant's addDashboard('D') twice", (s) => { const b = withB(s).variant('B'); b.addDashboard('D'); b.addDashboard('D'); }, 'DuplicateConstructId'],
  ["a variant's autoScale() twice", (s) => { const b = withB(s).variant('B'); b.autoScale({ maxCapacity: 2 }); b.autoScale({ maxCapacity: 2 }); }, 'AutoScalingExists'],
  ["a variant's addAlarms() twice", (s) => { const b = withB(s).variant('B'); b.addAlarms(); b.addAlarms(); }, 'AlarmsExist'],
  ['existingEndpoint naming the logical ID of the old endpoint still in the app (once an aws-cdk-lib AssumptionError)', (s) => {
    new CfnEndpoint(s, 'Endpoint', { endpointConfigName: 'old' }); endpoint(s, { existingEndpoint: { endpointLogicalId: 'Endpoint' } });
  }, 'InvalidLogicalId'],
  ['two endpoints taking over one logical ID', (s) => {
    endpoint(s, { existingEndpoint: { endpointLogicalId: 'Endpoint' } }, 'A'); endpoint(s, { existingEndpoint: { endpointLogicalId: 'Endpoint' } }, 'B');
  }, 'InvalidLogicalId'],
  ["existingEndpoint.scalableTargetLogicalId naming a bucket's logical ID", (s) => {
    (bucket(s).node.defaultChild as CfnResource).overrideLogicalId('Target');
    endpoint(s, { existingEndpoint: { endpointLogicalId: 'Endpoint', scalableTargetLogicalId: 'Target' } }).autoScale({ maxCapacity: 2 });
  }, 'InvalidLogicalId'],
]);

describe('physical names', () => {
  test('the error names both construct paths', () => {
    const error = outcome((s) => { endpoint(s, named('llm'), 'A'); endpoint(s, named('llm'), 'B'); }) as Error;
    expect(error.message).toContain("endpointName: physical names are unique per account and region; TestStack/B and TestStack/A both use this name, got 'llm' [DuplicatePhysicalName]");
  });

  test.each([
    ['the same name in two regions', (s: Stack) => { endpoint(s, named('llm')); endpoint(sibling(s, 'West', { account: '111111111111', region: 'us-west-2' }), named('llm')); }],
    ['the same name in two accounts', (s: Stack) => { endpoint(s, named('llm')); endpoint(sibling(s, 'Prod', { account: '222222222222', region: 'us-east-1' }), named('llm')); }],
    ['the same name in two environment-agnostic stacks (unknown: checked per stack)', (s: Stack) => {
      endpoint(sibling(s, 'A', {}), named('llm')); endpoint(sibling(s, 'B', {}), named('llm'));
    }],
    ['generated names (tokens) everywhere', (s: Stack) => { endpoint(s, {}, 'A').addDashboard('D'); endpoint(s, {}, 'B').addDashboard('D'); }],
    ['an endpoint and a model of the same name (different kinds)', (s: Stack) => { lmi(s, 'M', { modelName: 'qwen' }); endpoint(s, named('qwen')); }],
  ])('accepts %s', (_name, build) => {
    expect(outcome(build)).toBeUndefined();
  });

  test('a name set through an escape hatch counts as well', () => {
    expectCode((s) => {
      endpoint(s, named('llm'), 'A');
      endpoint(s, {}, 'B').cfnEndpoint.endpointName = 'llm';
    }, 'DuplicatePhysicalName');
  });

  test('imported endpoints claim no name', () => {
    expect(outcome((s) => {
      CapacityAwareEndpoint.fromEndpointAttributes(s, 'I', { endpointName: 'llm', pools: [{ instanceType: InstanceType.ML_G6_48XLARGE }] });
      endpoint(s, named('llm'));
    })).toBeUndefined();
  });
});
