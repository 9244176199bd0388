// Builders for measure tests: a child in care from a date with one placement unless told otherwise.
import type { IsoDate, LegalStatusPeriod, PeriodOfCare } from '../care/index.ts';
import type { MeasureChild, MeasureData, MeasurePlacement } from './types.ts';

let next = 1;

export interface Stay {
  start: IsoDate;
  end?: IsoDate | null;
  endReason?: string | null;
  /** Legal status for the whole period (default C2). */
  status?: string;
  /** Placements as [type, start, end?, extra?]; default one U4 for the whole period. */
  placements?: [string, IsoDate, (IsoDate | null)?, Partial<MeasurePlacement>?][];
  cin?: string;
}

export function child(
  dateOfBirth: IsoDate,
  stays: Stay[],
  more: Partial<Omit<MeasureChild, 'periods' | 'legalStatuses' | 'placements'>> = {},
): MeasureChild {
  const periods: PeriodOfCare[] = [];
  const legalStatuses: LegalStatusPeriod[] = [];
  const placements: MeasurePlacement[] = [];
  for (const s of stays) {
    const id = next++;
    const end = s.end ?? null;
    periods.push({ id, start: s.start, end, endReason: end ? (s.endReason ?? 'E8') : null });
    legalStatuses.push({
      id: next++,
      periodOfCareId: id,
      status: s.status ?? 'C2',
      start: s.start,
      end,
    });
    for (const [type, start, pEnd, extra] of s.placements ?? [['U4', s.start, end]])
      placements.push({
        id: next++,
        periodOfCareId: id,
        placeType: type,
        provider: 'PR1',
        postcode: null,
        urn: null,
        start,
        end: pEnd ?? null,
        reasonForChange: null,
        categoryOfNeed: s.cin ?? 'N1',
        carerRef: null,
        miles: null,
        outsideAuthority: null,
        intendedTo18: false,
        ...extra,
      });
  }
  return {
    id: `C${String(next++)}`,
    dateOfBirth,
    periods,
    legalStatuses,
    placements,
    reviews: [],
    visits: [],
    health: [],
    sdqs: [],
    missing: [],
    leaverContacts: [],
    adoptions: [],
    socialWorkers: [],
    ...more,
  };
}

export function data(
  children: MeasureChild[],
  childPopulation: number | null = 10_000,
): MeasureData {
  return { children, childPopulation };
}
