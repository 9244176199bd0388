// What a search box entry means: a date of birth in any common UK form, else a local id or names.
import { isIsoDate } from '../../domain/dates/index.ts';

const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;

function iso(year: number, month: number, day: number): string | null {
  if (year < 100) year += year > 50 ? 1900 : 2000;
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(text) ? text : null;
}

/**
 * '27/3/2015', '27-03-2015', '27.3.15', '27 3 2015', '27 March 2015', '27 mar 15', '27032015' or
 * '2015-03-27' → '2015-03-27'; null when the text is not a real date in one of these forms.
 */
export function parseUkDate(text: string): string | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/(\d)(st|nd|rd|th)\b/, '$1');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.\s-](\d{1,2})[/.\s-](\d{2}|\d{4})$/.exec(t);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[\s-]+([a-z]+)[\s-]+(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const word = m[2] ?? '';
    const month = MONTHS.findIndex((name) => word.startsWith(name));
    if (month === -1 || word.length < 3) return null;
    return iso(Number(m[3]), month + 1, Number(m[1]));
  }
  return null;
}

export type SearchTerm =
  | { kind: 'none' }
  | { kind: 'dob'; date: string }
  /** Matches a local id exactly (any case), or every word as the start of a name. */
  | { kind: 'text'; text: string; words: string[] };

export function searchTerm(q: string | undefined): SearchTerm {
  const text = (q ?? '').trim();
  if (text === '') return { kind: 'none' };
  const date = parseUkDate(text);
  if (date) return { kind: 'dob', date };
  const words = text
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((w) => w !== '')
    .slice(0, 4);
  return { kind: 'text', text, words };
}
