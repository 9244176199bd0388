// Rules 101–199, 197a and 197B. Each rule follows CONTRACT.md.
/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops index typed arrays and columns within bounds (noUncheckedIndexedAccess) */
import type { RuleDef } from '../types.ts';

export const rules: RuleDef[] = [
  {
    code: '101',
    run(ctx) {
      const t = ctx.t('Header');
      const sex = t.str('SEX');
      const ok = ctx.codes('Header.SEX');
      for (let r = 0; r < t.n; r++) if (!ok.has(sex[r]!)) ctx.fail('Header', r);
    },
  },
];
