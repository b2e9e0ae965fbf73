/**
 * What the bundle tests share: the bundle `npm run build:cli` builds (same esbuild options, through esbuild's API:
 * scripts/build-cli.ts; built once for all test processes and kept while nothing it is built from changes:
 * bundle-cache.ts), copied outside the repository (where no node_modules can be found: proves it is
 * self-contained), a local HTTP server on 127.0.0.1 answering like SageMaker, Application Auto Scaling and Service
 * Quotas (AWS JSON 1.1), reached through AWS_ENDPOINT_URL, and a runner that starts the bundle with a clean
 * environment.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cachedBundle } from './bundle-cache';
import { Answer, awsJson } from './fake-transport';
import { cliBuildOptions } from '../../scripts/build-cli';

const ROOT = resolve(__dirname, '..', '..');

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
  /** The bundle (outside the repository, where no node_modules can be found). */
  readonly bundle: string;
  /** Every request the server received, in order (cleared by `reset`). */
  readonly received: Received[];
  /** Runs the bundle with a clean environment: nothing from this machine's AWS set-up leaks in. */
  fleet(args: string[], env?: Record<string, string>): Promise<Run>;
  reset(): void;
  close(): Promise<void>;
}

let copied: Promise<string> | undefined;

/** The bundle from the cache, copied once per test process into a scratch directory outside the repository. */
function bundleOnce(): Promise<string> {
  copied ??= cachedBundle(cliBuildOptions('fleet.js'), {
    dir: join(ROOT, 'node_modules', '.cache', 'sagemaker-fleet-bundle'),
    // The build script's plugin writes a module of its own; tsconfig.json sets how TypeScript compiles; the lock file
    // pins every package the bundle takes files from.
    extraInputs: ['scripts/build-cli.ts', 'tsconfig.json', 'package-lock.json'].map((f) => join(ROOT, f)),
  }).then(({ file }) => {
    const dir = mkdtempSync(join(tmpdir(), 'fleet-bundle-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    copyFileSync(file, join(dir, 'fleet.js'));
    return join(dir, 'fleet.js');
  });
  return copied;
}

/**
 * The harness of a test file: started before its first test (the server answers with `answer`) and handed to
 * `started`, closed after its last test; before each test, what it received is cleared and `beforeEachTest` runs
 * (for the file's own state).
 */
export function useHarness(answer: Answer, started: (harness: Harness) => void, beforeEachTest: () => void = () => {}): void {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness(answer);
    started(harness);
  }, 60_000);
  afterAll(() => harness?.close());
  beforeEach(() => {
    harness?.reset();
    beforeEachTest();
  });
}

/** Gets the bundle (built at most once: bundle-cache.ts) and starts the server with `answer`. */
export async function startHarness(answer: Answer): Promise<Harness> {
  const bundle = await bundleOnce();
  const home = mkdtempSync(join(tmpdir(), 'fleet-home-'));
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
    bundle,
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
