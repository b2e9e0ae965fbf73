import type { CreateEndpointConfigInput, DescribeEndpointConfigOutput, UpdateEndpointInput } from '@aws-sdk/client-sagemaker';
import { AwsApi } from '../aws';
import { FleetError } from '../errors';

/**
 * The two writes, each safe to have been retried. The SDK retries a write whose response was lost (a dropped
 * connection, a timeout, a 5xx): the first attempt may have succeeded, and the retry then fails although the
 * work is done. Both functions recognise their own earlier success instead of reporting that failure.
 */

/** How the endpoint config came to exist. */
export type CreateOutcome = 'created' | 'found-own';

/**
 * CreateEndpointConfig. When SageMaker answers that the name already exists, reads that config: if it carries
 * exactly what was sent (our own first attempt, its answer lost), that is success; anything else is an error.
 */
export async function createEndpointConfigOnce(api: AwsApi, request: CreateEndpointConfigInput): Promise<CreateOutcome> {
  try {
    await api.createEndpointConfig(request);
    return 'created';
  } catch (error) {
    if (!(error instanceof FleetError) || !/already exist/i.test(awsMessage(error))) throw error;
    const existing = await api.describeEndpointConfig(request.EndpointConfigName!);
    if (carries(existing, request)) return 'found-own';
    throw new FleetError('unexpected', `an endpoint config named ${request.EndpointConfigName} already exists with other content, `
      + 'so it was not used and nothing was changed: run migrate again (it picks a new name).', error);
  }
}

/**
 * UpdateEndpoint. When it fails, reads the endpoint: if it is already updating to (or running on) the requested
 * config, an earlier attempt went through and the update is under way; otherwise the failure stands.
 */
export async function updateEndpointOnce(api: AwsApi, request: UpdateEndpointInput): Promise<void> {
  try {
    await api.updateEndpoint(request);
  } catch (error) {
    const endpoint = await api.describeEndpoint(request.EndpointName!).catch(() => undefined);
    const target = request.EndpointConfigName;
    if (endpoint && (endpoint.PendingDeploymentSummary?.EndpointConfigName === target || endpoint.EndpointConfigName === target)) return;
    throw error;
  }
}

/** The message AWS gave, from the SDK error a FleetError wraps. */
export function awsMessage(error: FleetError): string {
  const original = error.original as { message?: unknown } | undefined;
  return typeof original?.message === 'string' ? original.message : error.message;
}

/**
 * True when `existing` holds every field `sent` set, with the same values. SageMaker may fill in defaults it
 * returns on describe, so extra fields are fine; Tags are not returned by DescribeEndpointConfig and not compared.
 */
function carries(existing: DescribeEndpointConfigOutput, sent: CreateEndpointConfigInput): boolean {
  const { Tags: _notDescribed, ...compared } = sent;
  return contains(existing, compared);
}

function contains(actual: unknown, expected: unknown): boolean {
  if (expected === undefined) return true;
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((item, i) => contains(actual[i], item));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return false;
    return Object.entries(expected).every(([k, v]) => contains((actual as Record<string, unknown>)[k], v));
  }
  return actual === expected;
}
