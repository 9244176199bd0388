// Importing historic 903 returns: read every directory (one year each), stop with the problems if
// there are any, otherwise plan and write everything in one transaction.
import type { Db } from '../../../db/connect.ts';
import type { Problem } from '../../../domain/returns/ssda903/engine.ts';
import type { SourceFile } from '../../../domain/returns/ssda903/load.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { planImport } from './plan.ts';
import { readYear, type ImportYear } from './read.ts';
import { writeImport, type ImportSummary } from './write.ts';

export interface ImportSource {
  /** Shown in messages (the directory). */
  dir: string;
  files: readonly SourceFile[];
}

export type ImportResult =
  | { ok: false; problems: Problem[] }
  | { ok: true; years: { dir: string; year: string }[]; summary: ImportSummary };

export async function importReturns(
  db: Db,
  actor: Actor,
  sources: readonly ImportSource[],
  opts: { la?: string } = {},
): Promise<ImportResult> {
  const problems: Problem[] = [];
  const years: ImportYear[] = [];
  for (const s of sources) years.push(await readYear(s.dir, s.files, problems));
  const byYear = new Map<string, string>();
  for (const y of years) {
    const other = byYear.get(y.year);
    if (other !== undefined)
      problems.push({ file: y.dir, message: `holds the ${y.year} return, as ${other} does` });
    byYear.set(y.year, y.dir);
  }
  if (problems.length > 0) return { ok: false, problems };
  const plan = planImport(years, problems);
  if (problems.length > 0) return { ok: false, problems };
  const list = years.map((y) => ({ dir: y.dir, year: y.year }));
  try {
    const summary = await writeImport(db, actor, plan, { years: list, la: opts.la ?? null });
    return { ok: true, years: list, summary };
  } catch (err) {
    // A fact the record refuses (a database check): the transaction rolled back.
    const message = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      problems: [{ file: 'the record', message: `refused the import: ${message}` }],
    };
  }
}

export function totals(summary: ImportSummary): {
  created: number;
  unchanged: number;
  updated: number;
} {
  let created = 0;
  let unchanged = 0;
  let updated = 0;
  for (const c of Object.values(summary)) {
    created += c.created;
    unchanged += c.unchanged;
    updated += c.updated;
  }
  return { created, unchanged, updated };
}
