// Care facts and the 903 episodes derived from them.
export type * from './facts.ts';
export { deriveEpisodes, type DeriveOptions } from './episodes.ts';
export { collectionYearBounds, episodesForYear } from './collectionYear.ts';
export { factsFromEpisodes, type ReconstructedFacts } from './factsFromEpisodes.ts';
export { checkFacts, type CheckOptions, type FactProblem } from './checkFacts.ts';
export { normalisePostcode } from './postcode.ts';
export * from './codes.ts';
