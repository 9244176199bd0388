// Social worker episode rules SW..STG1/STG2. Each rule follows CONTRACT.md.
import type { RuleDef } from '../types.ts';

export const rules: RuleDef[] = [];
