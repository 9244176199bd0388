// Care leavers on or around their 17th–21st birthdays (903 OC3): in touch, in education, employment
// or training, in suitable accommodation.
import type { IsoDate } from '../care/index.ts';
import { addMonths, birthdayAt, daysBetween } from '../dates/index.ts';
import { periodOn, shortBreaksOnly, within, yearTo } from './cohort.ts';
import { percent } from './result.ts';
import type { LeaverContact, Measure, MeasureChild, MeasureData } from './types.ts';

const EET = new Set(['F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5']);

/** Looked after for at least 13 weeks (91 days) from the 14th birthday, with care ending on or after the 16th. */
export function formerRelevant(c: MeasureChild, on: IsoDate): boolean {
  const fourteen = birthdayAt(c.dateOfBirth, 14);
  const sixteen = birthdayAt(c.dateOfBirth, 16);
  let days = 0;
  let after16 = false;
  for (const p of c.periods) {
    if (p.end === null || p.end > on || shortBreaksOnly(c, p)) continue;
    if (p.end >= sixteen) after16 = true;
    const from = p.start > fourteen ? p.start : fourteen;
    if (p.end > from) days += daysBetween(from, p.end);
  }
  return after16 && days >= 91;
}

/** The contact nearest the birthday, from 3 months before to 1 month after it (and not after `at`). */
export function birthdayContact(
  c: MeasureChild,
  birthday: IsoDate,
  at: IsoDate,
): LeaverContact | null {
  const from = addMonths(birthday, -3);
  const to = addMonths(birthday, 1);
  let best: LeaverContact | null = null;
  let bestGap = Infinity;
  for (const x of c.leaverContacts) {
    if (x.date < from || x.date > to || x.date > at) continue;
    const gap = Math.abs(daysBetween(birthday, x.date));
    if (gap < bestGap || (gap === bestGap && best !== null && x.date > best.date)) {
      best = x;
      bestGap = gap;
    }
  }
  return best;
}

interface Leaver {
  contact: LeaverContact | null;
}

/** Care leavers with an OC3 birthday (ages in `ages`) in the twelve months to `at`, excluding any who died. */
const oc3Memo = new WeakMap<readonly MeasureChild[], Map<string, Leaver[]>>();

export function oc3Cohort(data: MeasureData, at: IsoDate, ages: readonly number[]): Leaver[] {
  // Three measures share each cohort: remembered per children array, date and ages.
  let byKey = oc3Memo.get(data.children);
  if (!byKey) oc3Memo.set(data.children, (byKey = new Map<string, Leaver[]>()));
  const key = `${at}/${ages.join(',')}`;
  let out = byKey.get(key);
  if (!out) byKey.set(key, (out = oc3CohortOf(data, at, ages)));
  return out;
}

function oc3CohortOf(data: MeasureData, at: IsoDate, ages: readonly number[]): Leaver[] {
  const w = yearTo(at);
  const out: Leaver[] = [];
  for (const c of data.children)
    for (const age of ages) {
      const birthday = birthdayAt(c.dateOfBirth, age);
      if (!within(birthday, w)) continue;
      if (periodOn(c, birthday) || !formerRelevant(c, birthday)) continue;
      const contact = birthdayContact(c, birthday, at);
      if (contact?.inTouch === 'DIED') continue;
      out.push({ contact });
    }
  return out;
}

const COHORT = (ages: string): string =>
  `Care leavers whose ${ages} birthday fell in the twelve months ending on the date (the birthday ` +
  'on or before the date), who were not looked after on the birthday and were looked after for at ' +
  'least 13 weeks from age 14 with care ending on or after their 16th birthday. Information is the ' +
  'recorded contact nearest the birthday from 3 months before to 1 month after it; a young person ' +
  'with no such contact counts in the denominator and not the numerator; those recorded as died ' +
  '(DIED) are left out.';

function group(
  idAges: string,
  ages: readonly number[],
  agesText: string,
): [Measure, Measure, Measure] {
  const make = (
    what: 'in-touch' | 'eet' | 'suitable-accommodation',
    title: string,
    test: (x: LeaverContact) => boolean,
    rule: string,
    source: string,
  ): Measure => ({
    id: `leavers-${idAges}-${what}`,
    title: `Care leavers aged ${idAges.replace('-', '–')}: ${title}`,
    definition: `${COHORT(agesText)} Numerator: ${rule}`,
    source,
    unit: 'percent',
    polarity: 'higher is better',
    compute(data, at) {
      const cohort = oc3Cohort(data, at, ages);
      let n = 0;
      for (const l of cohort) if (l.contact && test(l.contact)) n++;
      return percent(n, cohort.length);
    },
  });
  return [
    make(
      'in-touch',
      'in touch',
      (x) => x.inTouch === 'YES',
      'the authority was in touch (IN_TOUCH YES).',
      'SSDA903 OC3 IN_TOUCH (England 91% at 19–21 in 2020/21)',
    ),
    make(
      'eet',
      'in education, employment or training',
      (x) => x.activity !== null && EET.has(x.activity),
      'in education, employment or training (ACTIV F1, P1, F2, P2, F4, P4, F5, P5).',
      'SSDA903 OC3 ACTIV (England about half at 19–21)',
    ),
    make(
      'suitable-accommodation',
      'in suitable accommodation',
      (x) => x.accommodation !== null && /^[A-Z]1$/.test(x.accommodation),
      'in accommodation judged suitable (ACCOM ending in 1).',
      'SSDA903 OC3 ACCOM (England 2019: 85% at 19–21, 90% at 18, 63% at 17)',
    ),
  ];
}

export const leavers1718 = group('17-18', [17, 18], '17th or 18th');
export const leavers1921 = group('19-21', [19, 20, 21], '19th, 20th or 21st');
