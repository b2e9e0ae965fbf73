import { Annotations, Aspects, CfnResource, IAspect, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** CloudFormation quotas per stack: 500 resources, 1 MB template (uploaded through S3). */
export const MAX_RESOURCES = 500;
export const MAX_TEMPLATE_BYTES = 1024 * 1024;
/** Warn at 80 % of a quota, while there is still room to split the stack. */
const WARN_FRACTION = 0.8;
/**
 * Below this many resources, a stack cannot plausibly reach 80 % of 1 MB (it would need more than 8 KB per
 * resource), so the template is not measured: measuring renders every resource once more.
 */
const MEASURE_BYTES_FROM = 100;

const watched = new WeakSet<Stack>();

/**
 * Warns (annotations with stable ids) before a stack that holds this library's constructs passes
 * CloudFormation's 500-resource or 1 MB template quota. Registered once per stack; runs once at synthesis.
 */
export function watchStackLimits(scope: IConstruct): void {
  const stack = Stack.of(scope);
  if (watched.has(stack)) return;
  watched.add(stack);
  Aspects.of(stack).add(new StackLimitsAspect(stack));
}

class StackLimitsAspect implements IAspect {
  constructor(private readonly stack: Stack) {}

  public visit(node: IConstruct): void {
    if (node !== this.stack) return;
    const resources = this.stack.node.findAll().filter((c): c is CfnResource => CfnResource.isCfnResource(c) && Stack.of(c) === this.stack);
    if (resources.length >= MAX_RESOURCES * WARN_FRACTION) {
      Annotations.of(this.stack).addWarningV2('cdk-sagemaker-instance-pools:stackResourceLimit',
        `this stack holds ${resources.length} resources; CloudFormation allows ${MAX_RESOURCES} per stack. Move some endpoints to another stack.`);
    }
    if (resources.length < MEASURE_BYTES_FROM) return;
    const bytes = resources.reduce((sum, r) => sum + JSON.stringify(this.stack.resolve((r as any)._toCloudFormation())).length, 0);
    if (bytes >= MAX_TEMPLATE_BYTES * WARN_FRACTION) {
      Annotations.of(this.stack).addWarningV2('cdk-sagemaker-instance-pools:stackTemplateSize',
        `this stack's template is about ${Math.round(bytes / 1024)} KB; CloudFormation allows 1 MB. Move some endpoints or dashboards to another stack.`);
    }
  }
}
