import { Stack, Token, TokenComparison } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { InstancePoolsError } from '../core/errors';
import type { IModel } from './model';

/**
 * Whether `value` is a model: a construct with a model name (`Model`, `Model.fromModelName(...)`, or another `IModel`).
 * A look-alike `{ modelName: 'x' }` from JavaScript is not: the endpoint reads a model's construct path and role.
 */
export function isModel(value: unknown): value is IModel {
  return Construct.isConstruct(value) === true && typeof (value as Partial<IModel>).modelName === 'string';
}

/**
 * Each model must be in `scope`'s account and region: SageMaker finds an endpoint config's models by name in the
 * config's own account and region (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProductionVariant.html,
 * `ModelName`: "The name of the model that you want to host", created with CreateModel there). A model with a fixed
 * name in another region would synthesize and fail the deployment; aws-cdk-lib only catches generated names.
 * Accounts and regions that are tokens (environment-agnostic stacks) cannot be compared and pass. Throws
 * `[CrossEnvironmentModel]`.
 */
export function checkModelEnvironments(prop: string, models: IModel[], scope: IConstruct): void {
  const here = Stack.of(scope);
  for (const model of models) {
    const there = Stack.of(model);
    for (const [what, mine, theirs] of [['region', here.region, there.region], ['account', here.account, there.account]] as const) {
      if (Token.compareStrings(mine, theirs) === TokenComparison.DIFFERENT) {
        throw new InstancePoolsError('CrossEnvironmentModel', prop,
          `in the ${what} of ${scope.node.path} (${mine}): SageMaker finds a model by name in the endpoint's own account and region, so model `
          + `${model.node.path} would not be found at deploy time; create the model in that stack's environment`, theirs);
      }
    }
  }
}
