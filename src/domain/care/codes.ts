// The 903 codes the episode derivation itself depends on, with the DfE meanings (SSDA903 code sets;
// valid in every collection year from 2022/23 to 2026/27, see 903-spec/code_lists.json).

/** Reason for new episode (RNE). */
export const RNE_MEANINGS = {
  S: 'Started to be looked after',
  L: 'Change of legal status only',
  P: 'Change of placement and carer(s) only',
  T: 'Change of placement (but same carer(s)) only',
  B: 'Change of legal status and placement and carer(s) at the same time',
  U: 'Change of legal status and change of placement (but same carer(s)) at the same time',
} as const;

export type RneCode = keyof typeof RNE_MEANINGS;

/** RNE codes that mean the placement changed (rules 225, 435, 436). */
export const PLACEMENT_CHANGE_RNE: ReadonlySet<string> = new Set(['P', 'T', 'B', 'U']);

/** RNE codes that mean the legal status changed (rules 434, 436). */
export const LEGAL_CHANGE_RNE: ReadonlySet<string> = new Set(['L', 'B', 'U']);

/** REC X1: "Episode ceases, and new episode begins on same day, for any reason". */
export const REC_CONTINUES = 'X1';

/** Temporary placements (T0–T4) carry no reason for placement change, nor does the episode before one (rule 226). */
export const TEMPORARY_PLACEMENTS: ReadonlySet<string> = new Set(['T0', 'T1', 'T2', 'T3', 'T4']);

/** Short breaks: V3 single short breaks (each its own period of care), V4 a series under one agreement. */
export const SHORT_BREAK_STATUSES: ReadonlySet<string> = new Set(['V3', 'V4']);
