/**
 * SDK mocks wired with the single-instance-type endpoint of migrate-scenario.ts, for `migrate` and `export`.
 */
import {
  DescribeScalableTargetsCommand, DescribeScalingActivitiesCommand, DescribeScalingPoliciesCommand,
} from '@aws-sdk/client-application-auto-scaling';
import {
  DescribeEndpointCommand, DescribeEndpointConfigCommand, DescribeEndpointConfigOutput, DescribeEndpointOutput,
  ListInferenceComponentsCommand, ListTagsCommand,
} from '@aws-sdk/client-sagemaker';
import {
  CONFIG_TAGS, ENDPOINT_ARN, INVOCATIONS_POLICY, OLD_CONFIG, OLD_CONFIG_ARN, singleTypeConfig, singleTypeEndpoint, TARGET,
} from './migrate-scenario';
import { SdkMocks } from '../fixtures';
import { ENDPOINT } from '../scenario';

export interface MigrationMocks {
  readonly endpoint?: DescribeEndpointOutput;
  readonly config?: DescribeEndpointConfigOutput;
  /** No autoscaling when false. */
  readonly autoscaled?: boolean;
}

/** Wires every read `migrate` and `export` make (and what `status --watch` reads while following an update). */
export function mockMigration(mocks: SdkMocks, options: MigrationMocks = {}): void {
  const config = options.config ?? singleTypeConfig();
  mocks.sagemaker.on(DescribeEndpointCommand, { EndpointName: ENDPOINT }).resolves(options.endpoint ?? singleTypeEndpoint());
  mocks.sagemaker.on(DescribeEndpointConfigCommand, { EndpointConfigName: OLD_CONFIG }).resolves(config);
  mocks.sagemaker.on(ListTagsCommand, { ResourceArn: OLD_CONFIG_ARN }).resolves({ Tags: CONFIG_TAGS });
  mocks.sagemaker.on(ListTagsCommand, { ResourceArn: ENDPOINT_ARN }).resolves({ Tags: CONFIG_TAGS.slice(0, 1) });
  mocks.sagemaker.on(ListInferenceComponentsCommand).resolves({ InferenceComponents: [] });
  const autoscaled = options.autoscaled ?? true;
  mocks.autoscaling.on(DescribeScalableTargetsCommand).resolves({ ScalableTargets: autoscaled ? [TARGET] : [] });
  mocks.autoscaling.on(DescribeScalingPoliciesCommand).resolves({ ScalingPolicies: autoscaled ? [INVOCATIONS_POLICY] : [] });
  mocks.autoscaling.on(DescribeScalingActivitiesCommand).resolves({ ScalingActivities: [] });
}

/** The names of the commands a mocked client received, in order. */
export function sentCommands(mocks: SdkMocks): string[] {
  return [...mocks.sagemaker.calls(), ...mocks.autoscaling.calls()].map((call) => call.args[0].constructor.name);
}
