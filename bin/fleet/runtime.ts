/**
 * Everything the CLI takes from the process, injected so that tests control output, time and waiting.
 */
export interface OutputStream {
  write(chunk: string): unknown;
  /** True when the stream is an interactive terminal (live redraw in `--watch`). */
  readonly isTTY?: boolean;
}

export interface Runtime {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Current time in milliseconds since the epoch. */
  now(): number;
  /** Waits `ms` milliseconds (the refresh interval of `--watch`). */
  sleep(ms: number): Promise<void>;
  /** A number in [0, 1). */
  random(): number;
}

/** The real process: stdout/stderr, wall clock, timers, Math.random. */
export function processRuntime(): Runtime {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: () => Math.random(),
  };
}
