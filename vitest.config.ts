// Test projects: unit (pure code), integration on PGlite, integration on PostgreSQL (when
// TEST_DATABASE_URL is set; required under CI=true), and browser tests in Debian's Chromium.
import { defineConfig } from 'vitest/config';

const pgUrl = process.env.TEST_DATABASE_URL;
const ci = process.env.CI === 'true';
if (ci && !pgUrl)
  throw new Error('CI=true needs TEST_DATABASE_URL: integration tests must run on PostgreSQL too');

const env = { TZ: 'Europe/London', HEARTH_LOG_LEVEL: 'silent' };

export default defineConfig({
  test: {
    reporters: ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/*.e2e.test.ts', 'node_modules/**'],
          env,
        },
      },
      {
        test: {
          name: 'int-pglite',
          include: ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'],
          env: { ...env, HEARTH_TEST_ENGINE: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(pgUrl
        ? [
            {
              test: {
                name: 'int-postgresql',
                include: ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'],
                globalSetup: ['test/support/pgGlobalSetup.ts'],
                env: { ...env, HEARTH_TEST_ENGINE: 'postgresql', TEST_DATABASE_URL: pgUrl },
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          env: { ...env, HEARTH_TEST_ENGINE: 'pglite' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
