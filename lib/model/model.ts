import { Annotations, ArnFormat, IResource, Resource, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CfnModel } from 'aws-cdk-lib/aws-sagemaker';
import { Construct } from 'constructs';
import { described, InstancePoolsError } from '../core/errors';
import { createExecutionRole } from '../core/execution-role';
import { MODEL_NAME, registerPhysicalName } from '../core/physical-names';
import { checkBoolean, checkConstruct, checkEnumLike, checkScopeAndId, requireArray, requireObject, requireValue } from '../core/required';
import { checkSageMakerName } from '../core/validation';
import { ModelContainer } from './model-container';

/** A SageMaker model that an endpoint (or one of its instance pools) can serve. */
export interface IModel extends IResource {
  /** The model name, as referenced by `ModelName` and `ModelNameOverride`. @attribute */
  readonly modelName: string;
  /**
   * The execution role, when known. Endpoints grant it what their features need (async output bucket, SNS
   * topics, KMS keys).
   * @default - unknown (an imported model without a role): endpoints warn and grant nothing
   */
  readonly role?: iam.IRole;
  /**
   * The model package (name or ARN) the model's container runs, when known. Endpoints with a `deployment` warn
   * about it (`cdk-sagemaker-instance-pools:deploymentWithModelPackage`): deployment guardrails do not support AWS
   * Marketplace containers (https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-exclusions.html).
   * @default - none (the container runs an image), or unknown (an imported model)
   */
  readonly modelPackageName?: string;
}

/** Attributes of a model that exists outside this construct tree. */
export interface ModelAttributes {
  /** The model name (at most 63 characters). */
  readonly modelName: string;
  /**
   * The model's execution role, if you want endpoints to grant it the permissions their features need.
   * @default - no role: grant async-inference permissions yourself
   */
  readonly role?: iam.IRole;
}

/** Properties of a `Model`. */
export interface ModelProps {
  /** What the model runs: `ModelContainer.fromImage(...)` or `ModelContainer.fromModelPackage(...)`. */
  readonly container: ModelContainer;
  /**
   * A fixed model name. Not recommended: CloudFormation replaces the model when its container, role, VPC or network
   * isolation change, and cannot replace a resource with a fixed name, so such a deploy fails; the model warns
   * (`cdk-sagemaker-instance-pools:fixedModelName`).
   * @default - CloudFormation generates a unique name, which lets it replace the model safely when it changes
   */
  readonly modelName?: string;
  /**
   * The execution role SageMaker assumes to run the model.
   * @default - a role with exactly what the container needs: pull of its image repository, read of its S3
   * artifacts, writing its logs (to the log groups of the endpoints that serve it, else under `/aws/sagemaker/`),
   * and network interfaces in `vpc` when it is set; SageMaker may assume it only for this account's resources
   */
  readonly role?: iam.IRole;
  /**
   * The VPC the model containers run in.
   * @default - no VPC: containers run in the SageMaker service network
   */
  readonly vpc?: ec2.IVpc;
  /**
   * Subnets of `vpc` to use.
   * @default - the VPC's private subnets
   */
  readonly vpcSubnets?: ec2.SubnetSelection;
  /**
   * Security groups of the model containers in `vpc`.
   * @default - one security group is created when `vpc` is set
   */
  readonly securityGroups?: ec2.ISecurityGroup[];
  /**
   * Isolate the containers from the network (no outbound calls, including to S3 or the Hugging Face Hub).
   * @default false
   */
  readonly networkIsolation?: boolean;
}

/**
 * A SageMaker model (`AWS::SageMaker::Model`) with a least-privilege execution role.
 *
 * Give each instance pool the build of your model that suits its hardware (for example an INT4-quantized build
 * on a smaller GPU) and reference it in the pool; the endpoint renders it as `ModelNameOverride`.
 */
export class Model extends Resource implements IModel, ec2.IConnectable {
  /**
   * A model that already exists, by name.
   * @throws `[MissingRequiredProp]` without a name; `[InvalidName]` for a name SageMaker would not take
   */
  public static fromModelName(scope: Construct, id: string, modelName: string): IModel {
    requireValue('Model.fromModelName.modelName', modelName, 'the name of an existing model');
    checkSageMakerName('Model.fromModelName.modelName', modelName);
    return Model.fromModelAttributes(scope, id, { modelName });
  }

  /**
   * A model that already exists, with its execution role if you want endpoints to grant it permissions.
   * @throws `[MissingRequiredProp]` without `modelName`; `[InvalidName]` for a name SageMaker would not take
   */
  public static fromModelAttributes(scope: Construct, id: string, attrs: ModelAttributes): IModel {
    checkScopeAndId(scope, id);
    attrs = requireObject('Model.fromModelAttributes.attrs', attrs);
    requireValue('Model.fromModelAttributes.modelName', attrs.modelName, 'the name of an existing model');
    checkSageMakerName('Model.fromModelAttributes.modelName', attrs.modelName);
    class Imported extends Resource implements IModel {
      public readonly modelName = attrs.modelName;
      public readonly role = attrs.role;
    }
    return new Imported(scope, id);
  }

  public readonly modelName: string;
  /** The execution role (always set for a model created by this construct). */
  public readonly role?: iam.IRole;
  /** The model package the container runs, for a container made by `ModelContainer.fromModelPackage`. */
  public readonly modelPackageName?: string;
  /** The underlying `AWS::SageMaker::Model`. */
  public readonly cfnModel: CfnModel;
  /** The containers' network connections; empty unless `vpc` is set. */
  public readonly connections: ec2.Connections;
  private readonly container: ModelContainer;
  private readonly accessGrantees = new Set<iam.IPrincipal>();

  /**
   * @throws `[MissingRequiredProp]` without `container`; `[InvalidEnumValue]` for a container not made by
   * `ModelContainer`; `[InvalidName]` for a `modelName` SageMaker would not take; `[DuplicatePhysicalName]` at
   * synth time when another model of the app uses the same name in the same account and region
   */
  constructor(scope: Construct, id: string, props: ModelProps) {
    super(scope, checkScopeAndId(scope, id), { physicalName: requireObject('props', props).modelName });
    checkEnumLike('container', props.container, ['bind'], 'ModelContainer.fromImage() or ModelContainer.fromModelPackage()', false, ModelContainer);
    checkSageMakerName('modelName', props.modelName);
    checkConstruct('role', props.role, 'an IAM role (iam.IRole)', true);
    checkConstruct('vpc', props.vpc, 'a VPC (ec2.IVpc)', true);
    requireObject('vpcSubnets', props.vpcSubnets, true);
    if (props.securityGroups !== undefined && props.securityGroups !== null) {
      requireArray('securityGroups', props.securityGroups, 'security groups (ec2.ISecurityGroup)')
        .forEach((sg, i) => checkConstruct(`securityGroups[${i}]`, sg, 'a security group (ec2.ISecurityGroup)'));
    }
    checkBoolean('networkIsolation', props.networkIsolation);
    if (props.modelName !== undefined && props.modelName !== null) warnFixedName(this);

    const role = props.role ?? createExecutionRole(this, 'Role', `Execution role of SageMaker model ${this.node.path}`);
    this.role = role;

    const securityGroups = props.vpc
      ? props.securityGroups ?? [new ec2.SecurityGroup(this, 'SecurityGroup', { vpc: props.vpc, description: `SageMaker model ${this.node.path}` })]
      : [];
    this.connections = new ec2.Connections({ securityGroups });
    if (props.vpc && !props.role) {
      this.grantVpcAccess(role, props.vpc);
    }

    this.container = props.container;
    this.modelPackageName = props.container.modelPackageName;
    const container = props.container.bind(this, role);
    const subnets = props.vpc?.selectSubnets(props.vpcSubnets ?? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS });
    this.cfnModel = new CfnModel(this, 'Resource', {
      modelName: this.physicalName,
      executionRoleArn: role.roleArn,
      primaryContainer: container.containerDefinition,
      enableNetworkIsolation: props.networkIsolation,
      vpcConfig: subnets ? {
        subnets: subnets.subnetIds,
        securityGroupIds: securityGroups.map((sg) => sg.securityGroupId),
      } : undefined,
    });
    // SageMaker checks the role's permissions when the endpoint starts the container: every policy attached to
    // the role must exist before the model (and so before any endpoint config that references it).
    this.cfnModel.node.addDependency(role);
    // Instances in the VPC download the image and artifacts through the subnets' routes (a NAT gateway): on a first
    // deploy that creates the VPC too, the model, and so every endpoint that serves it, must wait for them. aws-cdk-lib's
    // Lambda Function guards the same race the same way (`this.node.addDependency(selectedSubnets.internetConnectivityEstablished)`,
    // https://github.com/aws/aws-cdk/blob/main/packages/aws-cdk-lib/aws-lambda/lib/function.ts).
    if (subnets) this.cfnModel.node.addDependency(subnets.internetConnectivityEstablished);
    this.modelName = this.getResourceNameAttribute(this.cfnModel.attrModelName);
    registerPhysicalName(this, MODEL_NAME, this.cfnModel, 'ModelName');
  }

  /**
   * Grants `grantee` exactly what the model's own execution role gets for the container: the pull of its image
   * repository (ECR images only) and the read of its S3 artifacts (with decrypt through S3 with the bucket's key), or,
   * for a model package, of the `image` and `modelData` named with it. For a second role SageMaker may use to fetch
   * them, such as the execution role of an inference-component endpoint that serves the model. Granting the same
   * principal twice adds nothing.
   * @throws `[MissingRequiredProp]` for a grantee whose principal is not an IAM role: anyone (`AnyPrincipal`), an
   * account, a service or an ARN take no identity policy, so aws-cdk-lib would write the pull and the decrypt into the
   * policies of an ECR repository and a KMS key of the app instead
   * (`Grant.addToPrincipalOrResource`, https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_iam.Grant.html)
   */
  public grantContainerAccess(grantee: iam.IGrantable): void {
    const principal = grantee?.grantPrincipal as Partial<iam.IRole> | undefined;
    if (typeof principal?.roleArn !== 'string' || typeof principal.addToPrincipalPolicy !== 'function') {
      throw new InstancePoolsError('MissingRequiredProp', 'grantContainerAccess.grantee',
        'required: an IAM role (a grantable whose principal is a role); anyone, an account, a service or an ARN principal would widen the '
        + 'repository and key policies', grantee ?? described(String(grantee)));
    }
    if (this.accessGrantees.has(principal as iam.IPrincipal)) return;
    this.accessGrantees.add(principal as iam.IPrincipal);
    // Bound in the grantee's stack: an image's registry mapping must live in the template of the policy that names it.
    const scope = Construct.isConstruct(principal) ? principal : this;
    // A container made outside the factories (only `bind` is checked) grants through `bind`.
    if (typeof this.container._grantAccess === 'function') this.container._grantAccess(scope, grantee);
    else this.container.bind(scope, grantee);
  }

  /**
   * The EC2 permissions SageMaker needs to attach the containers to the VPC
   * (https://docs.aws.amazon.com/sagemaker/latest/dg/host-vpc.html), scoped with the conditions EC2 supports for each
   * action (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html):
   * - `CreateNetworkInterface`: the new interface in this account and region (EC2 offers no VPC key for it in this
   *   action); the subnet and security group only in the model's VPC (`ec2:Vpc`), of any account (shared VPCs).
   * - `CreateNetworkInterfacePermission`: interfaces in the model's VPC (`ec2:Vpc`).
   * Left out, because they could break a documented flow:
   * - `ec2:Subnet`: rolling back an update, or retiring the old fleet after one, that changed the model's subnets
   *   manages interfaces in the old subnets with this same role.
   * - `ec2:Vpc` on `DeleteNetworkInterface` and `DeleteNetworkInterfacePermission`: SageMaker deletes the retired fleet's
   *   interfaces with this role after an update, also one that moved the model to another VPC. Deletion is limited
   *   to this account and region (`DeleteNetworkInterfacePermission` takes no resource: `*`).
   * - `ec2:AuthorizedService`: which value SageMaker passes when it creates the permission is not documented.
   * The `Describe*` actions support no resource-level permissions.
   */
  private grantVpcAccess(role: iam.IRole, vpc: ec2.IVpc): void {
    const stack = Stack.of(this);
    const ec2Arn = (resource: string, account = stack.account) =>
      stack.formatArn({ service: 'ec2', account, resource, resourceName: '*', arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
    const inVpc = { StringEquals: { 'ec2:Vpc': vpc.vpcArn } };
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['ec2:CreateNetworkInterface'], resources: [ec2Arn('network-interface')] }));
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['ec2:CreateNetworkInterface'], resources: [ec2Arn('subnet', '*'), ec2Arn('security-group', '*')], conditions: inVpc,
    }));
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['ec2:CreateNetworkInterfacePermission'], resources: [ec2Arn('network-interface')], conditions: inVpc,
    }));
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['ec2:DeleteNetworkInterface'], resources: [ec2Arn('network-interface')] }));
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: [
        'ec2:DeleteNetworkInterfacePermission', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeVpcs',
        'ec2:DescribeDhcpOptions', 'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups',
      ],
      resources: ['*'],
    }));
  }
}

/**
 * `PrimaryContainer`, `ExecutionRoleArn`, `VpcConfig` and `EnableNetworkIsolation` of `AWS::SageMaker::Model` are
 * "Update requires: Replacement" (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sagemaker-model.html),
 * and CloudFormation cannot replace a resource with a custom name
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-name.html).
 */
function warnFixedName(scope: Construct): void {
  Annotations.of(scope).addWarningV2('cdk-sagemaker-instance-pools:fixedModelName',
    'modelName: CloudFormation replaces AWS::SageMaker::Model when its container (image, artifacts, environment), execution role, VPC or '
    + 'network isolation change, and cannot replace a resource with a fixed name: the first deploy that changes any of them fails '
    + '("cannot update a stack when a custom-named resource requires replacing"). Leave modelName unset: CloudFormation then names each '
    + 'version uniquely, and the endpoint moves to the new model in place. Endpoints and components reference the model for you; '
    + 'read its name from model.modelName.');
}
