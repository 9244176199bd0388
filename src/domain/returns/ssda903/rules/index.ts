// Every implemented 903 rule. Each range has its own file so engineers never edit a shared list.
import type { RuleDef } from '../types.ts';
import { rules as other } from './other.ts';
import { rules as r1000 } from './r1000.ts';
import { rules as r1xx } from './r1xx.ts';
import { rules as r2xx } from './r2xx.ts';
import { rules as r3xx } from './r3xx.ts';
import { rules as r4xx } from './r4xx.ts';
import { rules as r5xx } from './r5xx.ts';
import { rules as r6xx } from './r6xx.ts';
import { rules as r7xx } from './r7xx.ts';
import { rules as sw } from './sw.ts';

export const ALL_RULES: readonly RuleDef[] = [
  ...r1xx,
  ...r2xx,
  ...r3xx,
  ...r4xx,
  ...r5xx,
  ...r6xx,
  ...r7xx,
  ...r1000,
  ...sw,
  ...other,
];
