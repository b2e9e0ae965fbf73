import { App, Aspects, Stack } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { runAtSynthesis } from '../../lib/core/synthesis-hook';
import { testStack } from '../util';

describe('runAtSynthesis', () => {
  test('runs the check once per synthesis, not at construction', () => {
    // GIVEN
    const stack = testStack();
    const anchor = new Construct(stack, 'Anchor');
    new Construct(anchor, 'Child');
    let runs = 0;
    // WHEN
    runAtSynthesis(anchor, () => runs++);
    // THEN
    expect(runs).toBe(0);
    App.of(stack)!.synth();
    expect(runs).toBe(1);
  });

  test('the aspect acts on its anchor only: the stack\'s other constructs are not offered to it', () => {
    // GIVEN
    const stack = testStack();
    const anchor = new Construct(stack, 'Anchor');
    new Construct(stack, 'Sibling');
    // WHEN
    runAtSynthesis(anchor, () => undefined);
    // THEN
    const attached = (scope: IConstruct) => Aspects.of(scope).all.length;
    expect(attached(anchor)).toBe(1);
    expect(attached(stack)).toBe(0);
    expect(attached(Stack.of(anchor).node.root)).toBe(0);
  });
});
