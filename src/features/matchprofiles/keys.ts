// The key of a placement option, as matching and match_profile write it: 'household:N',
// 'home:N', 'provider:N' (an independent fostering agency) or 'supported:N'. Anything else is not
// an option (the page and API answer 404).
import { NotFoundError } from '../../platform/access/access.ts';

export const KEY_KINDS = ['household', 'home', 'provider', 'supported'] as const;
export type KeyKind = (typeof KEY_KINDS)[number];

export interface OptionKey {
  kind: KeyKind;
  id: number;
  key: string;
}

const KEY = /^(household|home|provider|supported):([1-9][0-9]{0,9})$/;
/** Largest integer id the tables hold. */
const MAX_ID = 2_147_483_647;

/** The parsed key, or null when it is malformed. */
export function parseKey(key: string): OptionKey | null {
  const m = KEY.exec(key);
  if (!m) return null;
  const id = Number(m[2]);
  if (id > MAX_ID) return null;
  return { kind: m[1] as KeyKind, id, key: `${m[1] ?? ''}:${String(id)}` };
}

/** The parsed key, or "not found". */
export function keyOr404(key: unknown): OptionKey {
  const parsed = typeof key === 'string' ? parseKey(key) : null;
  if (!parsed) throw new NotFoundError();
  return parsed;
}
