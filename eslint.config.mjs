// One lint configuration for the whole workspace. Module boundaries are real constraints:
// services never import each other, contracts import no framework, and every project carries a
// scope:* and a type:* tag. Lint runs with --max-warnings=0.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const frameworkPackages = ['@nestjs/*', 'typeorm', 'kafkajs', 'pg', 'pg-*', 'express'];

/**
 * Who may import whom. Test files of platform libraries may also use the test harness
 * (`type:testing`), which itself depends only on platform-runtime: no cycle, and production code
 * keeps the strict layering.
 */
function moduleBoundaries({ tests }) {
  return [
    'error',
    {
      enforceBuildableLibDependency: false,
      // Nx forbids importing applications at all; cross-service tests may import a service's
      // test-support entry point (never its internals), and only from test files. Listed one by one.
      allow: tests ? ['@lianxin/member-registry/testing', '@lianxin/pairing-visits/testing'] : [],
      depConstraints: [
        // Layers.
        {
          sourceTag: 'type:contracts',
          onlyDependOnLibsWithTags: ['type:contracts'],
          bannedExternalImports: frameworkPackages,
        },
        { sourceTag: 'type:broker', onlyDependOnLibsWithTags: [] },
        {
          sourceTag: 'type:platform',
          onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', ...(tests ? ['type:testing'] : [])],
        },
        {
          sourceTag: 'type:testing',
          onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:broker'],
        },
        {
          sourceTag: 'type:app',
          onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:testing'],
        },
        { sourceTag: 'type:deploy', onlyDependOnLibsWithTags: ['type:contracts'] },
        {
          sourceTag: 'type:e2e',
          onlyDependOnLibsWithTags: [
            'type:platform',
            'type:contracts',
            'type:testing',
            'type:broker',
            'type:app',
          ],
        },
        // Ownership: a service sees only shared code and itself.
        { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
        { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:shared', 'scope:gateway'] },
        { sourceTag: 'scope:registry', onlyDependOnLibsWithTags: ['scope:shared', 'scope:registry'] },
        { sourceTag: 'scope:pairing', onlyDependOnLibsWithTags: ['scope:shared', 'scope:pairing'] },
        { sourceTag: 'scope:ledger', onlyDependOnLibsWithTags: ['scope:shared', 'scope:ledger'] },
        { sourceTag: 'scope:assessment', onlyDependOnLibsWithTags: ['scope:shared', 'scope:assessment'] },
        { sourceTag: 'scope:disclosure', onlyDependOnLibsWithTags: ['scope:shared', 'scope:disclosure'] },
        { sourceTag: 'scope:deploy', onlyDependOnLibsWithTags: ['scope:shared'] },
        { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['*'] },
      ],
    },
  ];
}

const testFiles = [
  '**/*.spec.ts',
  '**/*.integration-spec.ts',
  '**/*.e2e-spec.ts',
  '**/test-support/**/*.ts',
  'tests/**/*.ts',
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: ['**/node_modules', '**/dist', '**/.lianxin', '**/.nx', '**/*.js', '**/*.mjs', '**/*.cjs'],
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@nx/enforce-module-boundaries': moduleBoundaries({ tests: false }),
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name=/^(describe|it|test)$/][callee.property.name='only']",
          message: 'Focused tests skip the rest of the suite.',
        },
        {
          selector: "Property[key.name='synchronize'][value.value=true]",
          message: 'Use migrations; synchronize stays off everywhere.',
        },
      ],
    },
  },
  {
    // Only config/ modules, tests, benches and scripts may read the environment.
    files: ['libs/**/*.ts', 'services/**/*.ts'],
    ignores: [
      '**/config/**',
      '**/*.spec.ts',
      '**/*.integration-spec.ts',
      '**/bench/**',
      'libs/testing/**',
      'libs/dev-broker/src/cli.ts',
    ],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read the environment only in a config/ module.' },
      ],
    },
  },
  {
    files: testFiles,
    rules: { '@nx/enforce-module-boundaries': moduleBoundaries({ tests: true }) },
  },
  prettier,
];
