// 903 export and import of the demo authority:
// `npm run bench -- 903-export-import [--scale N] [--engine pglite|postgresql] [--runs 3]`.
// Seeds the demo (not timed), exports 2025/26 `runs` times, then imports those files into a new,
// empty database `runs` times, and re-imports once into the last (idempotent: nothing created).
// PostgreSQL uses BENCH_DATABASE_URL (creates and drops databases beside it). Results: bench/README.md.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemo } from '../src/features/demo/write.ts';
import { writeReturnFiles } from '../src/features/returns/export/files.ts';
import { exportReturn } from '../src/features/returns/export/service.ts';
import { importReturns, totals } from '../src/features/returns/import/service.ts';
import { sourceFilesIn } from '../src/features/returns/ssda903/files.ts';
import { systemActor } from '../src/platform/access/actor.ts';
import { arg, benchDatabase } from './lib/db.ts';
import { median } from './lib/measure.ts';

export const description =
  '903 export and import of the demo authority (--scale N, --engine pglite|postgresql, --runs N)';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

export async function run(args: string[]): Promise<void> {
  const scale = Number(arg(args, '--scale', '1'));
  const engine = arg(args, '--engine', 'pglite');
  const runs = Number(arg(args, '--runs', '3'));
  const actor = systemActor('bench');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-903-'));
  const source = await benchDatabase(engine, 4);
  try {
    await seedDemo(source.conn.db, { scale, seed: 903, today: '2026-11-22' });
    const exports: number[] = [];
    let rows = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const ret = await exportReturn(source.conn.db, actor, '2025/26');
      writeReturnFiles(ret, dir);
      exports.push(performance.now() - t0);
      rows = ret.tables.reduce((n, t) => n + t.rows.length, 0);
    }
    console.log(
      `export ${engine} scale ${String(scale)}: ${String(rows)} rows, median ${seconds(median(exports))} of ${exports.map(seconds).join(', ')}`,
    );
  } finally {
    await source.close();
  }

  const imports: number[] = [];
  let created = 0;
  for (let i = 0; i < runs; i++) {
    const target = await benchDatabase(engine, 4);
    try {
      const t0 = performance.now();
      const r = await importReturns(target.conn.db, actor, [{ dir, files: sourceFilesIn(dir) }]);
      imports.push(performance.now() - t0);
      if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
      created = totals(r.summary).created;
      if (i === runs - 1) {
        const t1 = performance.now();
        const again = await importReturns(target.conn.db, actor, [
          { dir, files: sourceFilesIn(dir) },
        ]);
        const ms = performance.now() - t1;
        if (!again.ok) throw new Error('re-import failed');
        console.log(
          `re-import ${engine} scale ${String(scale)}: ${String(totals(again.summary).created)} created, ${String(totals(again.summary).unchanged)} unchanged in ${seconds(ms)}`,
        );
      }
    } finally {
      await target.close();
    }
  }
  console.log(
    `import ${engine} scale ${String(scale)}: ${String(created)} rows created, median ${seconds(median(imports))} of ${imports.map(seconds).join(', ')}`,
  );
  rmSync(dir, { recursive: true, force: true });
}
