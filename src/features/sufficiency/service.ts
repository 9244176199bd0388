// The sufficiency view for an actor. figures:read sees the figures; staff who may also read
// children (child:read) get a drill-down from each figure to its children, listed only where the
// child is in their scope (childScope, in SQL) and counted otherwise; panel members (neither
// child:read nor pseudonymised rows) see small counts withheld (suppression.ts). Every view, drill-
// down and export is audited.
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../db/connect.ts';
import { isSmall, SMALL_NUMBER_THRESHOLD } from '../../domain/measures/suppression.ts';
import { can, NotFoundError, requirePermission } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { meaning } from '../children/codes.ts';
import { childScope, type ScopeOptions } from '../children/scope.ts';
import { postcodeDistrict } from '../children/summary.ts';
import {
  countFigures,
  figureChildren,
  figureDef,
  type CapacityCount,
  type CountedFigures,
  type FigureChildRow,
  type FigureCount,
} from './aggregate.ts';

export interface FigureView {
  key: string;
  label: string;
  /** null when withheld (1–4 children, for panel members). */
  count: number | null;
  weeklyCost?: number | null;
  costNotKnown?: number | null;
  /** The drill-down page, for staff who may read children. */
  href?: string;
}

export interface CapacityView {
  key: string;
  label: string;
  capacity: number;
  /** Children placed in it now; null when withheld or not known. */
  used: number | null;
  free: number | null;
  /** True when `used` is withheld (small number), false when shown or not known. */
  withheld: boolean;
  href?: string;
}

export interface SufficiencyView {
  today: string;
  suppressed: boolean;
  drillDown: boolean;
  total: FigureView;
  sections: { id: string; title: string; figures: FigureView[] }[];
  capacity: CapacityView[];
  note: string | null;
}

export function suppressFor(actor: Actor): boolean {
  return !can(actor, 'child:read') && !can(actor, 'pseudonymised:read');
}

function view(f: FigureCount, suppress: boolean, drill: boolean): FigureView {
  const hide = suppress && isSmall(f.count);
  const out: FigureView = { key: f.key, label: f.label, count: hide ? null : f.count };
  if (f.weeklyCost !== undefined) {
    out.weeklyCost =
      hide || (suppress && isSmall(f.count - (f.costNotKnown ?? 0))) ? null : f.weeklyCost;
    out.costNotKnown =
      hide || (suppress && isSmall(f.costNotKnown ?? 0)) ? null : (f.costNotKnown ?? 0);
  }
  if (drill && f.count > 0) out.href = `/sufficiency/children?figure=${encodeURIComponent(f.key)}`;
  return out;
}

function capacityView(c: CapacityCount, suppress: boolean, drill: boolean): CapacityView {
  const hide = suppress && c.used !== null && isSmall(c.used);
  const used = hide ? null : c.used;
  const out: CapacityView = {
    key: c.key,
    label: c.label,
    capacity: c.capacity,
    used,
    free: used === null ? null : c.capacity - used,
    withheld: hide,
  };
  if (drill && c.drillable && c.used !== null && c.used > 0)
    out.href = `/sufficiency/children?figure=${encodeURIComponent(c.key)}`;
  return out;
}

async function figures(db: Db, today: string): Promise<CountedFigures> {
  return countFigures(db, today);
}

export function toView(f: CountedFigures, actor: Actor, today: string): SufficiencyView {
  const suppress = suppressFor(actor);
  const drill = can(actor, 'child:read');
  const v = (x: FigureCount) => view(x, suppress, drill);
  return {
    today,
    suppressed: suppress,
    drillDown: drill,
    total: v(f.total),
    sections: [
      { id: 'age', title: 'By age', figures: f.age.map(v) },
      { id: 'need', title: 'By category of need', figures: f.need.map(v) },
      { id: 'type', title: 'By placement type', figures: f.placementType.map(v) },
      {
        id: 'provision',
        title: 'In-house and external, with weekly cost',
        figures: f.provision.map(v),
      },
      { id: 'location', title: 'Distance from home', figures: f.location.map(v) },
      { id: 'fragile', title: 'Fragile placements: offer support', figures: f.fragile.map(v) },
    ],
    capacity: f.capacity.map((c) => capacityView(c, suppress, drill)),
    note: suppress
      ? `Counts of 1 to ${String(SMALL_NUMBER_THRESHOLD - 1)} children, and figures made from them, are withheld so that no child can be identified.`
      : null,
  };
}

export async function readSufficiency(
  db: Db,
  actor: Actor,
  today: string,
): Promise<SufficiencyView> {
  requirePermission(actor, 'figures:read');
  return db.transaction().execute(async (trx) => {
    const f = await figures(trx, today);
    await audit(trx, actor, { action: 'read', recordType: 'sufficiency', detail: { today } });
    return toView(f, actor, today);
  });
}

export interface DrillChild {
  id: number;
  localId: string;
  name: string;
  age: number;
  placement: string;
  placementDistrict: string | null;
}

export interface DrillDownView {
  figure: string;
  label: string;
  total: number;
  children: DrillChild[];
  /** Children behind the figure who are outside the viewer's scope: counted, not named. */
  notInScope: number;
  /** Children in scope, listed DRILL_PAGE_SIZE a page, sorted by name. */
  inScope: number;
  page: number;
  pages: number;
}

export const DRILL_PAGE_SIZE = 50;

function drillChild(r: FigureChildRow): DrillChild {
  return {
    id: r.id,
    localId: r.local_id,
    name: `${r.preferred_name ?? r.first_name} ${r.last_name}`,
    age: r.age,
    placement: r.place_type
      ? `${r.place_type}: ${meaning('PLACE', r.place_type) ?? ''}`
      : 'No placement recorded',
    placementDistrict: postcodeDistrict(r.postcode),
  };
}

function drillFigure(actor: Actor, key: string) {
  requirePermission(actor, 'figures:read');
  requirePermission(actor, 'child:read');
  const def = figureDef(key);
  if (!def) throw new NotFoundError();
  return def;
}

/**
 * One figure's children in the viewer's scope (childScope, in SQL), a page at a time; only that
 * figure is worked out. A page past the last is "not found".
 */
export async function drillDown(
  db: Db,
  actor: Actor,
  key: string,
  today: string,
  opts: ScopeOptions,
  page = 1,
): Promise<DrillDownView> {
  const def = drillFigure(actor, key);
  return db.transaction().execute(async (trx) => {
    const found = await figureChildren(trx, def, today, childScope(actor, opts), {
      limit: DRILL_PAGE_SIZE,
      offset: (page - 1) * DRILL_PAGE_SIZE,
    });
    const pages = Math.max(1, Math.ceil(found.inScope / DRILL_PAGE_SIZE));
    if (page > pages) throw new NotFoundError();
    const children = found.rows.map(drillChild);
    await audit(trx, actor, {
      action: 'list',
      recordType: 'child',
      detail: { sufficiencyFigure: key, page, shown: children.length },
    });
    return {
      figure: key,
      label: def.label,
      total: found.total,
      children,
      notInScope: found.total - found.inScope,
      inScope: found.inScope,
      page,
      pages,
    };
  });
}

/** Every child behind one figure in the viewer's scope, as CSV (child:read; audited as an export). */
export async function drillDownCsv(
  db: Db,
  actor: Actor,
  key: string,
  today: string,
  opts: ScopeOptions,
): Promise<Buffer> {
  const def = drillFigure(actor, key);
  return db.transaction().execute(async (trx) => {
    const found = await figureChildren(trx, def, today, childScope(actor, opts), {
      limit: null,
      offset: 0,
    });
    const lines: string[][] = [
      ['local id', 'name', 'age', 'placement', 'placement area'],
      ...found.rows
        .map(drillChild)
        .map((c) => [
          c.localId,
          c.name,
          String(c.age),
          c.placement,
          c.placementDistrict ?? 'not known',
        ]),
    ];
    await audit(trx, actor, {
      action: 'export',
      recordType: 'child',
      detail: { sufficiencyFigure: key, today, children: found.rows.length },
    });
    return Buffer.from(stringify(lines, { cast: { string: safeCell } }), 'utf8');
  });
}

/** Spreadsheet formula injection: a cell starting with = + - @ is prefixed with an apostrophe. */
function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The figures as CSV (section, figure, children, weekly cost, cost not known), withheld cells blank-marked. */
export async function sufficiencyCsv(db: Db, actor: Actor, today: string): Promise<Buffer> {
  requirePermission(actor, 'figures:read');
  return db.transaction().execute(async (trx) => {
    const v = toView(await figures(trx, today), actor, today);
    const cell = (n: number | null | undefined) =>
      n === undefined ? '' : n === null ? 'withheld' : String(n);
    const lines: string[][] = [
      ['section', 'figure', 'children', 'weekly cost (£)', 'cost not known', 'capacity', 'free'],
    ];
    lines.push(['Total', v.total.label, cell(v.total.count), '', '', '', '']);
    for (const s of v.sections)
      for (const f of s.figures)
        lines.push([
          s.title,
          f.label,
          cell(f.count),
          cell(f.weeklyCost),
          cell(f.costNotKnown),
          '',
          '',
        ]);
    for (const c of v.capacity)
      lines.push([
        'Capacity',
        c.label,
        c.withheld ? 'withheld' : c.used === null ? 'not known' : String(c.used),
        '',
        '',
        String(c.capacity),
        c.withheld ? 'withheld' : c.free === null ? 'not known' : String(c.free),
      ]);
    await audit(trx, actor, { action: 'export', recordType: 'sufficiency', detail: { today } });
    return Buffer.from(stringify(lines), 'utf8');
  });
}
