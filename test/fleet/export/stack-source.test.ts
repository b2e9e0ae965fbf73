/**
 * The generated stacks synthesize to what runs live: the endpoint config's members, compared with the live config
 * field by field. That they compile against the library (lib/index.ts) with the repository's strict options, and
 * that a misspelt L1 member would not, is checked by `npm run check:samples` (scripts/check-samples.ts) for these
 * same modules (export-samples.ts).
 */
import { Match, Template } from 'aws-cdk-lib/assertions';
import { asyncSnapshot, ERROR_TOPIC, OUTPUT_KEY, SUCCESS_TOPIC } from './export-scenarios';
import { exportCanaries, exportSamples } from './export-samples';
import { synthesize } from './generated-code';
import { KEY_ARN, scenarioSnapshot, singleTypeConfig } from '../migrate/migrate-scenario';
import { G6, NOW, P5 } from '../scenario';
import { CONFIG_MEMBERS, VARIANT_MEMBERS } from '../../../bin/fleet/export/export-members';
import { exportStack } from '../../../bin/fleet/export/stack-source';
import { l1Name } from '../../../bin/fleet/export/ts-literal';

const { single, pooled, asyncExact, asyncLibrary, everything } = exportSamples();

function endpointConfig(template: Template): Record<string, unknown> {
  const configs = Object.values(template.findResources('AWS::SageMaker::EndpointConfig'));
  expect(configs).toHaveLength(1);
  return configs[0].Properties as Record<string, unknown>;
}

describe('the generated code', () => {
  test('a config with every member the SDK knows: each is in the code (library or L1), none dropped', () => {
    for (const [member, handling] of Object.entries(CONFIG_MEMBERS)) {
      if (handling === 'l1') expect(everything.source).toContain(`this.endpoint.cfnEndpointConfig.${l1Name(member)} = `);
    }
    expect(everything.source).toContain('asyncInference: {');
    expect(everything.source).toContain('this.endpoint.cfnEndpointConfig.shadowProductionVariants = ');
    const variantBlock = everything.source.slice(everything.source.indexOf('this.endpoint.cfnEndpointConfig.productionVariants = ['));
    for (const [member, handling] of Object.entries(VARIANT_MEMBERS)) {
      if (handling === 'l1') expect(variantBlock).toContain(`${l1Name(member)}: `);
    }
    for (const configuration of ['targetTrackingScalingPolicyConfiguration', 'stepScalingPolicyConfiguration', 'predictiveScalingPolicyConfiguration']) {
      expect(everything.source).toContain(`${configuration}: `);
    }
    expect(everything.notes.filter((n) => /does not know|not reproduced/.test(n))).toEqual([]);
  });

  test('the canaries of the type check each misspell one member of a generated module', () => {
    const canaries = exportCanaries({ single, pooled, asyncExact, asyncLibrary, everything });
    expect(canaries.canary.source).not.toBe(single.source);
    expect(canaries.canaryVariant.source).not.toBe(everything.source);
    expect(canaries.canaryPolicy.source).not.toBe(everything.source);
  });
});

describe('a single-instance-type endpoint with data capture, a key and invocation-based autoscaling', () => {
  const template = synthesize(single.source, single.className);
  const props = endpointConfig(template);

  test('the variant: its model, its type as the only pool, count, random routing as live, timeouts', () => {
    expect(props.ProductionVariants).toEqual([{
      VariantName: 'AllTraffic', ModelName: 'qwen3-fp16', InitialInstanceCount: 2, InitialVariantWeight: 1,
      InstancePools: [{ InstanceType: P5, Priority: 1 }], RoutingConfig: { RoutingStrategy: 'RANDOM' },
      ContainerStartupHealthCheckTimeoutInSeconds: 900, ModelDataDownloadTimeoutInSeconds: 1200,
    }]);
  });

  test('data capture and the key, equal to the live config member by member', () => {
    expect(props.DataCaptureConfig).toEqual(singleTypeConfig().DataCaptureConfig);
    expect(props.KmsKeyId).toBe(KEY_ARN);
  });

  test('the endpoint keeps its name and tags; autoscaling as live on the L1 resources, the instance count kept on updates', () => {
    template.hasResourceProperties('AWS::SageMaker::Endpoint', {
      EndpointName: 'llm-endpoint', RetainAllVariantProperties: true, Tags: [{ Key: 'team', Value: 'inference' }],
    });
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      ServiceNamespace: 'sagemaker', ScalableDimension: 'sagemaker:variant:DesiredInstanceCount', MinCapacity: 2, MaxCapacity: 10,
    });
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      PolicyName: 'InvocationsPerInstance', PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: scenarioSnapshot().scaling[0].policies[0].TargetTrackingScalingPolicyConfiguration,
    });
  });

  test('NOTEs: the one-entry pool list, no measured concurrency, the config\'s own tags, scheduled actions', () => {
    expect(single.notes).toEqual([
      expect.stringMatching(/^the live variant runs on one InstanceType \(ml\.p5\.48xlarge\)/),
      expect.stringMatching(/^no pool has maxConcurrency: the live endpoint does not record .* load test/),
      expect.stringMatching(/^the library gives the endpoint and its config the same tags/),
      expect.stringMatching(/^the scalable target's scheduled actions are not read by export/),
    ]);
    expect(single.source).toContain('// NOTE: the live variant runs on one InstanceType');
  });
});

describe('an endpoint on pools with a rolling deployment and two policies', () => {
  const template = synthesize(pooled.source, pooled.className);

  test('no pool claims a maxConcurrency: each pool line marks it as one to measure, and a NOTE says why', () => {
    const pools = pooled.source.split('\n').filter((l) => l.includes('{ instanceType: InstanceType.of('));
    expect(pools).toHaveLength(2);
    for (const line of pools) expect(line).toMatch(/ \}, \/\/ maxConcurrency: TODO \(load test\)$/);
    expect(pooled.source).not.toMatch(/maxConcurrency: \d/);
    expect(pooled.notes).toContainEqual(expect.stringMatching(/^no pool has maxConcurrency: .* MissingMaxConcurrency/));
    expect(pooled.source).toContain('// NOTE: no pool has maxConcurrency');
  });

  test('pools in priority order with the fallback\'s own model, least-outstanding-requests, provisioning timeout', () => {
    expect(endpointConfig(template).ProductionVariants).toEqual([expect.objectContaining({
      InstancePools: [{ InstanceType: P5, Priority: 1 }, { InstanceType: G6, Priority: 2, ModelNameOverride: 'qwen3-int4' }],
      RoutingConfig: { RoutingStrategy: 'LEAST_OUTSTANDING_REQUESTS' },
      VariantInstanceProvisionTimeoutInSeconds: 1800,
    })]);
    expect(pooled.source).toContain("const model2 = Model.fromModelName(this, 'Model2', 'qwen3-int4');");
  });

  test('the last deployment config becomes the library\'s rolling deployment, with its rollback alarm', () => {
    template.hasResourceProperties('AWS::SageMaker::Endpoint', {
      DeploymentConfig: {
        RollingUpdatePolicy: {
          MaximumBatchSize: { Type: 'CAPACITY_PERCENT', Value: 20 }, WaitIntervalInSeconds: 300,
          MaximumExecutionTimeoutInSeconds: 7200, RollbackMaximumBatchSize: { Type: 'INSTANCE_COUNT', Value: 1 },
        },
        AutoRollbackConfiguration: { Alarms: [{ AlarmName: 'llm-5xx' }] },
      },
    });
  });

  test('the concurrency policy becomes autoScale(); the other policy an L1 policy on the same target', () => {
    expect(pooled.source).toContain('signal: ScalingSignal.concurrentRequestsPerModel({ targetValue: 6 }),');
    template.resourceCountIs('AWS::ApplicationAutoScaling::ScalableTarget', 1);
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({
        TargetValue: 6,
        PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantConcurrentRequestsPerModelHighResolution' },
        ScaleInCooldown: 300, ScaleOutCooldown: 60,
      }),
    });
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      PolicyName: 'InvocationsPerInstance', ScalingTargetId: { Ref: Match.stringLikeRegexp('^EndpointAutoScalingTarget') },
    });
  });
});

describe('asynchronous endpoints', () => {
  test('what the library can write exactly is written with its asyncInference', () => {
    const props = endpointConfig(synthesize(asyncLibrary.source, asyncLibrary.className));
    expect(props.AsyncInferenceConfig).toEqual({
      ClientConfig: { MaxConcurrentInvocationsPerInstance: 4 },
      OutputConfig: {
        S3OutputPath: 's3://llm-async/out/', S3FailurePath: 's3://llm-async-errors/failed/', KmsKeyId: OUTPUT_KEY,
        NotificationConfig: { SuccessTopic: SUCCESS_TOPIC, ErrorTopic: ERROR_TOPIC },
      },
    });
    expect(asyncLibrary.source).not.toContain('asyncInferenceConfig =');
    expect(asyncLibrary.source).toContain('signal: ScalingSignal.backlogPerInstance({ targetValue: 5 }),');
  });

  test('what it cannot is set on the L1 config as it is live, with a NOTE naming the differences', () => {
    const props = endpointConfig(synthesize(asyncExact.source, asyncExact.className));
    expect(props.AsyncInferenceConfig).toEqual(asyncSnapshot(false).config.AsyncInferenceConfig);
    expect(asyncExact.notes).toContainEqual(expect.stringMatching(
      /^the library cannot write the live asynchronous inference config as it is \(OutputConfig\.S3OutputPath, OutputConfig\.NotificationConfig\.IncludeInferenceResponseIn, OutputConfig\.S3FailurePath\)/));
  });
});

describe('an endpoint a CloudFormation stack manages', () => {
  const tags = [
    ...scenarioSnapshot().endpointTags,
    { Key: 'aws:cloudformation:stack-name', Value: 'LlmStack' }, { Key: 'aws:cloudformation:logical-id', Value: 'LlmEndpoint1234' },
  ];
  const managed = exportStack(scenarioSnapshot({ endpointTags: tags }), undefined, NOW);
  const header = managed.source.slice(0, managed.source.indexOf('\nimport ')).replace(/\n\/\/ /g, ' ');

  test('the header points to the existingEndpoint takeover in that stack, not to a second endpoint', () => {
    expect(managed.stack).toEqual({ stackName: 'LlmStack', logicalId: 'LlmEndpoint1234' });
    expect(header).toContain('Endpoint llm-endpoint belongs to CloudFormation stack LlmStack (logical ID LlmEndpoint1234): do not deploy this '
      + 'module as a stack of its own, and do not make a second endpoint.');
    expect(header).toContain("existingEndpoint: { endpointLogicalId: 'LlmEndpoint1234' } (README: \"Migrating an existing endpoint\" → \"In a CDK app\")");
    expect(header).toContain('check with `cdk diff` that the endpoint is updated, not replaced');
    expect(managed.source).not.toContain('give endpointName a new name');
    expect(single.source).toContain('give endpointName a new name');
    expect(single.stack).toBeUndefined();
  });

  test('only the header differs', () => {
    const body = (source: string) => source.slice(source.indexOf('\nimport '));
    expect(body(managed.source)).toBe(body(single.source));
  });
});

