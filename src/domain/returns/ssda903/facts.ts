// Facts about children derived once from the episodes and shared by rules.
/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops index typed arrays and columns within bounds (noUncheckedIndexedAccess) */
import { NO_DATE } from './dates.ts';
import type { ReturnData } from './types.ts';

/**
 * Looked after continuously for at least 12 months at 31 March (the OC2 cohort): in care on 1 April
 * (an episode began on or before it), and during the year no new period of care began (RNE S), no
 * episode ended care (REC other than X1) and no short-break episode (LS V3/V4) was open.
 */
export function computeCla12(
  data: ReturnData,
  nChildren: number,
  start: number,
  end: number,
): Uint8Array {
  const out = new Uint8Array(nChildren);
  const t = data.t('Episodes');
  const g = data.byChild('Episodes');
  const decom = t.date('DECOM');
  const dec = t.date('DEC');
  const rne = t.str('RNE');
  const rec = t.str('REC');
  const ls = t.str('LS');
  for (let c = 0; c < nChildren; c++) {
    const a = g.start[c]!;
    const b = g.start[c + 1]!;
    if (a === b) continue;
    let inCareAtStart = false;
    let broken = false;
    for (let k = a; k < b; k++) {
      const r = g.rows[k]!;
      const dc = decom[r]!;
      const de = dec[r]!;
      if (dc === NO_DATE) continue;
      const openInYear = dc <= end && (de === NO_DATE || de >= start);
      if (!openInYear) continue;
      if (dc <= start) inCareAtStart = true;
      if (rne[r] === 'S' && dc > start) broken = true;
      const rc = rec[r]!;
      if (rc !== '' && rc !== 'X1' && de !== NO_DATE && de <= end) broken = true;
      const l = ls[r]!;
      if (l === 'V3' || l === 'V4') broken = true;
    }
    if (inCareAtStart && !broken) out[c] = 1;
  }
  return out;
}

/** Child has a UASC row, or a Header UASC flag of 1 (XML returns). */
export function computeUasc(data: ReturnData, nChildren: number): Uint8Array {
  const out = new Uint8Array(nChildren);
  const u = data.t('UASC');
  for (let r = 0; r < u.n; r++) out[u.child[r]!] = 1;
  const h = data.t('Header');
  if (h.has('UASC')) {
    const flag = h.str('UASC');
    for (let r = 0; r < h.n; r++) if (flag[r] === '1') out[h.child[r]!] = 1;
  }
  return out;
}
