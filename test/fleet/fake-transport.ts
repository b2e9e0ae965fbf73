/**
 * An in-process stand-in for the network: a request handler the SDK clients send their signed requests to,
 * answering like SageMaker and Application Auto Scaling (AWS JSON 1.1). Unlike aws-sdk-client-mock, which
 * replaces `send`, it keeps the whole SDK middleware stack in play: serialization, signing, the retry strategy
 * and error deserialization.
 */
import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import { ClientFactory, clientConfig, FleetClients } from '../../bin/fleet/aws';

/** One request as the service received it. */
export interface ReceivedCall {
  /** `X-Amz-Target`, e.g. `SageMaker.DescribeEndpoint`. */
  readonly target: string;
  readonly body: Record<string, unknown>;
  /** `Date.now()` when it arrived (fake timers make this the virtual clock). */
  readonly at: number;
}

/** HTTP status and JSON payload for a request; an error is `[400, { __type: 'ThrottlingException', message }]`. */
export type Answer = (target: string, body: Record<string, unknown>) => [number, unknown];

/** AWS JSON 1.1 sends timestamps as epoch seconds. */
export function awsJson(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(awsJson);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, awsJson(v)]));
  return value;
}

export class FakeTransport {
  public readonly calls: ReceivedCall[] = [];

  constructor(private readonly answer: Answer) {}

  /** Targets received, in order. */
  public get targets(): string[] {
    return this.calls.map((c) => c.target);
  }

  /** The SDK's HttpHandler contract. */
  public async handle(request: { headers: Record<string, string>; body?: unknown }): Promise<{ response: unknown }> {
    const header = Object.entries(request.headers).find(([k]) => k.toLowerCase() === 'x-amz-target');
    const target = header?.[1] ?? '';
    const raw = typeof request.body === 'string' ? request.body : request.body ? new TextDecoder().decode(request.body as Uint8Array) : '';
    const body = JSON.parse(raw || '{}') as Record<string, unknown>;
    this.calls.push({ target, body, at: Date.now() });
    const [statusCode, payload] = this.answer(target, body);
    return {
      response: {
        statusCode,
        reason: statusCode === 200 ? 'OK' : 'Error',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': `req-${this.calls.length}` },
        body: Buffer.from(JSON.stringify(awsJson(payload))),
      },
    };
  }

  public updateHttpClientConfig(): void {}

  public httpHandlerConfigs(): Record<string, never> {
    return {};
  }
}

/** An AWS error answer. */
export function awsFault(type: string, message: string, status = 400): [number, unknown] {
  return [status, { __type: type, message }];
}

/**
 * A client factory with the production configuration (retry strategy included) and fake keys, whose requests
 * go to `transport`.
 */
export function transportClients(transport: FakeTransport): ClientFactory {
  return (options): FleetClients => {
    const config = {
      ...clientConfig({ ...options, region: options.region ?? 'us-east-1' }),
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'fake' },
      requestHandler: transport,
    };
    return { sagemaker: new SageMakerClient(config), autoscaling: new ApplicationAutoScalingClient(config), serviceQuotas: new ServiceQuotasClient(config) };
  };
}
