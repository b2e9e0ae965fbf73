/**
 * `sagemaker-fleet export` as users run it: the bundle against the fake AWS server, through real
 * deserialization, including a member of the endpoint config that this version's SDK does not know.
 */
import { Harness, KEYS, useHarness } from './bundle-harness';
import { CONFIG_TAGS, INVOCATIONS_POLICY, OLD_CONFIG_ARN, singleTypeConfig, singleTypeEndpoint, TARGET } from './migrate/migrate-scenario';
import { ENDPOINT } from './scenario';

let harness: Harness;

function answer(target: string, body: Record<string, unknown>): [number, unknown] {
  switch (target) {
    case 'SageMaker.DescribeEndpoint':
      return [200, singleTypeEndpoint()];
    case 'SageMaker.DescribeEndpointConfig':
      return [200, { ...singleTypeConfig(), InferenceSchedulingConfig: { Mode: 'priority' } }];
    case 'SageMaker.ListTags':
      return [200, { Tags: body.ResourceArn === OLD_CONFIG_ARN ? CONFIG_TAGS : CONFIG_TAGS.slice(0, 1) }];
    case 'AnyScaleFrontendService.DescribeScalableTargets':
      return [200, { ScalableTargets: [TARGET] }];
    case 'AnyScaleFrontendService.DescribeScalingPolicies':
      return [200, { ScalingPolicies: [INVOCATIONS_POLICY] }];
    default:
      return [400, { __type: 'UnknownOperationException', message: target }];
  }
}

useHarness(answer, (started) => { harness = started; });

test('prints the stack module, with a NOTE for the member it does not know, and makes only reads', async () => {
  const { code, stdout, stderr } = await harness.fleet(['export', ENDPOINT, '--region', 'us-east-1'], KEYS);
  expect(code).toBe(0);
  expect(stdout).toContain('export class LlmEndpointStack extends Stack {');
  expect(stdout).toContain("destinationS3Uri: 's3://llm-capture/endpoint/',");
  expect(stdout).toContain('// NOTE: not reproduced: InferenceSchedulingConfig, which this version of sagemaker-fleet does not know.');
  expect(stderr).toBe('sagemaker-fleet: exported endpoint llm-endpoint as LlmEndpointStack; read its 5 NOTEs before the first deploy.\n');
  expect(harness.received.every((r) => /\.(Describe|List)/.test(r.target))).toBe(true);
}, 30_000);

test('--help', async () => {
  const { code, stdout } = await harness.fleet(['export', '--help']);
  expect(code).toBe(0);
  expect(stdout).toMatch(/^Usage: sagemaker-fleet export ENDPOINT \[options\] > endpoint-stack\.ts\n/);
}, 30_000);
