import { Duration, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import { CfnEndpointConfig } from 'aws-cdk-lib/aws-sagemaker';
import { InstanceType, RoutingStrategy } from '../../lib';
import { InstancePoolsError } from '../../lib/core/errors';
import { RankedInstancePool } from '../../lib/pools/instance-pool';
import { PoolEndpointOptions } from '../../lib/pools/pool-endpoint-options';
import { applyTags, endpointArnForName, poolVariant, validatePoolEndpointOptions, warnOnKeyWithLocalStorage } from '../../lib/pools/pool-variant';
import { testStack } from '../util';

const POOLS: RankedInstancePool[] = [
  { instanceType: InstanceType.ML_P5_48XLARGE, priority: 1, maxConcurrency: 20 },
  { instanceType: InstanceType.ML_G6_48XLARGE, priority: 2 },
];

/** The error `validatePoolEndpointOptions` throws, as `[code, prop, message]`. */
function failure(options: PoolEndpointOptions, variantName = 'AllTraffic', initialInstanceCount = 1): [string, string, string] | undefined {
  try {
    validatePoolEndpointOptions(options, variantName, initialInstanceCount);
    return undefined;
  } catch (e) {
    if (!(e instanceof InstancePoolsError)) throw e;
    return [e.code, e.prop, e.message];
  }
}

describe('validatePoolEndpointOptions', () => {
  test.each<[string, PoolEndpointOptions, string, number, string, string]>([
    ['endpointName with an underscore', { endpointName: 'my_llm' }, 'AllTraffic', 1, 'InvalidName', "endpointName: only letters, digits and inner hyphens (pattern [a-zA-Z0-9](-*[a-zA-Z0-9])*), got 'my_llm' [InvalidName]"],
    ['variantName with a space', {}, 'All Traffic', 1, 'InvalidName', "variantName: only letters, digits and inner hyphens (pattern [a-zA-Z0-9](-*[a-zA-Z0-9])*), got 'All Traffic' [InvalidName]"],
    ['variantName ending in a hyphen', {}, 'blue-', 1, 'InvalidName', "variantName: only letters, digits and inner hyphens (pattern [a-zA-Z0-9](-*[a-zA-Z0-9])*), got 'blue-' [InvalidName]"],
    ['initialInstanceCount 0', {}, 'AllTraffic', 0, 'OutOfRange', `initialInstanceCount: must be an integer of at least 1 (and at most 2147483647, the API's integer range), got 0 [OutOfRange]`],
    ['initialInstanceCount 1.5', {}, 'AllTraffic', 1.5, 'OutOfRange', `initialInstanceCount: must be an integer of at least 1 (and at most 2147483647, the API's integer range), got 1.5 [OutOfRange]`],
    ['provisioningTimeout under 5 minutes', { provisioningTimeout: Duration.seconds(299) }, 'AllTraffic', 1, 'OutOfRange', 'provisioningTimeout: must be a whole number of seconds from 300 to 3600, got 299 [OutOfRange]'],
    ['provisioningTimeout over 60 minutes', { provisioningTimeout: Duration.seconds(3601) }, 'AllTraffic', 1, 'OutOfRange', 'provisioningTimeout: must be a whole number of seconds from 300 to 3600, got 3601 [OutOfRange]'],
    ['provisioningTimeout in fractional seconds', { provisioningTimeout: Duration.millis(300500) }, 'AllTraffic', 1, 'OutOfRange', 'provisioningTimeout: must be a whole number of seconds from 300 to 3600, got 300.5 [OutOfRange]'],
    ['containerStartupHealthCheckTimeout under 1 minute', { containerStartupHealthCheckTimeout: Duration.seconds(59) }, 'AllTraffic', 1, 'OutOfRange', 'containerStartupHealthCheckTimeout: must be a whole number of seconds from 60 to 3600, got 59 [OutOfRange]'],
    ['containerStartupHealthCheckTimeout over 60 minutes', { containerStartupHealthCheckTimeout: Duration.hours(2) }, 'AllTraffic', 1, 'OutOfRange', 'containerStartupHealthCheckTimeout: must be a whole number of seconds from 60 to 3600, got 7200 [OutOfRange]'],
  ])('rejects %s', (_, options, variantName, count, code, message) => {
    const [prop] = message.split(':');
    expect(failure(options, variantName, count)).toEqual([code, prop, message]);
  });

  test('rejects an endpointName of 64 characters, naming the length', () => {
    const [code, prop, message] = failure({ endpointName: 'e'.repeat(64) })!;
    expect([code, prop]).toEqual(['InvalidName', 'endpointName']);
    expect(message).toMatch(/^endpointName: at most 63 characters, got 'e{40}…' \(64 characters\) \[InvalidName\]$/);
  });

  test('accepts the bounds of every range', () => {
    expect(failure({ endpointName: 'e'.repeat(63), provisioningTimeout: Duration.minutes(5), containerStartupHealthCheckTimeout: Duration.minutes(1) }, 'A', 1)).toBeUndefined();
    expect(failure({ endpointName: 'Llm-2--b', provisioningTimeout: Duration.hours(1), containerStartupHealthCheckTimeout: Duration.hours(1) }, 'AllTraffic', 1000)).toBeUndefined();
  });

  test('accepts tokens', () => {
    expect(failure({
      endpointName: Token.asString({ Ref: 'Name' }),
      provisioningTimeout: Duration.seconds(Token.asNumber({ Ref: 'Timeout' })),
      containerStartupHealthCheckTimeout: Duration.seconds(Token.asNumber({ Ref: 'Health' })),
    }, Token.asString({ Ref: 'Variant' }), Token.asNumber({ Ref: 'Count' }))).toBeUndefined();
  });

  test('reports the endpoint name first, then the variant, the count and the timeouts', () => {
    const all: PoolEndpointOptions = { endpointName: 'a_b', provisioningTimeout: Duration.seconds(1), containerStartupHealthCheckTimeout: Duration.seconds(1) };
    expect(failure(all, 'x_y', 0)?.[1]).toBe('endpointName');
    expect(failure({ ...all, endpointName: undefined }, 'x_y', 0)?.[1]).toBe('variantName');
    expect(failure({ ...all, endpointName: undefined }, 'xy', 0)?.[1]).toBe('initialInstanceCount');
    expect(failure({ ...all, endpointName: undefined }, 'xy', 1)?.[1]).toBe('provisioningTimeout');
    expect(failure({ containerStartupHealthCheckTimeout: Duration.seconds(1) }, 'xy', 1)?.[1]).toBe('containerStartupHealthCheckTimeout');
  });
});

describe('poolVariant', () => {
  test('renders the pools in order with their priorities, least outstanding requests, and no timeouts by default', () => {
    expect(poolVariant({}, 'AllTraffic', 2, POOLS)).toEqual({
      variantName: 'AllTraffic',
      initialInstanceCount: 2,
      instancePools: [
        { instanceType: 'ml.p5.48xlarge', priority: 1, modelNameOverride: undefined },
        { instanceType: 'ml.g6.48xlarge', priority: 2, modelNameOverride: undefined },
      ],
      routingConfig: { routingStrategy: 'LEAST_OUTSTANDING_REQUESTS' },
      variantInstanceProvisionTimeoutInSeconds: undefined,
      containerStartupHealthCheckTimeoutInSeconds: undefined,
    });
  });

  test('renders the routing strategy and both timeouts in seconds', () => {
    const variant = poolVariant({ routingStrategy: RoutingStrategy.RANDOM, provisioningTimeout: Duration.minutes(20), containerStartupHealthCheckTimeout: Duration.minutes(15) },
      'Blue', 1, POOLS);
    expect(variant.routingConfig).toEqual({ routingStrategy: 'RANDOM' });
    expect([variant.variantInstanceProvisionTimeoutInSeconds, variant.containerStartupHealthCheckTimeoutInSeconds]).toEqual([1200, 900]);
    expect(variant.variantName).toBe('Blue');
  });

  test('asks the callback for each pool, in order, and renders its answer as ModelNameOverride', () => {
    const asked: RankedInstancePool[] = [];
    const variant = poolVariant({}, 'AllTraffic', 1, POOLS, (pool) => {
      asked.push(pool);
      return pool.priority === 2 ? 'qwen-int4' : undefined;
    });
    expect(asked).toEqual(POOLS);
    expect(asked[0]).toBe(POOLS[0]);
    expect(variant.instancePools).toEqual([
      { instanceType: 'ml.p5.48xlarge', priority: 1, modelNameOverride: undefined },
      { instanceType: 'ml.g6.48xlarge', priority: 2, modelNameOverride: 'qwen-int4' },
    ]);
  });

  test('synthesizes to InstancePools without ModelNameOverride where the callback returns none', () => {
    const stack = testStack();
    new CfnEndpointConfig(stack, 'Config', {
      productionVariants: [{ ...poolVariant({}, 'AllTraffic', 1, POOLS, (p) => (p.priority === 2 ? 'int4' : undefined)), modelName: 'fp16' }],
    });
    Template.fromStack(stack).hasResourceProperties('AWS::SageMaker::EndpointConfig', {
      ProductionVariants: [{
        VariantName: 'AllTraffic',
        InitialInstanceCount: 1,
        ModelName: 'fp16',
        InstancePools: [{ InstanceType: 'ml.p5.48xlarge', Priority: 1 }, { InstanceType: 'ml.g6.48xlarge', Priority: 2, ModelNameOverride: 'int4' }],
        RoutingConfig: { RoutingStrategy: 'LEAST_OUTSTANDING_REQUESTS' },
      }],
    });
    const variant = Template.fromStack(stack).toJSON().Resources.Config.Properties.ProductionVariants[0];
    expect(Object.keys(variant.InstancePools[0])).toEqual(['InstanceType', 'Priority']);
    expect(variant).not.toHaveProperty('VariantInstanceProvisionTimeoutInSeconds');
  });
});

describe('endpointArnForName', () => {
  test("lower-cases a plain name, in the stack's partition, region and account", () => {
    const stack = testStack();
    expect(stack.resolve(endpointArnForName(stack, 'Prod-LLM'))).toBe('arn:aws:sagemaker:us-east-1:111111111111:endpoint/prod-llm');
  });

  test('keeps a token name as it is (resolved at deploy time)', () => {
    const stack = testStack();
    const arn = endpointArnForName(stack, Token.asString({ Ref: 'EndpointName' }));
    expect(stack.resolve(arn)).toEqual({ 'Fn::Join': ['', ['arn:aws:sagemaker:us-east-1:111111111111:endpoint/', { Ref: 'EndpointName' }]] });
  });

  test('uses the stack of the scope it is given', () => {
    const stack = testStack();
    const child = new CfnEndpointConfig(stack, 'Config', { productionVariants: [] });
    expect(stack.resolve(endpointArnForName(child, 'X'))).toBe('arn:aws:sagemaker:us-east-1:111111111111:endpoint/x');
  });
});

describe('applyTags', () => {
  test('tags every taggable resource of the tree', () => {
    const stack = testStack();
    new CfnEndpointConfig(stack, 'Config', { productionVariants: [] });
    applyTags(stack, { team: 'ml', Stage: 'Prod' });
    Template.fromStack(stack).hasResourceProperties('AWS::SageMaker::EndpointConfig', {
      Tags: [{ Key: 'Stage', Value: 'Prod' }, { Key: 'team', Value: 'ml' }],
    });
  });

  test.each([['no tag map', undefined], ['an empty tag map', {}]])('adds nothing for %s', (_, tags) => {
    const stack = testStack();
    new CfnEndpointConfig(stack, 'Config', { productionVariants: [] });
    applyTags(stack, tags);
    expect(Template.fromStack(stack).toJSON().Resources.Config.Properties).not.toHaveProperty('Tags');
  });
});

describe('warnOnKeyWithLocalStorage', () => {
  const ranked = (...types: string[]): RankedInstancePool[] => types.map((name, i) => ({ instanceType: InstanceType.of(name), priority: i + 1 }));
  const warnings = (types: string[], withKey = true) => {
    const stack = testStack();
    const key = withKey ? kms.Key.fromKeyArn(stack, 'Key', 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab') : undefined;
    warnOnKeyWithLocalStorage(stack, { encryptionKey: key }, ranked(...types));
    return Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('kmsKeyLocalStorage')).map((w) => String(w.entry.data));
  };

  test.each([
    [['ml.g6.48xlarge'], 'pools[0] (ml.g6.48xlarge)'],
    [['ml.m5.xlarge', 'ml.p5.48xlarge'], 'pools[1] (ml.p5.48xlarge)'],
    [['ml.inf2.xlarge', 'ml.c5d.xlarge', 'ml.g5.xlarge'], 'pools[1] (ml.c5d.xlarge), pools[2] (ml.g5.xlarge)'],
  ])('a key next to %p names %s, once', (types, named) => {
    const found = warnings(types);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`the local NVMe instance storage of ${named} is encrypted by the instance hardware, not by this key`);
  });

  test.each([
    ['CPU pools without local storage', ['ml.m5.xlarge', 'ml.c5.xlarge']],
    ['a family the library does not know', ['ml.zz9.xlarge']],
    ['an instance type token', [Token.asString({ Ref: 'Type' })]],
  ])('no warning with %s', (_, types) => {
    expect(warnings(types)).toEqual([]);
  });

  test('no warning without a key', () => {
    expect(warnings(['ml.p5.48xlarge'], false)).toEqual([]);
  });
});
