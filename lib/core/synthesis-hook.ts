import { Aspects, IAspect } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * Runs `check` once when the app is synthesized, before validation (an aspect that acts on `anchor` only). Attached
 * to one of the library's own constructs, not to the stack or the app: an aspect is offered every construct below
 * the one it is attached to, and on a stack or the app that was a measurable share of a large app's synth.
 */
export function runAtSynthesis(anchor: IConstruct, check: () => void): void {
  Aspects.of(anchor).add(new AnchoredCheck(anchor, check));
}

class AnchoredCheck implements IAspect {
  constructor(private readonly anchor: IConstruct, private readonly check: () => void) {}

  public visit(node: IConstruct): void {
    if (node === this.anchor) this.check();
  }
}
