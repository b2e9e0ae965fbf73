import * as fs from 'fs';
import * as path from 'path';
import { changeImpact, losses, ResourceImpact } from '../change-impact';
import { INTEG_DIR } from './harness/integ-tests';

/*
 * A multi-step integration test measures what SageMaker does with an update, so each step must be an update of
 * the same stacks in place, never a replacement CloudFormation would perform on its own. Checked offline on the
 * committed snapshots with @aws-cdk/cloudformation-diff (what `cdk diff` uses), from each step to the next.
 */

interface StepTemplates {
  readonly test: string;
  readonly stack: string;
  readonly before: any;
  readonly after: any;
}

function multiStepTemplates(): StepTemplates[] {
  const earlier = fs.readdirSync(INTEG_DIR).filter((d) => /\.step-\d+\.snapshot$/.test(d));
  return earlier.flatMap((dir) => {
    const [, file, step] = /^(.+)\.step-(\d+)\.snapshot$/.exec(dir)!;
    const steps = JSON.parse(fs.readFileSync(path.join(INTEG_DIR, `${file}.snapshot`, 'integ-steps.json'), 'utf-8')).steps;
    const next = Number(step) + 1 === steps ? `${file}.snapshot` : `${file}.step-${Number(step) + 1}.snapshot`;
    return fs.readdirSync(path.join(INTEG_DIR, dir)).filter((f) => f.endsWith('.template.json')).map((template) => ({
      test: `${file} step ${step} to ${Number(step) + 1}`,
      stack: template,
      before: JSON.parse(fs.readFileSync(path.join(INTEG_DIR, dir, template), 'utf-8')),
      after: JSON.parse(fs.readFileSync(path.join(INTEG_DIR, next, template), 'utf-8')),
    }));
  });
}

const pairs = multiStepTemplates();

test('the suite has multi-step tests to check', () => {
  expect(pairs.map((p) => p.test)).toEqual(expect.arrayContaining([
    'integ.existing-endpoint-takeover.ts step 1 to 2',
    'integ.pool-list-update.ts step 1 to 2',
  ]));
});

test.each(pairs.map((p) => [p.test, p.stack, p]))('%s (%s): no endpoint, scalable target or alarm is replaced or destroyed', (_t, _s, pair) => {
  const p = pair as StepTemplates;
  expect(losses(p.before, p.after)).toEqual([]);
});

test.each(pairs.map((p) => [p.test, p.stack, p]))('%s (%s): every endpoint of the next step exists already', (_t, _s, pair) => {
  const p = pair as StepTemplates;
  const endpoints = (t: any) => Object.keys(t.Resources).filter((id) => t.Resources[id].Type === 'AWS::SageMaker::Endpoint');
  expect(endpoints(p.after).length).toBeGreaterThan(0);
  expect(endpoints(p.before)).toEqual(expect.arrayContaining(endpoints(p.after)));
});

test('the takeover updates the L1 endpoint in place, keeps its scalable target and never re-records its identity', () => {
  const pair = pairs.find((p) => p.test.startsWith('integ.existing-endpoint-takeover.ts'))!;
  const changes = new Map(changeImpact(pair.before, pair.after).map((c) => [c.logicalId, c.impact]));
  expect(changes.get('Endpoint')).toBe(ResourceImpact.WILL_UPDATE);
  expect(changes.has('ScalableTarget')).toBe(false);
  const identity = Object.keys(pair.after.Resources).filter((id) => id.startsWith('Identity'));
  expect(identity.length).toBeGreaterThan(0);
  for (const id of identity) expect(changes.has(id)).toBe(false);
});
