/**
 * An endpoint this CDK app already manages, in the same stack, that a `CapacityAwareEndpoint` takes over:
 * built with the L1 `CfnEndpoint`, with `@aws-cdk/aws-sagemaker-alpha`'s `Endpoint`, or by hand in a template.
 *
 * CloudFormation tells resources apart by logical ID. Keeping the endpoint's and its scalable target's logical
 * IDs makes the first deploy an update in place: a new endpoint config is created and the endpoint moves to it
 * (blue/green by default, or as `deployment` says); the endpoint keeps its name, its ARN and its traffic, and
 * the scalable target keeps its registration. Read the logical IDs from the template the app deploys today
 * (`cdk.out/STACK.template.json`, or `aws cloudformation get-template`).
 *
 * An endpoint created by an earlier version of this library needs none of this: its construct IDs, and so its
 * logical IDs, never change.
 */
export interface ExistingEndpoint {
  /**
   * The logical ID of the `AWS::SageMaker::Endpoint` in this stack's deployed template, e.g. `Endpoint` for an L1
   * `new CfnEndpoint(stack, 'Endpoint', ...)`. Letters and digits, at most 255 characters, known at synth time (not a
   * token: a logical ID is a key of the template). Remove the endpoint being taken
   * over from the app: a logical ID another resource of the stack still holds fails synthesis (`InvalidLogicalId`).
   */
  readonly endpointLogicalId: string;
  /**
   * The logical ID of the endpoint's `AWS::ApplicationAutoScaling::ScalableTarget`, when it is autoscaled. Call
   * `autoScale()` on the new endpoint: its scalable target takes this logical ID, so the registration survives
   * (CloudFormation replaces a scalable target whose logical ID or `ResourceId` changes, and a replacement
   * deregisters the live target).
   * @default - the endpoint is not autoscaled today
   */
  readonly scalableTargetLogicalId?: string;
  /**
   * The scalable target's `ResourceId` exactly as the deployed template writes it, when it writes it as a plain
   * string (`endpoint/NAME/variant/VARIANT`). CloudFormation compares the template's text, not the value it
   * resolves to: a `ResourceId` written as a plain string today and as `Fn::Join` with the endpoint's
   * `Fn::GetAtt` tomorrow replaces the target, even though both name the same variant. Must name this
   * endpoint's `endpointName` and `variantName`.
   * @default - the library's form: `Fn::Join` of `endpoint/`, the endpoint's `EndpointName` attribute, and
   * `/variant/VARIANT` (what the L1 written with `attrEndpointName` and the alpha `Endpoint` render)
   */
  readonly scalableTargetResourceId?: string;
}
