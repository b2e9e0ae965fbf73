import { Aws, CfnMapping, Fn, Names, Stack } from 'aws-cdk-lib';
import { CfnScalableTarget, CfnScalingPolicy } from 'aws-cdk-lib/aws-applicationautoscaling';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CfnEndpoint, CfnEndpointConfig, CfnModel } from 'aws-cdk-lib/aws-sagemaker';
import { Construct } from 'constructs';
import { REGISTRY_ACCOUNTS } from '../lib/model/deep-learning-container-registry';
import { addHandWrittenDashboard } from './hand-written-dashboard';
import { addHandWrittenAlarms } from './hand-written-alarms';

/**
 * The featured endpoint of `featured-endpoint.ts` as a user would write it by hand with aws-cdk-lib: the L1
 * SageMaker resources, the L2 `iam.Role` with grants, L2 `cloudwatch.Alarm`s and `cloudwatch.Dashboard`, and the L1
 * Application Auto Scaling resources (the L2 `TargetTrackingScalingPolicy` rejects metric math, aws/aws-cdk#20659).
 * Plain `Construct`s mirror the library's construct tree, so the logical IDs, and the templates, are identical.
 */

/** What the alarms and the dashboard of one hand-written endpoint need. */
export interface HandWrittenEndpoint {
  readonly scope: Construct;
  readonly endpointName: string;
  readonly pools: readonly HandWrittenPool[];
  /** The weighted-utilization query of the scaling policy, for the dashboard. */
  readonly weightedUtilization: string;
  readonly targetValue: number;
}

/** One pool: its instance type, priority, GPUs and measured maximum concurrency. */
export interface HandWrittenPool {
  readonly instanceType: string;
  readonly priority: number;
  readonly gpus: number;
  readonly maxConcurrency: number;
}

const IMAGE_REPOSITORY = 'djl-inference';
const IMAGE_TAG = '0.36.0-lmi23.0.0-cu129';

/** One fully featured endpoint, by hand: what `buildFeaturedEndpoint(lib, stack, id)` builds with the library. */
export function buildHandWrittenEndpoint(stack: Stack, id: string): void {
  const endpointName = `bench-${id.toLowerCase()}`;
  const fp16 = model(stack, `${id}Fp16`, endpointName, 'Qwen/Qwen3-4B');
  const int4 = model(stack, `${id}Int4`, endpointName, 'Qwen/Qwen3-4B-AWQ');
  const pools: HandWrittenPool[] = [
    { instanceType: 'ml.p5.48xlarge', priority: 1, gpus: 8, maxConcurrency: 20 },
    { instanceType: 'ml.g6.48xlarge', priority: 2, gpus: 8, maxConcurrency: 8 },
  ];

  const scope = new Construct(stack, id);
  const config = new CfnEndpointConfig(scope, 'EndpointConfig', {
    productionVariants: [{
      variantName: 'AllTraffic',
      modelName: fp16.model.attrModelName,
      initialInstanceCount: 1,
      initialVariantWeight: 1,
      instancePools: [
        { instanceType: 'ml.p5.48xlarge', priority: 1 },
        { instanceType: 'ml.g6.48xlarge', priority: 2, modelNameOverride: int4.model.attrModelName },
      ],
      routingConfig: { routingStrategy: 'LEAST_OUTSTANDING_REQUESTS' },
      variantInstanceProvisionTimeoutInSeconds: 3600,
    }],
  });
  const weightedUtilization = weightedUtilizationQuery(pools);
  const endpoint: HandWrittenEndpoint = { scope, endpointName, pools, weightedUtilization, targetValue: 0.7 };

  const cfnEndpoint = new CfnEndpoint(scope, 'Resource', {
    endpointName,
    endpointConfigName: config.attrEndpointConfigName,
    retainAllVariantProperties: true,
  });
  cfnEndpoint.node.addDependency(fp16.role);
  cfnEndpoint.node.addDependency(int4.role);

  const scaling = new Construct(scope, 'AutoScaling');
  const target = new CfnScalableTarget(scaling, 'Target', {
    serviceNamespace: 'sagemaker',
    resourceId: `endpoint/${cfnEndpoint.attrEndpointName}/variant/AllTraffic`,
    scalableDimension: 'sagemaker:variant:DesiredInstanceCount',
    minCapacity: 1,
    maxCapacity: 10,
  });
  target.node.addDependency(cfnEndpoint);
  new CfnScalingPolicy(scaling, 'Policy', {
    policyName: Names.uniqueResourceName(scaling, { maxLength: 255 }),
    policyType: 'TargetTrackingScaling',
    scalingTargetId: target.ref,
    targetTrackingScalingPolicyConfiguration: {
      targetValue: endpoint.targetValue,
      scaleInCooldown: 300,
      scaleOutCooldown: 60,
      customizedMetricSpecification: {
        metrics: [
          ...pools.flatMap((pool) => [
            scalingQuery(`pool${pool.priority}`, pool.instanceType, endpointName, pool.instanceType, 'AWS/SageMaker', 'ConcurrentRequestsPerModel', 'Average'),
            scalingQuery(`pool${pool.priority}_instances`, `${pool.instanceType} samples`, endpointName, pool.instanceType,
              '/aws/sagemaker/Endpoints', 'CPUUtilization', 'SampleCount'),
          ]),
          { id: 'weighted_utilization', label: 'Weighted utilization', expression: weightedUtilization, returnData: true },
        ],
      },
    },
  });

  const alarms = addHandWrittenAlarms(endpoint);
  cfnEndpoint.deploymentConfig = {
    autoRollbackConfiguration: { alarms: alarms.rollback.map((alarm) => ({ alarmName: alarm.alarmName })) },
    rollingUpdatePolicy: {
      maximumBatchSize: { type: 'CAPACITY_PERCENT', value: 20 },
      rollbackMaximumBatchSize: { type: 'CAPACITY_PERCENT', value: 20 },
      waitIntervalInSeconds: 600,
    },
  };
  addHandWrittenDashboard(endpoint, alarms.all);
}

/** A model with its execution role: trust for this account's SageMaker, its endpoint's logs, metrics, image pull. */
function model(stack: Stack, id: string, endpointName: string, modelId: string): { model: CfnModel; role: iam.Role } {
  const scope = new Construct(stack, id);
  const role = new iam.Role(scope, 'Role', {
    assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com').withConditions({
      StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
      ArnLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:sagemaker:${Aws.REGION}:${Aws.ACCOUNT_ID}:*` },
    }),
    description: `Execution role of SageMaker model ${scope.node.path}`,
  });
  const logGroup = `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:/aws/sagemaker/Endpoints/${endpointName}`;
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
    resources: [logGroup, `${logGroup}:log-stream:*`],
  }));
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['cloudwatch:PutMetricData'],
    resources: ['*'],
    conditions: { StringLike: { 'cloudwatch:namespace': '/aws/sagemaker/*' } },
  }));
  const registry = registryAccount(stack);
  iam.Grant.addToPrincipal({
    grantee: role,
    actions: ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'],
    resourceArns: [`arn:${Aws.PARTITION}:ecr:${Aws.REGION}:${registry}:repository/${IMAGE_REPOSITORY}`],
  });
  iam.Grant.addToPrincipal({ grantee: role, actions: ['ecr:GetAuthorizationToken'], resourceArns: ['*'] });

  const cfnModel = new CfnModel(scope, 'Resource', {
    executionRoleArn: role.roleArn,
    primaryContainer: {
      image: `${registry}.dkr.ecr.${Aws.REGION}.${Aws.URL_SUFFIX}/${IMAGE_REPOSITORY}:${IMAGE_TAG}`,
      environment: { HF_MODEL_ID: modelId },
    },
  });
  cfnModel.node.addDependency(role);
  return { model: cfnModel, role };
}

/** The Deep Learning Container registry account of the stack's region, from one mapping per stack. */
function registryAccount(stack: Stack): string {
  const id = 'DeepLearningContainerRegistry';
  const mapping = stack.node.tryFindChild(id) as CfnMapping | undefined ?? new CfnMapping(stack, id, {
    mapping: Object.fromEntries(Object.entries(REGISTRY_ACCOUNTS).map(([region, account]) => [region, { account }])),
  });
  return Fn.findInMap(mapping.logicalId, Aws.REGION, 'account');
}

function scalingQuery(id: string, label: string, endpointName: string, instanceType: string, namespace: string, metricName: string,
  stat: string): CfnScalingPolicy.TargetTrackingMetricDataQueryProperty {
  return {
    id, label, returnData: false,
    metricStat: {
      stat,
      metric: {
        namespace, metricName,
        dimensions: [
          { name: 'EndpointName', value: endpointName },
          { name: 'InstanceType', value: instanceType },
          { name: 'VariantName', value: 'AllTraffic' },
        ],
      },
    },
  };
}

/**
 * Concurrency per instance in units of each pool's measured maximum, averaged over the pools that have instances
 * (a pool with instances publishes CPUUtilization samples, one that serves publishes concurrency).
 */
function weightedUtilizationQuery(pools: readonly HandWrittenPool[]): string {
  const load = pools.map((p) => `FILL(pool${p.priority}, 0) / ${p.maxConcurrency}`).join(' + ');
  const active = pools.map((p) => `((FILL(pool${p.priority}_instances, 0) > 0) OR (FILL(pool${p.priority}, -1) >= 0))`).join(' + ');
  return `(${load}) / (${active})`;
}
