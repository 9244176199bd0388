// UK postcodes as the 903 returns them (HOME_POST, PL_POST): the full postcode in capitals with one
// space before the inward code ("bd11hy" → "BD1 1HY"). Text that is not postcode-shaped is only
// trimmed and capitalised, so a wrong postcode stays visible to the return's rule 392c.

const SHAPE = /^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$/;
const NORMAL = /^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$/;

export function normalisePostcode(text: string | null | undefined): string | null {
  if (text == null) return null;
  if (NORMAL.test(text)) return text; // already normal: the common case, no new string
  const compact = text.replace(/\s+/g, '').toUpperCase();
  if (compact === '') return null;
  return SHAPE.test(compact) ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
}
