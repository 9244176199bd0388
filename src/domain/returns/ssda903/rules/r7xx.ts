// Rules 7xx (DoLo, from 2026/27). Each rule follows CONTRACT.md.
import type { RuleDef } from '../types.ts';

export const rules: RuleDef[] = [];
