// Shared Jest settings for every project. TypeScript is compiled by SWC (fast, keeps decorator
// metadata for NestJS); type checking is done once for the whole workspace by `npm run typecheck`.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const root = __dirname;
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')}$`,
    path.join(root, target),
  ]),
);

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  testMatch: ['**/?(*.)+(spec|integration-spec|e2e-spec).ts'],
  setupFiles: [path.join(root, 'jest.setup.js')],
  // The integration harness (@lianxin/testing): reaps what killed runs left behind and serves the
  // run's one Postgres and one dev broker, started only when a test first asks for them, so a
  // unit-only run stays instant. Set in the preset (not only the root config) so running a single
  // project's config gets it too; Jest runs the same file once per run however many projects share it.
  globalSetup: path.join(root, 'libs/testing/src/jest/global-setup.ts'),
  globalTeardown: path.join(root, 'libs/testing/src/jest/global-teardown.ts'),
};
