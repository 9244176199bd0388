// Work tray pages: /work (my work), /work/reviews, /work/team, /work/fostering, /work/care-leavers.
// Each takes the filters as a GET form; `format=csv` downloads every matching item as CSV.
import { stringify } from 'csv-stringify/sync';
import { Router, type Request, type Response } from 'express';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { formatUkDate, todayInLondon } from '../../domain/dates/index.ts';
import { RULES } from '../../domain/timescales/index.ts';
import { can } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { formErrors } from '../../platform/http/forms.ts';
import { RULE_LABELS, STATUS_LABELS } from './labels.ts';
import { TrayQuery } from './schemas.ts';
import { readTray, type TrayResult, type TrayRow } from './trayService.ts';
import {
  requireTray,
  TRAY_IDS,
  TRAYS,
  teamTrayScope,
  trayHouseholds,
  type TrayId,
} from './trays.ts';

/** The trays this actor may open, for the sub-navigation. */
export function traysFor(actor: Actor): { id: TrayId; title: string; href: string }[] {
  return TRAY_IDS.filter((id) => {
    if (!can(actor, TRAYS[id].permission)) return false;
    if (id === 'team') return teamTrayScope(actor) !== null;
    if (id === 'fostering') return trayHouseholds(actor) !== null;
    return true;
  }).map((id) => ({ id, title: TRAYS[id].title, href: TRAYS[id].path }));
}

const CSV_COLUMNS = [
  'Due',
  'Status',
  'Duty',
  'What',
  'Child or household',
  'ID',
  'Worker',
  'Counted from',
  'Extension',
  'Legal source',
] as const;

export function trayCsv(rows: readonly TrayRow[]): string {
  return stringify(
    [
      [...CSV_COLUMNS],
      ...rows.map((r) => [
        r.due,
        STATUS_LABELS[r.status],
        RULE_LABELS[r.rule as keyof typeof RULES],
        r.what,
        r.whom.name,
        r.whom.localId ?? `household ${String(r.whom.id)}`,
        r.worker?.name ?? '',
        r.basis,
        r.extension
          ? `${r.extension.kind === 'exemption' ? 'Exempted' : `Extended from ${r.extension.originalDue}`} by ${r.extension.authorisedBy}: ${r.extension.reason}`
          : '',
        r.source,
      ]),
    ],
    { bom: true },
  );
}

function pagination(result: TrayResult, base: URLSearchParams, path: string) {
  const last = Math.max(1, Math.ceil(result.total / result.pageSize));
  const href = (p: number) => {
    const q = new URLSearchParams(base);
    q.set('page', String(p));
    return `${path}?${q.toString()}`;
  };
  return {
    previous: result.page > 1 ? { href: href(result.page - 1) } : undefined,
    next: result.page < last ? { href: href(result.page + 1) } : undefined,
    last,
  };
}

function workerItems(result: TrayResult, selected: number | undefined) {
  const seen = new Map<number, string>();
  for (const w of result.workers ?? []) seen.set(w.workerId, w.name);
  for (const r of result.items) if (r.worker) seen.set(r.worker.id, r.worker.name);
  return [...seen]
    .sort((a, b) => a[1].localeCompare(b[1]))
    .map(([id, name]) => ({ value: String(id), text: name, selected: id === selected }));
}

export function trayRoutes(db: Db, config: Config): Router {
  const router = Router();
  const opts = { teamScope: config.teamScope };

  const show = (tray: TrayId) => async (req: Request, res: Response) => {
    const actor = actorOf(req);
    requireTray(tray, actor);
    const def = TRAYS[tray];
    const raw = req.query as Record<string, string | undefined>;
    const parsed = TrayQuery.safeParse(raw);
    const view = {
      title: def.title,
      tray: def,
      trays: traysFor(actor),
      values: raw,
      rules: (def.rules ?? (Object.keys(RULES) as (keyof typeof RULES)[])).map((r) => ({
        value: r,
        text: RULE_LABELS[r],
        selected: raw.rule === r,
      })),
      statuses: (['overdue', 'due', 'upcoming'] as const).map((s) => ({
        value: s,
        text: STATUS_LABELS[s],
        selected: raw.status === s,
      })),
    };
    if (!parsed.success) {
      res.status(400).render('timescales/views/tray.njk', { ...view, ...formErrors(parsed.error) });
      return;
    }
    const today = todayInLondon(new Date());
    if (raw.format === 'csv') {
      const result = await readTray(db, actor, tray, parsed.data, today, { ...opts, all: true });
      res
        .type('text/csv; charset=utf-8')
        .attachment(`hearth-${tray}-${today}.csv`)
        .send(trayCsv(result.items));
      return;
    }
    const result = await readTray(db, actor, tray, parsed.data, today, opts);
    const base = new URLSearchParams(
      Object.entries(raw).filter(
        (e): e is [string, string] =>
          typeof e[1] === 'string' && e[0] !== 'page' && e[0] !== 'format' && e[1] !== '',
      ),
    );
    const csv = new URLSearchParams(base);
    csv.set('format', 'csv');
    res.render('timescales/views/tray.njk', {
      ...view,
      errors: {},
      result,
      todayText: formatUkDate(today),
      workerItems: workerItems(result, parsed.data.worker),
      csvHref: `${def.path}?${csv.toString()}`,
      pagination: pagination(result, base, def.path),
    });
  };

  for (const id of TRAY_IDS) router.get(TRAYS[id].path, show(id));
  return router;
}
