import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { Template } from 'aws-cdk-lib/assertions';
import { buildExampleApp } from '../../bin/example-stacks';
import { changeImpact, losses, PRESERVED_TYPES } from '../change-impact';
import { FEATURE_FLAGS, testApp } from '../util';

/*
 * Upgrading the library never loses a live resource. The example app's templates as version 0.1.0 synthesized
 * them are kept in __fixtures__/v0.1.0 (the example app covers every construct: pools with their own models,
 * weighted autoscaling, alarms, a dashboard, a rolling deployment, an asynchronous endpoint, inference
 * components with copy-count scaling). The change-set impact from each to today's template, computed offline
 * with @aws-cdk/cloudformation-diff, may update endpoints, scalable targets and alarms in place, never replace
 * or destroy them. Add a fixture directory per release.
 */

const FIXTURES = join(__dirname, '__fixtures__');
const releases = readdirSync(FIXTURES);

/** Today's templates, with the example app's feature flags (example-stacks.test.ts validates them). */
function todaysTemplates(): Map<string, object> {
  const app = testApp({ context: FEATURE_FLAGS });
  return new Map(buildExampleApp(app).map((stack) => [stack.stackName, Template.fromStack(stack).toJSON()]));
}

describe('upgrading from an earlier release', () => {
  const today = todaysTemplates();

  test.each(releases.flatMap((release) => readdirSync(join(FIXTURES, release)).map((file) => [release, file])))(
    '%s %s: no endpoint, scalable target or alarm is replaced or destroyed', (release, file) => {
      const before = JSON.parse(readFileSync(join(FIXTURES, release, file), 'utf8'));
      const after = today.get(file.replace(/\.template\.json$/, ''));
      expect(after).toBeDefined();
      expect(losses(before, after!)).toEqual([]);
      // The fixture really holds what the test protects.
      const preserved = Object.values(before.Resources as Record<string, { Type: string }>).filter((r) => PRESERVED_TYPES.includes(r.Type));
      expect(preserved.length).toBeGreaterThan(0);
    });

  test('the check sees a lost resource: renaming an alarm replaces it', () => {
    const before = JSON.parse(readFileSync(join(FIXTURES, 'v0.1.0', 'LlmEndpoint.template.json'), 'utf8'));
    const after = JSON.parse(JSON.stringify(before));
    const [id, alarm] = Object.entries(after.Resources as Record<string, any>).find(([, r]) => r.Type === 'AWS::CloudWatch::Alarm')!;
    alarm.Properties.AlarmName = `${alarm.Properties.AlarmName}-renamed`;
    expect(losses(before, after)).toEqual([`AWS::CloudWatch::Alarm ${id}: WILL_REPLACE`]);
    expect(changeImpact(before, before)).toEqual([]);
  });
});
