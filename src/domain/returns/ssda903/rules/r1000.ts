// Rules 1000–1016 and 3001. Each rule follows CONTRACT.md.
import type { RuleDef } from '../types.ts';

export const rules: RuleDef[] = [];
