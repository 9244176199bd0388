// What an import will put in the record, per child (pure). A child's episodes from all the years
// given are combined, one per DECOM (an episode open at 31 March in one year and closed in the next
// is the same episode: the closed one wins), and turned back into periods of care, legal statuses
// and placements by factsFromEpisodes. The OC2 outcomes, which the return gives per year without a
// date, are dated 31 March of that year; an OC3 contact is dated on the birthday in the year.
import {
  factsFromEpisodes,
  type Episode,
  type ReconstructedFacts,
} from '../../../domain/care/index.ts';
import { birthdayAt } from '../../../domain/dates/index.ts';
import type { Problem } from '../../../domain/returns/ssda903/engine.ts';
import type { ImportRow, ImportYear } from './read.ts';

export interface PlannedChild {
  localId: string;
  sex: 'M' | 'F' | 'U';
  dateOfBirth: string;
  ethnicity: string | null;
  upn: string | null;
  homePostcode: string | null;
  uasc: boolean;
  /** The return has no UASC start: taken as the first day in care (or DUC, if earlier). */
  uascStart: string | null;
  uascEnd: string | null;
  facts: ReconstructedFacts;
  reviews: { held: string; participation: string | null }[];
  missing: { kind: 'M' | 'A'; start: string; end: string | null }[];
  sdq: { date: string; score: number | null; reason: string | null }[];
  immunisations: { asAt: string; upToDate: boolean }[];
  health: { kind: 'review' | 'dental'; date: string }[];
  convictions: string[];
  substance: { date: string; offered: boolean; received: boolean }[];
  contacts: {
    date: string;
    inTouch: string;
    activity: string | null;
    accommodation: string | null;
  }[];
  adoptions: {
    decision: string;
    matched: string | null;
    reversed: string | null;
    reversedReason: string | null;
    byFosterCarer: boolean | null;
    adopterCount: number | null;
    adopterSexes: string | null;
    adopterLegalStatus: string | null;
  }[];
  /** date: a full ISO date; partial: the 903's ZZ/MM/YYYY or ZZ/ZZ/YYYY form (at most one set). */
  prevPerm: {
    prevPerm: string;
    date: string | null;
    partial: string | null;
    laCode: string | null;
  }[];
  allocations: { swId: string; start: string; end: string | null; reason: string | null }[];
}

const blank = (s: string | undefined): string | null => (s === undefined || s === '' ? null : s);
const UPN = /^[A-Z][0-9]{11}[0-9A-Z]$/;

export function planImport(years: readonly ImportYear[], problems: Problem[]): PlannedChild[] {
  const sorted = [...years].sort((a, b) => (a.year < b.year ? -1 : 1));
  const children = new Map<string, PlannedChild>();
  const episodes = new Map<string, Map<string, { e: Episode; row: ImportRow }>>();
  const rows = (y: ImportYear, t: Parameters<ImportYear['tables']['get']>[0]): ImportRow[] =>
    y.tables.get(t) ?? [];

  for (const y of sorted)
    for (const r of rows(y, 'Header')) {
      const v = r.v;
      const id = v.CHILD ?? '';
      const earlier = children.get(id);
      const child: PlannedChild = earlier ?? emptyChild(id);
      child.sex = (v.SEX as PlannedChild['sex'] | undefined) ?? 'U';
      child.dateOfBirth = v.DOB ?? '';
      child.ethnicity = blank(v.ETHNIC);
      child.upn = UPN.test(v.UPN ?? '') ? (v.UPN ?? null) : null;
      children.set(id, child);
    }

  const need = (r: ImportRow): PlannedChild | undefined => {
    const c = children.get(r.v.CHILD ?? '');
    if (!c)
      problems.push({
        file: r.file,
        line: r.line,
        message: `child ${r.v.CHILD ?? ''} has no row in any header.csv given`,
      });
    return c;
  };

  for (const y of sorted) {
    const end = `${String(Number(y.year.slice(0, 4)) + 1)}-03-31`;
    const start = `${y.year.slice(0, 4)}-04-01`;
    for (const r of rows(y, 'Episodes')) {
      const c = need(r);
      if (!c) continue;
      const v = r.v;
      const e: Episode = {
        CHILD: c.localId,
        DECOM: v.DECOM ?? '',
        RNE: v.RNE ?? '',
        LS: v.LS ?? '',
        CIN: v.CIN ?? '',
        PLACE: v.PLACE ?? '',
        PLACE_PROVIDER: blank(v.PLACE_PROVIDER),
        DEC: blank(v.DEC),
        REC: blank(v.REC),
        REASON_PLACE_CHANGE: blank(v.REASON_PLACE_CHANGE),
        HOME_POST: blank(v.HOME_POST),
        PL_POST: blank(v.PL_POST),
        URN: blank(v.URN),
      };
      let byDecom = episodes.get(c.localId);
      if (!byDecom) {
        byDecom = new Map<string, { e: Episode; row: ImportRow }>();
        episodes.set(c.localId, byDecom);
      }
      const seen = byDecom.get(e.DECOM);
      if (seen && seen.row.file === r.file) {
        problems.push({
          file: r.file,
          line: r.line,
          message: `a second episode for child ${c.localId} starting ${v.DECOM ?? ''} (line ${String(seen.row.line)} is one)`,
        });
        continue;
      }
      // The same episode in a later year: it is closed there (or still open in both).
      if (!seen || e.DEC !== null || seen.e.DEC === null) byDecom.set(e.DECOM, { e, row: r });
      if (e.HOME_POST) c.homePostcode = e.HOME_POST;
    }
    for (const r of rows(y, 'UASC')) {
      const c = need(r);
      if (!c) continue;
      c.uasc = true;
      c.uascEnd = blank(r.v.DUC);
    }
    for (const r of rows(y, 'Reviews')) {
      const c = need(r);
      if (c) c.reviews.push({ held: r.v.REVIEW ?? '', participation: blank(r.v.REVIEW_CODE) });
    }
    for (const r of rows(y, 'Missing')) {
      const c = need(r);
      if (c)
        c.missing.push({
          kind: r.v.MISSING === 'A' ? 'A' : 'M',
          start: r.v.MIS_START ?? '',
          end: blank(r.v.MIS_END),
        });
    }
    for (const r of rows(y, 'OC2')) {
      const c = need(r);
      if (!c) continue;
      const v = r.v;
      if (v.SDQ_SCORE || v.SDQ_REASON)
        c.sdq.push({
          date: end,
          score: v.SDQ_SCORE ? Number(v.SDQ_SCORE) : null,
          reason: v.SDQ_SCORE ? null : blank(v.SDQ_REASON),
        });
      if (v.IMMUNISATIONS) c.immunisations.push({ asAt: end, upToDate: v.IMMUNISATIONS === '1' });
      if (v.HEALTH_ASSESSMENT === '1') c.health.push({ kind: 'review', date: end });
      if (v.TEETH_CHECK === '1') c.health.push({ kind: 'dental', date: end });
      if (v.CONVICTED === '1') c.convictions.push(end);
      if (v.SUBSTANCE_MISUSE === '1')
        c.substance.push({
          date: end,
          offered: v.INTERVENTION_OFFERED === '1' || v.INTERVENTION_RECEIVED === '1',
          received: v.INTERVENTION_RECEIVED === '1',
        });
    }
    for (const r of rows(y, 'OC3')) {
      const c = need(r);
      if (!c || !c.dateOfBirth) continue;
      let date = birthdayAt(
        c.dateOfBirth,
        Number(start.slice(0, 4)) - Number(c.dateOfBirth.slice(0, 4)),
      );
      if (date < start)
        date = birthdayAt(
          c.dateOfBirth,
          Number(end.slice(0, 4)) - Number(c.dateOfBirth.slice(0, 4)),
        );
      c.contacts.push({
        date,
        inTouch: r.v.IN_TOUCH ?? '',
        activity: blank(r.v.ACTIV),
        accommodation: blank(r.v.ACCOM),
      });
    }
    for (const r of rows(y, 'PlacedAdoption')) {
      const c = need(r);
      if (!c) continue;
      const a = adoption(c, r.v.DATE_PLACED ?? '');
      a.reversed = blank(r.v.DATE_PLACED_CEASED);
      a.reversedReason = blank(r.v.REASON_PLACED_CEASED);
    }
    for (const r of rows(y, 'AD1')) {
      const c = need(r);
      if (!c) continue;
      const v = r.v;
      const a = adoption(c, v.DATE_INT ?? '');
      a.matched = blank(v.DATE_MATCH);
      a.byFosterCarer = v.FOSTER_CARE ? v.FOSTER_CARE === '1' : null;
      a.adopterCount = v.NB_ADOPTR ? Number(v.NB_ADOPTR) : null;
      a.adopterSexes = blank(v.SEX_ADOPTR);
      a.adopterLegalStatus = blank(v.LS_ADOPTR);
    }
    for (const r of rows(y, 'PrevPerm')) {
      const c = need(r);
      if (!c) continue;
      const date = blank(r.v.DATE_PERM);
      const partial = date?.startsWith('ZZ/') ?? false;
      const p = {
        prevPerm: r.v.PREV_PERM ?? '',
        date: partial ? null : date,
        partial: partial ? date : null,
        laCode: blank(r.v.LA_PERM),
      };
      const i = c.prevPerm.findIndex((x) => x.prevPerm === p.prevPerm);
      if (i >= 0) c.prevPerm[i] = p;
      else c.prevPerm.push(p);
    }
    for (const r of rows(y, 'SWEpisodes')) {
      const c = need(r);
      if (!c) continue;
      const a = {
        swId: r.v.SW_ID ?? '',
        start: r.v.SW_DECOM ?? '',
        end: blank(r.v.SW_DEC),
        reason: blank(r.v.SW_REASON),
      };
      const i = c.allocations.findIndex((x) => x.start === a.start && x.swId === a.swId);
      if (i < 0) c.allocations.push(a);
      else if (a.end !== null) c.allocations[i] = a;
    }
  }

  for (const c of children.values()) {
    const list = [...(episodes.get(c.localId)?.values() ?? [])].map((x) => x.e);
    c.facts = factsFromEpisodes(list);
    if (c.uasc) {
      const first = c.facts.periods[0]?.start ?? c.dateOfBirth;
      c.uascStart = c.uascEnd !== null && c.uascEnd < first ? c.uascEnd : first;
    }
    c.reviews = dedupe(c.reviews, (r) => r.held);
    c.missing = dedupe(c.missing, (m) => `${m.kind}${m.start}`);
  }
  return [...children.values()];
}

function adoption(c: PlannedChild, decision: string): PlannedChild['adoptions'][number] {
  let a = c.adoptions.find((x) => x.decision === decision);
  if (!a) {
    a = {
      decision,
      matched: null,
      reversed: null,
      reversedReason: null,
      byFosterCarer: null,
      adopterCount: null,
      adopterSexes: null,
      adopterLegalStatus: null,
    };
    c.adoptions.push(a);
  }
  return a;
}

/** Keeps the last row for each key (a later year's version of the same fact). */
function dedupe<T>(rows: T[], key: (r: T) => string): T[] {
  const m = new Map<string, T>();
  for (const r of rows) m.set(key(r), r);
  return [...m.values()];
}

function emptyChild(localId: string): PlannedChild {
  return {
    localId,
    sex: 'U',
    dateOfBirth: '',
    ethnicity: null,
    upn: null,
    homePostcode: null,
    uasc: false,
    uascStart: null,
    uascEnd: null,
    facts: { periods: [], legalStatuses: [], placements: [] },
    reviews: [],
    missing: [],
    sdq: [],
    immunisations: [],
    health: [],
    convictions: [],
    substance: [],
    contacts: [],
    adoptions: [],
    prevPerm: [],
    allocations: [],
  };
}
