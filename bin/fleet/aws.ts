import {
  ApplicationAutoScalingClient, DescribeScalableTargetsCommand, DescribeScalingActivitiesCommand,
  DescribeScalingPoliciesCommand, ScalableDimension, ScalableTarget, ScalingActivity, ScalingPolicy,
} from '@aws-sdk/client-application-auto-scaling';
import {
  CreateEndpointConfigCommand, CreateEndpointConfigInput, DescribeAIRecommendationJobCommand, DescribeAIRecommendationJobResponse,
  DescribeEndpointCommand, DescribeEndpointConfigCommand, DescribeEndpointConfigOutput, DescribeEndpointOutput,
  DescribeInferenceComponentCommand, DescribeInferenceComponentOutput, DescribeInferenceRecommendationsJobCommand,
  DescribeInferenceRecommendationsJobResponse, EndpointSummary, InferenceComponentSummary, ListEndpointsCommand,
  ListInferenceComponentsCommand, ListTagsCommand, SageMakerClient, Tag, UpdateEndpointCommand, UpdateEndpointInput,
} from '@aws-sdk/client-sagemaker';
import {
  ListAWSDefaultServiceQuotasCommand, ListServiceQuotasCommand, ServiceQuota, ServiceQuotasClient,
} from '@aws-sdk/client-service-quotas';
import { classifyAwsError } from './errors';
import { explainUndefinedProfile } from './profile';
import { attemptsOf, retryStrategy } from './retry';
import { captureResponseJson } from './wire-json';

/** `--region` and `--profile`; unset means the SDK's usual resolution (environment, shared config files). */
export interface ConnectionOptions {
  readonly region?: string;
  readonly profile?: string;
}

export interface FleetClients {
  readonly sagemaker: SageMakerClient;
  readonly autoscaling: ApplicationAutoScalingClient;
  readonly serviceQuotas: ServiceQuotasClient;
}

export type ClientFactory = (options: ConnectionOptions) => FleetClients;

/** Seconds to wait for a TCP connection, then for a response, before a call counts as a network failure. */
const CONNECTION_TIMEOUT_MS = 5_000;
const REQUEST_TIMEOUT_MS = 30_000;
/** DescribeScalableTargets takes at most 50 resource ids per call. */
const RESOURCE_IDS_PER_CALL = 50;

/**
 * The configuration of every client: `profile` goes into it, which the default credential chain and the region
 * loader both honour, so no extra credential-provider package is needed; retries are the SDK's (see retry.ts).
 * Each call gets its own strategy object, so each client keeps its own retry quota.
 */
export function clientConfig({ region, profile }: ConnectionOptions) {
  return {
    region,
    profile,
    retryStrategy: retryStrategy(),
    requestHandler: { connectionTimeout: CONNECTION_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS },
  };
}

/**
 * Real SDK clients, each created when a command first uses it: creating one resolves its whole configuration, and
 * most commands need one or two of the three (`recommend` only SageMaker, `status` no Service Quotas).
 */
export const createClients: ClientFactory = (options) => lazyClients({
  sagemaker: () => new SageMakerClient(clientConfig(options)),
  autoscaling: () => new ApplicationAutoScalingClient(clientConfig(options)),
  serviceQuotas: () => new ServiceQuotasClient(clientConfig(options)),
});

/** Clients made by `create`, each on first access and then kept. */
export function lazyClients(create: { readonly [K in keyof FleetClients]: () => FleetClients[K] }): FleetClients {
  const made: Partial<Record<keyof FleetClients, unknown>> = {};
  const get = <K extends keyof FleetClients>(key: K): FleetClients[K] => (made[key] ??= create[key]()) as FleetClients[K];
  return {
    get sagemaker() { return get('sagemaker'); },
    get autoscaling() { return get('autoscaling'); },
    get serviceQuotas() { return get('serviceQuotas'); },
  };
}

/**
 * The AWS calls the CLI makes (retried by the clients' SDK retry strategy), each with error classification:
 * every failure leaves here as a FleetError with a one-line message.
 */
export class AwsApi {
  private resolvedRegion?: string;

  constructor(private readonly clients: FleetClients, private readonly connection: ConnectionOptions = {}) {}

  /** The region the clients resolved (flag, environment or profile). Fails with 'no-region' when there is none. */
  public async region(): Promise<string> {
    this.resolvedRegion = await this.call('resolve region', () => this.clients.sagemaker.config.region());
    return this.resolvedRegion;
  }

  public describeEndpoint(name: string): Promise<DescribeEndpointOutput> {
    return this.call('DescribeEndpoint', () => this.clients.sagemaker.send(new DescribeEndpointCommand({ EndpointName: name })));
  }

  public describeEndpointConfig(name: string): Promise<DescribeEndpointConfigOutput> {
    return this.call('DescribeEndpointConfig',
      () => this.clients.sagemaker.send(new DescribeEndpointConfigCommand({ EndpointConfigName: name })));
  }

  /**
   * DescribeEndpointConfig, with the response body as AWS sent it (`wire`), to find members this SDK version
   * drops (wire-json.ts). `wire` is undefined when no HTTP response was read (a mocked client).
   */
  public async describeEndpointConfigOnWire(name: string): Promise<{ config: DescribeEndpointConfigOutput; wire: unknown }> {
    let wire: unknown;
    const command = new DescribeEndpointConfigCommand({ EndpointConfigName: name });
    captureResponseJson(command, (json) => { wire = json; });
    const config = await this.call('DescribeEndpointConfig', () => this.clients.sagemaker.send(command));
    return { config, wire };
  }

  /** Every tag of a SageMaker resource (every page). */
  public async listTags(resourceArn: string): Promise<Tag[]> {
    const all: Tag[] = [];
    let token: string | undefined;
    do {
      const page = await this.call('ListTags', () => this.clients.sagemaker.send(
        new ListTagsCommand({ ResourceArn: resourceArn, MaxResults: 100, NextToken: token })));
      all.push(...(page?.Tags ?? []));
      token = page?.NextToken;
    } while (token);
    return all;
  }

  /** CreateEndpointConfig (a write: callers must make a retry after a lost response safe, see migrate/apply-migration.ts). */
  public createEndpointConfig(input: CreateEndpointConfigInput): Promise<unknown> {
    return this.call('CreateEndpointConfig', () => this.clients.sagemaker.send(new CreateEndpointConfigCommand(input)));
  }

  /** UpdateEndpoint (a write, see createEndpointConfig). */
  public updateEndpoint(input: UpdateEndpointInput): Promise<unknown> {
    return this.call('UpdateEndpoint', () => this.clients.sagemaker.send(new UpdateEndpointCommand(input)));
  }

  /** All inference components on the endpoint (every page). */
  public async listInferenceComponents(endpointName: string): Promise<InferenceComponentSummary[]> {
    const all: InferenceComponentSummary[] = [];
    let token: string | undefined;
    do {
      const page = await this.call('ListInferenceComponents', () => this.clients.sagemaker.send(
        new ListInferenceComponentsCommand({ EndpointNameEquals: endpointName, MaxResults: 100, NextToken: token })));
      all.push(...(page?.InferenceComponents ?? []));
      token = page?.NextToken;
    } while (token);
    return all;
  }

  public describeInferenceComponent(name: string): Promise<DescribeInferenceComponentOutput> {
    return this.call('DescribeInferenceComponent',
      () => this.clients.sagemaker.send(new DescribeInferenceComponentCommand({ InferenceComponentName: name })));
  }

  /** Scalable targets for the given SageMaker resource ids (every page, 50 ids per call). */
  public async describeScalableTargets(resourceIds: readonly string[]): Promise<ScalableTarget[]> {
    const all: ScalableTarget[] = [];
    for (let i = 0; i < resourceIds.length; i += RESOURCE_IDS_PER_CALL) {
      const ids = resourceIds.slice(i, i + RESOURCE_IDS_PER_CALL);
      let token: string | undefined;
      do {
        const page = await this.call('DescribeScalableTargets', () => this.clients.autoscaling.send(
          new DescribeScalableTargetsCommand({ ServiceNamespace: 'sagemaker', ResourceIds: ids, NextToken: token })));
        all.push(...(page?.ScalableTargets ?? []));
        token = page?.NextToken;
      } while (token);
    }
    return all;
  }

  /** Every scaling policy on one scalable target (every page). */
  public async describeScalingPolicies(resourceId: string, dimension: ScalableDimension): Promise<ScalingPolicy[]> {
    const all: ScalingPolicy[] = [];
    let token: string | undefined;
    do {
      const page = await this.call('DescribeScalingPolicies', () => this.clients.autoscaling.send(
        new DescribeScalingPoliciesCommand({ ServiceNamespace: 'sagemaker', ResourceId: resourceId, ScalableDimension: dimension, NextToken: token })));
      all.push(...(page?.ScalingPolicies ?? []));
      token = page?.NextToken;
    } while (token);
    return all;
  }

  /** The most recent scaling activities on one scalable target, newest first (one page is enough). */
  public async describeScalingActivities(resourceId: string, dimension: ScalableDimension, max: number): Promise<ScalingActivity[]> {
    const page = await this.call('DescribeScalingActivities', () => this.clients.autoscaling.send(
      new DescribeScalingActivitiesCommand({ ServiceNamespace: 'sagemaker', ResourceId: resourceId, ScalableDimension: dimension, MaxResults: max })));
    return page?.ScalingActivities ?? [];
  }

  public describeAIRecommendationJob(name: string): Promise<DescribeAIRecommendationJobResponse> {
    return this.call('DescribeAIRecommendationJob',
      () => this.clients.sagemaker.send(new DescribeAIRecommendationJobCommand({ AIRecommendationJobName: name })));
  }

  public describeInferenceRecommendationsJob(name: string): Promise<DescribeInferenceRecommendationsJobResponse> {
    return this.call('DescribeInferenceRecommendationsJob',
      () => this.clients.sagemaker.send(new DescribeInferenceRecommendationsJobCommand({ JobName: name })));
  }

  /** Every endpoint in the account and region (every page). */
  public async listEndpoints(): Promise<EndpointSummary[]> {
    const all: EndpointSummary[] = [];
    let token: string | undefined;
    do {
      const page = await this.call('ListEndpoints', () => this.clients.sagemaker.send(new ListEndpointsCommand({ MaxResults: 100, NextToken: token })));
      all.push(...(page?.Endpoints ?? []));
      token = page?.NextToken;
    } while (token);
    return all;
  }

  /** The quotas of a service with a value applied to this account (every page). */
  public async listServiceQuotas(serviceCode: string): Promise<ServiceQuota[]> {
    const all: ServiceQuota[] = [];
    let token: string | undefined;
    do {
      const page = await this.call('ListServiceQuotas', () => this.clients.serviceQuotas.send(
        new ListServiceQuotasCommand({ ServiceCode: serviceCode, MaxResults: 100, NextToken: token })));
      all.push(...(page?.Quotas ?? []));
      token = page?.NextToken;
    } while (token);
    return all;
  }

  /** The AWS default values of a service's quotas (every page). */
  public async listAwsDefaultServiceQuotas(serviceCode: string): Promise<ServiceQuota[]> {
    const all: ServiceQuota[] = [];
    let token: string | undefined;
    do {
      const page = await this.call('ListAWSDefaultServiceQuotas', () => this.clients.serviceQuotas.send(
        new ListAWSDefaultServiceQuotasCommand({ ServiceCode: serviceCode, MaxResults: 100, NextToken: token })));
      all.push(...(page?.Quotas ?? []));
      token = page?.NextToken;
    } while (token);
    return all;
  }

  private async call<T>(operation: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      const failure = classifyAwsError(error, {
        operation, attempts: attemptsOf(error), profile: this.connection.profile, region: this.resolvedRegion ?? this.connection.region,
      });
      throw await explainUndefinedProfile(failure, this.connection.profile);
    }
  }
}
