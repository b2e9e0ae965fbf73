import type { Tag } from '@aws-sdk/client-sagemaker';

/**
 * The CloudFormation stack that manages a resource, from the tags CloudFormation puts on what it creates:
 * `aws:cloudformation:stack-name` and `aws:cloudformation:logical-id` ("CloudFormation resource tagging",
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-resource-tags.html). Tags
 * with the `aws:` prefix cannot be changed or deleted by users, so they also stay on a resource its stack has let go of.
 */
export interface CloudFormationStack {
  readonly stackName: string;
  /** The resource's logical ID in the stack's template; `null` when the tag is missing. */
  readonly logicalId: string | null;
}

export const STACK_NAME_TAG = 'aws:cloudformation:stack-name';
const LOGICAL_ID_TAG = 'aws:cloudformation:logical-id';

/** The stack named by `tags`, or undefined when CloudFormation did not create the resource. */
export function cloudFormationStack(tags: readonly Tag[]): CloudFormationStack | undefined {
  const value = (key: string) => tags.find((t) => t.Key === key)?.Value || null;
  const stackName = value(STACK_NAME_TAG);
  return stackName ? { stackName, logicalId: value(LOGICAL_ID_TAG) } : undefined;
}

/** "stack LlmStack (logical ID LlmEndpoint1234)", for messages. */
export function describeStack(stack: CloudFormationStack): string {
  return `CloudFormation stack ${stack.stackName}${stack.logicalId ? ` (logical ID ${stack.logicalId})` : ''}`;
}

/** The takeover the library offers for an endpoint a stack manages, as the messages of migrate and export name it. */
export function takeoverAdvice(stack: CloudFormationStack): string {
  const id = stack.logicalId ? `'${stack.logicalId}'` : "'<the endpoint's logical ID in that stack>'";
  return `move it onto instance pools in that stack's app instead: replace its code with a CapacityAwareEndpoint with existingEndpoint: `
    + `{ endpointLogicalId: ${id} } (README: "Migrating an existing endpoint" → "In a CDK app")`;
}
