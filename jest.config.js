/** Fast transform with SWC; types are checked separately by `npm run typecheck`. */

// The fleet CLI's AWS SDK warns about Node 20 on every client; the tests mock the SDK, the warning is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

module.exports = {
  testEnvironment: 'node',
  // Jest's default (cores - 1) runs one worker on a 2-core machine; every core pays off here.
  maxWorkers: '100%',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
};
