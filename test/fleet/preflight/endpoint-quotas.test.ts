import 'aws-sdk-client-mock-jest';
import { ListAWSDefaultServiceQuotasCommand, ListServiceQuotasCommand } from '@aws-sdk/client-service-quotas';
import { quotas } from './account';
import { endpointQuotas } from '../../../bin/fleet/preflight/endpoint-quotas';
import { sdkMocks, testApi } from '../fixtures';

const mocks = sdkMocks();
beforeEach(() => mocks.serviceQuotas.reset());

describe('endpointQuotas', () => {
  test('applied values first; AWS defaults only for the types without one; other quotas ignored', async () => {
    mocks.serviceQuotas.on(ListServiceQuotasCommand).resolves({ Quotas: quotas({ 'ml.p5.48xlarge': 4, 'ml.g6.24xlarge': 0 }) });
    mocks.serviceQuotas.on(ListAWSDefaultServiceQuotasCommand).resolves({ Quotas: quotas({ 'ml.p5.48xlarge': 0, 'ml.g6.48xlarge': 2 }) });
    const found = await endpointQuotas(testApi(), ['ml.p5.48xlarge', 'ml.g6.24xlarge', 'ml.g6.48xlarge', 'ml.g7.48xlarge']);
    expect([...found.values()]).toEqual([
      { instanceType: 'ml.p5.48xlarge', value: 4, source: 'applied', quotaName: 'ml.p5.48xlarge for endpoint usage', quotaCode: 'L-1000', adjustable: true },
      { instanceType: 'ml.g6.24xlarge', value: 0, source: 'applied', quotaName: 'ml.g6.24xlarge for endpoint usage', quotaCode: 'L-1001', adjustable: true },
      { instanceType: 'ml.g6.48xlarge', value: 2, source: 'default', quotaName: 'ml.g6.48xlarge for endpoint usage', quotaCode: 'L-1001', adjustable: true },
    ]);
    // No endpoint-usage quota for ml.g7.48xlarge in either list: absent, for the check to report.
    expect(found.has('ml.g7.48xlarge')).toBe(false);
    expect(mocks.serviceQuotas).toHaveReceivedCommandWith(ListServiceQuotasCommand, { ServiceCode: 'sagemaker' });
    expect(mocks.serviceQuotas).toHaveReceivedCommandWith(ListAWSDefaultServiceQuotasCommand, { ServiceCode: 'sagemaker' });
  });

  test('every type has an applied value: the defaults are not asked for', async () => {
    mocks.serviceQuotas.on(ListServiceQuotasCommand).resolves({ Quotas: quotas({ 'ml.p5.48xlarge': 4 }) });
    await endpointQuotas(testApi(), ['ml.p5.48xlarge']);
    expect(mocks.serviceQuotas).not.toHaveReceivedCommand(ListAWSDefaultServiceQuotasCommand);
  });

  test('no types: no call at all', async () => {
    await expect(endpointQuotas(testApi(), [])).resolves.toEqual(new Map());
    expect(mocks.serviceQuotas.calls()).toHaveLength(0);
  });

  test('the training quota of the same type, or one without a value, is not the endpoint quota', async () => {
    mocks.serviceQuotas.on(ListServiceQuotasCommand).resolves({
      Quotas: [{ QuotaName: 'ml.p5.48xlarge for training job usage', Value: 64 }, { QuotaName: 'ml.p5.48xlarge for endpoint usage' }],
    });
    mocks.serviceQuotas.on(ListAWSDefaultServiceQuotasCommand).resolves({ Quotas: [] });
    await expect(endpointQuotas(testApi(), ['ml.p5.48xlarge'])).resolves.toEqual(new Map());
  });
});
