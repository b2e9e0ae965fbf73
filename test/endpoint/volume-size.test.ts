import { Size, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { CapacityAwareEndpoint, CapacityAwareEndpointProps, InstanceType, Model } from '../../lib';
import { InstancePoolsError } from '../../lib/core/errors';
import { testStack } from '../util';
import { lmiModel } from './fixtures';

/** An endpoint on EBS-only pools (m5, c5: no local storage), with overridable props. */
function cpuEndpoint(props: Partial<CapacityAwareEndpointProps> = {}) {
  const stack = testStack();
  const endpoint = new CapacityAwareEndpoint(stack, 'Cpu', {
    model: Model.fromModelName(stack, 'M', 'm'), pools: [{ instanceType: InstanceType.ML_M5_XLARGE }, { instanceType: InstanceType.ML_C5_XLARGE }], ...props,
  });
  return { stack, endpoint };
}

describe('volumeSize (VolumeSizeInGB)', () => {
  test('renders VolumeSizeInGB on a variant of EBS-only pools', () => {
    const { stack } = cpuEndpoint({ volumeSize: Size.gibibytes(100) });
    Template.fromStack(stack).hasResourceProperties('AWS::SageMaker::EndpointConfig', { ProductionVariants: [Match.objectLike({ VolumeSizeInGB: 100 })] });
  });

  test('accepts 1 and 512 GiB and tokens; absent by default', () => {
    expect(() => cpuEndpoint({ volumeSize: Size.gibibytes(1) })).not.toThrow();
    expect(() => cpuEndpoint({ volumeSize: Size.gibibytes(512) })).not.toThrow();
    expect(() => cpuEndpoint({ volumeSize: Size.gibibytes(Token.asNumber({ Ref: 'V' })) })).not.toThrow();
    const { stack } = cpuEndpoint();
    Template.fromStack(stack).hasResourceProperties('AWS::SageMaker::EndpointConfig', { ProductionVariants: [Match.objectLike({ VolumeSizeInGB: Match.absent() })] });
  });

  test.each<[string, Partial<CapacityAwareEndpointProps>, string]>([
    ['0 GiB', { volumeSize: Size.gibibytes(0) }, "volumeSize: must be a whole number of GiB from 1 to 512, got 0 GiB [OutOfRange]"],
    ['513 GiB', { volumeSize: Size.gibibytes(513) }, "volumeSize: must be a whole number of GiB from 1 to 512, got 513 GiB [OutOfRange]"],
    ['1.5 GiB', { volumeSize: Size.mebibytes(1536) }, "got 1.5 GiB [OutOfRange]"],
    ['a pool with local NVMe storage', { pools: [{ instanceType: InstanceType.ML_M5_XLARGE }, { instanceType: InstanceType.ML_G5_2XLARGE }], volumeSize: Size.gibibytes(50) },
      "volumeSize: pools[1] (ml.g5.2xlarge) has local NVMe instance storage and takes no volume size; drop volumeSize or that pool, got 50 GiB [VolumeSizeWithLocalStorage]"],
  ])('rejects %s', (_, props, message) => {
    expect(() => cpuEndpoint(props)).toThrow(InstancePoolsError);
    expect(() => cpuEndpoint(props)).toThrow(message);
  });

  test.each<[string, Partial<CapacityAwareEndpointProps>, string]>([
    ['a token size next to a local-storage pool', { pools: [{ instanceType: InstanceType.ML_G5_2XLARGE }], volumeSize: Size.gibibytes(Token.asNumber({ Ref: 'V' })) },
      'volumeSize: pools[0] (ml.g5.2xlarge) has local NVMe instance storage and takes no volume size; drop volumeSize or that pool, got a token size [VolumeSizeWithLocalStorage]'],
    ['a token size in mebibytes', { volumeSize: Size.mebibytes(Token.asNumber({ Ref: 'V' })) },
      "volumeSize: a token size must be given in gibibytes, the API's unit: Size.gibibytes(token) (aws-cdk-lib cannot convert a token between units), got a token in MiB [TokenUnit]"],
    ['a number of GiB instead of a Size', { volumeSize: 100 as any }, 'volumeSize: must be a Size (Size.mebibytes(...), Size.gibibytes(...)), got 100 [InvalidEnumValue]'],
  ])('rejects %s', (_, props, message) => {
    expect(() => cpuEndpoint(props)).toThrow(InstancePoolsError);
    expect(() => cpuEndpoint(props)).toThrow(message);
  });

  test('checks each further variant against its own pools', () => {
    const stack = testStack();
    expect(() => new CapacityAwareEndpoint(stack, 'Ab', {
      model: Model.fromModelName(stack, 'M', 'm'), pools: [{ instanceType: InstanceType.ML_M5_XLARGE }], volumeSize: Size.gibibytes(20),
      variants: [{ variantName: 'B', model: lmiModel(stack, 'B'), pools: [{ instanceType: InstanceType.ML_P5_48XLARGE }], volumeSize: Size.gibibytes(20) }],
    })).toThrow("variants[0].volumeSize: variants[0].pools[0] (ml.p5.48xlarge) has local NVMe instance storage and takes no volume size; drop volumeSize or that pool, got 20 GiB [VolumeSizeWithLocalStorage]");
  });

  test('an instance type the library does not know warns', () => {
    const { stack } = cpuEndpoint({ pools: [{ instanceType: InstanceType.of('ml.m7i.xlarge') }, { instanceType: InstanceType.of('ml.x9.xlarge') }], volumeSize: Size.gibibytes(30) });
    Annotations.fromStack(stack).hasWarning('/TestStack/Cpu', Match.stringLikeRegexp('volumeSize: the library does not know whether ml.x9.xlarge has local NVMe storage'));
  });
});
