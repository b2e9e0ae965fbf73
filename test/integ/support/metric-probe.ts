import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { ExpectedResult, IApiCall, IDeployAssert } from '@aws-cdk/integ-tests-alpha';
import { Construct } from 'constructs';
import { assertWithin } from './integ-app';

/** What a probe asks about one metric of an endpoint variant, per instance type. */
export interface MetricProbeProps {
  /** Alarm name; the assertion looks the alarm up by it. */
  readonly alarmName: string;
  readonly namespace: string;
  readonly metricName: string;
  readonly endpointName: string;
  /** The pool types; the probe holds when any of them has the samples. */
  readonly instanceTypes: string[];
  /** Samples per minute the busiest type must reach. */
  readonly samplesPerMinute: number;
  /** For how many consecutive minutes. */
  readonly minutes: number;
}

/**
 * A question about the metrics SageMaker publishes, asked by a CloudWatch alarm on the sample count per minute of
 * one metric per instance type: the alarm is OK once, for `minutes` minutes in a row, some pool type published at
 * least `samplesPerMinute` samples every minute; a minute without them (or with no data at all) keeps it in ALARM.
 * The endpoint sits idle meanwhile (the assertions invoke it a few times at most), so OK also means "published
 * while idle". `assertHolds` makes the answer an assertion, `recordAnswer` only reports it.
 */
export class MetricProbe extends Construct {
  public readonly alarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, private readonly props: MetricProbeProps) {
    super(scope, id);
    const perType: { [id: string]: cloudwatch.IMetric } = {};
    props.instanceTypes.forEach((type, i) => {
      perType[`t${i}`] = new cloudwatch.Metric({
        namespace: props.namespace,
        metricName: props.metricName,
        dimensionsMap: { EndpointName: props.endpointName, VariantName: 'AllTraffic', InstanceType: type },
        statistic: 'SampleCount',
        period: Duration.minutes(1),
      });
    });
    this.alarm = new cloudwatch.Alarm(this, 'Alarm', {
      alarmName: props.alarmName,
      alarmDescription: `Integration probe: some pool type publishes ${props.samplesPerMinute}+ ${props.metricName} samples a minute`,
      metric: new cloudwatch.MathExpression({
        expression: `MAX([${Object.keys(perType).map((k) => `FILL(${k}, 0)`).join(', ')}])`,
        usingMetrics: perType,
        period: Duration.minutes(1),
        label: `${props.metricName} samples per minute, busiest pool type`,
      }),
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      threshold: props.samplesPerMinute,
      evaluationPeriods: props.minutes,
      datapointsToAlarm: 1,
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    });
  }

  /**
   * Records, without failing anything, whether the alarm is OK when the call runs: the answer appears among the
   * assertion stack's outputs that `cdk deploy` prints (`AssertionResults...`: success, or fail with the state).
   * For a question whose answer the library does not depend on; chain it after a wait of `minutes` or more.
   */
  public recordAnswer(assertions: IDeployAssert): IApiCall {
    return assertions.awsApiCall('CloudWatch', 'describeAlarms', { AlarmNames: [this.props.alarmName] })
      .expect(ExpectedResult.objectLike({ MetricAlarms: [{ AlarmName: this.props.alarmName, StateValue: 'OK' }] }));
  }

  /** Asserts that the alarm reaches OK within `within`. */
  public assertHolds(assertions: IDeployAssert, within: Duration): IApiCall {
    return assertWithin(assertions.awsApiCall('CloudWatch', 'describeAlarms', { AlarmNames: [this.props.alarmName] }),
      ExpectedResult.objectLike({ MetricAlarms: [{ AlarmName: this.props.alarmName, StateValue: 'OK' }] }),
      within, Duration.seconds(30));
  }
}
