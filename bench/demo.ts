// Demo generation time: `npm run bench -- demo [--scale N] [--engine pglite|postgresql]`.
// PGlite runs in memory; PostgreSQL uses BENCH_DATABASE_URL (a database it may create tables in:
// it creates and drops a fresh database beside the one named). Results: bench/README.md.
import { seedDemo } from '../src/features/demo/write.ts';
import { arg, benchDatabase } from './lib/db.ts';

export const description =
  'Generate and write the demo authority (--scale N, --engine pglite|postgresql)';

export async function run(args: string[]): Promise<void> {
  const scale = Number(arg(args, '--scale', '1'));
  const engine = arg(args, '--engine', 'pglite');
  const { conn, close } = await benchDatabase(engine, 2);
  try {
    const cpu0 = process.cpuUsage();
    const result = await seedDemo(conn.db, { scale, seed: 903, today: '2026-11-22' });
    const rows = await conn.db
      .selectFrom('period_of_care')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('end_date', 'is', null)
      .executeTakeFirstOrThrow();
    const cpu = process.cpuUsage(cpu0);
    // CPU of this process (with PGlite that includes the database; with PostgreSQL it does not).
    const cpuS = ((cpu.user + cpu.system) / 1e6).toFixed(1);
    console.log(
      `demo ${engine} scale ${scale}: ${result.children} children (${rows.n} in care) in ${(result.ms / 1000).toFixed(1)} s (CPU ${cpuS} s in this process)`,
    );
  } finally {
    await close();
  }
}
