import { App, CfnResource, Stack, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ALARM_NAME, DASHBOARD_NAME, ENDPOINT_NAME, PhysicalNameKind, registerPhysicalName } from '../../lib/core/physical-names';
import { testStack } from '../util';

/** An L1 whose property `name` (CloudFormation `Name`) reads `read()`, as a generated L1's typed property would. */
class CfnNamed extends CfnResource {
  constructor(scope: Construct, id: string, private readonly read: () => string | undefined) {
    super(scope, id, { type: 'Test::Named' });
  }

  public get name(): string | undefined {
    return this.read();
  }
}

/** An L1 under `scope` whose physical name (its property `Name`) is `name()`, registered as `kind`. */
function named(scope: Construct, id: string, kind: PhysicalNameKind, name: () => string | undefined): CfnResource {
  const resource = new CfnNamed(scope, id, name);
  registerPhysicalName(resource, kind, resource, 'Name');
  return resource;
}

describe('physical-name registry', () => {
  const synthError = (stack: Stack) => {
    try {
      App.of(stack)!.synth();
    } catch (error) {
      return (error as Error).message;
    }
    return undefined;
  };

  test('a collision fails the stack of the later name, naming both paths', () => {
    const stack = testStack();
    named(stack, 'A', ENDPOINT_NAME, () => 'llm');
    named(stack, 'B', ENDPOINT_NAME, () => 'LLM');
    expect(synthError(stack)).toContain("endpointName: physical names are unique per account and region; TestStack/B and TestStack/A both use this name, got 'LLM' [DuplicatePhysicalName]");
  });

  test('CloudWatch names compare with case; undefined names and other kinds never collide', () => {
    const stack = testStack();
    named(stack, 'A', DASHBOARD_NAME, () => 'Fleet');
    named(stack, 'B', DASHBOARD_NAME, () => 'fleet');
    named(stack, 'C', DASHBOARD_NAME, () => undefined);
    named(stack, 'D', ENDPOINT_NAME, () => 'Fleet');
    expect(synthError(stack)).toBeUndefined();
  });

  test('names with tokens collide when they resolve to the same expression in one stack', () => {
    const stack = testStack();
    const generated = Token.asString({ 'Fn::GetAtt': ['Endpoint', 'EndpointName'] });
    named(stack, 'A', ALARM_NAME, () => `SageMaker-${generated}-B-Errors`);
    named(stack, 'B', ALARM_NAME, () => `SageMaker-${generated}-B-Errors`);
    named(stack, 'C', ALARM_NAME, () => `SageMaker-${generated}-C-Errors`);
    expect(synthError(stack)).toContain('alarmName: physical names are unique per account and region; TestStack/B and TestStack/A both use this name, '
      + 'got a name known at deploy time, the same expression {"Fn::Join":["",["SageMaker-",{"Fn::GetAtt":["Endpoint","EndpointName"]},"-B-Errors"]]} [DuplicatePhysicalName]');
    expect(synthError(stack)).not.toContain('TestStack/C');
  });

  test('the same expression in two stacks is not compared: it may resolve differently in each', () => {
    const stack = testStack();
    const other = new Stack(App.of(stack)!, 'Other', { env: { account: '111111111111', region: 'us-east-1' } });
    for (const s of [stack, other]) named(s, 'A', ENDPOINT_NAME, () => Token.asString({ Ref: 'Name' }));
    expect(synthError(stack)).toBeUndefined();
  });

  test('across stacks of one account and region, the later stack fails, and every synthesis checks again', () => {
    // GIVEN
    const stack = testStack();
    const app = App.of(stack)!;
    const second = new Stack(app, 'Second', { env: { account: '111111111111', region: 'us-east-1' } });
    const third = new Stack(app, 'Third', { env: { account: '111111111111', region: 'us-east-1' } });
    let name = 'other';
    named(stack, 'A', ENDPOINT_NAME, () => 'llm');
    named(second, 'B', ENDPOINT_NAME, () => name);
    named(third, 'C', ENDPOINT_NAME, () => 'llm');
    // WHEN / THEN
    expect(() => app.synth()).toThrow(/Third\/C and TestStack\/A both use this name/);
    name = 'llm';
    let error = '';
    try {
      app.synth({ force: true });
    } catch (e) {
      error = (e as Error).message;
    }
    expect(error).toMatch(/Second\/B and TestStack\/A both use this name/);
    expect(error).toMatch(/Third\/C and TestStack\/A both use this name/);
  });

  test('an override of the L1 wins over its property: set, set through addOverride, or deleted', () => {
    const stack = testStack();
    named(stack, 'A', ENDPOINT_NAME, () => 'llm');
    named(stack, 'B', ENDPOINT_NAME, () => 'other').addPropertyOverride('Name', 'llm');
    named(stack, 'C', ENDPOINT_NAME, () => 'third').addOverride('Properties.Name', 'LLM');
    named(stack, 'D', ENDPOINT_NAME, () => 'llm').addPropertyDeletionOverride('Name');
    const error = synthError(stack);
    expect(error).toContain("TestStack/B and TestStack/A both use this name, got 'llm' [DuplicatePhysicalName]");
    expect(error).toContain("TestStack/C and TestStack/A both use this name, got 'LLM' [DuplicatePhysicalName]");
    expect(error).not.toContain('TestStack/D');
  });

  test('the name is read at synth time', () => {
    const stack = testStack();
    let late = 'one';
    named(stack, 'A', ENDPOINT_NAME, () => 'two');
    named(stack, 'B', ENDPOINT_NAME, () => late);
    late = 'two';
    expect(synthError(stack)).toContain('DuplicatePhysicalName');
  });
});
