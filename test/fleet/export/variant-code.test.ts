import { SourceBuilder } from '../../../bin/fleet/export/source-builder';
import { durationCode, variantCode } from '../../../bin/fleet/export/variant-code';
import { G6, P5 } from '../scenario';

/** The NOTE every exported variant carries: the live endpoint has no per-instance concurrency to copy. */
const NO_CONCURRENCY = expect.stringMatching(/^no pool has maxConcurrency: the live endpoint does not record .* load test/);

describe('variantCode', () => {
  test('pools in priority order with their own models, routing, timeouts; the rest for the L1', () => {
    const b = new SourceBuilder();
    const code = variantCode({
      VariantName: 'Main', ModelName: 'fp16', InitialInstanceCount: 3, InitialVariantWeight: 0.5,
      InstancePools: [{ InstanceType: G6, Priority: 2, ModelNameOverride: 'int4' }, { InstanceType: P5, Priority: 1 }],
      RoutingConfig: { RoutingStrategy: 'LEAST_OUTSTANDING_REQUESTS' },
      VariantInstanceProvisionTimeoutInSeconds: 900, VolumeSizeInGB: 100, EnableSSMAccess: true,
    }, b);
    expect(code.declarations).toEqual([
      "const model = Model.fromModelName(this, 'Model', 'fp16');",
      "const model2 = Model.fromModelName(this, 'Model2', 'int4');",
    ]);
    expect(code.props).toEqual([
      "variantName: 'Main',",
      'model,',
      'pools: [',
      "  { instanceType: InstanceType.of('ml.p5.48xlarge') }, // maxConcurrency: TODO (load test)",
      "  { instanceType: InstanceType.of('ml.g6.48xlarge'), model: model2 }, // maxConcurrency: TODO (load test)",
      '],',
      'initialInstanceCount: 3,',
      'routingStrategy: RoutingStrategy.LEAST_OUTSTANDING_REQUESTS,',
      'provisioningTimeout: Duration.minutes(15),',
    ]);
    expect(code.l1).toEqual({ initialVariantWeight: 0.5, volumeSizeInGb: 100, enableSsmAccess: true });
    expect(b.notes).toEqual([NO_CONCURRENCY]);
  });

  test('one model declared once, whatever uses it', () => {
    const code = variantCode({ VariantName: 'A', ModelName: 'm', InstancePools: [{ InstanceType: P5, Priority: 1, ModelNameOverride: 'm' }] }, new SourceBuilder());
    expect(code.declarations).toHaveLength(1);
    expect(code.props).toContain("  { instanceType: InstanceType.of('ml.p5.48xlarge'), model: model }, // maxConcurrency: TODO (load test)");
  });

  test('prefix-aware routing goes to the L1 variant, as it is live', () => {
    const code = variantCode({ VariantName: 'A', ModelName: 'm', InstanceType: P5,
      RoutingConfig: { RoutingStrategy: 'PREFIX_AWARE', PrefixAwareRoutingConfig: { PrefixLength: 32 } } }, new SourceBuilder());
    expect(code.l1).toEqual({ routingConfig: { routingStrategy: 'PREFIX_AWARE', prefixAwareRoutingConfig: { prefixLength: 32 } } });
    expect(code.props.join('\n')).not.toContain('routingStrategy');
  });

  test('NOTEs: a single instance type, renumbered priorities, a member this version does not know', () => {
    const b = new SourceBuilder();
    variantCode({ VariantName: 'A', ModelName: 'm', InstanceType: P5 }, b);
    variantCode({ VariantName: 'B', ModelName: 'm', InstancePools: [{ InstanceType: P5, Priority: 2 }, { InstanceType: G6, Priority: 4 }] }, b);
    variantCode({ VariantName: 'C', ModelName: 'm', InstanceType: P5, FutureThing: 1 } as never, b);
    expect(b.notes).toEqual([
      expect.stringMatching(/^the live variant runs on one InstanceType \(ml\.p5\.48xlarge\)/), NO_CONCURRENCY,
      'the live pool priorities (2, 4) are renumbered 1 to 2, in the same order.', NO_CONCURRENCY,
      expect.stringMatching(/^the live variant runs on one InstanceType/), NO_CONCURRENCY,
      "not reproduced: the variant's FutureThing, which this version of sagemaker-fleet does not know.",
    ]);
  });
});

test('durationCode prefers whole minutes', () => {
  const b = new SourceBuilder();
  expect(durationCode(1800, b)).toBe('Duration.minutes(30)');
  expect(durationCode(90, b)).toBe('Duration.seconds(90)');
  expect(b.importLines()).toEqual(["import { Duration } from 'aws-cdk-lib';"]);
});
