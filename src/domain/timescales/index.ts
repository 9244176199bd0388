// The statutory timescales engine: pure, takes `today`.
export { dueItems, type TimescaleOptions } from './engine.ts';
export type { AppliedExtension, DueItem, DueStatus, Whom } from './dueItem.ts';
export { DUE_WINDOW_DAYS } from './dueItem.ts';
export type * from './inputs.ts';
export { RULES, type RuleId, sourceOf } from './sources.ts';
export { DEFAULT_TERMS, defaultEnglishTerms } from './terms.ts';
