import { Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { InstancePoolsError } from '../../lib/core/errors';
import { createVariantDashboard } from '../../lib/endpoint/variant-dashboard';
import { testStack } from '../util';
import { seedEndpoint } from './fixtures';

/** The dashboard body of the one dashboard in the stack, as text with its tokens left in. */
function body(stack: ReturnType<typeof testStack>): string {
  const dashboards = Object.values(Template.fromStack(stack).findResources('AWS::CloudWatch::Dashboard'));
  expect(dashboards).toHaveLength(1);
  return JSON.stringify((dashboards[0] as any).Properties.DashboardBody);
}

describe('createVariantDashboard', () => {
  test('shows the given alarms and the autoscaling signal against its target by default', () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack);
    const alarms = endpoint.addAlarms();
    const scaling = endpoint.autoScale({ maxCapacity: 4 });
    const dashboard = createVariantDashboard(endpoint, 'Board', {}, alarms, scaling);
    expect(dashboard.node.scope).toBe(endpoint);
    const text = body(stack);
    expect(text).toContain('alarms');
    expect(text).toContain(`${scaling.targetValue}`);
  });

  test('explicit options win over the defaults; no alarms and no autoscaling give neither', () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack);
    createVariantDashboard(endpoint, 'Board', { alarms: [] }, undefined, undefined);
    expect(body(stack)).not.toContain('alarms');
  });

  test.each<[string, string, any, string]>([
    ['an empty id', '', {}, 'id: required: a non-empty construct id, got \'\' [MissingRequiredProp]'],
    ['options that are not an object', 'Board', 'wide', 'addDashboard options: must be an object of properties'],
  ])('rejects %s', (_, id, options, message) => {
    const endpoint = seedEndpoint(testStack());
    expect(() => createVariantDashboard(endpoint, id, options, undefined, undefined)).toThrow(InstancePoolsError);
    expect(() => createVariantDashboard(endpoint, id, options, undefined, undefined)).toThrow(message);
  });

  test('a signal given in the options replaces the autoscaling one, with its own target', () => {
    const stack = testStack();
    const endpoint = seedEndpoint(stack);
    const scaling = endpoint.autoScale({ maxCapacity: 4 });
    const signal = new cloudwatch.Metric({ namespace: 'Custom', metricName: 'Queue' });
    createVariantDashboard(endpoint, 'Board', { scalingSignal: signal, scalingTarget: 12345 }, undefined, scaling);
    const text = body(stack);
    expect(text).toContain('Queue');
    expect(text).toContain('12345');
  });
});
