import { confirm, NO_TERMINAL, processPrompt, Prompt } from '../../../bin/fleet/migrate/confirm';

function terminal(answer: string): Prompt & { asked: string[] } {
  const asked: string[] = [];
  return { interactive: true, asked, ask: async (q) => { asked.push(q); return answer; } };
}

describe('confirm', () => {
  test('--yes goes on without asking', async () => {
    const prompt = terminal('no');
    await expect(confirm(prompt, true, 'Go?')).resolves.toBeUndefined();
    expect(prompt.asked).toEqual([]);
  });

  test('no terminal and no --yes: refused (exit code 2)', async () => {
    await expect(confirm(NO_TERMINAL, false, 'Go?')).rejects.toMatchObject({
      kind: 'refused', exitCode: 2, message: expect.stringMatching(/^not changing anything without confirmation, and there is no terminal to ask on/),
    });
  });

  test.each(['yes', 'y', ' YES '])('"%s" goes on', async (answer) => {
    const prompt = terminal(answer);
    await confirm(prompt, false, 'Go?');
    expect(prompt.asked).toEqual(['Go? Type yes to go on: ']);
  });

  test.each(['', 'no', 'yess', 'n'])('"%s" stops', async (answer) => {
    await expect(confirm(terminal(answer), false, 'Go?')).rejects.toMatchObject({ kind: 'refused', message: 'not confirmed: nothing was changed.' });
  });
});

test('processPrompt asks only on a terminal', () => {
  const descriptor = Object.getOwnPropertyDescriptor(process.stdin, 'isTTY');
  try {
    Object.defineProperty(process.stdin, 'isTTY', { value: undefined, configurable: true });
    expect(processPrompt().interactive).toBe(false);
    Object.defineProperty(process.stdin, 'isTTY', { value: true, configurable: true });
    expect(processPrompt().interactive).toBe(true);
  } finally {
    if (descriptor) Object.defineProperty(process.stdin, 'isTTY', descriptor);
    else delete (process.stdin as { isTTY?: boolean }).isTTY;
  }
});
