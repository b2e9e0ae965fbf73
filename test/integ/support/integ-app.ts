import * as fs from 'fs';
import * as path from 'path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { ExpectedResult, IApiCall, IntegTest } from '@aws-cdk/integ-tests-alpha';

/**
 * The context key that picks the step of a multi-step integration app (1 to its step count; default: the last,
 * which is what the snapshot in `integ.NAME.ts.snapshot/` holds). `npm run integ:deploy` deploys the steps in turn.
 */
export const STEP_CONTEXT = 'integ:step';

/** The file, written into the cloud assembly next to `integ.json`, that tells the harness how many steps an app has. */
export const STEPS_FILE = 'integ-steps.json';

/** An integration app and the step it synthesizes. */
export interface IntegApp {
  readonly app: App;
  /** The step this synthesis is (1-based). */
  readonly step: number;
  /** How many deploys of the same stacks the test takes. */
  readonly steps: number;
  /** Synthesizes the app and records its step count in the assembly. */
  synth(): void;
}

/**
 * An integration app of `steps` deploys of the same stacks (a two-step test changes its stacks between the
 * deploys and asserts after the last one). The step comes from the `integ:step` context.
 */
export function integApp(steps: number = 1): IntegApp {
  const app = new App();
  const raw = app.node.tryGetContext(STEP_CONTEXT);
  const step = raw === undefined ? steps : Number(raw);
  if (!Number.isInteger(step) || step < 1 || step > steps) {
    throw new Error(`${STEP_CONTEXT}: a step from 1 to ${steps}, got ${JSON.stringify(raw)}`);
  }
  return {
    app, step, steps,
    synth: () => {
      const assembly = app.synth();
      fs.writeFileSync(path.join(assembly.directory, STEPS_FILE), JSON.stringify({ steps, step }, undefined, 2) + '\n');
    },
  };
}

/**
 * The integration test of `stack`: no update workflow (it would deploy the previous snapshot first and double the
 * instance-hours; the multi-step tests change their stacks themselves), asset hashes compared.
 */
export function integTest(app: App, id: string, stack: Stack): IntegTest {
  return new IntegTest(app, id, {
    testCases: [stack],
    stackUpdateWorkflow: false,
    diffAssets: true,
  });
}

/**
 * Asserts `expected` on the response of `call`, polling every `every` until it holds or `within` has passed, then
 * failing the deployment of the assertion stack. (Without `waitForAssertions`, integ-tests-alpha only records a
 * failed expectation in a stack output and the deployment succeeds.)
 */
export function assertWithin(call: IApiCall, expected: ExpectedResult, within: Duration, every: Duration = Duration.seconds(15)): IApiCall {
  return call.expect(expected).waitForAssertions({ totalTimeout: within, interval: every });
}
