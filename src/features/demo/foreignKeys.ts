// Foreign keys checked in one set-based query per constraint, for the demo writer: with triggers
// off (session_replication_role = replica) PostgreSQL skips its per-row foreign-key checks, which
// are about half the cost of writing the demo; this puts the same guarantee back afterwards with
// an anti-join per constraint. MATCH SIMPLE, like the constraints: a row with a null key is fine.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';

interface ForeignKey {
  name: string;
  child: string;
  parent: string;
  cols: string[];
  refcols: string[];
}

async function foreignKeysOf(db: Db, tables: readonly string[]): Promise<ForeignKey[]> {
  const { rows } = await sql<ForeignKey>`
    select c.conname as name, c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
      array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i)
            join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as cols,
      array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i)
            join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as refcols
    from pg_constraint c
    where c.contype = 'f' and c.conrelid::regclass::text = any(${[...tables]}::text[])
    order by 1`.execute(db);
  return rows;
}

/** Throws naming the first constraint that a row of these tables breaks. */
export async function checkForeignKeys(db: Db, tables: readonly string[]): Promise<number> {
  const keys = await foreignKeysOf(db, tables);
  for (const fk of keys) {
    const notNull = sql.join(
      fk.cols.map((c) => sql`x.${sql.ref(c)} is not null`),
      sql` and `,
    );
    const matches = sql.join(
      fk.cols.map((c, i) => sql`p.${sql.ref(fk.refcols[i] ?? c)} = x.${sql.ref(c)}`),
      sql` and `,
    );
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from ${sql.table(fk.child)} x
      where ${notNull} and not exists (select 1 from ${sql.table(fk.parent)} p where ${matches})`.execute(
      db,
    );
    const n = rows[0]?.n ?? 0;
    if (n > 0)
      throw new Error(
        `demo rows break foreign key ${fk.name}: ${String(n)} rows of ${fk.child} point at no ${fk.parent}`,
      );
  }
  return keys.length;
}

/**
 * Whether this session may turn triggers (and so per-row foreign-key checks) off: a superuser, as
 * on PGlite and a local PostgreSQL, or a role granted SET on session_replication_role.
 */
export async function canSkipTriggers(db: Db): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`
    select current_setting('is_superuser') = 'on'
      or has_parameter_privilege('session_replication_role', 'SET') as ok`.execute(db);
  return rows[0]?.ok === true;
}
