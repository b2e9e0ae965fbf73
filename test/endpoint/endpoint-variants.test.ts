import { Duration, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { CapacitySize, CapacityAwareEndpointProps, DeploymentStrategy, InstanceType, ProductionVariantOptions } from '../../lib';
import { InstancePoolsError } from '../../lib/core/errors';
import { testStack } from '../util';
import { lmiModel, seedEndpoint } from './fixtures';

/** The seed endpoint plus a variant B on g6e/g5 with a model of its own. */
function abTest(stack: Stack, props: Partial<CapacityAwareEndpointProps> = {}, b: Partial<ProductionVariantOptions> = {}) {
  const candidate = lmiModel(stack, 'Candidate', 'Qwen/Qwen3-8B');
  return seedEndpoint(stack, {
    endpointName: 'llm',
    initialVariantWeight: 9,
    variants: [{
      variantName: 'B', model: candidate, initialVariantWeight: 1,
      pools: [{ instanceType: InstanceType.ML_G6E_48XLARGE, maxConcurrency: 16 }, { instanceType: InstanceType.ML_G5_48XLARGE, maxConcurrency: 6 }],
      ...b,
    }],
    ...props,
  });
}

const variants = (stack: Stack, member = 'ProductionVariants') =>
  Object.values(Template.fromStack(stack).findResources('AWS::SageMaker::EndpointConfig'))[0].Properties[member];

describe('CapacityAwareEndpoint: several production variants', () => {
  test('renders each variant with its own pools, model and weight; the primary as before', () => {
    const stack = testStack();
    abTest(stack);
    const [a, b] = variants(stack);
    expect(a).toMatchObject({ VariantName: 'AllTraffic', InitialVariantWeight: 9, InstancePools: [{ InstanceType: 'ml.p5.48xlarge', Priority: 1 }, { InstanceType: 'ml.g6.48xlarge', Priority: 2 }] });
    expect(b).toEqual({
      VariantName: 'B', InitialInstanceCount: 1, InitialVariantWeight: 1, ModelName: { 'Fn::GetAtt': [expect.stringMatching(/^Candidate/), 'ModelName'] },
      InstancePools: [{ InstanceType: 'ml.g6e.48xlarge', Priority: 1 }, { InstanceType: 'ml.g5.48xlarge', Priority: 2 }],
      RoutingConfig: { RoutingStrategy: 'LEAST_OUTSTANDING_REQUESTS' },
    });
    expect(b.ModelName['Fn::GetAtt'][0]).toMatch(/^Candidate/);
  });

  test('variant(name) returns the endpoint for its own variant and a view with its own dimensions for the others', () => {
    const stack = testStack();
    const endpoint = abTest(stack);
    expect(endpoint.variant('AllTraffic')).toBe(endpoint);
    const b = endpoint.variant('B');
    expect(b.variantName).toBe('B');
    expect(b.pools.map((p) => p.instanceType.name)).toEqual(['ml.g6e.48xlarge', 'ml.g5.48xlarge']);
    expect(b.metric('ModelLatency').dimensions).toEqual({ EndpointName: 'llm', VariantName: 'B' });
    expect(b.node.path).toBe('TestStack/Llm/Variants/B');
    expect(endpoint.variantNames).toEqual(['AllTraffic', 'B']);
    expect(() => endpoint.variant('C')).toThrow("variantName: one of this endpoint's variants (AllTraffic, B), got 'C' [UnknownVariant]");
  });

  test('each variant autoscales on its own target, keyed by name; weights follow the config, counts are retained', () => {
    const stack = testStack();
    const endpoint = abTest(stack);
    const scaling = endpoint.variant('B').autoScale({ minCapacity: 1, maxCapacity: 4 });
    expect(scaling.scalableTarget.node.path).toBe('TestStack/Llm/Variants/B/AutoScaling/Target');
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      ResourceId: { 'Fn::Join': ['', ['endpoint/', { 'Fn::GetAtt': [stack.getLogicalId(endpoint.cfnEndpoint), 'EndpointName'] }, '/variant/B']] }, MaxCapacity: 4,
    });
    template.hasResourceProperties('AWS::SageMaker::Endpoint', {
      RetainAllVariantProperties: true, ExcludeRetainedVariantProperties: [{ VariantPropertyType: 'DesiredWeight' }],
    });
    // The policy reads B's pools only.
    const policy = Object.values(template.findResources('AWS::ApplicationAutoScaling::ScalingPolicy'))[0] as any;
    const dims = JSON.stringify(policy.Properties.TargetTrackingScalingPolicyConfiguration.CustomizedMetricSpecification.Metrics);
    expect(dims).toContain('ml.g6e.48xlarge');
    expect(dims).not.toContain('ml.p5.48xlarge');
  });

  test('reordering the variants keeps every scalable target and alarm (IDs follow names, not positions)', () => {
    const ids = (order: string[]) => {
      const stack = testStack();
      const model = lmiModel(stack, 'M');
      const endpoint = seedEndpoint(stack, {
        endpointName: 'llm',
        variants: order.map((variantName) => ({ variantName, model, pools: [{ instanceType: InstanceType.ML_G5_48XLARGE, maxConcurrency: 4 }] })),
      });
      for (const name of order) {
        endpoint.variant(name).autoScale({ maxCapacity: 2 });
        endpoint.variant(name).addAlarms();
      }
      const resources = Template.fromStack(stack).toJSON().Resources;
      return Object.keys(resources).filter((id) => !resources[id].Type.startsWith('AWS::SageMaker::EndpointConfig')).sort();
    };
    expect(ids(['B', 'C'])).toEqual(ids(['C', 'B']));
  });

  test('per-variant alarms and dashboards: names carry the variant', () => {
    const stack = testStack();
    const endpoint = abTest(stack);
    const alarms = endpoint.variant('B').addAlarms();
    const names = alarms.errorRateAlarms.map((a) => (a.node.defaultChild as cloudwatch.CfnAlarm).alarmName);
    expect(names).toEqual(['SageMaker-llm-B-ml.g6e.48xlarge-Invocation5XXErrorRate', 'SageMaker-llm-B-ml.g5.48xlarge-Invocation5XXErrorRate']);
    endpoint.variant('B').addDashboard('Dashboard', { dashboardName: 'llm-b' });
    endpoint.addAlarms();
    Template.fromStack(stack).resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    expect(endpoint.variant('B').alarms).toBe(alarms);
  });

  test('blue/green rolls back on every variant\'s own alarms; more than 10 fail synthesis', () => {
    const stack = testStack();
    const endpoint = abTest(stack, { deployment: DeploymentStrategy.blueGreen() });
    endpoint.addAlarms();
    endpoint.variant('B').addAlarms();
    const config = Template.fromStack(stack).toJSON().Resources[stack.getLogicalId(endpoint.cfnEndpoint)].Properties.DeploymentConfig;
    expect(config.AutoRollbackConfiguration.Alarms).toHaveLength(4);

    const many = testStack();
    const crowded = abTest(many, { deployment: DeploymentStrategy.blueGreen() });
    crowded.addAlarms({ modelLatencyThreshold: Duration.seconds(5) });
    crowded.variant('B').addAlarms({ modelLatencyThreshold: Duration.seconds(5) });
    const extra = new cloudwatch.Alarm(many, 'X', { metric: new cloudwatch.Metric({ namespace: 'A', metricName: 'B' }), threshold: 1, evaluationPeriods: 1 });
    expect(() => Template.fromStack(many)).not.toThrow(); // 8 alarms
    const over = testStack();
    const overEp = abTest(over, { deployment: DeploymentStrategy.blueGreen({ autoRollbackAlarms: [extra, extra, extra].map((_, i) => new cloudwatch.Alarm(over, `U${i}`, { metric: new cloudwatch.Metric({ namespace: 'A', metricName: 'B' }), threshold: 1, evaluationPeriods: 1 })) }) });
    overEp.addAlarms({ modelLatencyThreshold: Duration.seconds(5) });
    overEp.variant('B').addAlarms({ modelLatencyThreshold: Duration.seconds(5) });
    expect(() => Template.fromStack(over)).toThrow(/deployment: SageMaker watches at most 10 rollback alarms.*got 11 \[TooManyRollbackAlarms\]/);
  });

  test('rolling deployments stay rejected with several variants', () => {
    const stack = testStack();
    abTest(stack, { deployment: DeploymentStrategy.rolling({ maximumBatchSize: CapacitySize.percent(20), waitInterval: Duration.minutes(5) }) });
    expect(() => Template.fromStack(stack)).toThrow(/deployment: SageMaker supports rolling updates only for endpoints with one production variant.*got 2 variants \[RollingNotSupported\]/);
  });

  test('a variant with local-storage pools and a key gets its own warning', () => {
    const stack = testStack();
    abTest(stack, { encryptionKey: new (require('aws-cdk-lib/aws-kms').Key)(stack, 'K') });
    Annotations.fromStack(stack).hasWarning('/TestStack/Llm', Match.stringLikeRegexp('variants\\[0\\].pools\\[0\\] \\(ml.g6e.48xlarge\\)'));
  });
});

describe('CapacityAwareEndpoint: shadow variant', () => {
  test('renders ShadowProductionVariants with its pools, model and sampling weight; variant(name) reaches it', () => {
    const stack = testStack();
    const candidate = lmiModel(stack, 'Candidate');
    const endpoint = seedEndpoint(stack, {
      shadowVariants: [{ variantName: 'Shadow', model: candidate, initialVariantWeight: 0.5, pools: [{ instanceType: InstanceType.ML_G6_48XLARGE }, { instanceType: InstanceType.ML_G5_48XLARGE }] }],
    });
    expect(variants(stack, 'ShadowProductionVariants')).toEqual([expect.objectContaining({
      VariantName: 'Shadow', InitialVariantWeight: 0.5,
      InstancePools: [{ InstanceType: 'ml.g6.48xlarge', Priority: 1 }, { InstanceType: 'ml.g5.48xlarge', Priority: 2 }],
    })]);
    expect(variants(stack)).toHaveLength(1);
    expect(endpoint.variant('Shadow').shadow).toBe(true);
    expect(endpoint.shadow).toBe(false);
  });

  test('no ShadowProductionVariants without shadow variants', () => {
    const stack = testStack();
    seedEndpoint(stack);
    Template.fromStack(stack).hasResourceProperties('AWS::SageMaker::EndpointConfig', { ShadowProductionVariants: Match.absent() });
  });

  test('a rolling deployment counts the shadow variant', () => {
    const stack = testStack();
    seedEndpoint(stack, {
      deployment: DeploymentStrategy.rolling({ maximumBatchSize: CapacitySize.percent(20), waitInterval: Duration.minutes(5) }),
      shadowVariants: [{ variantName: 'Shadow', model: lmiModel(stack, 'C'), pools: [{ instanceType: InstanceType.ML_G6_48XLARGE }] }],
    });
    expect(() => Template.fromStack(stack)).toThrow(/\[RollingNotSupported\]/);
  });

  test('escape-hatch edits of a shadow variant are checked like a production variant\'s', () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack, { shadowVariants: [{ variantName: 'Shadow', model: lmiModel(stack, 'C'), pools: [{ instanceType: InstanceType.ML_G6_48XLARGE }] }] });
    endpoint.cfnEndpointConfig.addPropertyOverride('ShadowProductionVariants.0.InstanceType', 'ml.g6.48xlarge');
    expect(() => Template.fromStack(stack)).toThrow(/ShadowProductionVariants\[0\].InstanceType: InstancePools replaces InstanceType; set only one/);
  });
});

describe('CapacityAwareEndpoint: further variants, named in messages and construct IDs', () => {
  test('a missing maxConcurrency names the pool of the variant that autoscales', () => {
    const stack = testStack();
    const endpoint = abTest(stack, {}, { pools: [{ instanceType: InstanceType.ML_G6E_48XLARGE, maxConcurrency: 16 }, { instanceType: InstanceType.ML_G5_48XLARGE }] });
    expect(() => endpoint.variant('B').autoScale({ maxCapacity: 2 })).toThrow(
      'variants[0].pools[1].maxConcurrency: the weighted-utilization signal needs the measured max concurrency of every pool (ml.g5.48xlarge), got undefined [MissingMaxConcurrency]');
    const shadow = testStack();
    const withShadow = seedEndpoint(shadow, { shadowVariants: [{ variantName: 'S', model: lmiModel(shadow, 'C'), pools: [{ instanceType: InstanceType.ML_G5_48XLARGE }] }] });
    expect(() => withShadow.variant('S').autoScale({ maxCapacity: 2 })).toThrow(/^shadowVariants\[0\]\.pools\[0\]\.maxConcurrency: .*\[MissingMaxConcurrency\]$/);
  });

  test('a variant named by a token gets a construct ID from the expression, the same however many tokens came before', () => {
    const ids = [0, 5].map((before) => {
      const stack = testStack();
      for (let i = 0; i < before; i++) Token.asString({ Ref: `Unrelated${i}` });
      const endpoint = abTest(stack, {}, { variantName: Token.asString({ Ref: 'CandidateName' }) });
      return endpoint.variant(endpoint.variantNames[1]).node.id;
    });
    expect(ids[0]).toMatch(/^TokenRefCandidateName[0-9A-F]{8}$/);
    expect(ids[1]).toBe(ids[0]);
  });

  test('two variants named by the same expression are one name twice', () => {
    const stack = testStack();
    const name = () => Token.asString({ Ref: 'Name' });
    expect(() => abTest(stack, { variants: [
      { variantName: name(), model: lmiModel(stack, 'X'), pools: [{ instanceType: InstanceType.ML_G5_48XLARGE }] },
      { variantName: name(), model: lmiModel(stack, 'Y'), pools: [{ instanceType: InstanceType.ML_G5_48XLARGE }] },
    ] })).toThrow(/^variants\[1\]\.variantName: each variant name at most once per endpoint \(already variants\[0\]\.variantName\), got '\$\{Token.*\[DuplicateVariantName\]$/);
  });

  test('variant(name) requires a name; a variant\'s addAlarms, addDashboard and autoScale check their arguments like the endpoint\'s', () => {
    const stack = testStack();
    const endpoint = abTest(stack);
    expect(() => endpoint.variant(undefined as any)).toThrow("variantName: required: the name of one of this endpoint's variants (AllTraffic, B), got undefined [MissingRequiredProp]");
    const b = endpoint.variant('B');
    expect(() => b.addAlarms('loud' as any)).toThrow("addAlarms options: must be an object of properties, got 'loud' [MissingRequiredProp]");
    expect(() => b.addDashboard('D', 'big' as any)).toThrow("addDashboard options: must be an object of properties, got 'big' [MissingRequiredProp]");
    b.addDashboard('D');
    expect(() => b.addDashboard('D')).toThrow("id: construct ids are unique within a scope; TestStack/Llm/Variants/B already has a child with this id, got 'D' [DuplicateConstructId]");
    b.autoScale({ maxCapacity: 2 });
    expect(() => b.autoScale({ maxCapacity: 2 })).toThrow('autoScale: a variant has one scalable target; autoScale() was already called, got TestStack/Llm/Variants/B [AutoScalingExists]');
  });
});

describe('CapacityAwareEndpoint: variant validation', () => {
  const pools = [{ instanceType: InstanceType.ML_G5_48XLARGE }];
  const many = (n: number, stack: Stack) => Array.from({ length: n }, (_, i) => ({ variantName: `V${i}`, model: lmiModel(stack, `M${i}`), pools }));

  test.each<[string, (stack: Stack) => Partial<CapacityAwareEndpointProps>, string]>([
    ['11 production variants', (s) => ({ variants: many(10, s) }), 'variants: at most 9 further production variants (SageMaker takes 10 per endpoint), got 10 [VariantCount]'],
    ['a variant named like the primary', (s) => ({ variants: [{ variantName: 'AllTraffic', model: lmiModel(s, 'X'), pools }] }),
      "variants[0].variantName: each variant name at most once per endpoint (already variantName), got 'AllTraffic' [DuplicateVariantName]"],
    ['two variants of one name', (s) => ({ variants: [{ variantName: 'B', model: lmiModel(s, 'X'), pools }, { variantName: 'B', model: lmiModel(s, 'Y'), pools }] }),
      "variants[1].variantName: each variant name at most once per endpoint (already variants[0].variantName), got 'B' [DuplicateVariantName]"],
    ['a shadow named like the primary', (s) => ({ shadowVariants: [{ variantName: 'AllTraffic', model: lmiModel(s, 'X'), pools }] }), '[DuplicateVariantName]'],
    ['a variant without a name', (s) => ({ variants: [{ model: lmiModel(s, 'X'), pools } as any] }),
      "variants[0].variantName: required: the variant's name, unique in the endpoint, got undefined [MissingRequiredProp]"],
    ['a variant with a bad name', (s) => ({ variants: [{ variantName: 'b_2', model: lmiModel(s, 'X'), pools }] }), "variants[0].variantName: only letters, digits and inner hyphens"],
    ['a variant without a model', () => ({ variants: [{ variantName: 'B', pools }] }), 'variants[0].model: a model for the variant (or on variants[0].pools[0]), got none [MissingModel]'],
    ['a variant with six pools', (s) => ({ variants: [{ variantName: 'B', model: lmiModel(s, 'X'), pools: ['g5.xlarge', 'g5.2xlarge', 'g5.4xlarge', 'g5.8xlarge', 'g5.12xlarge', 'g5.16xlarge'].map((t) => ({ instanceType: InstanceType.of(`ml.${t}`) })) }] }),
      'variants[0].pools: between 1 and 5 instance pools, got 6 [PoolCount]'],
    ['a variant with a repeated pool type', (s) => ({ variants: [{ variantName: 'B', model: lmiModel(s, 'X'), pools: [...pools, ...pools] }] }),
      "variants[0].pools[1].instanceType: each instance type at most once (already variants[0].pools[0]), got 'ml.g5.48xlarge' [DuplicateInstanceType]"],
    ['a variant with 0 instances', (s) => ({ variants: [{ variantName: 'B', model: lmiModel(s, 'X'), pools, initialInstanceCount: 0 }] }), 'variants[0].initialInstanceCount: must be an integer of at least 1'],
    ['a variant provisioning timeout of 299 s', (s) => ({ variants: [{ variantName: 'B', model: lmiModel(s, 'X'), pools, provisioningTimeout: Duration.seconds(299) }] }),
      'variants[0].provisioningTimeout: must be a whole number of seconds from 300 to 3600, got 299 [OutOfRange]'],
    ['a variant health-check timeout of 59 s', (s) => ({ variants: [{ variantName: 'B', model: lmiModel(s, 'X'), pools, containerStartupHealthCheckTimeout: Duration.seconds(59) }] }),
      'variants[0].containerStartupHealthCheckTimeout: must be a whole number of seconds from 60 to 3600, got 59 [OutOfRange]'],
    ['a variant download timeout of 30 s', (s) => ({ variants: [{ variantName: 'B', model: lmiModel(s, 'X'), pools, modelDataDownloadTimeout: Duration.seconds(30) }] }),
      'variants[0].modelDataDownloadTimeout: must be a whole number of seconds from 60 to 3600, got 30 [OutOfRange]'],
    ['a variant with a malformed reservation', (s) => ({ variants: [{ variantName: 'B', model: lmiModel(s, 'X'), pools, capacityReservation: { mlReservationArn: 'x' } }] }),
      "variants[0].capacityReservation.mlReservationArn: an ML reservation ARN"],
    ['a negative weight', () => ({ initialVariantWeight: -1 }), "initialVariantWeight: must be a number of at least 0 (and at most 3.4028234663852886e+38, the API's float range), got -1 [InvalidVariantWeight]"],
    ['a negative variant weight', (s) => ({ variants: [{ variantName: 'B', model: lmiModel(s, 'X'), pools, initialVariantWeight: -0.5 }] }), 'variants[0].initialVariantWeight: must be a number of at least 0'],
    ['a weight that is not a number', () => ({ initialVariantWeight: NaN }), 'got NaN [InvalidVariantWeight]'],
    ['weights that are all 0', (s) => ({ initialVariantWeight: 0, variants: [{ variantName: 'B', model: lmiModel(s, 'X'), pools, initialVariantWeight: 0 }] }),
      "initialVariantWeight: the production variants' weights must not all be 0 (no variant would get traffic), got 0, 0 [InvalidVariantWeight]"],
    ['two shadow variants', (s) => ({ shadowVariants: many(2, s) }),
      "shadowVariants: one shadow variant, next to a single production variant (CreateEndpointConfig ShadowProductionVariants), got 2 shadow and 1 production variants [ShadowVariantCount]"],
    ['a shadow next to two production variants', (s) => ({ variants: many(1, s), shadowVariants: [{ variantName: 'S', model: lmiModel(s, 'X'), pools }] }),
      "got 1 shadow and 2 production variants [ShadowVariantCount]"],
  ])('rejects %s before creating any child', (_, props, message) => {
    const stack = testStack();
    expect(() => seedEndpoint(stack, props(stack))).toThrow(InstancePoolsError);
    const again = testStack();
    expect(() => seedEndpoint(again, props(again))).toThrow(message);
    expect(again.node.tryFindChild('Llm')?.node.children ?? []).toHaveLength(0);
  });

  test('accepts 10 production variants, a weight of 0 next to a positive one, and a single production variant of weight 0', () => {
    const stack = testStack();
    expect(() => seedEndpoint(stack, { initialVariantWeight: 0, variants: many(9, stack) })).not.toThrow();
    expect(() => seedEndpoint(testStack(), { initialVariantWeight: 0 })).not.toThrow();
  });
});
