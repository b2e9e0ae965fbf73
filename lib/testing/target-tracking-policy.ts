import { MetricMath, MetricMathQuery } from './metric-math';

/** Options for finding a policy in a template. */
export interface FindPolicyOptions {
  /**
   * The logical ID of the `AWS::ApplicationAutoScaling::ScalingPolicy`.
   * @default - the template must hold exactly one target-tracking policy with customized metrics
   */
  readonly logicalId?: string;
}

interface RenderedQuery {
  readonly Id: string;
  readonly Expression?: string;
  readonly ReturnData?: boolean;
  readonly MetricStat?: { readonly Metric: { readonly MetricName: string; readonly Dimensions?: { Name: string; Value: unknown }[] } };
}

/**
 * A synthesized target-tracking policy with metric math, ready to be evaluated in a jest test:
 *
 * ```ts
 * const policy = TargetTrackingPolicy.fromTemplate(Template.fromStack(stack).toJSON());
 * expect(policy.evaluate({ 'ml.p5.48xlarge': 18 })).toBeCloseTo(0.9); // the g6 pool has no instances
 * ```
 */
export class TargetTrackingPolicy {
  /** Finds the policy in a synthesized template (`Template.fromStack(stack).toJSON()`). */
  public static fromTemplate(template: { [key: string]: any }, options: FindPolicyOptions = {}): TargetTrackingPolicy {
    const resources: { [id: string]: any } = template.Resources ?? {};
    const candidates = Object.entries(resources).filter(([id, r]) =>
      r.Type === 'AWS::ApplicationAutoScaling::ScalingPolicy'
      && r.Properties?.TargetTrackingScalingPolicyConfiguration?.CustomizedMetricSpecification?.Metrics
      && (options.logicalId === undefined || id === options.logicalId));
    if (candidates.length !== 1) {
      throw new Error(`expected exactly one target-tracking policy with metric queries${options.logicalId ? ` named ${options.logicalId}` : ''}, found ${candidates.length}`);
    }
    const config = candidates[0][1].Properties.TargetTrackingScalingPolicyConfiguration;
    return new TargetTrackingPolicy(config.TargetValue, config.CustomizedMetricSpecification.Metrics);
  }

  /** The value the policy holds the signal at. */
  public readonly targetValue: number;
  /** The instance type of each metric query, in query order (from its `InstanceType` dimension). */
  public readonly instanceTypes: string[];
  /** The expression that returns the signal. */
  public readonly expression: string;

  private readonly queries: RenderedQuery[];
  private readonly resultId: string;

  private constructor(targetValue: number, queries: RenderedQuery[]) {
    this.targetValue = targetValue;
    this.queries = queries;
    const result = queries.filter((q) => q.ReturnData === true);
    if (result.length !== 1 || result[0].Expression === undefined) {
      throw new Error(`expected exactly one expression with ReturnData true, found ${result.length}`);
    }
    this.resultId = result[0].Id;
    this.expression = result[0].Expression;
    this.instanceTypes = queries.flatMap((q) => {
      const type = q.MetricStat?.Metric.Dimensions?.find((d) => d.Name === 'InstanceType')?.Value;
      return typeof type === 'string' ? [type] : [];
    });
  }

  /**
   * The signal at one timestamp, given each instance type's metric value; leave a type out when its pool has no
   * instances (no data point). Undefined when the signal has no data point (the scaler holds).
   */
  public evaluate(valuesByInstanceType: { [instanceType: string]: number }): number | undefined {
    const values: { [id: string]: number } = {};
    for (const q of this.queries) {
      const type = q.MetricStat?.Metric.Dimensions?.find((d) => d.Name === 'InstanceType')?.Value;
      if (typeof type === 'string' && Object.prototype.hasOwnProperty.call(valuesByInstanceType, type)) {
        values[q.Id] = valuesByInstanceType[type];
      }
    }
    return this.evaluateById(values);
  }

  /** The signal at one timestamp, given metric values by query id. */
  public evaluateById(values: { [id: string]: number }): number | undefined {
    const queries: MetricMathQuery[] = this.queries.map((q) => ({ id: q.Id, expression: q.Expression }));
    return MetricMath.evaluateQueries(queries, this.resultId, values);
  }
}
