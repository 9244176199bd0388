// Children pages: /children (search, filters, sort, pages) and /children/:id with its sections.
import { Router, type Request } from 'express';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { formatUkDate, todayInLondon } from '../../domain/dates/index.ts';
import { NotFoundError, can, requirePermission } from '../../platform/access/access.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { formErrors } from '../../platform/http/forms.ts';
import { CODE_LABELS } from './codes.ts';
import { ChildListQuery, type ChildListFilters } from './listQuery.ts';
import { PAGE_SIZE, listChildren, listOptions } from './listService.ts';
import { keptParams, pagination } from './paging.ts';
import { readChildRecord } from './recordService.ts';
import { recordingLinks, recordLinks } from '../recording/links.ts';
import { SECTIONS, STATUS_TAGS, sectionOfForm, sectionTables } from './sections.ts';
import { summarise } from './summary.ts';
import { childRequests, statusWords } from '../placements/requestService.ts';

const SORT_HEADERS: [string, ChildListFilters['sort'] | null][] = [
  ['Name', 'name'],
  ['Date of birth', 'dob'],
  ['Entered care', 'entered'],
  ['Legal status', null],
  ['Placement', null],
  ['Social worker', null],
];

function codeItems(list: Record<string, string>, selected: string | undefined) {
  return Object.entries(list).map(([code, text]) => ({
    value: code,
    text: `${code}: ${text}`,
    selected: code === selected,
  }));
}

export function countText(total: number, filtered: boolean): string {
  const n = total.toLocaleString('en-GB');
  return `${n} ${total === 1 ? 'child' : 'children'}${filtered ? ' found' : ''}`;
}

/** The child id in a path: digits only, else the page does not exist. */
export function childIdParam(value: unknown): number {
  if (typeof value !== 'string' || !/^\d{1,9}$/.test(value)) throw new NotFoundError();
  return Number(value);
}

export function childrenRoutes(db: Db, config: Config): Router {
  const router = Router();
  const scope = { teamScope: config.teamScope };

  router.get('/children', async (req, res) => {
    const actor = actorOf(req);
    requirePermission(actor, 'child:read');
    const raw = req.query as Record<string, string | undefined>;
    const parsed = ChildListQuery.safeParse(raw);
    const options = await listOptions(
      db,
      parsed.success ? { team: parsed.data.team, worker: parsed.data.worker } : {},
      actor.teamId,
    );
    const values = parsed.success ? { ...raw, ...parsed.data } : raw;
    const view = {
      title: 'Children',
      values,
      options,
      teamItems: options.teams.map((t) => ({
        value: String(t.id),
        text: t.name,
        selected: String(t.id) === raw.team,
      })),
      workerHint: {
        team: undefined,
        'own-team': 'Social workers in your team. Choose a team to list its social workers.',
        none: 'Choose a team to list its social workers.',
      }[options.workersOf],
      workerItems: options.workers.map((w) => ({
        value: String(w.id),
        text: w.name,
        selected: String(w.id) === raw.worker,
      })),
      legalItems: codeItems(CODE_LABELS.LS, raw.legal),
      placeItems: codeItems(CODE_LABELS.PLACE, raw.place),
    };
    if (!parsed.success) {
      res.status(400).render('children/views/list.njk', { ...view, ...formErrors(parsed.error) });
      return;
    }
    const f = parsed.data;
    const result = await listChildren(db, actor, f, scope);
    const [only] = result.children;
    if (f.q && result.total === 1 && only && only.localId.toLowerCase() === f.q.toLowerCase()) {
      res.redirect(303, `/children/${String(only.id)}`);
      return;
    }
    const kept = keptParams(raw);
    const headers = SORT_HEADERS.map(([text, sort]) => {
      if (!sort) return { text };
      const active = f.sort === sort;
      const q = keptParams(raw, ['page', 'sort', 'order']);
      q.set('sort', sort);
      q.set('order', active && f.order === 'asc' ? 'desc' : 'asc');
      return {
        text,
        href: `/children?${q.toString()}#results`,
        ariaSort: active ? (f.order === 'asc' ? 'ascending' : 'descending') : 'none',
      };
    });
    const filtered = [f.q, f.team, f.worker, f.legal, f.place, f.area].some((v) => v !== undefined);
    res.render('children/views/list.njk', {
      ...view,
      errors: {},
      result,
      headers,
      countText: countText(result.total, filtered),
      lastPage: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
      pagination: pagination(result.page, PAGE_SIZE, result.total, kept, '/children'),
    });
  });

  for (const section of SECTIONS) {
    const path = section.path ? `/children/:id/${section.path}` : '/children/:id';
    router.get(path, async (req: Request, res, next) => {
      // Not a child id (e.g. /children/new): another route may own the path.
      if (!/^\d+$/.test(String(req.params.id))) {
        next();
        return;
      }
      const actor = actorOf(req);
      requirePermission(actor, 'child:read');
      const childId = childIdParam(req.params.id);
      const record = await readChildRecord(db, actor, childId, {
        ...scope,
        today: todayInLondon(new Date()),
        section: section.id,
      });
      const summary = summarise(record);
      // The placements section links to a new placement request and lists the open ones.
      const requests =
        section.id === 'placements'
          ? await childRequests({ db, actor, scope, today: todayInLondon(new Date()) }, childId)
          : undefined;
      res.render('children/views/record.njk', {
        placementRequests: requests && {
          newHref: requests.canRequest
            ? `/children/${String(childId)}/placement-requests/new`
            : null,
          open: requests.open.map((r) => ({
            href: `/placement-requests/${String(r.id)}`,
            text: `Request ${String(r.id)}: ${r.kind === 'emergency' ? 'emergency' : 'planned'}, needed ${formatUkDate(r.dateNeeded)} (${statusWords[r.status].toLowerCase()})`,
          })),
        },
        title: `${summary.name}: ${section.title}`,
        childId,
        summary,
        child: record.child,
        section: section.id,
        sectionTitle: section.title,
        sections: SECTIONS.map((s) => ({
          ...s,
          href: `/children/${String(childId)}${s.path ? `/${s.path}` : ''}`,
          current: s.id === section.id,
        })),
        tables: sectionTables(section.id, record, recordLinks(childId, actor)),
        actions: recordingLinks(childId, actor).filter((l) => sectionOfForm(l.href) === section.id),
        reviewTag: summary.nextReview ? STATUS_TAGS[summary.nextReview.status] : undefined,
        canSeeViewers: can(actor, 'audit:child-viewers'),
      });
    });
  }

  return router;
}
