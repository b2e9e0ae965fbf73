/**
 * What to do next when a migration does not end well, as plain text for the operator. Pure.
 */
import { AUTOSCALING_UPDATE_DOC, MigrationPlan, revertCommand } from './plan-text';
import { FleetStatus } from '../model';
import { VARIANT_DIMENSION } from '../snapshot/endpoint-snapshot';

/** UpdateEndpoint was refused: the endpoint is unchanged. Says what was left behind, and the autoscaling way round. */
export function updateRefused(plan: MigrationPlan): string {
  const lines = [
    '',
    `UpdateEndpoint was refused: endpoint ${plan.endpointName} is unchanged and runs on ${plan.fromConfig}.`,
  ];
  if (plan.toConfigIsNew) {
    lines.push(
      `The new endpoint config ${plan.toConfig} exists but serves nothing; delete it with`,
      `  aws sagemaker delete-endpoint-config --endpoint-config-name ${plan.toConfig} --region ${plan.region}`,
    );
  }
  if (plan.scaling.length > 0) {
    lines.push(
      '',
      'If SageMaker refused because a variant is an autoscaling target, AWS documents this way',
      `(${AUTOSCALING_UPDATE_DOC}); this tool does not do it for you:`,
      '  1. save each scalable target and its policies (deregistering deletes the policies):',
      ...plan.scaling.flatMap((s) => [
        `       aws application-autoscaling describe-scalable-targets --service-namespace sagemaker --resource-ids ${s.resourceId}`,
        `       aws application-autoscaling describe-scaling-policies --service-namespace sagemaker --resource-id ${s.resourceId}`,
      ]),
      '  2. deregister it; autoscaling is off from here until step 4, so size the variant for the load first:',
      ...plan.scaling.map((s) => `       aws application-autoscaling deregister-scalable-target --service-namespace sagemaker `
        + `--resource-id ${s.resourceId} --scalable-dimension ${VARIANT_DIMENSION}`),
      `  3. run this migrate command again and wait for InService`,
      `  4. register the target again with the same min and max capacity and put the saved policies back`,
      '     (aws application-autoscaling register-scalable-target / put-scaling-policy)',
    );
  }
  return `${lines.join('\n')}\n`;
}

/** UpdateEndpoint failed in a way that does not say whether it was taken (network, throttling, AWS-side fault). */
export function updateUncertain(plan: MigrationPlan): string {
  return [
    '',
    `UpdateEndpoint did not answer clearly: the endpoint may or may not be updating to ${plan.toConfig}. Check with`,
    `  sagemaker-fleet status ${plan.endpointName} --region ${plan.region}`,
    `and, if it is not updating, run this migrate command again. Going back: ${revertCommand(plan)}`,
    '',
  ].join('\n');
}

/** The followed update did not end on the new config. Says where the endpoint is and how to go back. */
export function updateDidNotFinish(plan: MigrationPlan, last: FleetStatus | null): string {
  const state = last ? `${last.endpoint.status} on endpoint config ${last.endpoint.endpointConfigName ?? '?'}` : 'in an unknown state';
  const lines = ['', `The update to ${plan.toConfig} did not finish: endpoint ${plan.endpointName} is ${state}.`];
  if (last && last.endpoint.status === 'InService' && last.endpoint.endpointConfigName === plan.fromConfig) {
    lines.push('SageMaker rolled the update back: the endpoint serves as it did before the migration.');
    if (plan.toConfigIsNew) lines.push(`The endpoint config ${plan.toConfig} serves nothing and can be deleted.`);
  } else if (last?.endpoint.status === 'Failed') {
    lines.push(
      'AWS allows only DeleteEndpoint on a Failed endpoint, so no update can bring it back. To serve again from the config',
      `it ran on before, recreate it (the endpoint is down in between):`,
      `  aws sagemaker delete-endpoint --endpoint-name ${plan.endpointName} --region ${plan.region}`,
      `  aws sagemaker create-endpoint --endpoint-name ${plan.endpointName} --endpoint-config-name ${plan.fromConfig} --region ${plan.region}`,
    );
  } else {
    lines.push('To put the endpoint back on the config it ran on before:', `  ${revertCommand(plan)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** After `--no-watch`: how to follow the update and how to go back. */
export function updateAccepted(plan: MigrationPlan): string {
  return [
    `UpdateEndpoint accepted: endpoint ${plan.endpointName} is updating to ${plan.toConfig}.`,
    `Follow it:   sagemaker-fleet status ${plan.endpointName} --watch`,
    `Going back:  ${revertCommand(plan)}`,
    '',
  ].join('\n');
}
