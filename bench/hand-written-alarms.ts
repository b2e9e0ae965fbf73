import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import type { HandWrittenEndpoint } from './hand-written-endpoint';

/** The hand-written alarms: p99 latency, 5XX error rate and concurrency per instance type, and running on fallback. */
export interface HandWrittenAlarms {
  /** Every alarm, in the order the dashboard shows them. */
  readonly all: cloudwatch.Alarm[];
  /** The alarms the rolling deployment rolls back on: latency and error rate. */
  readonly rollback: cloudwatch.Alarm[];
}

const PERIOD = Duration.minutes(1);

/** A metric of the endpoint's variant on one instance type (`namespace` defaults to `AWS/SageMaker`). */
export function poolMetric(endpoint: HandWrittenEndpoint, instanceType: string, metricName: string, props: Partial<cloudwatch.MetricProps> = {}): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: 'AWS/SageMaker',
    metricName,
    dimensionsMap: { EndpointName: endpoint.endpointName, VariantName: 'AllTraffic', InstanceType: instanceType },
    period: PERIOD,
    ...props,
  });
}

/** The alarms of `featured-endpoint.ts` (`addAlarms({ modelLatencyThreshold: Duration.seconds(30) })`), by hand. */
export function addHandWrittenAlarms(endpoint: HandWrittenEndpoint): HandWrittenAlarms {
  const scope = new Construct(endpoint.scope, 'Alarms');
  const namePrefix = `SageMaker-${endpoint.endpointName}-AllTraffic`;
  const common = {
    evaluationPeriods: 5, datapointsToAlarm: 3, treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
  };
  const latency: cloudwatch.Alarm[] = [];
  const errors: cloudwatch.Alarm[] = [];
  const concurrency: cloudwatch.Alarm[] = [];
  for (const pool of endpoint.pools) {
    const type = pool.instanceType;
    const group = new Construct(scope, type);
    const where = `${type} (priority ${pool.priority}) of AllTraffic`;
    latency.push(new cloudwatch.Alarm(group, 'ModelLatencyP99', {
      ...common, alarmName: `${namePrefix}-${type}-ModelLatencyP99`, threshold: 30000,
      metric: new cloudwatch.MathExpression({
        expression: 'latency / 1000', period: PERIOD, label: `p99 ModelLatency (ms) ${type}`,
        usingMetrics: { latency: poolMetric(endpoint, type, 'ModelLatency', { statistic: 'p99' }) },
      }),
      alarmDescription: `p99 ModelLatency on ${where} above 30 seconds.`,
    }));
    errors.push(new cloudwatch.Alarm(group, 'Invocation5XXErrorRate', {
      ...common, alarmName: `${namePrefix}-${type}-Invocation5XXErrorRate`, threshold: 5,
      metric: new cloudwatch.MathExpression({
        expression: '100 * errors', period: PERIOD, label: `5XX error rate (%) ${type}`,
        usingMetrics: { errors: poolMetric(endpoint, type, 'Invocation5XXErrors', { statistic: 'Average' }) },
      }),
      alarmDescription: `More than 5 % of the invocations on ${where} failed with a 5XX error.`,
    }));
    concurrency.push(new cloudwatch.Alarm(group, 'ConcurrencyAboveMax', {
      ...common, alarmName: `${namePrefix}-${type}-ConcurrencyAboveMax`, threshold: 100,
      metric: new cloudwatch.MathExpression({
        expression: `100 * concurrency / ${pool.maxConcurrency}`, period: PERIOD, label: `Concurrency (% of ${pool.maxConcurrency}) ${type}`,
        usingMetrics: { concurrency: poolMetric(endpoint, type, 'ConcurrentRequestsPerModel', { statistic: 'Average' }) },
      }),
      alarmDescription: `Concurrent requests per instance on ${where} above 100 % of its measured maximum (${pool.maxConcurrency}).`,
    }));
  }

  const fallbacks = endpoint.pools.filter((pool) => pool.priority > 1);
  const fallbackPeriod = Duration.minutes(5);
  const usingMetrics = Object.fromEntries(fallbacks.map((pool) => [`p${pool.priority}`, poolMetric(endpoint, pool.instanceType, 'CPUUtilization', {
    namespace: '/aws/sagemaker/Endpoints', statistic: 'SampleCount', period: fallbackPeriod,
  })]));
  const samples = fallbacks.length === 1 ? Object.keys(usingMetrics)[0] : `(${Object.keys(usingMetrics).join(' + ')})`;
  const fallback = new cloudwatch.Alarm(scope, 'RunningOnFallback', {
    alarmName: `${namePrefix}-RunningOnFallback`,
    metric: new cloudwatch.MathExpression({
      expression: `${samples} * 60 / 300`, usingMetrics, period: fallbackPeriod, label: 'Instances on fallback pools',
    }),
    threshold: 0,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 12,
    datapointsToAlarm: 12,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    alarmDescription: `Fallback pools (${fallbacks.map((p) => p.instanceType).join(', ')}) of AllTraffic had instances for 1 hour: `
      + `the preferred capacity (${endpoint.pools[0].instanceType}) did not come back.`,
  });
  return { all: [...latency, ...errors, ...concurrency, fallback], rollback: [...latency, ...errors] };
}
