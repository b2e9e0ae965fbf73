import { scenarioSnapshot } from './migrate-scenario';
import { updateAccepted, updateDidNotFinish, updateRefused, updateUncertain } from '../../../bin/fleet/migrate/guidance';
import { MigrationPlan } from '../../../bin/fleet/migrate/plan-text';
import { buildUpdateRequest } from '../../../bin/fleet/migrate/update-request';
import { report } from '../reports';

const PLAN: MigrationPlan = {
  change: 'pools', endpointName: 'llm-endpoint', region: 'us-east-1', fromConfig: 'old', toConfig: 'new', toConfigIsNew: true,
  before: { VariantName: 'AllTraffic' }, after: { VariantName: 'AllTraffic' }, copied: [], tagCount: 0, otherVariants: [],
  reservedTags: [], notes: [], scaling: scenarioSnapshot().scaling, update: buildUpdateRequest(scenarioSnapshot(), 'new', undefined),
};

describe('updateRefused', () => {
  test('the endpoint is unchanged; the unused config and the documented autoscaling way round', () => {
    const text = updateRefused(PLAN);
    expect(text).toContain('UpdateEndpoint was refused: endpoint llm-endpoint is unchanged and runs on old.');
    expect(text).toContain('aws sagemaker delete-endpoint-config --endpoint-config-name new --region us-east-1');
    expect(text).toContain('save each scalable target and its policies (deregistering deletes the policies)');
    expect(text).toContain('aws application-autoscaling describe-scaling-policies --service-namespace sagemaker --resource-id endpoint/llm-endpoint/variant/AllTraffic');
    expect(text).toContain('aws application-autoscaling deregister-scalable-target --service-namespace sagemaker --resource-id endpoint/llm-endpoint/variant/AllTraffic --scalable-dimension sagemaker:variant:DesiredInstanceCount');
    expect(text).toContain('this tool does not do it for you');
  });

  test('no autoscaling steps without a scalable target, no config to delete for a revert', () => {
    const text = updateRefused({ ...PLAN, scaling: [], toConfigIsNew: false });
    expect(text).not.toContain('application-autoscaling');
    expect(text).not.toContain('delete-endpoint-config');
  });
});

describe('updateDidNotFinish', () => {
  test('rolled back by SageMaker: serving as before', () => {
    const text = updateDidNotFinish(PLAN, report({}, { status: 'InService', endpointConfigName: 'old' }));
    expect(text).toContain('The update to new did not finish: endpoint llm-endpoint is InService on endpoint config old.');
    expect(text).toContain('SageMaker rolled the update back');
    expect(text).not.toContain('--revert');
  });

  test('an update that failed to roll back: the command that goes back', () => {
    const text = updateDidNotFinish(PLAN, report({}, { status: 'UpdateRollbackFailed', endpointConfigName: 'new' }));
    expect(text).toContain('endpoint llm-endpoint is UpdateRollbackFailed on endpoint config new.');
    expect(text).toContain('  sagemaker-fleet migrate llm-endpoint --revert old --region us-east-1');
    expect(updateDidNotFinish(PLAN, null)).toContain('in an unknown state');
  });

  test('Failed: only deletion is possible, so the way back is to recreate the endpoint from the old config', () => {
    const text = updateDidNotFinish(PLAN, report({}, { status: 'Failed', endpointConfigName: 'new' }));
    expect(text).toContain('AWS allows only DeleteEndpoint on a Failed endpoint');
    expect(text).toContain('  aws sagemaker create-endpoint --endpoint-name llm-endpoint --endpoint-config-name old --region us-east-1');
    expect(text).not.toContain('--revert');
  });
});

test('updateAccepted and updateUncertain say how to follow and how to go back', () => {
  expect(updateAccepted(PLAN)).toBe([
    'UpdateEndpoint accepted: endpoint llm-endpoint is updating to new.',
    'Follow it:   sagemaker-fleet status llm-endpoint --watch',
    'Going back:  sagemaker-fleet migrate llm-endpoint --revert old --region us-east-1',
    '',
  ].join('\n'));
  expect(updateUncertain(PLAN)).toContain('sagemaker-fleet status llm-endpoint --region us-east-1');
});
