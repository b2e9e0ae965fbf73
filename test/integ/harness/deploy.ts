/**
 * The online half of the integration suite, for a maintainer with credentials for a bootstrapped account. Costs
 * money: see the README, "Verifying against AWS".
 *
 *   npm run integ:deploy                           # every test, one after the other
 *   npm run integ:deploy -- realtime-pools         # one test (or several names)
 *   npm run integ:deploy -- --region eu-west-1 --profile sandbox --concurrency 2
 *
 * Per test: synthesizes every step (with aws-cdk-lib's template validation) into cdk-integ.out/NAME/step-N, deploys
 * the steps in order with the CDK CLI the project pins (it reads the cloud assembly schema aws-cdk-lib 2.276.0
 * writes), so that the assertion stack of the last step runs its assertions (a failed one fails that deploy), and
 * then destroys every stack of the test, whether a deploy failed or not. Exit code 0 only when every test passed
 * and was destroyed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { IntegTestFile, mapLimit, REPO_ROOT, selectIntegTests, synthesize } from './integ-tests';
import { streamCommand } from './stream-command';

interface Options {
  readonly names: string[];
  readonly region: string;
  readonly profile?: string;
  readonly concurrency: number;
}

interface Outcome {
  readonly test: IntegTestFile;
  /** Why the test failed, if it did. */
  readonly failure?: string;
  /** Whether the destroy succeeded. */
  readonly destroyed: boolean;
  readonly minutes: number;
}

/** The region the suite is documented for: every test's instance types and images are available there. */
const DEFAULT_REGION = 'us-east-1';

async function main(argv: string[]): Promise<number> {
  const options = parseArgs(argv);
  const tests = selectIntegTests(options.names);
  process.stdout.write(`Deploying ${tests.length} integration test(s) to ${options.region}`
    + `${options.profile ? ` with profile ${options.profile}` : ''}; each is destroyed at the end, passed or not.\n`);
  const outcomes = await mapLimit(tests, options.concurrency, (test) => runTest(test, options));

  process.stdout.write('\nIntegration tests against AWS\n');
  for (const o of outcomes) {
    const verdict = o.failure ? `FAILED: ${o.failure}` : 'passed';
    process.stdout.write(`  ${o.test.name.padEnd(28)} ${verdict}${o.destroyed ? '' : ' · DESTROY FAILED'} (${o.minutes.toFixed(1)} min)\n`);
  }
  const leftovers = outcomes.filter((o) => !o.destroyed);
  if (leftovers.length > 0) {
    process.stdout.write(`\nStacks may remain (and cost money) for: ${leftovers.map((o) => o.test.name).join(', ')}. `
      + 'Run `npx cdk destroy --app cdk-integ.out/NAME/step-N --all --force` with the last step, or delete them in the console.\n');
  }
  const failed = outcomes.filter((o) => o.failure).length;
  process.stdout.write(`\n${outcomes.length - failed} passed, ${failed} failed\n`);
  return failed === 0 && leftovers.length === 0 ? 0 : 1;
}

async function runTest(test: IntegTestFile, options: Options): Promise<Outcome> {
  const started = Date.now();
  const minutes = () => (Date.now() - started) / 60_000;
  const outdir = (step: number) => path.join(REPO_ROOT, 'cdk-integ.out', test.name, `step-${step}`);

  // Synthesize every step before deploying anything: a test that cannot synthesize costs nothing.
  let steps: number;
  try {
    // Without a step, the app synthesizes its last one, and says how many it has.
    const last = path.join(REPO_ROOT, 'cdk-integ.out', test.name, 'last');
    steps = await synthesize(test, last, { validation: true });
    fs.rmSync(outdir(steps), { recursive: true, force: true });
    fs.renameSync(last, outdir(steps));
    for (let step = 1; step < steps; step++) await synthesize(test, outdir(step), { step, validation: true });
  } catch (err) {
    return { test, failure: `synthesis: ${err instanceof Error ? err.message.split('\n')[0] : err}`, destroyed: true, minutes: minutes() };
  }

  let failure: string | undefined;
  for (let step = 1; step <= steps && !failure; step++) {
    const what = steps > 1 ? `step ${step} of ${steps}` : 'deploy';
    const code = await cdk(test, options, ['deploy', '--all', '--require-approval', 'never', '--app', outdir(step)]);
    if (code !== 0) failure = step === steps ? `${what}: the deploy or an assertion failed (see above)` : `${what}: the deploy failed (see above)`;
  }
  // Always destroy: the last step's assembly names every stack the test deployed.
  const destroyed = (await cdk(test, options, ['destroy', '--all', '--force', '--app', outdir(steps)])) === 0;
  return { test, failure, destroyed, minutes: minutes() };
}

/** Runs the pinned CDK CLI (node_modules/aws-cdk) against a synthesized assembly, its output prefixed with the test. */
function cdk(test: IntegTestFile, options: Options, args: string[]): Promise<number> {
  const cli = path.join(REPO_ROOT, 'node_modules', 'aws-cdk', 'bin', 'cdk');
  const all = [...args, '--no-notices', ...(options.profile ? ['--profile', options.profile] : [])];
  return streamCommand(process.execPath, [cli, ...all], {
    cwd: REPO_ROOT,
    env: { ...process.env, AWS_REGION: options.region, AWS_DEFAULT_REGION: options.region, CDK_DISABLE_CLI_TELEMETRY: 'true' },
    prefix: `[${test.name}] `,
  });
}

function parseArgs(argv: string[]): Options {
  const names: string[] = [];
  let region = process.env.INTEG_REGION ?? DEFAULT_REGION;
  let profile: string | undefined;
  let concurrency = 1;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--region') region = value();
    else if (arg === '--profile') profile = value();
    else if (arg === '--concurrency') concurrency = Number(value());
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}; options: --region R, --profile P, --concurrency N`);
    else names.push(arg);
  }
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`--concurrency: a whole number from 1, got ${concurrency}`);
  return { names, region, profile, concurrency };
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err) => {
  process.stderr.write(`${err instanceof Error ? err.message : err}\n`);
  process.exitCode = 2;
});
