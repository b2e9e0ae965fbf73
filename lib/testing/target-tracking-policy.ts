import { checkInput, checkValues, shown } from './input-checks';
import { MetricMath, MetricMathQuery } from './metric-math';

/** Options for finding a policy in a template. */
export interface FindPolicyOptions {
  /**
   * The logical ID of the `AWS::ApplicationAutoScaling::ScalingPolicy`, for a template with several policies, e.g.
   * `Stack.of(endpoint).getLogicalId(endpoint.autoScaling!.scalingPolicy)`.
   * @default - the template must hold exactly one target-tracking policy with customized metrics
   */
  readonly logicalId?: string;
}

/** What CloudWatch holds for one instance type in one period, as `TargetTrackingPolicy.evaluateFleet` takes it. */
export interface InstanceTypeReading {
  /**
   * Instances of the type (for a copy-count policy: copies) that reported in the period. The policy's presence
   * metric (a `SampleCount` query) has a data point exactly when this is more than 0.
   * @default 0 - no instances: the presence metric has no data point
   */
  readonly instances?: number;
  /**
   * The type's load metric (every query that is not a `SampleCount`, e.g. `ConcurrentRequestsPerModel`).
   * @default - no data point, e.g. instances that SageMaker publishes no concurrency for while they serve no traffic
   */
  readonly concurrency?: number;
}

interface RenderedQuery {
  readonly Id: string;
  readonly Expression?: string;
  readonly ReturnData?: boolean;
  readonly MetricStat?: {
    readonly Stat?: string;
    readonly Metric: { readonly MetricName: string; readonly Dimensions?: { Name: string; Value: unknown }[] };
  };
}

/**
 * A synthesized target-tracking policy with metric math, ready to be evaluated in a jest test:
 *
 * ```ts
 * const policy = TargetTrackingPolicy.fromTemplate(Template.fromStack(stack).toJSON());
 * expect(policy.evaluate({ 'ml.p5.48xlarge': 18 })).toBeCloseTo(0.9); // the g6 pool has no instances
 * expect(policy.evaluateFleet({ 'ml.p5.48xlarge': { instances: 2 } })).toBe(0); // idle: no concurrency data
 * ```
 *
 * Each query is matched to an instance type by its `InstanceType` dimension. A query whose statistic is
 * `SampleCount` is a presence metric (it has data when the type has instances); every other query is the type's
 * load metric.
 */
export class TargetTrackingPolicy {
  /**
   * Finds the policy in a synthesized template (`Template.fromStack(stack).toJSON()`). A template with several
   * target-tracking policies with metric queries (several endpoints, variants or components) needs
   * `{ logicalId }`; the error lists the logical IDs it found.
   */
  public static fromTemplate(template: { [key: string]: any }, options: FindPolicyOptions = {}): TargetTrackingPolicy {
    checkInput('template', typeof template === 'object' && template !== null, 'a synthesized template (Template.fromStack(stack).toJSON())', template);
    options = options ?? {};
    const resources: { [id: string]: any } = template.Resources ?? {};
    const all = Object.entries(resources).filter(([, r]) =>
      r?.Type === 'AWS::ApplicationAutoScaling::ScalingPolicy'
      && r.Properties?.TargetTrackingScalingPolicyConfiguration?.CustomizedMetricSpecification?.Metrics);
    const candidates = all.filter(([id]) => options.logicalId === undefined || id === options.logicalId);
    if (candidates.length !== 1) {
      const found = all.length === 0 ? '' : ` (${all.map(([id]) => id).join(', ')})`;
      const choose = options.logicalId === undefined && all.length > 1
        ? '; pass { logicalId } to choose one, e.g. fromTemplate(template, { logicalId: Stack.of(endpoint).getLogicalId(endpoint.autoScaling!.scalingPolicy) })'
        : '';
      // Without a logical ID the policies found are the ones counted; with one, the template's are listed apart.
      const listed = options.logicalId === undefined ? found : `; the template's target-tracking policies with metric queries: ${all.length}${found}`;
      throw new Error(`expected exactly one target-tracking policy with metric queries (an AWS::ApplicationAutoScaling::ScalingPolicy whose `
        + `CustomizedMetricSpecification has Metrics)${options.logicalId ? ` named ${options.logicalId}` : ''}, found ${candidates.length}${listed}${choose}`);
    }
    const config = candidates[0][1].Properties.TargetTrackingScalingPolicyConfiguration;
    return new TargetTrackingPolicy(config.TargetValue, config.CustomizedMetricSpecification.Metrics);
  }

  /** The value the policy holds the signal at. */
  public readonly targetValue: number;
  /** The instance types the metric queries read, each once, in query order (from their `InstanceType` dimension). */
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
    this.instanceTypes = [...new Set(queries.flatMap((q) => {
      const type = instanceTypeOf(q);
      return type === undefined ? [] : [type];
    }))];
  }

  /**
   * The signal at one timestamp, given each instance type's load value (e.g. its `ConcurrentRequestsPerModel`); a
   * type in the map has instances, so its presence metric reports too. Leave a type out when its pool has no
   * instances (no data point at all). Undefined when the signal has no data point (the scaler holds). For a type
   * with instances but no load data (an idle pool), use `evaluateFleet`. Throws for a key that is none of the
   * policy's `instanceTypes` (a typo would otherwise read as a pool without instances) and for a value that is not
   * a number.
   */
  public evaluate(valuesByInstanceType: { [instanceType: string]: number }): number | undefined {
    checkValues('valuesByInstanceType', valuesByInstanceType, 'an object of instance types to numbers');
    this.checkInstanceTypes('valuesByInstanceType', valuesByInstanceType);
    const fleet: { [instanceType: string]: InstanceTypeReading } = {};
    for (const [type, concurrency] of Object.entries(valuesByInstanceType)) {
      fleet[type] = { instances: 1, concurrency };
    }
    return this.evaluateFleet(fleet);
  }

  /**
   * The signal at one timestamp, given what CloudWatch holds per instance type: its instances (the presence
   * metric) and its load value, each of which may be missing. Undefined when the signal has no data point. Throws
   * for a key that is none of the policy's `instanceTypes`, and for readings that are not numbers.
   */
  public evaluateFleet(fleet: { [instanceType: string]: InstanceTypeReading }): number | undefined {
    checkInput('fleet', typeof fleet === 'object' && fleet !== null && !Array.isArray(fleet), 'an object of instance types to { instances, concurrency }', fleet);
    for (const [type, reading] of Object.entries(fleet)) {
      checkInput(`fleet['${type}']`, typeof reading === 'object' && reading !== null && !Array.isArray(reading), 'an object { instances, concurrency }', reading);
      for (const field of ['instances', 'concurrency'] as const) {
        const value = reading[field];
        checkInput(`fleet['${type}'].${field}`, value === undefined || typeof value === 'number', 'a number, or left out', value);
      }
    }
    this.checkInstanceTypes('fleet', fleet);
    const values: { [id: string]: number } = {};
    for (const q of this.queries) {
      const type = instanceTypeOf(q);
      const reading = type !== undefined && Object.prototype.hasOwnProperty.call(fleet, type) ? fleet[type] : undefined;
      if (reading === undefined) continue;
      const value = q.MetricStat?.Stat === 'SampleCount' ? ((reading.instances ?? 0) > 0 ? reading.instances : undefined) : reading.concurrency;
      if (value !== undefined) values[q.Id] = value;
    }
    return this.evaluateById(values);
  }

  /** Every key of `byType` must be one of the instance types the policy reads. */
  private checkInstanceTypes(name: string, byType: object): void {
    const unknown = Object.keys(byType).filter((type) => !this.instanceTypes.includes(type));
    if (unknown.length > 0) {
      throw new Error(`metric math: ${name} must name the policy's instance types (${this.instanceTypes.join(', ')}), `
        + `got ${unknown.map((type) => shown(type)).join(', ')}`);
    }
  }

  /** The signal at one timestamp, given metric values by query id. */
  public evaluateById(values: { [id: string]: number }): number | undefined {
    const queries: MetricMathQuery[] = this.queries.map((q) => ({ id: q.Id, expression: q.Expression }));
    return MetricMath.evaluateQueries(queries, this.resultId, values);
  }
}

function instanceTypeOf(query: RenderedQuery): string | undefined {
  const type = query.MetricStat?.Metric.Dimensions?.find((d) => d.Name === 'InstanceType')?.Value;
  return typeof type === 'string' ? type : undefined;
}
