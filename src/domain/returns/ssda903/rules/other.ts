// Any DfE code that fits none of the other files. Each rule follows CONTRACT.md.
import type { RuleDef } from '../types.ts';

export const rules: RuleDef[] = [];
