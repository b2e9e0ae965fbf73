import { Duration } from 'aws-cdk-lib';
import { CapacitySize, DeploymentStrategy, InstanceType } from '../../lib';
import { testStack } from '../util';
import { seedEndpoint } from './fixtures';

const rolling = () => DeploymentStrategy.rolling({ maximumBatchSize: CapacitySize.percent(20), waitInterval: Duration.minutes(5), rollbackOnEndpointAlarms: false });
const INF1 = { instanceType: InstanceType.of('ml.inf1.xlarge') };

describe('deployment guardrails exclusions (https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-exclusions.html)', () => {
  test.each<[string, () => DeploymentStrategy]>([
    ['rolling', rolling],
    ['blue/green', () => DeploymentStrategy.blueGreen({ rollbackOnEndpointAlarms: false })],
  ])('an Inf1 pool with a %s deployment is refused before any child is created', (_, deployment) => {
    const stack = testStack();
    expect(() => seedEndpoint(stack, { pools: [{ instanceType: InstanceType.ML_INF2_XLARGE }, INF1], deployment: deployment() })).toThrow(
      'pools: deployment guardrails (rolling or blue/green with baking and rollback) do not support Inf1 instances, which fall back to an all-at-once '
      + 'blue/green update (https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-exclusions.html): leave deployment unset, '
      + 'or use Inf2 or other types, got ml.inf1.xlarge [DeploymentOnInf1]');
    expect(stack.node.tryFindChild('Llm')?.node.children ?? []).toHaveLength(0);
  });

  test('Inf1 without a deployment, and Inf2 with one, are accepted', () => {
    seedEndpoint(testStack(), { pools: [INF1] });
    seedEndpoint(testStack(), { pools: [{ instanceType: InstanceType.ML_INF2_XLARGE }], deployment: rolling() });
  });
});
