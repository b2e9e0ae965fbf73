/**
 * A made-up account for the preflight tests: its endpoint-usage quotas (applied and AWS defaults) and its running
 * endpoints, wired into the SDK mocks. Every name and number here is made up.
 */
import { DescribeEndpointCommand, DescribeEndpointConfigCommand, DescribeEndpointOutput, ListEndpointsCommand } from '@aws-sdk/client-sagemaker';
import { ListAWSDefaultServiceQuotasCommand, ListServiceQuotasCommand, ServiceQuota } from '@aws-sdk/client-service-quotas';
import { SdkMocks } from '../fixtures';

/** Applied values: p5 is short, g6.24xlarge is 0; g6.12xlarge and the g5 types have AWS defaults only. */
export const APPLIED: Readonly<Record<string, number>> = { 'ml.p5.48xlarge': 4, 'ml.g6.48xlarge': 20, 'ml.g6.24xlarge': 0 };
export const DEFAULTS: Readonly<Record<string, number>> = {
  'ml.p5.48xlarge': 0, 'ml.g6.48xlarge': 2, 'ml.g6.24xlarge': 0, 'ml.g6.12xlarge': 2, 'ml.g5.48xlarge': 0, 'ml.g5.24xlarge': 2, 'ml.g5.12xlarge': 4,
};

export function quotas(values: Readonly<Record<string, number>>): ServiceQuota[] {
  return [
    { ServiceCode: 'sagemaker', QuotaName: 'Number of instances across all endpoints', QuotaCode: 'L-0000', Value: 40 },
    ...Object.entries(values).map(([type, value], i) => ({
      ServiceCode: 'sagemaker', QuotaName: `${type} for endpoint usage`, QuotaCode: `L-${String(1000 + i)}`, Value: value, Adjustable: true,
    })),
    { ServiceCode: 'sagemaker', QuotaName: 'ml.p5.48xlarge for training job usage', QuotaCode: 'L-9999', Value: 64 },
  ];
}

/** An endpoint on pools: `other-llm` runs 5 × g6.48xlarge. */
export function pooledEndpoint(name: string, counts: Readonly<Record<string, number>>): DescribeEndpointOutput {
  return {
    EndpointName: name, EndpointArn: `arn:aws:sagemaker:us-east-1:111122223333:endpoint/${name}`, EndpointConfigName: `${name}-config`,
    EndpointStatus: 'InService', CreationTime: new Date('2026-11-01T00:00:00Z'), LastModifiedTime: new Date('2026-11-01T00:00:00Z'),
    ProductionVariants: [{
      VariantName: 'AllTraffic',
      CurrentInstanceCount: Object.values(counts).reduce((a, b) => a + b, 0),
      InstancePools: Object.entries(counts).map(([InstanceType, CurrentInstanceCount]) => ({ InstanceType: InstanceType as never, CurrentInstanceCount })),
    }],
  };
}

/** An endpoint on one instance type: DescribeEndpoint does not name it; its endpoint config does. */
export function singleTypeEndpoint(name: string, type: string, count: number, mocks: SdkMocks): DescribeEndpointOutput {
  mocks.sagemaker.on(DescribeEndpointConfigCommand, { EndpointConfigName: `${name}-config` }).resolves({
    EndpointConfigName: `${name}-config`, EndpointConfigArn: 'arn', CreationTime: new Date(),
    ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'm', InstanceType: type as never, InitialInstanceCount: 1 }],
  });
  return {
    EndpointName: name, EndpointArn: 'arn', EndpointConfigName: `${name}-config`, EndpointStatus: 'InService',
    CreationTime: new Date(), LastModifiedTime: new Date(),
    ProductionVariants: [{ VariantName: 'AllTraffic', CurrentInstanceCount: count, DesiredInstanceCount: count }],
  };
}

/** Wires quotas and running endpoints into the mocks. */
export function mockAccount(mocks: SdkMocks, endpoints: readonly DescribeEndpointOutput[],
  applied: Readonly<Record<string, number>> = APPLIED, defaults: Readonly<Record<string, number>> = DEFAULTS): void {
  mocks.serviceQuotas.on(ListServiceQuotasCommand, { ServiceCode: 'sagemaker' }).resolves({ Quotas: quotas(applied) });
  mocks.serviceQuotas.on(ListAWSDefaultServiceQuotasCommand, { ServiceCode: 'sagemaker' }).resolves({ Quotas: quotas(defaults) });
  mocks.sagemaker.on(ListEndpointsCommand).resolves({
    Endpoints: endpoints.map((e) => ({ EndpointName: e.EndpointName!, EndpointArn: e.EndpointArn!, CreationTime: e.CreationTime!, LastModifiedTime: e.LastModifiedTime!, EndpointStatus: e.EndpointStatus! })),
  });
  for (const e of endpoints) mocks.sagemaker.on(DescribeEndpointCommand, { EndpointName: e.EndpointName }).resolves(e);
}
