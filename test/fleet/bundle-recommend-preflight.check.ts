/**
 * `recommend` and `preflight` as users run them: the bundle (bundle-harness.ts) as a child process against the
 * local HTTP server answering like SageMaker, Application Auto Scaling and Service Quotas (all AWS JSON 1.1),
 * reached through AWS_ENDPOINT_URL. Real signing, real (de)serialization of the new operations and their errors.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Harness, KEYS, useHarness } from './bundle-harness';
import { quotas } from './preflight/account';
import { AI_JOB, aiJob, LEGACY_JOB, legacyJob } from './recommend/jobs';
import { CONFIG, describeEndpoint, ENDPOINT, endpointConfig, VARIANT_RESOURCE } from './scenario';

let harness: Harness;
/** Answers by target that replace the defaults for one test. */
const overrides = new Map<string, [number, unknown]>();
const throttleOnce = new Set<string>();

const notFound: [number, unknown] = [400, { __type: 'ResourceNotFound', message: 'Resource not found.' }];

function answer(target: string, body: Record<string, unknown>): [number, unknown] {
  if (throttleOnce.delete(target)) return [400, { __type: 'TooManyRequestsException', message: 'Rate exceeded' }];
  const override = overrides.get(target);
  if (override) return override;
  switch (target) {
    case 'SageMaker.DescribeAIRecommendationJob':
      return body.AIRecommendationJobName === AI_JOB ? [200, aiJob()] : notFound;
    case 'SageMaker.DescribeInferenceRecommendationsJob':
      return body.JobName === LEGACY_JOB ? [200, legacyJob()] : notFound;
    case 'SageMaker.ListEndpoints':
      return [200, { Endpoints: [{ EndpointName: ENDPOINT, EndpointArn: 'arn', CreationTime: new Date(), LastModifiedTime: new Date(), EndpointStatus: 'InService' }] }];
    case 'SageMaker.DescribeEndpoint':
      return body.EndpointName === ENDPOINT ? [200, describeEndpoint()] : [400, { __type: 'ValidationException', message: `Could not find endpoint "${String(body.EndpointName)}".` }];
    case 'SageMaker.DescribeEndpointConfig':
      return [200, endpointConfig(CONFIG)];
    case 'AnyScaleFrontendService.DescribeScalableTargets':
      return [200, { ScalableTargets: [{ ServiceNamespace: 'sagemaker', ResourceId: VARIANT_RESOURCE, ScalableDimension: 'sagemaker:variant:DesiredInstanceCount', MinCapacity: 2, MaxCapacity: 8, RoleARN: 'arn', CreationTime: new Date() }] }];
    case 'ServiceQuotasV20190624.ListServiceQuotas':
      return [200, { Quotas: quotas({ 'ml.p5.48xlarge': 4, 'ml.g6.48xlarge': 20 }) }];
    case 'ServiceQuotasV20190624.ListAWSDefaultServiceQuotas':
      return [200, { Quotas: quotas({ 'ml.g6.24xlarge': 0 }) }];
    default:
      return [400, { __type: 'UnknownOperationException', message: target }];
  }
}

/** The keys and region of every run; `without` leaves some out (AWS_REGION: no region at all). */
const ENV = { ...KEYS, AWS_REGION: 'us-east-1' };
const fleet = (args: string[], without: (keyof typeof ENV)[] = []) =>
  harness.fleet(args, Object.fromEntries(Object.entries(ENV).filter(([k]) => !without.includes(k as keyof typeof ENV))));

function template(pools: string[], max: number): string {
  const file = join(harness.home, `t-${pools.length}-${max}.template.json`);
  writeFileSync(file, JSON.stringify({
    Resources: {
      Cfg: { Type: 'AWS::SageMaker::EndpointConfig', Properties: { ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'm', InitialInstanceCount: 1, InstancePools: pools.map((InstanceType, i) => ({ InstanceType, Priority: i + 1 })) }] } },
      Ep: { Type: 'AWS::SageMaker::Endpoint', Properties: { EndpointName: 'qwen3-4b-llm', EndpointConfigName: { 'Fn::GetAtt': ['Cfg', 'EndpointConfigName'] } } },
      Target: {
        Type: 'AWS::ApplicationAutoScaling::ScalableTarget',
        Properties: { ServiceNamespace: 'sagemaker', ScalableDimension: 'sagemaker:variant:DesiredInstanceCount', MinCapacity: 1, MaxCapacity: max, ResourceId: { 'Fn::Join': ['', ['endpoint/', { 'Fn::GetAtt': ['Ep', 'EndpointName'] }, '/variant/AllTraffic']] } },
      },
    },
  }));
  return file;
}

useHarness(answer, (started) => { harness = started; }, () => {
  overrides.clear();
  throttleOnce.clear();
});

describe('bundled recommend', () => {
  test('an AI recommendation job: ranked pools as TypeScript', async () => {
    const { code, stdout, stderr } = await fleet(['recommend', AI_JOB]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain("// Ranking: ranked by the job's performance objective: ttft-ms (p50, ms; lower is better).");
    expect(stdout).toContain("      { instanceType: InstanceType.of('ml.g6e.24xlarge'), model: g6e24xlargeModel }, // priority 2");
    expect(harness.received).toEqual([expect.objectContaining({ target: 'SageMaker.DescribeAIRecommendationJob', body: { AIRecommendationJobName: AI_JOB } })]);
    expect(harness.received[0].authorization).toMatch(/Credential=AKIAIOSFODNN7EXAMPLE\/\d{8}\/us-east-1\/sagemaker\/aws4_request/);
  }, 30_000);

  test('no AI job by that name: the Inference Recommender job (ResourceNotFound deserialized as not found)', async () => {
    const { code, stdout } = await fleet(['recommend', LEGACY_JOB, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ job: { kind: 'inference-recommender', name: LEGACY_JOB }, ranking: { rule: 'default-metric' } });
    expect(harness.received.map((r) => r.target)).toEqual(['SageMaker.DescribeAIRecommendationJob', 'SageMaker.DescribeInferenceRecommendationsJob']);
  }, 30_000);

  test('a running job: exit 7 and one line', async () => {
    overrides.set('SageMaker.DescribeAIRecommendationJob', [200, aiJob({ AIRecommendationJobStatus: 'InProgress', Recommendations: undefined })]);
    const { code, stdout, stderr } = await fleet(['recommend', AI_JOB]);
    expect(code).toBe(7);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^sagemaker-fleet: recommendation job 'qwen3-recs' is still running \(InProgress since .*\): run this again when it has completed\.\n$/);
  }, 30_000);
});

describe('bundled preflight', () => {
  test('--template: quotas from Service Quotas (throttled once), usage from the endpoints, exit 1 on a short priority 1', async () => {
    throttleOnce.add('ServiceQuotasV20190624.ListServiceQuotas');
    const { code, stdout, stderr } = await fleet(['preflight', '--template', template(['ml.p5.48xlarge', 'ml.g6.48xlarge', 'ml.g6.24xlarge'], 10)]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toMatch(/^ {2}ml\.p5\.48xlarge +1 +10 +4 +4 +0 +SHORT: reaches 0 of 10 instances; request a quota of at least 14$/m);
    expect(stdout).toMatch(/^ {2}ml\.g6\.48xlarge +2 +10 +20 +2 +18 +ok$/m);
    expect(stdout).toMatch(/^ {2}ml\.g6\.24xlarge +3 +10 +0\* +0 +0 +QUOTA 0: /m);
    const quotaCalls = harness.received.filter((r) => r.target.startsWith('ServiceQuotasV20190624.'));
    expect(quotaCalls.map((r) => r.target)).toEqual([
      'ServiceQuotasV20190624.ListServiceQuotas', 'ServiceQuotasV20190624.ListServiceQuotas', 'ServiceQuotasV20190624.ListAWSDefaultServiceQuotas',
    ]);
    expect(quotaCalls[0].body).toEqual({ ServiceCode: 'sagemaker', MaxResults: 100 });
    expect(quotaCalls[0].authorization).toMatch(/\/us-east-1\/servicequotas\/aws4_request/);
  }, 30_000);

  test('a live endpoint, --json: its own instances are its fleet; passes, exit 0', async () => {
    overrides.set('ServiceQuotasV20190624.ListServiceQuotas', [200, { Quotas: quotas({ 'ml.p5.48xlarge': 8, 'ml.g6.48xlarge': 20 }) }]);
    const { code, stdout } = await fleet(['preflight', ENDPOINT, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ passed: true, source: { kind: 'endpoint', name: ENDPOINT }, usage: { endpointsCounted: 1 } });
    expect(report.fleets[0]).toMatchObject({
      needed: 8, neededFrom: ['scalable target MaxCapacity'],
      pools: [{ instanceType: 'ml.p5.48xlarge', inUse: 0, headroom: 8, verdict: 'ok' }, { instanceType: 'ml.g6.48xlarge', inUse: 0, headroom: 20, verdict: 'ok' }],
    });
    expect(harness.received.map((r) => r.target)).toContain('AnyScaleFrontendService.DescribeScalableTargets');
  }, 30_000);

  test('no region configured: a missing template is reported as such; a synthesized one gets its region from cdk.out/manifest.json', async () => {
    const missing = await fleet(['preflight', '--template', join(harness.home, 'cdk.out', 'Missing.template.json')], ['AWS_REGION']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^sagemaker-fleet: cannot read --template .*Missing\.template\.json: no such file\. Run 'cdk synth' first/);

    const out = join(harness.home, 'cdk.out');
    mkdirSync(out, { recursive: true });
    renameSync(template(['ml.g6.48xlarge'], 2), join(out, 'Llm.template.json'));
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ version: '48.0.0', artifacts: {
      Llm: { type: 'aws:cloudformation:stack', environment: 'aws://111122223333/eu-west-1', properties: { templateFile: 'Llm.template.json' } },
    } }));
    const { code, stdout, stderr } = await fleet(['preflight', '--template', join(out, 'Llm.template.json')], ['AWS_REGION']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Preflight of template .*Llm\.template\.json · eu-west-1 · /);
    expect(harness.received.length).toBeGreaterThan(0);
    for (const r of harness.received) expect(r.authorization).toMatch(/\/eu-west-1\/[a-z]+\/aws4_request/);
  }, 30_000);

  test('access denied on ListServiceQuotas: exit 4, one line', async () => {
    overrides.set('ServiceQuotasV20190624.ListServiceQuotas', [400, { __type: 'AccessDeniedException', message: 'not authorized to perform: servicequotas:ListServiceQuotas' }]);
    const { code, stdout, stderr } = await fleet(['preflight', '--template', template(['ml.p5.48xlarge'], 2)]);
    expect(code).toBe(4);
    expect(stdout).toBe('');
    expect(stderr).toBe('sagemaker-fleet: access denied on ListServiceQuotas: not authorized to perform: servicequotas:ListServiceQuotas\n');
  }, 30_000);
});
