import { Duration, Size } from 'aws-cdk-lib';
import {
  CapacitySize, ComponentCapacitySize, ComponentDeployment, DeploymentStrategy, InferenceComponentSpecification, InstanceType, TrafficShift,
} from '../../lib';
import { allTypes, badInputTable, endpoint, icEndpoint, imported, numToken, onCpu, strToken, takingOver, withShadow, withVariants } from './hostile-input';

/**
 * Tokens: never rejected when aws-cdk-lib can render them. A Duration or Size token in the API's own unit is
 * accepted; in another unit, which aws-cdk-lib cannot convert, it fails with a code that names the unit to use.
 */
const p = numToken('Param');
const rolling = (options: object) => () => DeploymentStrategy.rolling({ maximumBatchSize: CapacitySize.percent(20), waitInterval: Duration.seconds(60), ...options });
const copy = (options: object) => (s: any) => icEndpoint(s).addInferenceComponent('C', { specification: allTypes(s, options) });

badInputTable('token units', [
  ['provisioningTimeout: Duration.minutes(param)', (s) => endpoint(s, { provisioningTimeout: Duration.minutes(p) }), 'TokenUnit'],
  ['provisioningTimeout: Duration.millis(param)', (s) => endpoint(s, { provisioningTimeout: Duration.millis(p) }), 'TokenUnit'],
  ['containerStartupHealthCheckTimeout: Duration.hours(param)', (s) => endpoint(s, { containerStartupHealthCheckTimeout: Duration.hours(p) }), 'TokenUnit'],
  ['modelDataDownloadTimeout: Duration.minutes(param)', (s) => endpoint(s, { modelDataDownloadTimeout: Duration.minutes(p) }), 'TokenUnit'],
  ['inference-component endpoint provisioningTimeout: Duration.minutes(param)', (s) => icEndpoint(s, { provisioningTimeout: Duration.minutes(p) }), 'TokenUnit'],
  ['rolling waitInterval: Duration.minutes(param)', rolling({ waitInterval: Duration.minutes(p) }), 'TokenUnit'],
  ['rolling maximumExecutionTimeout: Duration.hours(param)', rolling({ maximumExecutionTimeout: Duration.hours(p) }), 'TokenUnit'],
  ['blueGreen terminationWait: Duration.minutes(param)', () => DeploymentStrategy.blueGreen({ terminationWait: Duration.minutes(p) }), 'TokenUnit'],
  ['blueGreen maximumExecutionTimeout: Duration.days(param)', () => DeploymentStrategy.blueGreen({ maximumExecutionTimeout: Duration.days(p) }), 'TokenUnit'],
  ['TrafficShift.canary waitInterval: Duration.minutes(param)', () => TrafficShift.canary(CapacitySize.percent(10), Duration.minutes(p)), 'TokenUnit'],
  ['TrafficShift.linear waitInterval: Duration.hours(param)', () => TrafficShift.linear(CapacitySize.percent(10), Duration.hours(p)), 'TokenUnit'],
  ['TrafficShift.allAtOnce(Duration.minutes(param))', () => TrafficShift.allAtOnce(Duration.minutes(p)), 'TokenUnit'],
  ['autoScale scaleInCooldown: Duration.minutes(param)', (s) => endpoint(s).autoScale({ maxCapacity: 4, scaleInCooldown: Duration.minutes(p) }), 'TokenUnit'],
  ['autoScale scaleOutCooldown: Duration.minutes(param)', (s) => endpoint(s).autoScale({ maxCapacity: 4, scaleOutCooldown: Duration.minutes(p) }), 'TokenUnit'],
  ['minMemory: Size.gibibytes(param)', copy({ minMemory: Size.gibibytes(p) }), 'TokenUnit'],
  ['maxMemory: Size.gibibytes(param)', copy({ maxMemory: Size.gibibytes(p) }), 'TokenUnit'],
  ['minMemory: Size.kibibytes(param)', copy({ minMemory: Size.kibibytes(p) }), 'TokenUnit'],
  ['specification modelDataDownloadTimeout: Duration.minutes(param)', copy({ modelDataDownloadTimeout: Duration.minutes(p) }), 'TokenUnit'],
  ['per-type containerStartupHealthCheckTimeout: Duration.minutes(param)', (s) => InferenceComponentSpecification.perInstanceType([
    { instanceType: InstanceType.ML_G6_48XLARGE, model: imported(s), minMemory: Size.mebibytes(512), containerStartupHealthCheckTimeout: Duration.minutes(p) },
    { instanceType: InstanceType.ML_G6_12XLARGE, model: imported(s, 'I2'), minMemory: Size.mebibytes(512) }]), 'TokenUnit'],
  ['alarm period: Duration.minutes(param) (CloudWatch periods in aws-cdk-lib cannot be tokens)', (s) => endpoint(s).addAlarms({ period: Duration.minutes(p) }), 'OutOfRange'],
  ['fallbackAlarmAfter: Duration.hours(param)', (s) => endpoint(s).addAlarms({ fallbackAlarmAfter: Duration.hours(p) }), 'OutOfRange'],
]);

const componentRolling = (options: object) => () => ComponentDeployment.rolling({ maximumBatchSize: ComponentCapacitySize.percent(20), waitInterval: Duration.seconds(60), ...options });

badInputTable('token units of variants, volume sizes and component deployments', [
  ['variants[0].provisioningTimeout: Duration.minutes(param)', withVariants({ provisioningTimeout: Duration.minutes(p) }), 'TokenUnit'],
  ['shadowVariants[0].containerStartupHealthCheckTimeout: Duration.hours(param)', withShadow({ containerStartupHealthCheckTimeout: Duration.hours(p) }), 'TokenUnit'],
  ['variants[0].modelDataDownloadTimeout: Duration.minutes(param)', withVariants({ modelDataDownloadTimeout: Duration.minutes(p) }), 'TokenUnit'],
  ['volumeSize: Size.mebibytes(param) (once an aws-cdk-lib conversion error)', onCpu({ volumeSize: Size.mebibytes(p) }), 'TokenUnit'],
  ['variants[0].volumeSize: Size.tebibytes(param)', withVariants({ volumeSize: Size.tebibytes(p) }), 'TokenUnit'],
  ['volumeSize: Size.gibibytes(param) next to a local-storage pool (once accepted)', (s) => endpoint(s, { volumeSize: Size.gibibytes(p) }), 'VolumeSizeWithLocalStorage'],
  ['ComponentDeployment waitInterval: Duration.minutes(param)', componentRolling({ waitInterval: Duration.minutes(p) }), 'TokenUnit'],
  ['ComponentDeployment maximumExecutionTimeout: Duration.hours(param)', componentRolling({ maximumExecutionTimeout: Duration.hours(p) }), 'TokenUnit'],
  ["existingEndpoint.endpointLogicalId: a parameter (once aws-cdk-lib's map-key error)", takingOver({ endpointLogicalId: strToken('Id') }), 'InvalidLogicalId'],
  ['existingEndpoint.scalableTargetLogicalId: a parameter', takingOver({ endpointLogicalId: 'E', scalableTargetLogicalId: strToken('Target') }), 'InvalidLogicalId'],
]);
