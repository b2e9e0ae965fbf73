/** Fast transform with SWC; types are checked separately by `npm run typecheck`. */
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
