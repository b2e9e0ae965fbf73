import { Duration } from 'aws-cdk-lib';

/** Options every target-tracking policy of the library takes (instance counts and copy counts alike). */
export interface TargetTrackingOptions {
  /**
   * Time after a scale-in before another scale-in.
   * @default Duration.minutes(5)
   */
  readonly scaleInCooldown?: Duration;
  /**
   * Time after a scale-out before another scale-out.
   * @default Duration.minutes(1)
   */
  readonly scaleOutCooldown?: Duration;
  /**
   * Only ever scale out; scale in by hand.
   * @default false
   */
  readonly disableScaleIn?: boolean;
}
