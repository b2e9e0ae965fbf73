import { App, Size, Stack, Token } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import {
  CapacityAwareEndpoint, CapacityAwareEndpointProps, ContainerImage, IModel, InferenceComponentEndpoint, InferenceComponentSpecification,
  InstanceType, Model, ModelContainer, ModelData, ProductionVariantOptions,
} from '../../lib';
import { InstancePoolsError } from '../../lib/core/errors';
import { testStack } from '../util';

/**
 * The tables of bad and unusual input (one file per kind of rule). Each bad row builds something from one bad
 * input, and must fail with exactly its code: at construction, or at synth time for the checks that run then.
 * A raw TypeError or an aws-cdk-lib error without a code fails the row.
 */

/** One bad input: what it is, how to build it (returning the stack to synthesize, if construction passes), the code. */
export type BadRow = [description: string, build: (stack: Stack) => unknown, code: string];

/** Runs `build` on a fresh stack and synthesizes the app; returns the error, or undefined when all passed. */
export function outcome(build: (stack: Stack) => unknown): unknown {
  const stack = testStack();
  try {
    build(stack);
    App.of(stack)!.synth();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** The row's build fails with `code`: an InstancePoolsError with that code, or a synth error naming `[code]`. */
export function expectCode(build: (stack: Stack) => unknown, code: string): void {
  const error = outcome(build);
  if (error === undefined) throw new Error(`expected [${code}], but the input was accepted`);
  if (error instanceof TypeError || !(error instanceof Error)) throw new Error(`expected [${code}], got ${String(error)}`);
  if (error instanceof InstancePoolsError) {
    expect(error.code).toBe(code);
  } else {
    expect(error.message).toContain(`[${code}]`);
  }
}

/** Runs a table of bad rows, and checks that no description is listed twice (each row is a distinct input). */
export function badInputTable(title: string, rows: BadRow[]): void {
  test(`${title}: every row is a distinct input`, () => {
    expect(new Set(rows.map(([description]) => description)).size).toBe(rows.length);
  });
  test.each(rows)(`${title}: %s`, (_description, build, code) => expectCode(build, code));
}

/** A plain JavaScript caller: no type checker stands between its values and the library. */
export const js = (value: unknown): any => value;

/** A string token, a number token. */
export const strToken = (name: string) => Token.asString({ Ref: name });
export const numToken = (name: string) => Token.asNumber({ Ref: name });

/** A model by name (no children), and a model of this library. */
export const imported = (stack: Stack, id = 'Imported') => Model.fromModelName(stack, id, 'existing-model');
export function lmi(stack: Stack, id = 'M', props: object = {}): Model {
  return new Model(stack, id, {
    container: ModelContainer.fromImage(ContainerImage.fromDeepLearningContainer('djl-inference', '0.36.0-lmi23.0.0-cu129')),
    ...props,
  });
}

/** A one-pool endpoint with overridable props. */
export function endpoint(stack: Stack, props: Partial<CapacityAwareEndpointProps> = {}, id = 'Ep'): CapacityAwareEndpoint {
  return new CapacityAwareEndpoint(stack, id, {
    model: imported(stack, `${id}Model`),
    pools: [{ instanceType: InstanceType.ML_G6_48XLARGE, maxConcurrency: 8 }, { instanceType: InstanceType.ML_G5_48XLARGE, maxConcurrency: 6 }],
    ...props,
  });
}

/** A two-pool inference-component endpoint. */
export function icEndpoint(stack: Stack, props: object = {}, id = 'Ic'): InferenceComponentEndpoint {
  return new InferenceComponentEndpoint(stack, id, {
    pools: [{ instanceType: InstanceType.ML_G6_48XLARGE }, { instanceType: InstanceType.ML_G6_12XLARGE }],
    ...props,
  });
}

/** A specification for every pool type of `icEndpoint`, with overridable options. */
export function allTypes(stack: Stack, options: object = {}): InferenceComponentSpecification {
  const model = (stack.node.tryFindChild('SpecModel') as IModel | undefined) ?? imported(stack, 'SpecModel');
  return InferenceComponentSpecification.forAllInstanceTypes({ model, minMemory: Size.mebibytes(1024), ...options });
}

/** A bucket. */
export const bucket = (stack: Stack, id = 'Bucket') => new s3.Bucket(stack, id);

/** Model data from a key, for rows on S3 keys. */
export const fromKey = (stack: Stack, key: string) => lmi(stack, 'KeyModel', {
  container: ModelContainer.fromImage(ContainerImage.fromImageUri('123456789012.dkr.ecr.us-east-1.amazonaws.com/llm:v1'), {
    modelData: ModelData.fromBucket(bucket(stack), key),
  }),
});

/** A further variant on a CPU type without local storage (its settings can all be valid), with overridable options. */
export function variant(stack: Stack, options: object = {}): ProductionVariantOptions {
  return { variantName: 'B', model: imported(stack, `VariantModel${stack.node.children.length}`), pools: [{ instanceType: InstanceType.ML_M5_XLARGE, maxConcurrency: 4 }], ...options };
}

/** An endpoint with further variants, each built by `variant` from the options given. */
export const withVariants = (...options: object[]) => (s: Stack) => endpoint(s, { variants: options.map((o) => variant(s, o)) });

/** An endpoint with a shadow variant built by `variant` from the options given. */
export const withShadow = (options: object = {}, props: Partial<CapacityAwareEndpointProps> = {}) => (s: Stack) =>
  endpoint(s, { shadowVariants: [variant(s, { variantName: 'Shadow', ...options })], ...props });

/** An endpoint on a CPU pool (no local storage), for volume sizes. */
export const onCpu = (props: object) => (s: Stack) => endpoint(s, { pools: [{ instanceType: InstanceType.ML_M5_XLARGE }], ...props });

/** An endpoint that captures data, with overridable capture options. */
export const capturing = (options: object) => (s: Stack) => endpoint(s, { dataCapture: { bucket: bucket(s), initialSamplingPercentage: 10, ...options } });

/** An endpoint on an ML capacity reservation of the test stack's region. */
export const RESERVATION = 'arn:aws:sagemaker:us-east-1:111111111111:ml-reservation/p5-plan';
/** An endpoint of one pool (a reservation serves one instance type) on a reservation with the options given. */
export const reserved = (options: object) => (s: Stack) => endpoint(s, {
  pools: [{ instanceType: InstanceType.ML_G6_48XLARGE, maxConcurrency: 8 }], capacityReservation: { mlReservationArn: RESERVATION, ...options } });

/** An endpoint that takes over `existingEndpoint`. */
export const takingOver = (existing: unknown) => (s: Stack) => endpoint(s, { existingEndpoint: js(existing) });
