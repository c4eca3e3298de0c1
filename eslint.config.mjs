import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-app/',
      '.strapi/',
      '.tmp/',
      'build/',
      'types/generated/',
      'tests/artifacts/',
      'bench/out/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        Buffer: 'readonly',
        window: 'readonly',
        document: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        Headers: 'readonly',
        AbortSignal: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // shared/contracts holds types only: importing them as types keeps every build free of it.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // The server reaches its services through utils/get-service.ts, typed.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/utils/get-service.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name='service'][callee.object.callee.property.name='plugin'][callee.object.arguments.0.value='policy-ledger']",
          message: 'Use getService(strapi, name) from utils/get-service.ts.',
        },
      ],
    },
  },
  // Dependencies point down (ARCHITECTURE.md); `npm run lint:circles` (dpdm) refuses import circles.
  {
    // The rules themselves: pure, nothing of Strapi or of the plugin's other floors.
    files: ['server/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\./\\.\\./shared/)',
              message: 'domain/ imports only domain/ and shared/: it holds the pure rules.',
            },
          ],
        },
      ],
    },
  },
  {
    // Below the services: they are called by services, never the other way round.
    files: [
      'server/src/db/**/*.ts',
      'server/src/http/**/*.ts',
      'server/src/ledger/**/*.ts',
      'server/src/catalog/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./services(/|$)',
              message:
                'db/, http/, ledger/ and catalog/ never import services/ (types live in db/ and catalog/; call a service through getService).',
            },
          ],
        },
      ],
    },
  },
  // Formatting is Prettier's (npm run format); lint checks it with prettier --check.
  prettier,
);
