import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], setupFiles: ['test/unit/setup.ts'], env: {
            POWERTOOLS_LOG_LEVEL: 'SILENT',
            POWERTOOLS_METRICS_DISABLED: 'true',
            TABLE_NAME: 'unit-table',
            BUCKET_NAME: 'unit-bucket',
            AWS_REGION: 'eu-west-1',
            AWS_ACCESS_KEY_ID: 'AKIDUNITTEST',
            AWS_SECRET_ACCESS_KEY: 'unit-test-secret',
            CORS_ALLOWED_ORIGINS: 'https://app.example.org',
            MAIL_TRANSPORT: 'ses',
            SES_SENDER: 'no-reply@unit.example.org',
            SES_CONFIGURATION_SET: 'unit-config-set',
            NOTIFY_STATE_MACHINE_ARN: 'arn:aws:states:eu-west-1:123456789012:stateMachine:unit-notify',
            NOTIFY_PACE_MS: '0',
            CURSOR_SECRET: 'unit-cursor-secret-of-at-least-32-characters',
          }, },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          setupFiles: ['test/unit/setup.ts', 'test/integration/setup-env.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          env: { POWERTOOLS_LOG_LEVEL: process.env.IT_LOG_LEVEL ?? 'SILENT', POWERTOOLS_METRICS_DISABLED: 'true' },
        },
      },
      {
        extends: true,
        test: {
          // Property-based tests generated from the route table: a bounded number in npm test, more with npm run fuzz.
          name: 'fuzz',
          include: ['test/fuzz/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          setupFiles: ['test/unit/setup.ts', 'test/integration/setup-env.ts'],
          testTimeout: 600_000,
          hookTimeout: 60_000,
          env: { POWERTOOLS_LOG_LEVEL: 'SILENT', POWERTOOLS_METRICS_DISABLED: 'true' },
        },
      },
      {
        extends: true,
        test: {
          // Headless Chromium (test/browser/support/browser.ts) against the local environment of npm start.
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          // Builds the web app once for the run, if web/dist is missing or stale (test/browser/support/app.ts serves it).
          globalSetup: ['test/browser/global-setup.ts'],
          setupFiles: ['test/unit/setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A page renders late on a busy machine (CI shares two cores with DynamoDB Local and Java): polls wait for it.
          expect: { poll: { timeout: 20_000, interval: 100 } },
          env: { POWERTOOLS_LOG_LEVEL: 'SILENT', POWERTOOLS_METRICS_DISABLED: 'true' },
        },
      },
      {
        extends: true,
        test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 },
      },
    ],
  },
});
