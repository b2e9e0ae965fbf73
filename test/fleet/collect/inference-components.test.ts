import 'aws-sdk-client-mock-jest';
import { DescribeInferenceComponentCommand, DescribeInferenceComponentOutput, ListInferenceComponentsCommand } from '@aws-sdk/client-sagemaker';
import { collectInferenceComponents, componentReport } from '../../../bin/fleet/collect/inference-components';
import { awsError, ENDPOINT, endpointConfig, G6, NOW, P5, sdkMocks, testApi } from '../fixtures';

const mocks = sdkMocks();
beforeEach(() => mocks.sagemaker.reset());

function summary(name: string) {
  return {
    InferenceComponentName: name, InferenceComponentArn: `arn:${name}`, EndpointName: ENDPOINT, EndpointArn: 'arn', VariantName: 'AllTraffic',
    CreationTime: new Date(NOW), LastModifiedTime: new Date(NOW), InferenceComponentStatus: 'InService' as const,
  };
}

function component(name: string, placement: Array<[string, number]>, extra: Partial<DescribeInferenceComponentOutput> = {}): DescribeInferenceComponentOutput {
  const copies = placement.reduce((sum, [, n]) => sum + n, 0);
  return {
    InferenceComponentName: name, InferenceComponentArn: `arn:${name}`, EndpointName: ENDPOINT, EndpointArn: 'arn', VariantName: 'AllTraffic',
    InferenceComponentStatus: 'InService', CreationTime: new Date(NOW), LastModifiedTime: new Date(NOW),
    RuntimeConfig: { DesiredCopyCount: copies, CurrentCopyCount: copies, PlacementStatus: placement.map(([t, n]) => ({ InstanceType: t as never, CurrentCopyCount: n })) },
    ...extra,
  };
}

describe('collectInferenceComponents', () => {
  test('lists the endpoint\'s components and describes each, sorted by name', async () => {
    mocks.sagemaker.on(ListInferenceComponentsCommand).resolves({ InferenceComponents: [summary('b-ic'), summary('a-ic')] });
    mocks.sagemaker.on(DescribeInferenceComponentCommand, { InferenceComponentName: 'a-ic' }).resolves(component('a-ic', [[P5, 1]]));
    mocks.sagemaker.on(DescribeInferenceComponentCommand, { InferenceComponentName: 'b-ic' }).resolves(component('b-ic', [[G6, 2]]));
    const result = await collectInferenceComponents(testApi(), ENDPOINT, []);
    expect(result.map((c) => c.InferenceComponentName)).toEqual(['a-ic', 'b-ic']);
    expect(mocks.sagemaker).toHaveReceivedCommandWith(ListInferenceComponentsCommand, { EndpointNameEquals: ENDPOINT });
  });

  test('a component deleted between list and describe is skipped', async () => {
    mocks.sagemaker.on(ListInferenceComponentsCommand).resolves({ InferenceComponents: [summary('gone'), summary('here')] });
    mocks.sagemaker.on(DescribeInferenceComponentCommand, { InferenceComponentName: 'gone' })
      .rejects(awsError('ValidationException', 'Could not find inference component "gone".'));
    mocks.sagemaker.on(DescribeInferenceComponentCommand, { InferenceComponentName: 'here' }).resolves(component('here', [[P5, 1]]));
    const result = await collectInferenceComponents(testApi(), ENDPOINT, []);
    expect(result.map((c) => c.InferenceComponentName)).toEqual(['here']);
  });

  test('access denied on the list: a warning and no components', async () => {
    mocks.sagemaker.on(ListInferenceComponentsCommand).rejects(awsError('AccessDeniedException', 'denied', 403));
    const warnings: string[] = [];
    expect(await collectInferenceComponents(testApi(), ENDPOINT, warnings)).toEqual([]);
    expect(warnings).toEqual(['inference components not shown: access denied on ListInferenceComponents: denied']);
  });

  test('access denied on a describe: the list summary stands in, with a warning', async () => {
    mocks.sagemaker.on(ListInferenceComponentsCommand).resolves({ InferenceComponents: [summary('secret')] });
    mocks.sagemaker.on(DescribeInferenceComponentCommand).rejects(awsError('AccessDeniedException', 'denied', 403));
    const warnings: string[] = [];
    const result = await collectInferenceComponents(testApi(), ENDPOINT, warnings);
    expect(result.map((c) => [c.InferenceComponentName, c.InferenceComponentStatus])).toEqual([['secret', 'InService']]);
    expect(warnings).toEqual(['details of inference component secret not shown: access denied on DescribeInferenceComponent: denied']);
  });
});

describe('componentReport', () => {
  const variants = endpointConfig().ProductionVariants;

  test('copies per instance type in the variant\'s priority order, with the fallback copies counted', () => {
    const report = componentReport(component('llm-ic', [[G6, 2], [P5, 4]]), variants, { state: 'none' });
    expect(report).toMatchObject({
      name: 'llm-ic', variantName: 'AllTraffic', status: 'InService', currentCopyCount: 6, desiredCopyCount: 6,
      prioritySource: 'endpoint-config', fallback: true, fallbackCopyCount: 2,
    });
    expect(report.placement).toEqual([
      { priority: 1, instanceType: P5, count: 4, share: 0.6667, fallback: false, modelNameOverride: null },
      { priority: 2, instanceType: G6, count: 2, share: 0.3333, fallback: true, modelNameOverride: null },
    ]);
  });

  test('without a matching config variant, the placement order stands in for priorities', () => {
    const report = componentReport(component('llm-ic', [[G6, 1]], { VariantName: 'Other' }), [...variants!, { VariantName: 'Second' }], { state: 'none' });
    expect(report.prioritySource).toBe('response-order');
    expect(report.fallback).toBe(false);
  });

  test('a failed component carries its reason', () => {
    const report = componentReport(component('bad', [], { InferenceComponentStatus: 'Failed', FailureReason: 'Image pull failed' }), variants, { state: 'none' });
    expect(report).toMatchObject({ status: 'Failed', failureReason: 'Image pull failed', currentCopyCount: 0 });
    expect(report.placement.map((p) => p.count)).toEqual([0, 0]);
  });
});
