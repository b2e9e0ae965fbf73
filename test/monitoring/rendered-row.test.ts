import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { RenderedRow } from '../../lib/monitoring/rendered-row';
import { testStack } from '../util';

/** A row of two graphs of one metric each. */
function rowOfGraphs(): cloudwatch.Row {
  const graph = (name: string) => new cloudwatch.GraphWidget({ width: 6, height: 4, left: [new cloudwatch.Metric({ namespace: 'N', metricName: name })] });
  return new cloudwatch.Row(graph('a'), graph('b'));
}

describe('RenderedRow', () => {
  test('has the size of its row and holds it as its one widget', () => {
    const row = rowOfGraphs();
    const rendered = new RenderedRow(row);
    expect([rendered.width, rendered.height]).toEqual([12, 4]);
    expect(rendered.widgets).toEqual([row]);
  });

  test('renders its row once per position: the JSON of a plain row, at the position given', () => {
    // GIVEN
    const row = rowOfGraphs();
    const rendered = new RenderedRow(row);
    const toJson = jest.spyOn(row, 'toJson');
    // WHEN
    rendered.position(0, 2);
    const first = rendered.toJson();
    const again = rendered.toJson();
    // THEN
    expect(again).toBe(first);
    expect(toJson).toHaveBeenCalledTimes(1);
    const plain = rowOfGraphs();
    plain.position(0, 2);
    expect(first).toEqual(plain.toJson());
  });

  test('renders again at a new position', () => {
    const row = rowOfGraphs();
    const rendered = new RenderedRow(row);
    rendered.position(0, 0);
    rendered.toJson();
    rendered.position(0, 6);
    expect(rendered.toJson().map((w: any) => [w.x, w.y])).toEqual([[0, 6], [6, 6]]);
  });

  test("a dashboard still finds its widgets' warnings", () => {
    // GIVEN: a graph with a warning of its own (aws-cdk-lib reads warningsV2 of every widget, nested ones too)
    const stack = testStack();
    const graph = new cloudwatch.GraphWidget({ left: [new cloudwatch.Metric({ namespace: 'N', metricName: 'm' })] });
    Object.defineProperty(graph, 'warningsV2', { value: { 'test:warning': 'a warning of the graph' } });
    // WHEN
    new cloudwatch.Dashboard(stack, 'Dashboard').addWidgets(new RenderedRow(new cloudwatch.Row(graph)));
    // THEN
    Annotations.fromStack(stack).hasWarning('/TestStack/Dashboard', Match.stringLikeRegexp('a warning of the graph'));
  });
});
