import { ArnFormat, Duration, RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { InferenceComponentStack } from './inference-component-stack';
import { acknowledgeNagFindings } from './nag-acknowledgements';
import { acknowledgeLocalStorage } from './warning-acknowledgements';
import {
  CapacityAwareEndpoint, CapacitySize, ContainerImage, DeploymentStrategy, InstanceType, Model, ModelContainer, ModelData, ScalingSignal,
} from '../lib';

/** The DJL LMI serving image used by the official instance-pools sample notebooks. */
const LMI_IMAGE = ContainerImage.fromDeepLearningContainer('djl-inference', '0.36.0-lmi23.0.0-cu129');

/**
 * The scenario of AWS's launch blog post for instance pools: an LLM endpoint that prefers ml.p5.48xlarge (priority 1, measured max concurrency 20)
 * and falls back to ml.g6.48xlarge running its own INT4-quantized build (priority 2, max concurrency 8),
 * with least-outstanding-requests routing.
 */
export class LlmEndpointStack extends Stack {
  public readonly endpoint: CapacityAwareEndpoint;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props);

    const fullPrecision = new Model(this, 'LlmFp16', {
      container: ModelContainer.fromImage(LMI_IMAGE, {
        environment: { HF_MODEL_ID: 'Qwen/Qwen3-4B', OPTION_TENSOR_PARALLEL_DEGREE: 'max', OPTION_MAX_MODEL_LEN: '16384', SERVING_FAIL_FAST: 'true' },
      }),
    });
    const int4 = new Model(this, 'LlmInt4', {
      container: ModelContainer.fromImage(LMI_IMAGE, {
        environment: {
          HF_MODEL_ID: 'Qwen/Qwen3-4B', OPTION_QUANTIZE: 'awq', OPTION_TENSOR_PARALLEL_DEGREE: 'max',
          OPTION_MAX_MODEL_LEN: '16384', SERVING_FAIL_FAST: 'true',
        },
      }),
    });

    // The key encrypts the ML storage volumes; p5 and g6 keep their local NVMe storage encrypted by the instance
    // hardware, which the library reports in a warning.
    const storageKey = new kms.Key(this, 'StorageKey', { enableKeyRotation: true, description: 'ML storage volumes of the LLM endpoint' });
    this.endpoint = new CapacityAwareEndpoint(this, 'Llm', {
      // A fixed name: the endpoint's own alarms watch it by name and guard its deployments.
      endpointName: 'qwen3-4b-llm',
      encryptionKey: storageKey,
      model: fullPrecision,
      pools: [
        { instanceType: InstanceType.ML_P5_48XLARGE, maxConcurrency: 20 },
        { instanceType: InstanceType.ML_G6_48XLARGE, model: int4, maxConcurrency: 8 },
      ],
      provisioningTimeout: Duration.minutes(60),
      containerStartupHealthCheckTimeout: Duration.minutes(15),
      // Updates roll in batches of 20 %, each baking 10 minutes; its latency and 5XX alarms roll them back.
      deployment: DeploymentStrategy.rolling({ maximumBatchSize: CapacitySize.percent(20), waitInterval: Duration.minutes(10) }),
    });

    acknowledgeLocalStorage(this.endpoint);

    // Scale from 1 to 10 instances on the weighted utilization of the pools, target 0.7: each pool's
    // ConcurrentRequestsPerModel divided by its measured maxConcurrency, averaged over the pools that have
    // instances (an empty fallback pool never dilutes the signal).
    this.endpoint.autoScale({ minCapacity: 1, maxCapacity: 10, signal: ScalingSignal.weightedUtilization({ targetUtilization: 0.7 }) });

    // Alarms per instance type (p99 latency, 5XX rate, concurrency above the measured maximum, running on
    // fallback hardware) and a dashboard with a row per pool, the alarms and the scaling signal against its target.
    // CloudWatch publishes as the cloudwatch.amazonaws.com service principal: the topic's key policy must let it use
    // the key (https://repost.aws/knowledge-center/cloudwatch-configure-alarm-sns), and a topic policy replaces the
    // default one, so it must allow it to publish (https://repost.aws/knowledge-center/cloudwatch-receive-sns-for-alarm-trigger).
    // Both only on behalf of this account's alarms in this region (aws:SourceAccount, aws:SourceArn), so that no
    // other account's alarm can use the key or the topic through CloudWatch (the confused-deputy conditions, both
    // knowledge-center articles above).
    const cloudWatch = new iam.ServicePrincipal('cloudwatch.amazonaws.com');
    const fromOwnAlarms = {
      StringEquals: { 'aws:SourceAccount': this.account },
      ArnLike: { 'aws:SourceArn': this.formatArn({ service: 'cloudwatch', resource: 'alarm', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME }) },
    };
    const onCallKey = new kms.Key(this, 'OnCallKey', { enableKeyRotation: true });
    onCallKey.addToResourcePolicy(new iam.PolicyStatement({
      principals: [cloudWatch], actions: ['kms:Decrypt', 'kms:GenerateDataKey*'], resources: ['*'], conditions: fromOwnAlarms,
    }));
    const onCall = new sns.Topic(this, 'OnCall', { masterKey: onCallKey, enforceSSL: true });
    onCall.addToResourcePolicy(new iam.PolicyStatement({
      principals: [cloudWatch], actions: ['sns:Publish'], resources: [onCall.topicArn], conditions: fromOwnAlarms,
    }));
    this.endpoint.addAlarms({ modelLatencyThreshold: Duration.seconds(30), alarmActions: [new cloudwatchActions.SnsAction(onCall)] });
    this.endpoint.addDashboard('Dashboard');
  }
}

/**
 * An asynchronous endpoint on the sample notebook's three pools (g6.24xlarge, g5.48xlarge, g5.12xlarge), with
 * requests and results in an encrypted bucket and success/error notifications on encrypted topics.
 */
export class AsyncEndpointStack extends Stack {
  public readonly endpoint: CapacityAwareEndpoint;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props);

    const key = new kms.Key(this, 'Key', { enableKeyRotation: true, description: 'Async inference requests, results and notifications, and the ML storage volumes' });
    const artifacts = new s3.Bucket(this, 'Artifacts', {
      encryption: s3.BucketEncryption.KMS, encryptionKey: key, enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL, versioned: true, removalPolicy: RemovalPolicy.RETAIN,
    });
    const results = new s3.Bucket(this, 'Results', {
      encryption: s3.BucketEncryption.KMS, encryptionKey: key, enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL, versioned: true, removalPolicy: RemovalPolicy.RETAIN,
    });
    const success = new sns.Topic(this, 'Success', { masterKey: key, enforceSSL: true });
    const failure = new sns.Topic(this, 'Failure', { masterKey: key, enforceSSL: true });

    const model = new Model(this, 'SummarizerModel', {
      container: ModelContainer.fromImage(LMI_IMAGE, {
        modelData: ModelData.fromBucketPrefix(artifacts, 'summarizer/v1/'),
        environment: { OPTION_TENSOR_PARALLEL_DEGREE: 'max', SERVING_FAIL_FAST: 'true' },
      }),
    });

    this.endpoint = new CapacityAwareEndpoint(this, 'Summarizer', {
      model,
      pools: [
        { instanceType: InstanceType.ML_G6_24XLARGE, maxConcurrency: 12 },
        { instanceType: InstanceType.ML_G5_48XLARGE, maxConcurrency: 16 },
        { instanceType: InstanceType.ML_G5_12XLARGE, maxConcurrency: 7 },
      ],
      asyncInference: {
        // Clients upload requests under async-input/ of the same bucket; SageMaker reads them with the model's role.
        inputBucket: results,
        outputBucket: results,
        successTopic: success,
        errorTopic: failure,
        outputEncryptionKey: key,
        maxConcurrentInvocationsPerInstance: 4,
      },
      encryptionKey: key,
      provisioningTimeout: Duration.minutes(30),
    });
    acknowledgeLocalStorage(this.endpoint);
  }
}

/** All example stacks, in one app. */
export function buildExampleApp(scope: Construct): Stack[] {
  return [
    new LlmEndpointStack(scope, 'LlmEndpoint'),
    new AsyncEndpointStack(scope, 'AsyncEndpoint'),
    new InferenceComponentStack(scope, 'InferenceComponent'),
  ].map(acknowledgeNagFindings);
}
