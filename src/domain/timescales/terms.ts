// School terms for PEP reviews. Councils pass their own term dates (they differ by authority and
// year); the default is an approximation of English maintained-school terms: autumn 1 September
// to 20 December, spring 5 January to 31 March, summer 15 April to 22 July.
import type { SchoolTerm } from './inputs.ts';

export function defaultEnglishTerms(
  firstAcademicYear = 2010,
  lastAcademicYear = 2040,
): SchoolTerm[] {
  const terms: SchoolTerm[] = [];
  for (let y = firstAcademicYear; y <= lastAcademicYear; y++) {
    const next = y + 1;
    const ay = `${y}/${String(next % 100).padStart(2, '0')}`;
    terms.push(
      { name: `Autumn term ${ay}`, start: `${y}-09-01`, end: `${y}-12-20` },
      { name: `Spring term ${ay}`, start: `${next}-01-05`, end: `${next}-03-31` },
      { name: `Summer term ${ay}`, start: `${next}-04-15`, end: `${next}-07-22` },
    );
  }
  return terms;
}

export const DEFAULT_TERMS: readonly SchoolTerm[] = defaultEnglishTerms();
