/**
 * Two projects: `unit` (fast, fakes allowed) and `e2e` (real Fabric network, run in band).
 * Tests import `@opssc/core` from source, so unit tests need no build.
 */
const moduleNameMapper = {
  '^@opssc/core$': '<rootDir>/core/src/index.ts',
  '^@opssc/channel-config$': '<rootDir>/channel-config/src/index.ts',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] };
const roots = ['core', 'channel-config', 'chaincode', 'api-server', 'agent', 'test-network'].map((p) => `<rootDir>/${p}`);

module.exports = {
  // Jest reads the default test timeout from the global config only (not per project). Generous: unit suites that
  // generate real certificate trees or run several agents slow down on a loaded machine; e2e suites set their own.
  testTimeout: 30_000,
  projects: [
    {
      displayName: 'unit',
      roots,
      testMatch: ['**/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/', '\\.e2e\\.test\\.ts$'],
      moduleNameMapper,
      transform,
      testEnvironment: 'node',
    },
    {
      displayName: 'e2e',
      roots,
      testMatch: ['**/test/**/*.e2e.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/'],
      moduleNameMapper,
      transform,
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test-network/test/e2e-global-setup.ts',
      globalTeardown: '<rootDir>/test-network/test/e2e-global-teardown.ts',
    },
  ],
};
