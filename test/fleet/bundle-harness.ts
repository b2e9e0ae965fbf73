/**
 * What the bundle tests share: `npm run build:cli` once, a copy of dist-cli/fleet.js outside the repository
 * (where no node_modules can be found: proves it is self-contained), a local HTTP server on 127.0.0.1 answering
 * like SageMaker and Application Auto Scaling (AWS JSON 1.1), reached through AWS_ENDPOINT_URL, and a runner
 * that starts the bundle with a clean environment.
 */
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Answer, awsJson } from './fake-transport';

export const ROOT = resolve(__dirname, '../..');
export const BUILT = join(ROOT, 'dist-cli', 'fleet.js');
export const KEYS = { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'fake' };

export interface Received {
  readonly target: string;
  readonly authorization: string;
  readonly body: Record<string, unknown>;
}

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Harness {
  /** A scratch HOME for config files. */
  readonly home: string;
  /** Every request the server received, in order (cleared by `reset`). */
  readonly received: Received[];
  /** Runs the bundle with a clean environment: nothing from this machine's AWS set-up leaks in. */
  fleet(args: string[], env?: Record<string, string>): Promise<Run>;
  reset(): void;
  close(): Promise<void>;
}

/** Builds the bundle, copies it out of the repository and starts the server with `answer`. */
export async function startHarness(answer: Answer): Promise<Harness> {
  const home = mkdtempSync(join(tmpdir(), 'fleet-bundle-'));
  const bundle = join(home, 'fleet.js');
  // Bundle test files run in parallel workers: one builds and copies at a time, so none copies a half-written file.
  exclusively(() => {
    execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'pipe' });
    copyFileSync(BUILT, bundle);
  });
  const received: Received[] = [];
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const target = String(request.headers['x-amz-target']);
      const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown>;
      received.push({ target, authorization: String(request.headers.authorization), body });
      const [status, payload] = answer(target, body);
      response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(JSON.stringify(awsJson(payload)));
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const endpointUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    home,
    received,
    fleet: (args, env = {}) => new Promise((done) => {
      execFile(process.execPath, [bundle, ...args], {
        env: {
          PATH: process.env.PATH ?? '',
          HOME: home,
          AWS_CONFIG_FILE: join(home, 'no-config'),
          AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-credentials'),
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_ENDPOINT_URL: endpointUrl,
          ...env,
        },
        timeout: 20_000,
      }, (error, stdout, stderr) => {
        done({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr });
      });
    }),
    reset: () => { received.length = 0; },
    close: async () => {
      server.closeAllConnections();
      await new Promise((closed) => server.close(closed));
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Runs `work` while holding a lock directory next to the bundle (a lock older than two minutes is stale). */
function exclusively(work: () => void): void {
  const lock = join(ROOT, 'dist-cli', '.build-lock');
  mkdirSync(join(ROOT, 'dist-cli'), { recursive: true });
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      try {
        if (Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // gone meanwhile: try again
      }
      Atomics.wait(pause, 0, 0, 100);
    }
  }
  try {
    work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
