import { Annotations, CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { runAtSynthesis } from './synthesis-hook';

/**
 * CloudFormation's quota of 500 resources per stack
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html).
 */
export const MAX_RESOURCES = 500;
/** Warn at 80 % of the quota, while there is still room to split the stack. */
const WARN_FRACTION = 0.8;

const watched = new WeakSet<Stack>();

/**
 * Warns (an annotation with a stable id) before a stack that holds this library's constructs passes CloudFormation's
 * 500-resource quota. Registered once per stack; runs once at synthesis.
 *
 * The template's size (1 MB through S3) is not measured here: measuring it before synthesis renders every resource
 * a second time, while aws-cdk-lib (2.276.0, this library's floor, and later) measures the template it writes and warns
 * `@aws-cdk/core:Stack.templateSize` from 80 % of 1,000,000 bytes, indentation included, earlier than this check did.
 */
export function watchStackLimits(scope: IConstruct): void {
  const stack = Stack.of(scope);
  if (watched.has(stack)) return;
  watched.add(stack);
  runAtSynthesis(scope, () => warnOnResourceCount(stack));
}

function warnOnResourceCount(stack: Stack): void {
  const resources = stack.node.findAll().filter((c) => CfnResource.isCfnResource(c) && Stack.of(c) === stack).length;
  if (resources >= MAX_RESOURCES * WARN_FRACTION) {
    Annotations.of(stack).addWarningV2('cdk-sagemaker-instance-pools:stackResourceLimit',
      `this stack holds ${resources} resources; CloudFormation allows ${MAX_RESOURCES} per stack. Move some endpoints to another stack.`);
  }
}
