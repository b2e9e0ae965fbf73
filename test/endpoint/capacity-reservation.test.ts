import { App, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { CapacityReservation, CapacityReservationPreference, InstanceType } from '../../lib';
import { InstancePoolsError } from '../../lib/core/errors';
import { validateCapacityReservation } from '../../lib/endpoint/capacity-reservation';
import { testStack } from '../util';
import { seedEndpoint } from './fixtures';

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
  test('renders CapacityReservationConfig on the variant', () => {
    const stack = testStack();
    seedEndpoint(stack, { capacityReservation: { mlReservationArn: ARN, preference: CapacityReservationPreference.CAPACITY_RESERVATIONS_ONLY } });
    Template.fromStack(stack).hasResourceProperties('AWS::SageMaker::EndpointConfig', {
      ProductionVariants: [Match.objectLike({ CapacityReservationConfig: { MlReservationArn: ARN, CapacityReservationPreference: 'capacity-reservations-only' } })],
    });
  });

  test('reserved priority 1 with on-demand fallbacks synthesizes, with a warning naming the open question', () => {
    const stack = testStack();
    seedEndpoint(stack, { capacityReservation: { mlReservationArn: ARN } });
    Template.fromStack(stack).hasResourceProperties('AWS::SageMaker::EndpointConfig', {
      ProductionVariants: [Match.objectLike({ CapacityReservationConfig: { MlReservationArn: ARN, CapacityReservationPreference: Match.absent() } })],
    });
    Annotations.fromStack(stack).hasWarning('/TestStack/Llm', Match.stringLikeRegexp(
      'capacityReservation: a capacity reservation applies to the whole variant.*Reserved capacity for ml.p5.48xlarge \\(priority 1\\) with on-demand fallback to ml.g6.48xlarge'));
  });

  test('capacity-reservations-only with fallback pools warns that they cannot take on-demand capacity', () => {
    const stack = testStack();
    seedEndpoint(stack, { capacityReservation: { mlReservationArn: ARN, preference: CapacityReservationPreference.CAPACITY_RESERVATIONS_ONLY } });
    Annotations.fromStack(stack).hasWarning('/TestStack/Llm', Match.stringLikeRegexp('fallback pools \\(ml.g6.48xlarge\\) cannot take on-demand capacity'));
  });

  test('no warning for a single pool, and none without a reservation', () => {
    const one = testStack();
    seedEndpoint(one, { pools: [{ instanceType: InstanceType.ML_P5_48XLARGE }], capacityReservation: { mlReservationArn: ARN } });
    Annotations.fromStack(one).hasNoWarning('*', Match.stringLikeRegexp('capacity reservation'));
    const none = testStack();
    seedEndpoint(none);
    Template.fromStack(none).hasResourceProperties('AWS::SageMaker::EndpointConfig', { ProductionVariants: [Match.objectLike({ CapacityReservationConfig: Match.absent() })] });
  });

  test('rejects a malformed ARN before creating any child', () => {
    const stack = testStack();
    expect(() => seedEndpoint(stack, { capacityReservation: { mlReservationArn: 'reservation' } })).toThrow('[InvalidCapacityReservation]');
    expect(stack.node.tryFindChild('Llm')?.node.children ?? []).toHaveLength(0);
  });
});
