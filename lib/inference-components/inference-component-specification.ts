import { Annotations, Duration, Size, SizeRoundingBehavior, Token } from 'aws-cdk-lib';
import { CfnInferenceComponent } from 'aws-cdk-lib/aws-sagemaker';
import { IConstruct } from 'constructs';
import { described, InstancePoolsError } from '../core/errors';
import { checkDuration, checkSize, optionalNumber, requireArray, requireObject } from '../core/required';
import { checkAtLeast, checkDurationSeconds, checkMebibytes } from '../core/validation';
import { InstanceType } from '../instance-types/instance-type';
import { IModel } from '../model/model';
import { isModel } from '../model/model-check';
import { IInstancePoolEndpoint } from '../pools/instance-pool-endpoint';
import { checkConcurrency } from '../pools/concurrency';
import { checkInstanceType, MAX_POOLS, warnUncatalogued } from '../pools/rank-pools';

/** What an inference component runs and reserves on an instance, for one or every instance type. */
export interface ComponentSpecificationOptions {
  /** The model the component runs (`ModelName`). It must exist before the component; the library adds that dependency. */
  readonly model: IModel;
  /**
   * Memory reserved per copy (`MinMemoryRequiredInMb`, whole mebibytes, at least 128).
   */
  readonly minMemory: Size;
  /**
   * The most memory a copy may use (`MaxMemoryRequiredInMb`, whole mebibytes, at least `minMemory`).
   * @default - no limit beyond the instance's memory
   */
  readonly maxMemory?: Size;
  /**
   * GPUs or AWS Inferentia devices reserved per copy (`NumberOfAcceleratorDevicesRequired`, at least 1), e.g. the
   * tensor-parallel degree of the model build. At most the devices of the instance type, when the library knows it.
   * @default - no accelerators reserved (CPU models)
   */
  readonly acceleratorCount?: number;
  /**
   * CPU cores reserved per copy (`NumberOfCpuCoresRequired`, at least 0.25).
   * @default - SageMaker reserves no dedicated cores
   */
  readonly cpuCoreCount?: number;
  /**
   * How long downloading the model artifacts may take (`ModelDataDownloadTimeoutInSeconds`, 1 to 60 minutes).
   * @default - not set: SageMaker's default download timeout applies
   */
  readonly modelDataDownloadTimeout?: Duration;
  /**
   * How long a copy may take to pass its health check (`ContainerStartupHealthCheckTimeoutInSeconds`, 1 to 60
   * minutes).
   * @default - not set: SageMaker's default health-check timeout applies
   */
  readonly containerStartupHealthCheckTimeout?: Duration;
  /**
   * The number of concurrent requests one copy serves at full utilization on this hardware, as measured in a
   * load test. The weighted copy-count signal divides each type's `ConcurrentRequestsPerCopy` by it, and the
   * dashboards draw it as the capacity line.
   * @default - unknown: the weighted copy-count signal is not available and no capacity line is drawn
   */
  readonly maxConcurrencyPerCopy?: number;
}

/** The specification of an inference component for one instance type of the endpoint's pools. */
export interface InstanceTypeSpecification extends ComponentSpecificationOptions {
  /** One of the endpoint's pool types. */
  readonly instanceType: InstanceType;
}

/** One instance type an inference component runs on, with the model and the capacity it has there. */
export interface InstanceTypePlacement {
  /** The instance type (one of the endpoint's pool types). */
  readonly instanceType: InstanceType;
  /** The model that serves on this type. */
  readonly model: IModel;
  /**
   * Concurrent requests one copy serves at full utilization on this type.
   * @default - unknown
   */
  readonly maxConcurrencyPerCopy?: number;
  /**
   * Accelerators one copy reserves on this type (`NumberOfAcceleratorDevicesRequired`).
   * @default - none reserved
   */
  readonly acceleratorCount?: number;
  /**
   * Memory one copy reserves on this type (`MinMemoryRequiredInMb`).
   * @default - unknown (a placement of your own)
   */
  readonly minMemory?: Size;
}

/** A specification bound to an endpoint: what the `AWS::SageMaker::InferenceComponent` renders. */
export interface InferenceComponentSpecificationConfig {
  /**
   * The singular `Specification`, for every instance type.
   * @default - per-instance-type `specifications`
   */
  readonly specification?: CfnInferenceComponent.InferenceComponentSpecificationProperty;
  /**
   * The per-instance-type `Specifications`.
   * @default - one `specification` for every type
   */
  readonly specifications?: CfnInferenceComponent.InferenceComponentSpecificationForInstanceTypeProperty[];
  /** The types the component runs on, in the endpoint's priority order. */
  readonly placements: InstanceTypePlacement[];
}

/** Memory per copy, in MiB: `MinMemoryRequiredInMb` is at least 128, and `maxMemory` is held to the same floor. */
const MIN_COPY_MEMORY_MIB = 128;

/**
 * CloudFormation requires at least two `Specifications` entries (`CfnInferenceComponent.specifications`,
 * https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_sagemaker.CfnInferenceComponent.html); the API allows up to five
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateInferenceComponent.html).
 */
const MIN_PER_TYPE_ENTRIES = 2;

/**
 * What an inference component runs on each instance type of its endpoint: one specification for every pool
 * type, or one per type (its own model build, accelerators and memory), e.g. a TP=8 build with 8 GPUs on
 * `ml.g6.48xlarge` and a TP=4 build with 4 GPUs on `ml.g6.24xlarge`.
 */
export abstract class InferenceComponentSpecification {
  /** The same model and resources on every pool type (CloudFormation `Specification`). */
  public static forAllInstanceTypes(options: ComponentSpecificationOptions): InferenceComponentSpecification {
    validateOptions('specification', options);
    return new (class extends InferenceComponentSpecification {
      public bind(endpoint: IInstancePoolEndpoint, scope: IConstruct): InferenceComponentSpecificationConfig {
        const unknown = new Map<string, string[]>();
        endpoint.pools.forEach((pool, i) => {
          const traits = checkFits('specification', options, pool.instanceType,
            ` (pools[${i}]); give that type its own entry with InferenceComponentSpecification.perInstanceType(...)`);
          if (traits.length > 0) unknown.set(pool.instanceType.name, traits);
        });
        warnUnknownFit(scope, unknown);
        return {
          specification: { modelName: options.model.modelName, ...renderResources(options) },
          placements: endpoint.pools.map((pool) => placement(pool.instanceType, options)),
        };
      }
    })();
  }

  /**
   * One entry per instance type (CloudFormation `Specifications`), each for one of the endpoint's pool types and
   * with its own model, resources and startup parameters. Between 2 and 5 entries: CloudFormation requires at
   * least two, so use `forAllInstanceTypes` for one.
   */
  public static perInstanceType(specifications: InstanceTypeSpecification[]): InferenceComponentSpecification {
    requireArray('specification', specifications, 'per-instance-type entries ({ instanceType, model, minMemory, ... })');
    if (specifications.length < MIN_PER_TYPE_ENTRIES || specifications.length > MAX_POOLS) {
      throw new InstancePoolsError('SpecificationCount', 'specification',
        `between ${MIN_PER_TYPE_ENTRIES} and ${MAX_POOLS} per-instance-type entries (CloudFormation requires at least two; `
        + 'use InferenceComponentSpecification.forAllInstanceTypes(...) for one)', specifications.length);
    }
    const seen = new Map<string, number>();
    specifications.forEach((spec, i) => {
      validateOptions(`specification[${i}]`, spec);
      const name = checkInstanceType(`specification[${i}].instanceType`, spec.instanceType);
      if (Token.isUnresolved(name)) return;
      const first = seen.get(name);
      if (first !== undefined) {
        throw new InstancePoolsError('DuplicateInstanceType', `specification[${i}].instanceType`, `each instance type at most once (already specification[${first}])`, name);
      }
      seen.set(name, i);
      checkFits(`specification[${i}]`, spec, spec.instanceType);
    });
    return new (class extends InferenceComponentSpecification {
      public bind(endpoint: IInstancePoolEndpoint, scope: IConstruct): InferenceComponentSpecificationConfig {
        const poolIndex = (type: InstanceType) => endpoint.pools.findIndex((p) => p.instanceType.name === type.name);
        const known = (type: InstanceType) => !type.isUnresolved && endpoint.pools.every((p) => !p.instanceType.isUnresolved);
        specifications.forEach((spec, i) => {
          if (known(spec.instanceType) && poolIndex(spec.instanceType) < 0) {
            throw new InstancePoolsError('SpecificationTypeNotInPools', `specification[${i}].instanceType`,
              `one of the endpoint's pool types (${endpoint.pools.map((p) => p.instanceType.name).join(', ')})`, spec.instanceType.name);
          }
        });
        warnUncatalogued(scope, 'specification', specifications.map((spec) => spec.instanceType));
        const unknown = new Map<string, string[]>();
        specifications.forEach((spec, i) => {
          const traits = checkFits(`specification[${i}]`, spec, spec.instanceType);
          if (traits.length > 0) unknown.set(spec.instanceType.name, traits);
        });
        warnUnknownFit(scope, unknown);
        const missing = endpoint.pools.filter((p) => !p.instanceType.isUnresolved && !specifications.some((s) => s.instanceType.isUnresolved || s.instanceType.name === p.instanceType.name));
        if (missing.length > 0) {
          Annotations.of(scope).addWarningV2('cdk-sagemaker-instance-pools:componentMissesPoolTypes',
            `specification: no entry for pool types ${missing.map((p) => `${p.instanceType.name} (priority ${p.priority})`).join(', ')}; `
            + 'instances of those types cannot host copies of this component.');
        }
        const rank = (spec: InstanceTypeSpecification) => {
          const index = poolIndex(spec.instanceType);
          return index < 0 ? MAX_POOLS + specifications.indexOf(spec) : index;
        };
        return {
          specifications: specifications.map((spec) => ({
            instanceType: spec.instanceType.name, modelName: spec.model.modelName, ...renderResources(spec),
          })),
          placements: [...specifications].sort((a, b) => rank(a) - rank(b)).map((spec) => placement(spec.instanceType, spec)),
        };
      }
    })();
  }

  /**
   * Renders the specification for `endpoint`, checking it against the endpoint's pools. `scope` receives the
   * warnings.
   */
  public abstract bind(endpoint: IInstancePoolEndpoint, scope: IConstruct): InferenceComponentSpecificationConfig;
}

function placement(instanceType: InstanceType, options: ComponentSpecificationOptions): InstanceTypePlacement {
  return {
    instanceType, model: options.model, maxConcurrencyPerCopy: options.maxConcurrencyPerCopy,
    acceleratorCount: options.acceleratorCount, minMemory: options.minMemory,
  };
}

function renderResources(options: ComponentSpecificationOptions) {
  const startup = {
    modelDataDownloadTimeoutInSeconds: options.modelDataDownloadTimeout?.toSeconds(),
    containerStartupHealthCheckTimeoutInSeconds: options.containerStartupHealthCheckTimeout?.toSeconds(),
  };
  return {
    computeResourceRequirements: {
      minMemoryRequiredInMb: options.minMemory.toMebibytes(),
      maxMemoryRequiredInMb: options.maxMemory?.toMebibytes(),
      numberOfAcceleratorDevicesRequired: options.acceleratorCount,
      numberOfCpuCoresRequired: options.cpuCoreCount,
    },
    startupParameters: Object.values(startup).some((v) => v !== undefined) ? startup : undefined,
  };
}

/** Ranges of the SageMaker API shapes InferenceComponentComputeResourceRequirements and StartupParameters. */
function validateOptions(prop: string, options: ComponentSpecificationOptions): void {
  requireObject(prop, options);
  if (!isModel(options.model)) {
    throw new InstancePoolsError('MissingRequiredProp', `${prop}.model`, 'required: the model the component runs (Model, or Model.fromModelName(...))', options.model ?? described(String(options.model)));
  }
  checkSize(`${prop}.minMemory`, options.minMemory, false);
  checkSize(`${prop}.maxMemory`, options.maxMemory);
  const minMemory = checkMebibytes(`${prop}.minMemory`, options.minMemory, MIN_COPY_MEMORY_MIB);
  const maxMemory = checkMebibytes(`${prop}.maxMemory`, options.maxMemory, MIN_COPY_MEMORY_MIB);
  if (minMemory !== undefined && maxMemory !== undefined && maxMemory < minMemory) {
    throw new InstancePoolsError('OutOfRange', `${prop}.maxMemory`, `must be at least minMemory (${minMemory} MiB)`, described(`${maxMemory} MiB`));
  }
  checkAtLeast(`${prop}.acceleratorCount`, optionalNumber(`${prop}.acceleratorCount`, options.acceleratorCount), 1);
  checkAtLeast(`${prop}.cpuCoreCount`, optionalNumber(`${prop}.cpuCoreCount`, options.cpuCoreCount), 0.25);
  checkDurationSeconds(`${prop}.modelDataDownloadTimeout`, checkDuration(`${prop}.modelDataDownloadTimeout`, options.modelDataDownloadTimeout), 60, 3600);
  checkDurationSeconds(`${prop}.containerStartupHealthCheckTimeout`,
    checkDuration(`${prop}.containerStartupHealthCheckTimeout`, options.containerStartupHealthCheckTimeout), 60, 3600);
  checkConcurrency(`${prop}.maxConcurrencyPerCopy`, options.maxConcurrencyPerCopy);
}

/**
 * A copy must fit on one instance of `type`: no more accelerators than it has (0 on CPU-only types) and no more
 * memory (`minMemory`) than it has, from the instance-type catalog. Returns the traits the catalog does not know
 * for `type`, so the caller can warn instead of staying silent.
 */
function checkFits(prop: string, options: ComponentSpecificationOptions, type: InstanceType, hint = ''): string[] {
  if (type.isUnresolved) return [];
  const unknown: string[] = [];
  const count = options.acceleratorCount;
  const devices = type.acceleratorCount;
  if (count !== undefined && !Token.isUnresolved(count)) {
    if (devices === undefined) unknown.push('accelerators');
    else if (count > devices) {
      throw new InstancePoolsError('AcceleratorsExceedInstance', `${prop}.acceleratorCount`,
        `a copy must fit on one instance, at most the ${devices} accelerators of ${type.name}${hint}`, count);
    }
  }
  const minMemory = options.minMemory.isUnresolved() ? undefined : options.minMemory.toMebibytes({ rounding: SizeRoundingBehavior.NONE });
  const memory = type.memoryGiB;
  if (minMemory !== undefined) {
    if (memory === undefined) unknown.push('memory');
    else if (minMemory > memory * 1024) {
      throw new InstancePoolsError('MemoryExceedsInstance', `${prop}.minMemory`,
        `a copy must fit on one instance, at most the ${memory} GiB (${memory * 1024} MiB) of ${type.name}${hint}`, described(`${minMemory} MiB`));
    }
  }
  return unknown;
}

/** Warns when a copy's fit could not be checked on some types, naming the traits the catalog lacks. */
function warnUnknownFit(scope: IConstruct, unknown: Map<string, string[]>): void {
  if (unknown.size === 0) return;
  Annotations.of(scope).addWarningV2('cdk-sagemaker-instance-pools:copyFitUnknown',
    `specification: ${[...unknown.entries()].map(([type, traits]) => `${traits.join(' and ')} of ${type}`).join(', ')} `
    + 'unknown to this library\'s catalog of instance types, so whether a copy fits on one instance could not be checked.');
}
