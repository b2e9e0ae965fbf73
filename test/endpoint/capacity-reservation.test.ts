import { App, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { CapacityReservation, CapacityReservationPreference, InstanceType } from '../../lib';
import { InstancePoolsError } from '../../lib/core/errors';
import { validateCapacityReservation } from '../../lib/endpoint/capacity-reservation';
import { testStack } from '../util';
import { lmiModel, seedEndpoint } from './fixtures';

const ARN = 'arn:aws:sagemaker:us-east-1:111111111111:ml-reservation/p5-plan';

describe('validateCapacityReservation', () => {
  test.each<[string, Partial<CapacityReservation>, string]>([
    ['no ARN', { mlReservationArn: undefined }, 'capacityReservation.mlReservationArn: required: the ARN of the ML capacity reservation, got undefined [MissingRequiredProp]'],
    ['an ARN of another service', { mlReservationArn: 'arn:aws:ec2:us-east-1:111111111111:capacity-reservation/cr-1' },
      "capacityReservation.mlReservationArn: an ML reservation ARN like arn:aws:sagemaker:REGION:ACCOUNT:ml-reservation/NAME, 20 to 258 characters, got 'arn:aws:ec2:us-east-1:111111111111:capac…' (60 characters) [InvalidCapacityReservation]"],
    ['a short account id', { mlReservationArn: 'arn:aws:sagemaker:us-east-1:1111:ml-reservation/x' }, '[InvalidCapacityReservation]'],
    ['an ARN over 258 characters', { mlReservationArn: `${ARN}${'x'.repeat(250)}` }, 'capacityReservation.mlReservationArn: an ML reservation ARN'],
    ['an unknown preference', { preference: 'capacity-reservations-first' as CapacityReservationPreference },
      "capacityReservation.preference: must be one of CapacityReservationPreference.CAPACITY_RESERVATIONS_ONLY, got 'capacity-reservations-first' [InvalidEnumValue]"],
    ['an ARN of another partition', { mlReservationArn: 'arn:aws-cn:sagemaker:cn-north-1:111111111111:ml-reservation/a' },
      "capacityReservation.mlReservationArn: the ARN of a reservation in the stack's partition and region (aws, us-east-1), where the endpoint is created, got 'arn:aws-cn:sagemaker:cn-north-1:11111111…' (61 characters) [InvalidCapacityReservation]"],
    ['an ARN of another region', { mlReservationArn: 'arn:aws:sagemaker:eu-west-1:111111111111:ml-reservation/a' }, "stack's partition and region (aws, us-east-1)"],
    ['a wildcard', { mlReservationArn: 'arn:aws:sagemaker:us-east-1:111111111111:ml-reservation/*' },
      "capacityReservation.mlReservationArn: the ARN of one reservation: printable ASCII without whitespace, '*' or '?'"],
    ['a space', { mlReservationArn: 'arn:aws:sagemaker:us-east-1:111111111111:ml-reservation/p5 plan' }, "printable ASCII without whitespace, '*' or '?'"],
    ['a non-ASCII name', { mlReservationArn: 'arn:aws:sagemaker:us-east-1:111111111111:ml-reservation/plän' }, "printable ASCII without whitespace, '*' or '?'"],
  ])('rejects %s', (_, reservation, message) => {
    const validate = () => validateCapacityReservation(testStack(), 'capacityReservation', { mlReservationArn: ARN, ...reservation } as CapacityReservation);
    expect(validate).toThrow(InstancePoolsError);
    expect(validate).toThrow(message);
  });

  test('accepts an ARN of any partition and region in an environment-agnostic stack, and tokens', () => {
    const agnostic = new Stack(App.of(testStack())!, 'Agnostic');
    expect(() => validateCapacityReservation(agnostic, 'r', { mlReservationArn: 'arn:aws-cn:sagemaker:cn-north-1:111111111111:ml-reservation/a' })).not.toThrow();
    expect(() => validateCapacityReservation(testStack(), 'r', { mlReservationArn: Token.asString({ Ref: 'Plan' }) })).not.toThrow();
    const china = new Stack(App.of(testStack())!, 'China', { env: { region: 'cn-north-1' } });
    expect(() => validateCapacityReservation(china, 'r', { mlReservationArn: 'arn:aws-cn:sagemaker:cn-north-1:111111111111:ml-reservation/a' })).not.toThrow();
  });
});

describe('CapacityAwareEndpoint capacityReservation', () => {
  const P5 = [{ instanceType: InstanceType.ML_P5_48XLARGE }];

  test('renders CapacityReservationConfig on a variant of one pool, warning that the one-pool form is an open question', () => {
    const stack = testStack();
    seedEndpoint(stack, { pools: P5, capacityReservation: { mlReservationArn: ARN, preference: CapacityReservationPreference.CAPACITY_RESERVATIONS_ONLY } });
    Template.fromStack(stack).hasResourceProperties('AWS::SageMaker::EndpointConfig', {
      ProductionVariants: [Match.objectLike({
        InstancePools: [{ InstanceType: 'ml.p5.48xlarge', Priority: 1 }],
        CapacityReservationConfig: { MlReservationArn: ARN, CapacityReservationPreference: 'capacity-reservations-only' },
      })],
    });
    Annotations.fromStack(stack).hasWarning('/TestStack/Llm', Match.stringLikeRegexp(
      '^capacityReservation: the variant names ml.p5.48xlarge through InstancePools \\(one pool\\).*open question'));
  });

  test('fallback pools next to a reservation are refused: a plan serves one instance type, one plan per endpoint', () => {
    // Was a warning (capacityReservationWithPools): the training-plan guide requires the variant's instance type to
    // match the plan's, and one plan per endpoint, so the fallback types could never be served from it.
    const stack = testStack();
    expect(() => seedEndpoint(stack, { capacityReservation: { mlReservationArn: ARN } })).toThrow(
      "capacityReservation: a capacity reservation (training plan) serves one instance type, which must match the variant's, and an endpoint uses "
      + 'exactly one plan (https://docs.aws.amazon.com/sagemaker/latest/dg/use-training-plan-for-inference-endpoints-using-api-cli-sdk.html): '
      + "give the variant a single pool of the plan's instance type, or drop the reservation to keep the fallback pools (pools), "
      + 'got 2 pools (ml.p5.48xlarge, ml.g6.48xlarge) [ReservationWithFallbackPools]');
    expect(stack.node.tryFindChild('Llm')?.node.children ?? []).toHaveLength(0);
  });

  test('a further variant names its own pools; two plans on one endpoint are refused', () => {
    const other = 'arn:aws:sagemaker:us-east-1:111111111111:ml-reservation/g6e-plan';
    const variant = (stack: Stack, arn: string, pools = [{ instanceType: InstanceType.ML_G6E_48XLARGE }, { instanceType: InstanceType.ML_G6_48XLARGE }]) =>
      ({ variantName: 'B', model: lmiModel(stack, 'Candidate'), pools, capacityReservation: { mlReservationArn: arn } });
    const two = testStack();
    expect(() => seedEndpoint(two, { variants: [variant(two, ARN)] })).toThrow(
      /^variants\[0\]\.capacityReservation: .*\(variants\[0\]\.pools\), got 2 pools \(ml.g6e.48xlarge, ml.g6.48xlarge\) \[ReservationWithFallbackPools\]$/);
    const plans = testStack();
    expect(() => seedEndpoint(plans, { pools: P5, capacityReservation: { mlReservationArn: ARN }, variants: [variant(plans, other, [{ instanceType: InstanceType.ML_G6E_48XLARGE }])] }))
      .toThrow(`capacityReservation: an endpoint uses exactly one capacity reservation (training plan) across its variants, got ${ARN}, ${other} [MultipleCapacityReservations]`);
    const shared = testStack();
    seedEndpoint(shared, { pools: P5, capacityReservation: { mlReservationArn: ARN }, variants: [variant(shared, ARN, [{ instanceType: InstanceType.ML_P5_48XLARGE }])] });
  });

  test('no warning without a reservation', () => {
    const none = testStack();
    seedEndpoint(none);
    Template.fromStack(none).hasResourceProperties('AWS::SageMaker::EndpointConfig', { ProductionVariants: [Match.objectLike({ CapacityReservationConfig: Match.absent() })] });
    Annotations.fromStack(none).hasNoWarning('*', Match.stringLikeRegexp('capacityReservation'));
  });

  test('rejects a malformed ARN before creating any child', () => {
    const stack = testStack();
    expect(() => seedEndpoint(stack, { capacityReservation: { mlReservationArn: 'reservation' } })).toThrow('[InvalidCapacityReservation]');
    expect(stack.node.tryFindChild('Llm')?.node.children ?? []).toHaveLength(0);
  });
});
