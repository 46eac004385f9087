import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers of functions/ (ARCHITECTURE.md, "Layout"). Every other folder of functions/ holds handlers. Dependencies
 * point one way: handlers → use cases → domain, use cases → adapters, and adapters, shared and use cases may read
 * config. The zones below enforce it on every import, whether it names a layer by its alias (#domain/...) or by a
 * relative path (../domain/..., ../../functions/domain/...).
 */
const LAYERS = ['domain', 'adapters', 'shared', 'use-cases', 'config'];

/** An import of `layer`'s modules, under `why`. */
const layer = (name, why) => ({ regex: `^(#${name}/|(\\.\\./)+(functions/)?${name}(/|$))`, message: why });

/** An import of a handler: a relative path into a folder of functions/ that is not a layer (handlers have no alias). */
const handler = (why) => ({
  regex: `^(\\.\\./)+(functions/)?(?!(${[...LAYERS, 'functions'].join('|')})/)[\\w-]+/`,
  message: why,
});

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.local/', 'coverage/', 'web/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['functions/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['functions/domain/**/*.ts'],
    rules: restrict(
      layer('adapters', 'The domain is pure: no I/O. Take what it needs as arguments.'),
      layer('use-cases', 'The domain knows no use case: move the rule into domain, or the flow into the use case.'),
      layer('shared', 'The domain knows nothing of HTTP or workers (functions/shared).'),
      layer('config', 'The domain reads no configuration: take the value as an argument.'),
      { regex: '^@aws-sdk/', message: 'The domain talks to no AWS service: that is an adapter (functions/adapters).' },
    ),
  },
  {
    files: ['functions/adapters/**/*.ts'],
    rules: restrict(
      layer('use-cases', 'Adapters are called by use cases, never the other way round.'),
      layer('shared', 'Adapters do not import the HTTP/worker layer (functions/shared); configuration is in functions/config.'),
      handler('Adapters never import a handler.'),
    ),
  },
  {
    files: ['functions/use-cases/**/*.ts'],
    rules: restrict(
      layer('shared', 'A use case knows nothing of HTTP or workers (functions/shared): the handler shapes the answer.'),
      handler('A use case never imports a handler: handlers call use cases.'),
    ),
  },
  {
    files: ['functions/*/**/*.ts'],
    ignores: LAYERS.map((name) => `functions/${name}/**`),
    rules: restrict({
      regex: '^(#adapters/|(\\.\\./)+(functions/)?adapters/)(table-design|entit)',
      message: 'Handlers never reach into the table design or the entity definitions: call a use case or a repository.',
    }),
  },
);
