import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { CfnInferenceComponent } from 'aws-cdk-lib/aws-sagemaker';
import { InstancePoolsError } from '../core/errors';
import { checkDuration, checkEnumLike, requireNumber, requireObject } from '../core/required';
import { checkDurationSeconds, checkInteger, checkPercent, MAX_API_INTEGER } from '../core/validation';
import { MAX_ROLLBACK_ALARMS } from '../deployment/deployment-limits';

/** How an `InferenceComponentCapacitySize` counts: copies of the component, or a percentage of its copies. */
export enum ComponentCapacitySizeType {
  /** A number of copies. */
  COPY_COUNT = 'COPY_COUNT',
  /** A percentage of the component's copy count. */
  CAPACITY_PERCENT = 'CAPACITY_PERCENT',
}

/**
 * A part of an inference component's copies, as its rolling update takes it (`InferenceComponentCapacitySize`,
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_InferenceComponentCapacitySize.html).
 */
export class ComponentCapacitySize {
  /** A number of copies (an integer, at least 1). */
  public static copyCount(count: number): ComponentCapacitySize {
    requireNumber('ComponentCapacitySize.copyCount', count, 'a number of copies');
    checkInteger('ComponentCapacitySize.copyCount', count, 1, MAX_API_INTEGER);
    return new ComponentCapacitySize(ComponentCapacitySizeType.COPY_COUNT, count);
  }

  /** A percentage of the component's copies (an integer from 1 to 100; a rolling batch takes 5–50 %). */
  public static percent(percent: number): ComponentCapacitySize {
    requireNumber('ComponentCapacitySize.percent', percent, 'a percentage from 1 to 100');
    checkPercent('ComponentCapacitySize.percent', percent, 1, 100);
    return new ComponentCapacitySize(ComponentCapacitySizeType.CAPACITY_PERCENT, percent);
  }

  private constructor(public readonly kind: ComponentCapacitySizeType, public readonly value: number) {}

  /** @internal */
  public _render(): CfnInferenceComponent.InferenceComponentCapacitySizeProperty {
    return { type: this.kind, value: this.value };
  }
}

/** Options of an inference component's rolling update. */
export interface ComponentRollingUpdateOptions {
  /** The copies replaced per batch: 5–50 % of the component's copies, or a copy count. */
  readonly maximumBatchSize: ComponentCapacitySize;
  /** How long each batch bakes while the alarms are watched, 0 to 60 minutes. */
  readonly waitInterval: Duration;
  /**
   * The longest the whole update may take (10 minutes to 8 hours).
   * @default - not set: SageMaker's own limit applies
   */
  readonly maximumExecutionTimeout?: Duration;
  /**
   * The copies brought back per batch on rollback.
   * @default - SageMaker's default: all copies at once (100 %)
   */
  readonly rollbackMaximumBatchSize?: ComponentCapacitySize;
  /**
   * Alarms that roll the update back when any of them goes into ALARM while it runs (`AutoRollbackConfiguration`),
   * 1 to 10. The library creates no per-component alarms of its own.
   * @default - no automatic rollback
   */
  readonly autoRollbackAlarms?: cloudwatch.IAlarm[];
}

/**
 * How SageMaker moves an inference component to a new specification (`DeploymentConfig` of
 * `AWS::SageMaker::InferenceComponent`, https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_InferenceComponentDeploymentConfig.html):
 * in rolling batches of copies, each baked while the alarms are watched. Ranges from
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_InferenceComponentRollingUpdatePolicy.html.
 */
export class ComponentDeployment {
  /**
   * Replace the component's copies in batches; each new copy is placed on the endpoint's pools in priority order.
   * @throws `[MissingRequiredProp]` without `maximumBatchSize` or `waitInterval`; `[InvalidEnumValue]` for sizes not made
   * by `ComponentCapacitySize` and durations that are not a `Duration`; `[OutOfRange]`, `[TokenUnit]` and
   * `[TooManyRollbackAlarms]` outside the API's ranges
   */
  public static rolling(options: ComponentRollingUpdateOptions): ComponentDeployment {
    options = requireObject('rolling.options', options);
    checkEnumLike('rolling.maximumBatchSize', options.maximumBatchSize, ['_render'], 'ComponentCapacitySize.percent() or .copyCount()');
    checkEnumLike('rolling.rollbackMaximumBatchSize', options.rollbackMaximumBatchSize, ['_render'], 'ComponentCapacitySize.percent() or .copyCount()', true);
    checkDuration('rolling.waitInterval', options.waitInterval, false);
    checkDuration('rolling.maximumExecutionTimeout', options.maximumExecutionTimeout);
    if (options.maximumBatchSize.kind === ComponentCapacitySizeType.CAPACITY_PERCENT) {
      checkPercent('rolling.maximumBatchSize', options.maximumBatchSize.value, 5, 50);
    }
    const wait = checkDurationSeconds('rolling.waitInterval', options.waitInterval, 0, 3600);
    const timeout = checkDurationSeconds('rolling.maximumExecutionTimeout', options.maximumExecutionTimeout, 600, 28800);
    const alarms = options.autoRollbackAlarms ?? [];
    if (!Array.isArray(alarms) || alarms.some((alarm) => typeof alarm?.alarmName !== 'string')) {
      throw new InstancePoolsError('MissingRequiredProp', 'rolling.autoRollbackAlarms', 'must be an array of CloudWatch alarms (cloudwatch.IAlarm)', alarms);
    }
    if (alarms.length > MAX_ROLLBACK_ALARMS) {
      throw new InstancePoolsError('TooManyRollbackAlarms', 'rolling.autoRollbackAlarms', `at most ${MAX_ROLLBACK_ALARMS} alarms`, alarms.length);
    }
    return new ComponentDeployment({
      rollingUpdatePolicy: {
        maximumBatchSize: options.maximumBatchSize._render(),
        waitIntervalInSeconds: wait,
        maximumExecutionTimeoutInSeconds: timeout,
        rollbackMaximumBatchSize: options.rollbackMaximumBatchSize?._render(),
      },
      autoRollbackConfiguration: alarms.length > 0 ? { alarms: alarms.map((alarm) => ({ alarmName: alarm.alarmName })) } : undefined,
    });
  }

  private constructor(private readonly config: CfnInferenceComponent.InferenceComponentDeploymentConfigProperty) {}

  /** @internal */
  public _render(): CfnInferenceComponent.InferenceComponentDeploymentConfigProperty {
    return this.config;
  }
}
