import { Annotations, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { runAtSynthesis } from '../core/synthesis-hook';

/** Warning id of alarms created without an alarm action. */
const WARNING_ID = 'cdk-sagemaker-instance-pools:alarmsWithoutActions';

/** Per stack: the alarm groups without actions, each with the endpoint it watches. */
const silentByStack = new WeakMap<Stack, SilentAlarms[]>();

interface SilentAlarms {
  readonly alarms: IConstruct;
  readonly endpoint: IConstruct;
}

/**
 * Notes that `alarms` (of `endpoint`) notify no one. One warning per stack names every endpoint concerned, at
 * synthesis: an annotation captures a stack trace, and one per endpoint was a measurable share of the synth time of
 * a large app. The warning sits on the stack; acknowledging it on the stack (or above) silences it for the stack,
 * acknowledging it on one endpoint's alarms (or the endpoint) leaves that endpoint out.
 */
export function warnAlarmsWithoutActions(alarms: IConstruct, endpoint: IConstruct): void {
  const stack = Stack.of(alarms);
  let silent = silentByStack.get(stack);
  if (!silent) {
    silent = [];
    silentByStack.set(stack, silent);
    const all = silent;
    runAtSynthesis(alarms, () => warnOnce(stack, all));
  }
  silent.push({ alarms, endpoint });
}

function warnOnce(stack: Stack, silent: SilentAlarms[]): void {
  const endpoints = [...new Set(silent.filter((s) => !acknowledged(s.alarms)).map((s) => s.endpoint.node.path))];
  if (endpoints.length === 0) return;
  Annotations.of(stack).addWarningV2(WARNING_ID,
    `alarmActions: none given to the alarms of ${endpoints.length === 1 ? 'endpoint' : `${endpoints.length} endpoints:`} ${endpoints.join(', ')}; `
    + 'an alarm without actions notifies no one (deployment guardrails still act on the rollback alarms). '
    + 'Pass alarmActions, e.g. [new SnsAction(topic)].');
}

/**
 * Whether the warning was acknowledged on `scope` or one of its parents (`Annotations.of(scope).acknowledgeWarning`).
 * aws-cdk-lib offers no public query; this reads the acknowledgements it keeps on the app under a registered symbol,
 * the way its own `addWarningV2` checks them, and counts a warning as not acknowledged if that record ever changes shape.
 */
function acknowledged(scope: IConstruct): boolean {
  const acks = (scope.node.root as any)[Symbol.for('@aws-cdk/core.Acknowledgements')];
  try {
    return typeof acks?.has === 'function' && acks.has(scope, WARNING_ID) === true;
  } catch {
    return false;
  }
}
