// DfE 903 rules 3xx: dates and ages, adoption dates, care leavers, legal status durations, temporary
// and respite placements, episode continuity, postcodes. Readings of ambiguous rules are noted inline.
import { NO_DATE, addYears, dayOf } from '../dates.ts';
import type { RuleContext, RuleDef, Year } from '../types.ts';
import {
  RESPITE_LS,
  TEMP_PLACES,
  childCount,
  dateOr,
  dobPlus,
  samePostcode,
  uascFlags,
} from './helpers-23xx.ts';

const Y23: readonly Year[] = ['2023/24'];
const Y23_24: readonly Year[] = ['2023/24', '2024/25'];
const Y24_ON: readonly Year[] = ['2024/25', '2025/26', '2026/27'];
const Y25: readonly Year[] = ['2025/26', '2026/27'];

/** Child's Header DOB for an Episodes (or other) row, NO_DATE when unknown. */
function dobOf(ctx: RuleContext, c: number): number {
  const hr = ctx.headerRow(c);
  return hr >= 0 ? (ctx.t('Header').date('DOB')[hr] ?? NO_DATE) : NO_DATE;
}

/** Each child's episodes in DECOM order: each(row, index in child, first index, end index, rows). */
function eachChildEpisodes(
  ctx: RuleContext,
  each: (s: number, e: number, rows: Int32Array) => void,
): void {
  const g = ctx.byChild('Episodes');
  const n = childCount(ctx);
  for (let c = 0; c < n; c++) {
    const s = g.start[c] ?? 0;
    const e = g.start[c + 1] ?? 0;
    if (e > s) each(s, e, g.rows);
  }
}

const r301: RuleDef = {
  code: '301',
  run(ctx) {
    const dob = ctx.t('Header').date('DOB');
    for (let r = 0; r < dob.length; r++) {
      const d = dob[r] ?? NO_DATE;
      if (d !== NO_DATE && d > ctx.end) ctx.fail('Header', r);
    }
  },
};

const r302: RuleDef = {
  code: '302',
  run(ctx) {
    const decom = ctx.t('Episodes').date('DECOM');
    const child = ctx.t('Episodes').child;
    eachChildEpisodes(ctx, (s, e, rows) => {
      let i = s;
      while (i < e && (decom[rows[i] ?? 0] ?? NO_DATE) === NO_DATE) i++; // invalid DECOM sort first
      if (i >= e) return;
      const r = rows[i] ?? 0;
      const c = child[r] ?? -1;
      const dob = dobOf(ctx, c);
      if (dob !== NO_DATE && dob > (decom[r] ?? NO_DATE)) {
        ctx.fail('Episodes', r);
        ctx.fail('Header', ctx.headerRow(c));
      }
    });
  },
};

const r303: RuleDef = {
  code: '303',
  run(ctx) {
    const u = ctx.t('UASC');
    const duc = u.str('DUC');
    const uasc = uascFlags(ctx);
    for (let r = 0; r < u.n; r++) {
      const c = u.child[r] ?? -1;
      if (duc[r] === '' || uasc[c] === 1) continue;
      ctx.fail('UASC', r);
      const hr = ctx.headerRow(c);
      if (hr >= 0) ctx.fail('Header', hr);
    }
  },
};

const r304: RuleDef = {
  code: '304',
  run(ctx) {
    const u = ctx.t('UASC');
    const duc = u.date('DUC');
    const dob = u.date('DOB');
    for (let r = 0; r < u.n; r++) {
      const d = duc[r] ?? NO_DATE;
      const b = dob[r] ?? NO_DATE;
      if (d !== NO_DATE && b !== NO_DATE && d > addYears(b, 18)) ctx.fail('UASC', r);
    }
  },
};

const r331: RuleDef = {
  code: '331',
  run(ctx) {
    const e = ctx.t('Episodes');
    const rec = e.str('REC');
    const decom = e.date('DECOM');
    const match = ctx.t('AD1').date('DATE_MATCH');
    const ad = ctx.byChild('AD1');
    for (let r = 0; r < e.n; r++) {
      if (rec[r] !== 'E11' && rec[r] !== 'E12') continue;
      const d = decom[r] ?? NO_DATE;
      const c = e.child[r] ?? -1;
      let hit = false;
      for (let i = ad.start[c] ?? 0; i < (ad.start[c + 1] ?? 0); i++) {
        const a = ad.rows[i] ?? 0;
        const m = match[a] ?? NO_DATE;
        if (m !== NO_DATE && d !== NO_DATE && m > d) {
          ctx.fail('AD1', a);
          hit = true;
        }
      }
      if (hit) ctx.fail('Episodes', r);
    }
  },
};

const r333: RuleDef = {
  code: '333',
  run(ctx) {
    const a = ctx.t('AD1');
    const int = a.date('DATE_INT');
    const match = a.date('DATE_MATCH');
    for (let r = 0; r < a.n; r++) {
      const i = int[r] ?? NO_DATE;
      const m = match[r] ?? NO_DATE;
      if (i !== NO_DATE && m !== NO_DATE && i > m) ctx.fail('AD1', r);
    }
  },
};

const r334: RuleDef = {
  code: '334',
  run(ctx) {
    const e = ctx.t('Episodes');
    const rne = e.str('RNE');
    const decom = e.date('DECOM');
    const int = ctx.t('AD1').date('DATE_INT');
    const ad = ctx.byChild('AD1');
    eachChildEpisodes(ctx, (s, end, rows) => {
      let latest = -1; // the start of the latest period of care (last RNE S episode)
      for (let i = s; i < end; i++) {
        const r = rows[i] ?? 0;
        if (rne[r] === 'S' && (decom[r] ?? NO_DATE) !== NO_DATE) latest = r;
      }
      if (latest < 0) return;
      const d = decom[latest] ?? NO_DATE;
      const c = e.child[latest] ?? -1;
      let hit = false;
      for (let i = ad.start[c] ?? 0; i < (ad.start[c + 1] ?? 0); i++) {
        const a = ad.rows[i] ?? 0;
        const di = int[a] ?? NO_DATE;
        if (di !== NO_DATE && di < d) {
          ctx.fail('AD1', a);
          hit = true;
        }
      }
      if (hit) ctx.fail('Episodes', latest);
    });
  },
};

const ADOPTED_BY_FOSTER = new Set(['A2', 'A3', 'A5']);
const ADOPTED_NOT_FOSTER = new Set(['A1', 'A4', 'A6']);

const r335: RuleDef = {
  code: '335',
  run(ctx) {
    const e = ctx.t('Episodes');
    const rec = e.str('REC');
    const place = e.str('PLACE');
    const fc = ctx.t('AD1').str('FOSTER_CARE');
    const ad = ctx.byChild('AD1');
    for (let r = 0; r < e.n; r++) {
      const x = rec[r];
      if (x !== 'E1' && x !== 'E11' && x !== 'E12') continue;
      const p = place[r] ?? '';
      const bad = ADOPTED_BY_FOSTER.has(p) ? '0' : ADOPTED_NOT_FOSTER.has(p) ? '1' : '';
      if (bad === '') continue;
      const c = e.child[r] ?? -1;
      let hit = false;
      for (let i = ad.start[c] ?? 0; i < (ad.start[c + 1] ?? 0); i++) {
        const a = ad.rows[i] ?? 0;
        if (fc[a] === bad) {
          ctx.fail('AD1', a);
          hit = true;
        }
      }
      if (hit) ctx.fail('Episodes', r);
    }
  },
};

const FOSTER_OR_ADOPTION = new Set(['A3', 'A4', 'A5', 'A6', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6']);

const r336: RuleDef = {
  code: '336',
  run(ctx) {
    const place = ctx.t('Episodes').str('PLACE');
    // Placed for adoption with current foster carers (A3, A5): the previous placement must be foster
    // or adoption. (The reference checks A3/A4; the DfE rule names A3 and A5.)
    eachChildEpisodes(ctx, (s, e, rows) => {
      for (let i = s + 1; i < e; i++) {
        const r = rows[i] ?? 0;
        const p = place[r];
        if ((p === 'A3' || p === 'A5') && !FOSTER_OR_ADOPTION.has(place[rows[i - 1] ?? 0] ?? '')) {
          ctx.fail('Episodes', r);
        }
      }
    });
  },
};

const r344: RuleDef = {
  code: '344',
  run(ctx) {
    const o = ctx.t('OC3');
    const it = o.str('IN_TOUCH');
    const ac = o.str('ACTIV');
    const am = o.str('ACCOM');
    for (let r = 0; r < o.n; r++) {
      if (it[r] !== 'DIED' && it[r] !== 'RHOM') continue;
      const a = ac[r] ?? '';
      const m = am[r] ?? '';
      if ((a !== '' && a !== '0') || (m !== '' && m !== '0')) ctx.fail('OC3', r);
    }
  },
};

const r345: RuleDef = {
  code: '345',
  run(ctx) {
    const o = ctx.t('OC3');
    const it = o.str('IN_TOUCH');
    const ac = o.str('ACTIV');
    const am = o.str('ACCOM');
    for (let r = 0; r < o.n; r++)
      if (it[r] === 'YES' && (ac[r] === '0' || am[r] === '0')) ctx.fail('OC3', r);
  },
};

const r347: RuleDef = {
  code: '347',
  run(ctx) {
    // Foyer is accommodation T1/T2 (the reference tests 'T', which is not a code, so never fires).
    const o = ctx.t('OC3');
    const am = o.str('ACCOM');
    const dob = o.date('DOB');
    for (let r = 0; r < o.n; r++) {
      const b = dob[r] ?? NO_DATE;
      if ((am[r] ?? '').charCodeAt(0) === 84 && b !== NO_DATE && addYears(b, 18) > ctx.start)
        ctx.fail('OC3', r);
    }
  },
};

const r348: RuleDef = {
  code: '348',
  years: Y25,
  needs: ['prev'],
  run(ctx) {
    const prev = ctx.prev;
    if (!prev) return;
    const o = ctx.t('OC3');
    const it = o.str('IN_TOUCH');
    const pit = prev.t('OC3').str('IN_TOUCH');
    const pg = prev.byChild('OC3');
    for (let r = 0; r < o.n; r++) {
      if (it[r] === 'DIED') continue;
      const c = o.child[r] ?? -1;
      for (let i = pg.start[c] ?? 0; i < (pg.start[c + 1] ?? 0); i++) {
        if (pit[pg.rows[i] ?? 0] === 'DIED') {
          ctx.fail('OC3', r);
          break;
        }
      }
    }
  },
};

const r351: RuleDef = {
  code: '351',
  run(ctx) {
    // The 2023/24+ rule text says 25 (the reference still tests 21).
    const dob = ctx.t('Header').date('DOB');
    const born = addYears(ctx.start, -25); // 25th birthday before 1 April ⇔ born before this day
    for (let r = 0; r < dob.length; r++) {
      const b = dob[r] ?? NO_DATE;
      if (b !== NO_DATE && b < born) ctx.fail('Header', r);
    }
  },
};

/** Episodes rows whose DECOM is before the child's `years`th birthday: each(row). */
function startsUnder(ctx: RuleContext, years: number, each: (r: number) => void): void {
  const e = ctx.t('Episodes');
  const decom = e.date('DECOM');
  const lim = dobPlus(ctx, years);
  for (let r = 0; r < e.n; r++) {
    const d = decom[r] ?? NO_DATE;
    const l = lim[e.child[r] ?? 0] ?? NO_DATE;
    if (d !== NO_DATE && l !== NO_DATE && d < l) each(r);
  }
}

const r352: RuleDef = {
  code: '352',
  run(ctx) {
    const e = ctx.t('Episodes');
    const rne = e.str('RNE');
    const decom = e.date('DECOM');
    const adult = dobPlus(ctx, 18);
    for (let r = 0; r < e.n; r++) {
      const d = decom[r] ?? NO_DATE;
      const a = adult[e.child[r] ?? 0] ?? NO_DATE;
      if (rne[r] === 'S' && d !== NO_DATE && a !== NO_DATE && d >= a) ctx.fail('Episodes', r);
    }
  },
};

function dateRule(
  code: string,
  col: 'DECOM' | 'DEC',
  bad: (d: number, ctx: RuleContext) => boolean,
): RuleDef {
  return {
    code,
    run(ctx) {
      const d = ctx.t('Episodes').date(col);
      for (let r = 0; r < d.length; r++) {
        const v = d[r] ?? NO_DATE;
        if (v !== NO_DATE && bad(v, ctx)) ctx.fail('Episodes', r);
      }
    },
  };
}

const FIRST_903_DAY = dayOf(1991, 10, 14);
const r353 = dateRule('353', 'DECOM', (d) => d < FIRST_903_DAY);
const r354 = dateRule('354', 'DECOM', (d, ctx) => d > ctx.end);
const r385 = dateRule('385', 'DEC', (d, ctx) => d > ctx.end);

const r355: RuleDef = {
  code: '355',
  run(ctx) {
    const e = ctx.t('Episodes');
    const a = e.date('DECOM');
    const b = e.date('DEC');
    for (let r = 0; r < e.n; r++)
      if ((a[r] ?? NO_DATE) !== NO_DATE && a[r] === b[r]) ctx.fail('Episodes', r);
  },
};

const r356: RuleDef = {
  code: '356',
  run(ctx) {
    const e = ctx.t('Episodes');
    const a = e.date('DECOM');
    const b = e.date('DEC');
    for (let r = 0; r < e.n; r++) {
      const s = a[r] ?? NO_DATE;
      const f = b[r] ?? NO_DATE;
      if (s !== NO_DATE && f !== NO_DATE && f < s) ctx.fail('Episodes', r);
    }
  },
};

const r357: RuleDef = {
  code: '357',
  run(ctx) {
    const e = ctx.t('Episodes');
    const decom = e.date('DECOM');
    const rne = e.str('RNE');
    // Only a first episode starting in this collection year is known to be the child's first ever.
    eachChildEpisodes(ctx, (s, end, rows) => {
      for (let i = s; i < end; i++) {
        const r = rows[i] ?? 0;
        const d = decom[r] ?? NO_DATE;
        if (d === NO_DATE) continue;
        if (d >= ctx.start && rne[r] !== 'S') ctx.fail('Episodes', r);
        return;
      }
    });
  },
};

const r358: RuleDef = {
  code: '358',
  run(ctx) {
    const ls = ctx.t('Episodes').str('LS');
    const child = ctx.t('Episodes').child;
    startsUnder(ctx, 10, (r) => {
      const l = ls[r];
      if (l === 'J1' || l === 'J2' || l === 'J3') {
        ctx.fail('Episodes', r);
        ctx.fail('Header', ctx.headerRow(child[r] ?? -1));
      }
    });
  },
};

const r359: RuleDef = {
  code: '359',
  run(ctx) {
    const e = ctx.t('Episodes');
    const decS = e.str('DEC');
    const ls = e.str('LS');
    const place = e.str('PLACE');
    const adult = dobPlus(ctx, 18);
    for (let r = 0; r < e.n; r++) {
      if (decS[r] !== '' || (ls[r] === 'V2' && place[r] === 'K2')) continue;
      const a = adult[e.child[r] ?? 0] ?? NO_DATE;
      if (a !== NO_DATE && a < ctx.end) ctx.fail('Episodes', r);
    }
  },
};

/**
 * Legal status time limits: consecutive episodes of the child with legal status `ls` that follow on
 * (DEC = next DECOM) form one spell, open spells running to 31 March; a spell longer than `maxDays`
 * fails every episode in it.
 */
function spellRule(code: string, ls: string, maxDays: number): RuleDef {
  return {
    code,
    run(ctx) {
      const e = ctx.t('Episodes');
      const l = e.str('LS');
      const decom = e.date('DECOM');
      const dec = e.date('DEC');
      const decS = e.str('DEC');
      eachChildEpisodes(ctx, (s, end, rows) => {
        let i = s;
        while (i < end) {
          const r0 = rows[i] ?? 0;
          const from = decom[r0] ?? NO_DATE;
          if (l[r0] !== ls || from === NO_DATE) {
            i++;
            continue;
          }
          let j = i;
          let to = dateOr(dec, decS, r0, ctx.end);
          while (j + 1 < end) {
            const nx = rows[j + 1] ?? 0;
            if (l[nx] !== ls || to === NO_DATE || decom[nx] !== to) break;
            j++;
            to = dateOr(dec, decS, nx, ctx.end);
          }
          if (to !== NO_DATE && to - from > maxDays)
            for (let k = i; k <= j; k++) ctx.fail('Episodes', rows[k] ?? 0);
          i = j + 1;
        }
      });
    },
  };
}

const r361 = spellRule('361', 'L1', 3); // police protection: 72 hours
const r362 = spellRule('362', 'L2', 21); // emergency protection order
const r363 = spellRule('363', 'L3', 7); // child assessment order
const r364 = spellRule('364', 'J2', 21); // PACE detention

const r365: RuleDef = {
  code: '365',
  run(ctx) {
    const e = ctx.t('Episodes');
    const ls = e.str('LS');
    const decom = e.date('DECOM');
    const dec = e.date('DEC');
    const decS = e.str('DEC');
    for (let r = 0; r < e.n; r++) {
      const s = decom[r] ?? NO_DATE;
      if (ls[r] !== 'V3' || s === NO_DATE) continue;
      const f = dateOr(dec, decS, r, ctx.end);
      if (f !== NO_DATE && f > s + 17) ctx.fail('Episodes', r);
    }
  },
};

const r366: RuleDef = {
  code: '366',
  run(ctx) {
    const e = ctx.t('Episodes');
    const ls = e.str('LS');
    const rne = e.str('RNE');
    for (let r = 0; r < e.n; r++) if (ls[r] === 'V3' && rne[r] !== 'S') ctx.fail('Episodes', r);
  },
};

const r367: RuleDef = {
  code: '367',
  run(ctx) {
    const e = ctx.t('Episodes');
    const ls = e.str('LS');
    const decom = e.date('DECOM');
    const dec = e.date('DEC');
    const decS = e.str('DEC');
    // Days of respite (V3) within the collection year, per child; over 75 fails those episodes.
    const days = (r: number): number => {
      const s = decom[r] ?? NO_DATE;
      const f = dateOr(dec, decS, r, ctx.end);
      if (ls[r] !== 'V3' || s === NO_DATE || f === NO_DATE) return 0;
      const d = Math.min(f, ctx.end) - Math.max(s, ctx.start);
      return d > 0 ? d : 0;
    };
    eachChildEpisodes(ctx, (s, end, rows) => {
      let total = 0;
      for (let i = s; i < end; i++) total += days(rows[i] ?? 0);
      if (total <= 75) return;
      for (let i = s; i < end; i++) if (days(rows[i] ?? 0) > 0) ctx.fail('Episodes', rows[i] ?? 0);
    });
  },
};

/** Placement `place` needs the child to be at least `years` old when the episode starts. */
function minAgeRule(
  code: string,
  place: string,
  years: number,
  inYears?: readonly Year[],
): RuleDef {
  return {
    code,
    ...(inYears ? { years: inYears } : {}),
    run(ctx) {
      const p = ctx.t('Episodes').str('PLACE');
      startsUnder(ctx, years, (r) => {
        if (p[r] === place) ctx.fail('Episodes', r);
      });
    },
  };
}

/** Temporary placement `place` may last at most `maxDays` (open episodes run to 31 March). */
function maxStayRule(code: string, place: string, maxDays: number): RuleDef {
  return {
    code,
    run(ctx) {
      const e = ctx.t('Episodes');
      const p = e.str('PLACE');
      const decom = e.date('DECOM');
      const dec = e.date('DEC');
      const decS = e.str('DEC');
      for (let r = 0; r < e.n; r++) {
        const s = decom[r] ?? NO_DATE;
        if (p[r] !== place || s === NO_DATE) continue;
        const f = dateOr(dec, decS, r, ctx.end);
        if (f !== NO_DATE && f > s + maxDays) ctx.fail('Episodes', r);
      }
    },
  };
}

const r370 = minAgeRule('370', 'P2', 16, Y23);
const r371a = minAgeRule('371', 'H5', 16, Y23);
const r371b = minAgeRule('371', 'K3', 16, Y24_ON);
const r372 = minAgeRule('372', 'R5', 10);
const r373 = minAgeRule('373', 'S1', 4);
const r374 = minAgeRule('374', 'P3', 14);
const r375 = maxStayRule('375', 'T1', 42);
const r376 = maxStayRule('376', 'T3', 21);
const r379 = maxStayRule('379', 'T4', 7);

const r377: RuleDef = {
  code: '377',
  run(ctx) {
    const e = ctx.t('Episodes');
    const place = e.str('PLACE');
    const decom = e.date('DECOM');
    // Any three holiday placements (T3) starting within 12 months of each other fail.
    eachChildEpisodes(ctx, (s, end, rows) => {
      let a = -1;
      let b = -1;
      for (let i = s; i < end; i++) {
        const r = rows[i] ?? 0;
        const d = decom[r] ?? NO_DATE;
        if (place[r] !== 'T3' || d === NO_DATE) continue;
        if (a >= 0 && d < addYears(decom[a] ?? NO_DATE, 1)) {
          ctx.fail('Episodes', a);
          ctx.fail('Episodes', b);
          ctx.fail('Episodes', r);
        }
        a = b;
        b = r;
      }
    });
  },
};

function pairRule(
  code: string,
  bad: (ls: string, place: string, rne: string, rec: string) => boolean,
): RuleDef {
  return {
    code,
    run(ctx) {
      const e = ctx.t('Episodes');
      const ls = e.str('LS');
      const place = e.str('PLACE');
      const rne = e.str('RNE');
      const rec = e.str('REC');
      for (let r = 0; r < e.n; r++) {
        if (bad(ls[r] ?? '', place[r] ?? '', rne[r] ?? '', rec[r] ?? '')) ctx.fail('Episodes', r);
      }
    },
  };
}

const r378 = pairRule('378', (ls, p) => p === 'P1' && ls === 'V2');
const r380 = pairRule('380', (_l, p, rne) => TEMP_PLACES.has(p) && rne !== 'P' && rne !== 'B');
const r381 = pairRule('381', (_l, p, _n, rec) => TEMP_PLACES.has(p) && rec !== '' && rec !== 'X1');
const r382 = pairRule('382', (ls, p) => RESPITE_LS.has(ls) && TEMP_PLACES.has(p));
const r384 = pairRule('384', (ls, p) => RESPITE_LS.has(ls) && (p === 'U1' || p === 'U4'));
const r390 = pairRule(
  '390',
  (_l, p, _n, rec) => (rec === 'E11' || rec === 'E12') && !/^A[3-6]$/.test(p),
);

const r383a: RuleDef = {
  code: '383',
  years: Y23_24,
  run(ctx) {
    const e = ctx.t('Episodes');
    const place = e.str('PLACE');
    const rne = e.str('RNE');
    // A temporary placement between two episodes: the next must return (RNE P) to the placement before.
    eachChildEpisodes(ctx, (s, end, rows) => {
      for (let i = s + 1; i + 1 < end; i++) {
        const r = rows[i] ?? 0;
        if (!TEMP_PLACES.has(place[r] ?? '')) continue;
        const before = rows[i - 1] ?? 0;
        const after = rows[i + 1] ?? 0;
        if (rne[after] !== 'P' || place[after] !== place[before]) ctx.fail('Episodes', r);
      }
    });
  },
};

const r383b: RuleDef = {
  code: '383',
  years: Y25,
  run(ctx) {
    const e = ctx.t('Episodes');
    const place = e.str('PLACE');
    const rne = e.str('RNE');
    const post = e.str('PL_POST');
    // 2025/26: the episode after a temporary placement must be RNE P with the placement type and
    // postcode of the episode before it; that returning episode is reported.
    eachChildEpisodes(ctx, (s, end, rows) => {
      for (let i = s + 2; i < end; i++) {
        const r = rows[i] ?? 0;
        const tmp = rows[i - 1] ?? 0;
        const before = rows[i - 2] ?? 0;
        if (!TEMP_PLACES.has(place[tmp] ?? '')) continue;
        if (rne[r] !== 'P' || place[r] !== place[before] || post[r] !== post[before])
          ctx.fail('Episodes', r);
      }
    });
  },
};

/** Reason ceased `recs` needs the child to be at least `years` old when the episode ends (or `under`: younger). */
function ageAtEndRule(
  code: string,
  recs: readonly string[],
  years: number,
  mustBeUnder: boolean,
): RuleDef {
  const set = new Set(recs);
  return {
    code,
    run(ctx) {
      const e = ctx.t('Episodes');
      const rec = e.str('REC');
      const dec = e.date('DEC');
      const birthday = dobPlus(ctx, years);
      for (let r = 0; r < e.n; r++) {
        const f = dec[r] ?? NO_DATE;
        if (!set.has(rec[r] ?? '') || f === NO_DATE) continue;
        const b = birthday[e.child[r] ?? 0] ?? NO_DATE;
        if (b === NO_DATE) continue;
        const reached = f >= b;
        if (mustBeUnder ? reached : !reached) ctx.fail('Episodes', r);
      }
    },
  };
}

const r386 = ageAtEndRule('386', ['E11', 'E12'], 18, true);
const r387 = ageAtEndRule('387', ['E5', 'E6'], 14, false);
const r389 = ageAtEndRule('389', ['E7'], 16, false);

const r388: RuleDef = {
  code: '388',
  run(ctx) {
    const e = ctx.t('Episodes');
    const rec = e.str('REC');
    const dec = e.date('DEC');
    const decom = e.date('DECOM');
    eachChildEpisodes(ctx, (s, end, rows) => {
      for (let i = s; i < end; i++) {
        const r = rows[i] ?? 0;
        const f = dec[r] ?? NO_DATE;
        const x = rec[r] ?? '';
        if (f === NO_DATE) continue;
        if (i + 1 === end) {
          if (x === 'X1') ctx.fail('Episodes', r); // care ended, yet "new episode begins"
          continue;
        }
        const next = decom[rows[i + 1] ?? 0] ?? NO_DATE;
        if (next === NO_DATE) continue;
        if ((x === 'X1' && f !== next) || (x !== 'X1' && x !== '' && f === next))
          ctx.fail('Episodes', r);
      }
    });
  },
};

const r391: RuleDef = {
  code: '391',
  run(ctx) {
    const o = ctx.t('OC3');
    const dob = o.date('DOB');
    const it = o.str('IN_TOUCH');
    const ac = o.str('ACTIV');
    const am = o.str('ACCOM');
    const born = addYears(ctx.end, -17); // under 17 on 31 March ⇔ born after this day
    for (let r = 0; r < o.n; r++) {
      const b = dob[r] ?? NO_DATE;
      if (b === NO_DATE || b <= born) continue;
      if (it[r] !== '' || ac[r] !== '' || am[r] !== '') ctx.fail('OC3', r);
    }
  },
};

/** Child was UASC this year or last (the 392a/b exemption). */
function uascNowOrBefore(ctx: RuleContext): (c: number) => boolean {
  const now = uascFlags(ctx);
  const before = ctx.prev ? uascFlags(ctx.prev) : undefined;
  return (c) => now[c] === 1 || before?.[c] === 1;
}

const r392a: RuleDef = {
  code: '392a',
  needs: ['postcodes'],
  run(ctx) {
    const geo = ctx.geo;
    if (!geo) return;
    const e = ctx.t('Episodes');
    const ls = e.str('LS');
    const exempt = uascNowOrBefore(ctx);
    for (let r = 0; r < e.n; r++) {
      if (RESPITE_LS.has(ls[r] ?? '') || !Number.isNaN(geo.plDistance[r] ?? NaN)) continue;
      if (!exempt(e.child[r] ?? 0)) ctx.fail('Episodes', r);
    }
  },
};

const r392b: RuleDef = {
  code: '392b',
  run(ctx) {
    const e = ctx.t('Episodes');
    const ls = e.str('LS');
    const home = e.str('HOME_POST');
    const pl = e.str('PL_POST');
    const exempt = uascNowOrBefore(ctx);
    for (let r = 0; r < e.n; r++) {
      if (RESPITE_LS.has(ls[r] ?? '') || (home[r] !== '' && pl[r] !== '')) continue;
      if (!exempt(e.child[r] ?? 0)) ctx.fail('Episodes', r);
    }
  },
};

const r392c: RuleDef = {
  code: '392c',
  needs: ['postcodes'],
  run(ctx) {
    const geo = ctx.geo;
    if (!geo) return;
    const e = ctx.t('Episodes');
    const home = e.str('HOME_POST');
    const pl = e.str('PL_POST');
    for (let r = 0; r < e.n; r++) {
      const plBad = pl[r] !== '' && geo.plLa[r] === '';
      // With both given and the placement postcode known, no distance means the home postcode is unknown.
      const homeBad =
        home[r] !== '' && pl[r] !== '' && !plBad && Number.isNaN(geo.plDistance[r] ?? NaN);
      if (plBad || homeBad) ctx.fail('Episodes', r);
    }
  },
};

const r392d: RuleDef = {
  code: '392d',
  run(ctx) {
    const e = ctx.t('Episodes');
    const home = e.str('HOME_POST');
    const pl = e.str('PL_POST');
    const place = e.str('PLACE');
    for (let r = 0; r < e.n; r++) {
      const h = home[r] ?? '';
      if (h === '' || place[r] === 'P1') continue;
      if (samePostcode(h, pl[r] ?? '')) ctx.fail('Episodes', r);
    }
  },
};

function r393For(years: readonly Year[], female: string): RuleDef {
  return {
    code: '393',
    years,
    run(ctx) {
      const h = ctx.t('Header');
      const sex = h.str('SEX');
      const mother = h.str('MOTHER');
      const ls = ctx.t('Episodes').str('LS');
      const g = ctx.byChild('Episodes');
      for (let r = 0; r < h.n; r++) {
        if (sex[r] !== female || mother[r] !== '') continue;
        const c = h.child[r] ?? -1;
        for (let i = g.start[c] ?? 0; i < (g.start[c + 1] ?? 0); i++) {
          if (!RESPITE_LS.has(ls[g.rows[i] ?? 0] ?? '')) {
            ctx.fail('Header', r);
            break;
          }
        }
      }
    },
  };
}

const r398: RuleDef = {
  code: '398',
  run(ctx) {
    const e = ctx.t('Episodes');
    const ls = e.str('LS');
    const home = e.str('HOME_POST');
    const pl = e.str('PL_POST');
    for (let r = 0; r < e.n; r++) {
      if (RESPITE_LS.has(ls[r] ?? '') && (home[r] !== '' || pl[r] !== '')) ctx.fail('Episodes', r);
    }
  },
};

const r399: RuleDef = {
  code: '399',
  run(ctx) {
    const ls = ctx.t('Episodes').str('LS');
    const mother = ctx.t('Header').str('MOTHER');
    const rv = ctx.t('Reviews');
    const review = rv.str('REVIEW');
    const code = rv.str('REVIEW_CODE');
    const rg = ctx.byChild('Reviews');
    // Only children whose every episode is short breaks (V3/V4).
    eachChildEpisodes(ctx, (s, end, rows) => {
      for (let i = s; i < end; i++) if (!RESPITE_LS.has(ls[rows[i] ?? 0] ?? '')) return;
      const c = ctx.t('Episodes').child[rows[s] ?? 0] ?? -1;
      const hr = ctx.headerRow(c);
      const hasMother = hr >= 0 && mother[hr] !== '';
      let hit = hasMother;
      for (let i = rg.start[c] ?? 0; i < (rg.start[c + 1] ?? 0); i++) {
        const v = rg.rows[i] ?? 0;
        if (hasMother || review[v] !== '' || code[v] !== '') {
          ctx.fail('Reviews', v);
          hit = true;
        }
      }
      if (!hit) return;
      if (hr >= 0) ctx.fail('Header', hr);
      for (let i = s; i < end; i++) ctx.fail('Episodes', rows[i] ?? 0);
    });
  },
};

export const rules: RuleDef[] = [
  r301,
  r302,
  r303,
  r304,
  r331,
  r333,
  r334,
  r335,
  r336,
  r344,
  r345,
  r347,
  r348,
  r351,
  r352,
  r353,
  r354,
  r355,
  r356,
  r357,
  r358,
  r359,
  r361,
  r362,
  r363,
  r364,
  r365,
  r366,
  r367,
  r370,
  r371a,
  r371b,
  r372,
  r373,
  r374,
  r375,
  r376,
  r377,
  r378,
  r379,
  r380,
  r381,
  r382,
  r383a,
  r383b,
  r384,
  r385,
  r386,
  r387,
  r388,
  r389,
  r390,
  r391,
  r392a,
  r392b,
  r392c,
  r392d,
  r393For(Y23, '2'),
  r393For(Y24_ON, 'F'),
  r398,
  r399,
];
