// Builds every table of a year's 903 return from the care record (pure: no SQL, no clock). Columns
// and file names come from the DfE specification (domain spec); dates are written DD/MM/YYYY.
//
// Who is in which table:
// - Episodes: every episode open at some point in the year (deriveEpisodes + episodesForYear).
// - Header: every child with an episode in the year or a care leaver (OC3) row.
// - OC3: the child's last care leaver contact in the year, for a child with no episode in the year.
// - Reviews: reviews held in the year; Missing: missing episodes that started in the year.
// - UASC: children recorded as UASC; OC2: children looked after continuously for 12 months at
//   31 March; AD1: children who left care by adoption (E11, E12) in the year; PlacedAdoption:
//   decisions that the child should be placed for adoption made by the end of the year and not
//   reversed before it began; PrevPerm: children who started a period of care in the year (with
//   what the record says of a previous permanence option); SWEpisodes: social worker allocations
//   overlapping the social worker reporting period (from 1 April of the year before).
import { ageOn } from '../../../domain/dates/index.ts';
import {
  collectionYearBounds,
  deriveEpisodes,
  episodesForYear,
  type CareFacts,
  type Episode,
} from '../../../domain/care/index.ts';
import { tableSpec } from '../../../domain/returns/ssda903/spec.ts';
import type { TableName } from '../../../domain/returns/ssda903/types.ts';
import type { ExportChild, ExportRecord } from './record.ts';

export const EXPORT_TABLES = [
  'Header',
  'Episodes',
  'UASC',
  'Reviews',
  'Missing',
  'OC2',
  'OC3',
  'AD1',
  'PlacedAdoption',
  'PrevPerm',
  'SWEpisodes',
] as const satisfies readonly TableName[];
export type ExportTable = (typeof EXPORT_TABLES)[number];

export interface ExportedTable {
  table: ExportTable;
  /** DfE file name, e.g. 'episodes.csv'. */
  file: string;
  columns: readonly string[];
  /** Values in column order; '' for blank. */
  rows: string[][];
}

export interface ExportedReturn {
  year: string;
  tables: ExportedTable[];
  /** Hearth child id by 903 CHILD (local id), for linking findings to the record. */
  childIds: Map<string, number>;
}

/** 'YYYY-MM-DD' → 'DD/MM/YYYY'; '' for null. */
export function dmy(iso: string | null | undefined): string {
  if (!iso) return '';
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
const flag = (b: boolean): string => (b ? '1' : '0');
const inRange = (d: string | null, from: string, to: string): d is string =>
  d !== null && d >= from && d <= to;

function groupBy<T extends { childId: number }>(rows: readonly T[]): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) {
    const list = m.get(r.childId);
    if (list) list.push(r);
    else m.set(r.childId, [r]);
  }
  return m;
}

/** The episodes of every child, for the whole record (not clipped to a year). */
export function allEpisodes(record: ExportRecord): Map<number, Episode[]> {
  const periods = groupBy(record.periods);
  const legal = groupBy(record.legalStatuses);
  const placements = groupBy(record.placements);
  const out = new Map<number, Episode[]>();
  for (const c of record.children) {
    const ps = periods.get(c.id);
    if (!ps) continue;
    const facts: CareFacts = {
      childId: c.localId,
      dateOfBirth: c.dateOfBirth,
      periods: ps,
      legalStatuses: (legal.get(c.id) ?? [])
        .map((l) => ({ ...l, periodOfCareId: l.periodId }))
        .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id - b.id)),
      placements: (placements.get(c.id) ?? [])
        .map((p) => ({ ...p, periodOfCareId: p.periodId }))
        .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id - b.id)),
    };
    out.set(c.id, deriveEpisodes(facts, { homePostcode: c.homePostcode }));
  }
  return out;
}

/** Looked after continuously for 12 months at 31 March (the same test as the validator's OC2 cohort). */
function cla12(episodes: readonly Episode[], start: string, end: string): boolean {
  let atStart = false;
  for (const e of episodes) {
    if (e.DECOM <= start) atStart = true;
    if (e.RNE === 'S' && e.DECOM > start) return false;
    if (e.DEC !== null && e.REC !== null && e.REC !== 'X1' && e.DEC <= end) return false;
    if (e.LS === 'V3' || e.LS === 'V4') return false;
  }
  return atStart;
}

export function buildReturn(record: ExportRecord, year: string): ExportedReturn {
  const { start, end } = collectionYearBounds(year);
  const swFrom = `${String(Number(start.slice(0, 4)) - 1)}-04-01`;
  const byChild = new Map(record.children.map((c) => [c.id, c]));
  const episodes = allEpisodes(record);
  const yearEpisodes = new Map<number, Episode[]>();
  for (const [id, list] of episodes) {
    const inYear = episodesForYear(list, year);
    if (inYear.length > 0) yearEpisodes.set(id, inYear);
  }
  const lastContact = new Map<number, (typeof record.contacts)[number]>();
  for (const k of record.contacts) {
    if (!inRange(k.date, start, end) || yearEpisodes.has(k.childId)) continue;
    const prev = lastContact.get(k.childId);
    if (!prev || k.date > prev.date) lastContact.set(k.childId, k);
  }
  const inReturn = record.children
    .filter((c) => yearEpisodes.has(c.id) || lastContact.has(c.id))
    .sort((a, b) => (a.localId < b.localId ? -1 : a.localId > b.localId ? 1 : 0));
  const looked = inReturn.filter((c) => yearEpisodes.has(c.id));
  const tables = new Map<ExportTable, string[][]>();
  const written = new Set<string>();
  // A fact recorded twice (the same missing episode entered twice) is one row: the DfE files must
  // not hold duplicated rows.
  const put = (t: ExportTable, row: Record<string, string>): void => {
    const values = tableSpec(t).columns.map((c) => row[c.name] ?? '');
    const key = `${t}\u0001${values.join('\u0001')}`;
    if (written.has(key)) return;
    written.add(key);
    const list = tables.get(t) ?? [];
    list.push(values);
    tables.set(t, list);
  };
  const ageAtEnd = (c: ExportChild): number => ageOn(c.dateOfBirth, end);

  // Header, UASC
  const mothers = groupBy(record.motherhood);
  for (const c of inReturn) {
    const looksAfter = yearEpisodes.has(c.id);
    const babies = (mothers.get(c.id) ?? []).map((m) => m.childDob).sort();
    const mother = looksAfter && c.sex === 'F' ? (babies.length > 0 ? '1' : '0') : '';
    put('Header', {
      CHILD: c.localId,
      SEX: c.sex,
      DOB: dmy(c.dateOfBirth),
      ETHNIC: c.ethnicity ?? '',
      // No UPN recorded: UN1 for a child under school age (under 5 at 31 March); otherwise blank, a
      // fact missing from the record.
      UPN: c.upn ?? (ageAtEnd(c) < 5 ? 'UN1' : ''),
      MOTHER: mother,
      MC_DOB: mother === '1' ? dmy(babies[0]) : '',
    });
    if (c.uasc && looksAfter)
      put('UASC', {
        CHILD: c.localId,
        SEX: c.sex,
        DOB: dmy(c.dateOfBirth),
        DUC: dmy(c.uascEnd),
      });
  }

  // Episodes
  for (const c of looked)
    for (const e of yearEpisodes.get(c.id) ?? [])
      put('Episodes', {
        CHILD: c.localId,
        DECOM: dmy(e.DECOM),
        RNE: e.RNE,
        LS: e.LS,
        CIN: e.CIN,
        PLACE: e.PLACE,
        PLACE_PROVIDER: e.PLACE_PROVIDER ?? '',
        DEC: dmy(e.DEC),
        REC: e.REC ?? '',
        REASON_PLACE_CHANGE: e.REASON_PLACE_CHANGE ?? '',
        HOME_POST: e.HOME_POST ?? '',
        PL_POST: e.PL_POST ?? '',
        URN: e.URN ?? '',
      });

  const dobOf = (id: number): string => dmy(byChild.get(id)?.dateOfBirth);
  const localOf = (id: number): string => byChild.get(id)?.localId ?? '';
  const sorted = <T extends { childId: number }>(rows: readonly T[], key: (r: T) => string): T[] =>
    rows
      .filter((r) => yearEpisodes.has(r.childId))
      .sort((a, b) => {
        const ka = `${localOf(a.childId)}\u0000${key(a)}`;
        const kb = `${localOf(b.childId)}\u0000${key(b)}`;
        return ka < kb ? -1 : ka > kb ? 1 : 0;
      });

  // Reviews, Missing
  for (const r of sorted(record.reviews, (x) => x.held))
    if (inRange(r.held, start, end))
      put('Reviews', {
        CHILD: localOf(r.childId),
        DOB: dobOf(r.childId),
        REVIEW: dmy(r.held),
        REVIEW_CODE: r.participation ?? '',
      });
  for (const m of sorted(record.missing, (x) => x.start))
    if (inRange(m.start, start, end))
      put('Missing', {
        CHILD: localOf(m.childId),
        DOB: dobOf(m.childId),
        MISSING: m.kind,
        MIS_START: dmy(m.start),
        MIS_END: m.end !== null && m.end <= end ? dmy(m.end) : '',
      });

  // OC2
  const sdq = groupBy(record.sdq);
  const convictions = groupBy(record.convictions);
  const health = groupBy(record.health);
  const immunisations = groupBy(record.immunisations);
  const substance = groupBy(record.substance);
  for (const c of looked) {
    if (!cla12(yearEpisodes.get(c.id) ?? [], start, end)) continue;
    const age = ageAtEnd(c);
    const row: Record<string, string> = { CHILD: c.localId, DOB: dmy(c.dateOfBirth) };
    // SDQ: aged 4 or over at the end of the year and 16 or under at its start (rules 188, 189).
    if (age >= 4 && ageOn(c.dateOfBirth, start) <= 16) {
      const s = (sdq.get(c.id) ?? [])
        .filter((x) => x.date === null || inRange(x.date, start, end))
        .sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? -1 : 1))
        .at(-1);
      if (s) {
        row.SDQ_SCORE = s.score === null ? '' : String(s.score);
        row.SDQ_REASON = s.score === null ? (s.reason ?? '') : '';
      }
    }
    if (age >= 10)
      row.CONVICTED = flag((convictions.get(c.id) ?? []).some((x) => inRange(x.date, start, end)));
    const checks = (health.get(c.id) ?? []).filter((h) => inRange(h.date, start, end));
    if (age < 5) row.HEALTH_CHECK = flag(checks.some((h) => h.kind !== 'dental'));
    const imm = (immunisations.get(c.id) ?? [])
      .filter((i) => i.asAt <= end)
      .sort((a, b) => (a.asAt < b.asAt ? -1 : 1))
      .at(-1);
    row.IMMUNISATIONS = flag(imm?.upToDate ?? false);
    row.TEETH_CHECK = flag(checks.some((h) => h.kind === 'dental'));
    row.HEALTH_ASSESSMENT = flag(checks.some((h) => h.kind !== 'dental'));
    const misuse = (substance.get(c.id) ?? []).filter((s) => inRange(s.date, start, end));
    row.SUBSTANCE_MISUSE = flag(misuse.length > 0);
    if (misuse.length > 0) {
      // Offered is asked only when no intervention was received (rules 158, 159).
      const received = misuse.some((s) => s.received);
      row.INTERVENTION_RECEIVED = flag(received);
      if (!received) row.INTERVENTION_OFFERED = flag(misuse.some((s) => s.offered));
    }
    put('OC2', row);
  }

  // OC3
  for (const c of inReturn) {
    const k = lastContact.get(c.id);
    if (!k) continue;
    put('OC3', {
      CHILD: c.localId,
      DOB: dmy(c.dateOfBirth),
      IN_TOUCH: k.inTouch,
      // Not in touch (NO, REFU, NREQ, DIED, RHOM): activity and accommodation are 0, not known.
      ACTIV: k.activity ?? (k.inTouch === 'YES' ? '' : '0'),
      ACCOM: k.accommodation ?? (k.inTouch === 'YES' ? '' : '0'),
    });
  }

  // AD1, PlacedAdoption
  const adoptions = groupBy(record.adoptions);
  for (const c of looked) {
    const plans = (adoptions.get(c.id) ?? []).sort((a, b) => (a.decision < b.decision ? -1 : 1));
    const adopted = (yearEpisodes.get(c.id) ?? []).some(
      (e) => (e.REC === 'E11' || e.REC === 'E12') && inRange(e.DEC, start, end),
    );
    const plan = plans.filter((p) => p.reversed === null).at(-1);
    if (adopted && plan)
      put('AD1', {
        CHILD: c.localId,
        DOB: dmy(c.dateOfBirth),
        DATE_INT: dmy(plan.decision),
        DATE_MATCH: dmy(plan.matched),
        FOSTER_CARE: plan.byFosterCarer === null ? '' : flag(plan.byFosterCarer),
        NB_ADOPTR: plan.adopterCount === null ? '' : String(plan.adopterCount),
        SEX_ADOPTR: plan.adopterSexes ?? '',
        LS_ADOPTR: plan.adopterLegalStatus ?? '',
      });
    for (const p of plans) {
      if (p.decision > end || (p.reversed !== null && p.reversed < start)) continue;
      const ceased = p.reversed !== null && p.reversed <= end;
      put('PlacedAdoption', {
        CHILD: c.localId,
        DOB: dmy(c.dateOfBirth),
        DATE_PLACED: dmy(p.decision),
        DATE_PLACED_CEASED: ceased ? dmy(p.reversed) : '',
        REASON_PLACED_CEASED: ceased ? (p.reversedReason ?? '') : '',
      });
    }
  }

  // PrevPerm: children who started a period of care in the year
  const prevPerm = groupBy(record.prevPerm);
  for (const c of looked) {
    const started = (yearEpisodes.get(c.id) ?? []).some((e) => e.RNE === 'S' && e.DECOM >= start);
    if (!started) continue;
    for (const p of prevPerm.get(c.id) ?? [])
      put('PrevPerm', {
        CHILD: c.localId,
        DOB: dmy(c.dateOfBirth),
        PREV_PERM: p.prevPerm,
        LA_PERM: p.laCode ?? '',
        DATE_PERM: p.date ? dmy(p.date) : (p.datePartial ?? ''),
      });
  }

  // SWEpisodes. SW_REASON is why this social worker episode began: the reason the previous
  // worker's allocation ended when this one follows it within 7 days (rule SW10's window), else
  // FCONTA, the first contact of a new involvement. An allocation ending on 31 March whose
  // successor starts on 1 April is returned open: the change of worker falls in the next year, and
  // at 31 March the child had a social worker (rules SW11b, SW17).
  let before: (typeof record.allocations)[number] | undefined;
  const allocations = sorted(record.allocations, (x) => x.start);
  for (const [i, a] of allocations.entries()) {
    const prev = before?.childId === a.childId ? before : undefined;
    before = a;
    if (a.start > end || (a.end !== null && a.end < swFrom)) continue;
    const next = allocations[i + 1];
    const handedOver =
      a.end === end && next?.childId === a.childId && daysBetween(a.end, next.start) === 1;
    const ended = a.end !== null && a.end <= end && !handedOver;
    const follows = prev?.end != null && daysBetween(prev.end, a.start) <= 7;
    put('SWEpisodes', {
      CHILD: localOf(a.childId),
      DOB: dobOf(a.childId),
      SW_ID: a.swId ?? '',
      SW_DECOM: dmy(a.start),
      SW_DEC: ended ? dmy(a.end) : '',
      SW_REASON: follows ? (prev.endReason ?? '') : 'FCONTA',
    });
  }

  return {
    year,
    tables: EXPORT_TABLES.map((t) => {
      const spec = tableSpec(t);
      return {
        table: t,
        file: spec.csvFile,
        columns: spec.columns.map((c) => c.name),
        rows: tables.get(t) ?? [],
      };
    }),
    childIds: new Map(inReturn.map((c) => [c.localId, c.id])),
  };
}
