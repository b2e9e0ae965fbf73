import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { poolMetric } from './hand-written-alarms';
import type { HandWrittenEndpoint, HandWrittenPool } from './hand-written-endpoint';

const PERIOD = Duration.minutes(1);
const INSTANCE_NAMESPACE = '/aws/sagemaker/Endpoints';

/**
 * The dashboard of `featured-endpoint.ts` (`addDashboard('Dashboard')`), by hand: the fleet on top (instances and
 * invocations per instance type, the scaling signal against its target, the alarms), then a row per pool.
 */
export function addHandWrittenDashboard(endpoint: HandWrittenEndpoint, alarms: cloudwatch.IAlarm[]): cloudwatch.Dashboard {
  const dashboard = new cloudwatch.Dashboard(new Construct(endpoint.scope, 'Dashboard'), 'Resource');
  const { pools } = endpoint;
  const samples = (pool: HandWrittenPool) =>
    poolMetric(endpoint, pool.instanceType, 'CPUUtilization', { namespace: INSTANCE_NAMESPACE, statistic: 'SampleCount' });
  const axis = { min: 0, showUnits: false };
  const width = 6;
  const height = 6;

  dashboard.addWidgets(
    new cloudwatch.GraphWidget({
      title: 'Instances per type (estimated: CPUUtilization samples per minute)', width, height, stacked: true,
      left: pools.map((pool) => new cloudwatch.MathExpression({
        expression: `samples${pool.priority} / (PERIOD(samples${pool.priority}) / 60)`, usingMetrics: { [`samples${pool.priority}`]: samples(pool) },
        period: PERIOD, label: pool.instanceType,
      })),
      leftYAxis: { min: 0, label: 'instances', showUnits: false },
    }),
    new cloudwatch.GraphWidget({
      title: 'Invocations per instance type', width, height, stacked: true,
      left: pools.map((pool) => poolMetric(endpoint, pool.instanceType, 'Invocations', { statistic: 'Sum', label: pool.instanceType })),
      leftYAxis: axis,
    }),
    new cloudwatch.GraphWidget({
      title: 'Scaling signal vs target', width, height,
      left: [new cloudwatch.MathExpression({
        expression: endpoint.weightedUtilization,
        usingMetrics: Object.fromEntries(pools.flatMap((pool) => [
          [`pool${pool.priority}`, poolMetric(endpoint, pool.instanceType, 'ConcurrentRequestsPerModel', { statistic: 'Average' })],
          [`pool${pool.priority}_instances`, samples(pool)],
        ])),
        label: 'Weighted utilization', period: PERIOD,
      })],
      leftAnnotations: [{ value: endpoint.targetValue, label: `target ${endpoint.targetValue}` }],
      leftYAxis: axis,
    }),
    new cloudwatch.AlarmStatusWidget({ title: 'Alarms', width, height, alarms }),
  );

  for (const pool of pools) {
    const type = pool.instanceType;
    const graph = (what: string, left: cloudwatch.IMetric[], extra: Partial<cloudwatch.GraphWidgetProps> = {}) =>
      new cloudwatch.GraphWidget({ title: `P${pool.priority} ${type}: ${what}`, width: 4, height, left, leftYAxis: axis, ...extra });
    const perGpu = (metricName: string, label: string) => new cloudwatch.MathExpression({
      expression: `m / ${pool.gpus}`, period: PERIOD, label: `${label} per GPU (${pool.gpus} GPUs)`,
      usingMetrics: { m: poolMetric(endpoint, type, metricName, { namespace: INSTANCE_NAMESPACE, statistic: 'Average' }) },
    });
    const percent = { min: 0, max: 100, label: '%', showUnits: false };
    dashboard.addWidgets(
      new cloudwatch.TextWidget({
        markdown: `### Priority ${pool.priority}: ${type} (${pool.priority === 1 ? 'preferred' : 'fallback'}, ${pool.gpus} GPUs, max concurrency ${pool.maxConcurrency})`,
        width: 24, height: 1,
      }),
      graph('ModelLatency (ms)', ['p50', 'p90', 'p99'].map((stat) => new cloudwatch.MathExpression({
        expression: `latency_${stat} / 1000`, period: PERIOD, label: stat,
        usingMetrics: { [`latency_${stat}`]: poolMetric(endpoint, type, 'ModelLatency', { statistic: stat }) },
      })), { leftYAxis: { min: 0, label: 'ms', showUnits: false } }),
      graph('ConcurrentRequestsPerModel', [poolMetric(endpoint, type, 'ConcurrentRequestsPerModel', { statistic: 'Average', label: 'average' })], {
        leftAnnotations: [{ value: pool.maxConcurrency, label: `max concurrency ${pool.maxConcurrency}` }],
      }),
      graph('GPUUtilization', [perGpu('GPUUtilization', 'GPU utilization')], { leftYAxis: percent }),
      graph('GPUMemoryUtilization', [perGpu('GPUMemoryUtilization', 'GPU memory')], { leftYAxis: percent }),
      graph('Invocations per instance of this type', [new cloudwatch.MathExpression({
        expression: 'invocations / (samples / (PERIOD(samples) / 60))', period: PERIOD, label: `invocations per ${type} instance`,
        usingMetrics: { invocations: poolMetric(endpoint, type, 'Invocations', { statistic: 'Sum' }), samples: samples(pool) },
      })]),
      graph('Invocation errors', [
        poolMetric(endpoint, type, 'Invocation4XXErrors', { statistic: 'Sum', label: '4XX' }),
        poolMetric(endpoint, type, 'Invocation5XXErrors', { statistic: 'Sum', label: '5XX' }),
      ]),
    );
  }
  return dashboard;
}
