import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/build/**', '**/node_modules/**', '.run/**', '.opssc/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Chaincode must be deterministic: every endorsing peer has to compute the same result.
    files: ['chaincode/src/**/*.ts', 'core/src/governance/**/*.ts', 'core/src/msp/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Chaincode is deterministic: use the transaction timestamp.' },
        { object: 'Math', property: 'random', message: 'Chaincode is deterministic: derive values from the transaction id.' },
        { object: 'process', property: 'env', message: 'Chaincode is deterministic: no environment reads.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Chaincode is deterministic: new Date() reads the clock; use the transaction timestamp.' },
      ],
    },
  },
);
