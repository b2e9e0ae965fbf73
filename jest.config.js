/**
 * Tests run with jest-light-runner: each worker process loads the library, aws-cdk-lib and the AWS SDK once for all
 * the test files it runs, where Jest's default runner loads them again for every file in a module registry of its
 * own. Test files therefore share their worker's modules and globals: a file that patches something global undoes
 * it (test/fleet/fixtures.ts restores the SDK mocks). The workers are child processes, each with tsx's TypeScript
 * loader (test/setup/typescript.mjs); types are checked by `npm run typecheck`.
 */

// The fleet CLI's AWS SDK warns about Node 20 on every client; the tests mock the SDK, the warning is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

module.exports = {
  runner: '<rootDir>/test/setup/light-runner.mjs',
  // Jest's default (cores - 1) runs one worker on a 2-core machine; every core pays off here.
  maxWorkers: '100%',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // One temporary directory per run, removed at the end: test/setup/global-setup.mjs says why.
  globalSetup: '<rootDir>/test/setup/global-setup.mjs',
  globalTeardown: '<rootDir>/test/setup/global-teardown.mjs',
  setupFiles: ['<rootDir>/test/setup/typescript.mjs'],
  setupFilesAfterEnv: ['<rootDir>/test/setup/jest-timers.mjs'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  // No Jest transform: tsx compiles the TypeScript. Jest's default (babel-jest) would still be loaded by every worker
  // for its snapshot resolver, about 1 s of CPU each.
  transform: {},
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
};
