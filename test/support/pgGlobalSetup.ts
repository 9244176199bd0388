// Global set-up of the int-postgresql project. Each test worker builds one migrated template
// database (test/support/db.ts); this names them with a run id and drops them when the run ends,
// so they do not pile up on the server run after run. A run killed half-way leaves its templates;
// they are named hearth_test_template_<run>_<worker pid>.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    pgRunId: string;
  }
}

export default function setup(project: TestProject): () => Promise<void> {
  const runId = randomBytes(4).toString('hex');
  project.provide('pgRunId', runId);
  return async () => {
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        'select datname from pg_database where datname like $1',
        [`hearth_test_template_${runId}_%`],
      );
      for (const { datname } of rows)
        await client.query(`drop database if exists ${datname} with (force)`);
    } finally {
      await client.end();
    }
  };
}
