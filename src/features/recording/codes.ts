// 903 code lists as the forms offer them: only the codes valid in the current collection year (an
// out-of-date code such as placement P2 or Z1 is refused), each with the DfE meaning. The words come
// from ../children/codes.ts, the one table of 903 labels the record pages also use.
import { codeList, type CodeListName } from '../../domain/returns/ssda903/spec.ts';
import { YEARS, type Year } from '../../domain/returns/ssda903/types.ts';
import { todayInLondon } from '../../domain/dates/index.ts';
import { CODE_LABELS, meaning, type CodeList } from '../children/codes.ts';

/** The collection year a date falls in ('2026-05-01' → '2026/27'), clamped to the years the spec holds. */
export function collectionYearOf(date: string): Year {
  const y = Number(date.slice(0, 4));
  const first = date.slice(5) >= '04-01' ? y : y - 1;
  const name = `${String(first)}/${String((first + 1) % 100).padStart(2, '0')}`;
  const known = YEARS as readonly string[];
  if (known.includes(name)) return name as Year;
  return name < YEARS[0] ? YEARS[0] : (YEARS.at(-1) ?? YEARS[0]);
}

export function today(): string {
  return todayInLondon(new Date());
}

export function currentCodes(list: CodeListName): ReadonlySet<string> {
  return codeList(list, collectionYearOf(today()));
}

/**
 * A code's meaning in words, from the one table of labels (../children/codes.ts), found by the
 * spec list's field name ('Episodes.LS' → LS). A code with no label reads as the bare code.
 */
export function codeLabel(list: CodeListName, code: string): string {
  const field = list.slice(list.indexOf('.') + 1);
  if (!(field in CODE_LABELS)) return code;
  const words = meaning(field as CodeList, code);
  return words === null || words.startsWith('Unknown code') ? code : words;
}

/** Select items for the current year's codes, "CODE: meaning", with a blank first item. */
export function codeItems(
  list: CodeListName,
  selected: unknown,
  opts: { exclude?: readonly string[]; blank?: string } = {},
): { value: string; text: string; selected?: boolean }[] {
  const items = [...currentCodes(list)]
    .filter((c) => !opts.exclude?.includes(c))
    .map((c) => ({ value: c, text: `${c}: ${codeLabel(list, c)}`, selected: c === selected }));
  return [{ value: '', text: opts.blank ?? 'Select one' }, ...items];
}
