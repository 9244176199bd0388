// Rules 5xx (including 503A–503J). Each rule follows CONTRACT.md.
import type { RuleDef } from '../types.ts';

export const rules: RuleDef[] = [];
