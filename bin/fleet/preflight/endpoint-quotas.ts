import type { ServiceQuota } from '@aws-sdk/client-service-quotas';
import { AwsApi } from '../aws';

/** Service Quotas' service code for SageMaker AI. */
export const SAGEMAKER_SERVICE_CODE = 'sagemaker';

/** The per-instance-type quota on instances across all endpoints of an account and region. */
const ENDPOINT_USAGE = /^(ml\.[a-z0-9][a-z0-9.-]*) for endpoint usage$/i;

export interface EndpointQuota {
  readonly instanceType: string;
  readonly value: number;
  /** applied: the value for this account · default: the AWS default (no value applied to the account). */
  readonly source: 'applied' | 'default';
  readonly quotaName: string;
  readonly quotaCode: string | null;
  readonly adjustable: boolean | null;
}

/**
 * The "ml.TYPE for endpoint usage" quota of each instance type: the value applied to this account
 * (ListServiceQuotas), else the AWS default (ListAWSDefaultServiceQuotas, asked only when some type has no
 * applied value). A type missing from both has no such quota in this region.
 */
export async function endpointQuotas(api: AwsApi, instanceTypes: readonly string[]): Promise<Map<string, EndpointQuota>> {
  const wanted = new Set(instanceTypes);
  const found = new Map<string, EndpointQuota>();
  if (wanted.size === 0) return found;
  collect(await api.listServiceQuotas(SAGEMAKER_SERVICE_CODE), 'applied', wanted, found);
  if ([...wanted].some((t) => !found.has(t))) {
    collect(await api.listAwsDefaultServiceQuotas(SAGEMAKER_SERVICE_CODE), 'default', wanted, found);
  }
  return found;
}

function collect(quotas: readonly ServiceQuota[], source: EndpointQuota['source'], wanted: ReadonlySet<string>, found: Map<string, EndpointQuota>): void {
  for (const q of quotas) {
    const type = ENDPOINT_USAGE.exec(q.QuotaName?.trim() ?? '')?.[1]?.toLowerCase();
    if (!type || !wanted.has(type) || found.has(type) || typeof q.Value !== 'number') continue;
    found.set(type, {
      instanceType: type,
      value: q.Value,
      source,
      quotaName: q.QuotaName!.trim(),
      quotaCode: q.QuotaCode ?? null,
      adjustable: q.Adjustable ?? null,
    });
  }
}
