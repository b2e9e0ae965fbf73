import { createInterface } from 'node:readline';
import { FleetError } from '../errors';

/** Asks the operator a question on the terminal. */
export interface Prompt {
  /** True when there is a terminal to ask on (stdin is a TTY). */
  readonly interactive: boolean;
  /** Shows `question` (on stderr, so that stdout stays clean) and resolves with the answer line. */
  ask(question: string): Promise<string>;
}

/** No terminal: nobody to ask. */
export const NO_TERMINAL: Prompt = {
  interactive: false,
  ask: async () => '',
};

/** The process's terminal: reads a line from stdin, writes the question to stderr. */
export function processPrompt(): Prompt {
  return {
    interactive: process.stdin.isTTY === true,
    ask: (question) => new Promise((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      rl.question(question, (answer) => {
        rl.close();
        resolve(answer);
      });
      rl.on('close', () => resolve(''));
    }),
  };
}

/**
 * Goes on only with consent: `--yes`, or "yes" typed on a terminal. Without a terminal and without `--yes` it
 * refuses (exit code 2) rather than guess; any answer but yes/y stops (exit code 2). Nothing was written yet.
 */
export async function confirm(prompt: Prompt, yes: boolean, question: string): Promise<void> {
  if (yes) return;
  if (!prompt.interactive) {
    throw new FleetError('refused', 'not changing anything without confirmation, and there is no terminal to ask on: '
      + 'review the plan (it is printed above; --dry-run prints only the plan) and run again with --yes.');
  }
  const answer = (await prompt.ask(`${question} Type yes to go on: `)).trim().toLowerCase();
  if (answer !== 'yes' && answer !== 'y') throw new FleetError('refused', 'not confirmed: nothing was changed.');
}
