import { spawn } from 'child_process';

/** Options of a streamed command. */
export interface StreamOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Written before every line of the command's output, so that parallel commands stay readable. */
  readonly prefix: string;
}

/**
 * Runs a command with its stdout and stderr copied line by line to this process's stdout and stderr, each line
 * prefixed. Resolves with the exit code (1 when the command was killed by a signal).
 */
export function streamCommand(command: string, args: string[], options: StreamOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const relay = (out: NodeJS.WritableStream) => {
      let pending = '';
      return {
        data: (chunk: Buffer) => {
          const lines = (pending + chunk.toString()).split('\n');
          pending = lines.pop() ?? '';
          for (const line of lines) out.write(`${options.prefix}${line}\n`);
        },
        end: () => { if (pending) out.write(`${options.prefix}${pending}\n`); },
      };
    };
    const stdout = relay(process.stdout);
    const stderr = relay(process.stderr);
    child.stdout.on('data', stdout.data);
    child.stderr.on('data', stderr.data);
    child.on('error', reject);
    child.on('close', (code) => {
      stdout.end();
      stderr.end();
      resolve(code ?? 1);
    });
  });
}
