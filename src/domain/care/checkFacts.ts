// Problems with a child's care facts that would make the 903 episodes wrong, as GOV.UK-style
// messages tied to the record and field a form shows. Forms refuse input with any problem; the API
// returns them as the field list. At most one problem per record field (the first found).
//
// Checked: end before start; dates before birth or (given `today`) in the future; an end reason
// without an end date or the other way round; periods of care that overlap or a second open one
// (a new period starts after the previous ended, rule 431); legal status and placements outside
// their period, overlapping, or leaving a gap with no legal status or placement; care starting at
// 18 or over (352) or going on past the 18th birthday except under V2 in a community home K2 (359);
// leaving care to stay with carers (E17) before 18 (460), by adoption (386) or special
// guardianship (407) at 18 or over; a V3 short break with any change in it (366) or over 17 days (365).
import { birthdayAt, daysBetween, formatUkDate } from '../dates/index.ts';
import type {
  CareFacts,
  IsoDate,
  LegalStatusPeriod,
  PeriodOfCare,
  PlacementPeriod,
} from './facts.ts';

export interface FactProblem {
  record: 'period' | 'legalStatus' | 'placement';
  /** The record's id. */
  id: number;
  /** The field of the record (as named in facts.ts), or 'legalStatuses' / 'placements' on a period that has none. */
  field: string;
  message: string;
}

export interface CheckOptions {
  /** Today's date; with it, dates in the future and open periods past the 18th birthday are problems. */
  today?: IsoDate;
}

type Dated = LegalStatusPeriod | PlacementPeriod;
type Kind = 'legalStatus' | 'placement';

const NAME: Record<Kind, string> = { legalStatus: 'legal status', placement: 'placement' };
const ADOPTED = new Set(['E11', 'E12']);
const SPECIAL_GUARDIANSHIP = new Set(['E45', 'E46', 'E47', 'E48']);

export function checkFacts(facts: CareFacts, options: CheckOptions = {}): FactProblem[] {
  const problems: FactProblem[] = [];
  const seen = new Set<string>();
  const add = (record: FactProblem['record'], id: number, field: string, message: string): void => {
    const key = `${record}:${String(id)}:${field}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({ record, id, field, message });
  };
  const { today } = options;
  const dob = facts.dateOfBirth;
  const eighteen = birthdayAt(dob, 18);
  const periods = [...facts.periods].sort(byStart);
  const periodById = new Map(periods.map((p) => [p.id, p]));

  periods.forEach((p, i) => {
    const started = 'the date the child started to be looked after';
    if (p.end !== null && p.end < p.start) {
      add(
        'period',
        p.id,
        'end',
        `The date the child left care must be the same as or after ${started}`,
      );
    }
    if (p.start < dob) {
      add(
        'period',
        p.id,
        'start',
        `The date the child started to be looked after must be on or after their date of birth (${formatUkDate(dob)})`,
      );
    }
    if (today !== undefined && p.start > today) {
      add(
        'period',
        p.id,
        'start',
        'The date the child started to be looked after must be today or in the past',
      );
    }
    if (today !== undefined && p.end !== null && p.end > today) {
      add('period', p.id, 'end', 'The date the child left care must be today or in the past');
    }
    if (p.end !== null && p.endReason === null)
      add('period', p.id, 'endReason', 'Select why the child left care');
    if (p.end === null && p.endReason !== null)
      add('period', p.id, 'end', 'Enter the date the child left care');
    if (p.endReason === 'X1')
      add(
        'period',
        p.id,
        'endReason',
        'Select why the child left care (X1 means a new episode began)',
      );
    if (p.start >= eighteen) {
      add(
        'period',
        p.id,
        'start',
        `A child cannot start to be looked after on or after their 18th birthday (${formatUkDate(eighteen)})`,
      );
    }
    const previous = periods[i - 1];
    if (previous && previous.end === null) {
      add(
        'period',
        p.id,
        'start',
        `The child already has an open period of care from ${formatUkDate(previous.start)}. Enter the date it ended first`,
      );
    } else if (previous?.end != null && p.start <= previous.end) {
      add(
        'period',
        p.id,
        'start',
        `The date the child started to be looked after must be after the date they last left care (${formatUkDate(previous.end)})`,
      );
    }
    checkLeavingAt18(p, facts, eighteen, today, add);
  });

  for (const [kind, rows] of [
    ['legalStatus', facts.legalStatuses],
    ['placement', facts.placements],
  ] as const) {
    const byPeriod = new Map<number, Dated[]>();
    for (const row of rows) {
      const name = NAME[kind];
      if (row.end !== null && row.end < row.start)
        add(
          kind,
          row.id,
          'end',
          `The ${name} end date must be the same as or after the start date`,
        );
      if (row.start < dob)
        add(
          kind,
          row.id,
          'start',
          `The ${name} start date must be on or after the child’s date of birth (${formatUkDate(dob)})`,
        );
      if (today !== undefined && row.start > today)
        add(kind, row.id, 'start', `The ${name} start date must be today or in the past`);
      if (today !== undefined && row.end !== null && row.end > today)
        add(kind, row.id, 'end', `The ${name} end date must be today or in the past`);
      const p = periodById.get(row.periodOfCareId);
      if (!p) {
        add(
          kind,
          row.id,
          'periodOfCareId',
          `The ${name} must belong to one of the child’s periods of care`,
        );
        continue;
      }
      const list = byPeriod.get(p.id);
      if (list) list.push(row);
      else byPeriod.set(p.id, [row]);
      if (p.end !== null && p.end < p.start) continue; // the period's own dates are wrong first
      if (row.start < p.start) {
        add(
          kind,
          row.id,
          'start',
          `The ${name} start date must be on or after the date the child started to be looked after (${formatUkDate(p.start)})`,
        );
      }
      if (p.end !== null) {
        if (row.start > p.end)
          add(
            kind,
            row.id,
            'start',
            `The ${name} start date must be on or before the date the child left care (${formatUkDate(p.end)})`,
          );
        if (row.end === null)
          add(
            kind,
            row.id,
            'end',
            `Enter the ${name} end date: the child left care on ${formatUkDate(p.end)}`,
          );
        else if (row.end > p.end)
          add(
            kind,
            row.id,
            'end',
            `The ${name} end date must be on or before the date the child left care (${formatUkDate(p.end)})`,
          );
      }
    }
    for (const p of periods) checkSequence(kind, p, (byPeriod.get(p.id) ?? []).sort(byStart), add);
  }

  for (const p of periods) checkShortBreak(p, facts, add);
  return problems;
}

type Add = (record: FactProblem['record'], id: number, field: string, message: string) => void;

/** Within one period: records follow one another with no overlap and no gap, from its start to its end. */
function checkSequence(kind: Kind, p: PeriodOfCare, rows: Dated[], add: Add): void {
  const name = NAME[kind];
  const first = rows[0];
  if (!first) {
    add(
      'period',
      p.id,
      kind === 'legalStatus' ? 'legalStatuses' : 'placements',
      `Add the child’s ${name} from ${formatUkDate(p.start)}`,
    );
    return;
  }
  if (first.start > p.start) {
    add(
      kind,
      first.id,
      'start',
      `The first ${name} must start on the date the child started to be looked after (${formatUkDate(p.start)})`,
    );
  }
  for (let i = 1; i < rows.length; i++) {
    const prev = rows[i - 1] as Dated;
    const row = rows[i] as Dated;
    if (prev.end === null) {
      add(
        kind,
        row.id,
        'start',
        `This ${name} starts while the ${name} from ${formatUkDate(prev.start)} has no end date. Enter the date that ${name} ended first`,
      );
    } else if (prev.end > row.start) {
      add(
        kind,
        row.id,
        'start',
        `The ${name} start date must be the same as or after the end date of the previous ${name} (${formatUkDate(prev.end)})`,
      );
    } else if (prev.end < row.start) {
      add(
        kind,
        row.id,
        'start',
        `The child has no ${name} from ${formatUkDate(prev.end)} to ${formatUkDate(row.start)}. This ${name} must start on ${formatUkDate(prev.end)}`,
      );
    }
  }
  const last = rows[rows.length - 1] as Dated;
  if (last.end !== null && p.end === null) {
    add(
      kind,
      last.id,
      'end',
      `The child has no ${name} after ${formatUkDate(last.end)} but is still looked after. Add their ${name} from that date`,
    );
  } else if (last.end !== null && p.end !== null && last.end < p.end) {
    add(
      kind,
      last.id,
      'end',
      `The child has no ${name} from ${formatUkDate(last.end)} to ${formatUkDate(p.end)}, when they left care. The last ${name} must end on the date the child left care`,
    );
  }
}

/** Care ends by the 18th birthday (unless V2 in a community home, rule 359); reasons that depend on age. */
function checkLeavingAt18(
  p: PeriodOfCare,
  facts: CareFacts,
  eighteen: IsoDate,
  today: IsoDate | undefined,
  add: Add,
): void {
  const birthday = formatUkDate(eighteen);
  const after18 = (r: Dated): boolean =>
    r.periodOfCareId === p.id && (r.end === null || r.end > eighteen);
  const legalAfter = facts.legalStatuses.filter(after18);
  const placedAfter = facts.placements.filter(after18);
  const v2InK2 =
    legalAfter.length > 0 &&
    placedAfter.length > 0 &&
    legalAfter.every((r) => r.status === 'V2') &&
    placedAfter.every((r) => r.placeType === 'K2');
  if (p.start < eighteen && !v2InK2) {
    if (p.end !== null && p.end > eighteen) {
      add(
        'period',
        p.id,
        'end',
        `The date the child left care must be on or before their 18th birthday (${birthday})`,
      );
    } else if (p.end === null && today !== undefined && today > eighteen) {
      add(
        'period',
        p.id,
        'end',
        `Enter the date the young person left care: they turned 18 on ${birthday}`,
      );
    }
  }
  if (p.end === null || p.endReason === null) return;
  if (p.endReason === 'E17' && p.end < eighteen) {
    add(
      'period',
      p.id,
      'endReason',
      `A child can only stay with their carers at 18 (E17) on or after their 18th birthday (${birthday})`,
    );
  }
  if (ADOPTED.has(p.endReason) && p.end >= eighteen) {
    add(
      'period',
      p.id,
      'endReason',
      `A young person cannot leave care by adoption on or after their 18th birthday (${birthday})`,
    );
  }
  if (SPECIAL_GUARDIANSHIP.has(p.endReason) && p.end >= eighteen) {
    add(
      'period',
      p.id,
      'endReason',
      `A young person cannot leave care by special guardianship on or after their 18th birthday (${birthday})`,
    );
  }
}

/** A V3 short break is a period of care on its own, in one placement, of at most 17 days (rules 365, 366). */
function checkShortBreak(p: PeriodOfCare, facts: CareFacts, add: Add): void {
  const legal = facts.legalStatuses.filter((r) => r.periodOfCareId === p.id);
  const v3 = legal.find((r) => r.status === 'V3');
  if (!v3) return;
  const placements = facts.placements.filter((r) => r.periodOfCareId === p.id);
  if (legal.length > 1 || placements.length > 1) {
    add(
      'legalStatus',
      v3.id,
      'status',
      'A short break (legal status V3) is a period of care of its own: the child’s placement and legal status cannot change during it',
    );
  }
  if (p.end !== null && daysBetween(p.start, p.end) > 17) {
    add(
      'period',
      p.id,
      'end',
      'A single short break (legal status V3) must not last more than 17 days',
    );
  }
}

function byStart(a: { start: IsoDate; id: number }, b: { start: IsoDate; id: number }): number {
  return a.start < b.start ? -1 : a.start > b.start ? 1 : a.id - b.id;
}
