// The placement-needs vocabulary, after the South West Sufficiency Project's proposed data standard
// (SocialFinanceDigitalLabs/sw-sufficiency-model: REFERRAL, IMPORTANT_LOCATION, NEEDS, RISKS): the
// codes a placement request stores and matching reads. Words are what a page shows.

/** What kind of place is sought (the standard's suitability for foster, residential, supported home). */
export const placeTypes = {
  foster: 'Foster care',
  residential: 'Children’s home',
  supported: 'Supported accommodation (16+)',
} as const;
export type PlaceTypeSought = keyof typeof placeTypes;

/** Needs (the standard's NEEDS: adaptations, extra provision; disability and health). */
export const needCodes = {
  physical_disability: 'Physical disability (adaptations needed)',
  learning_disability: 'Learning disability',
  autism: 'Autism',
  mental_health: 'Mental health needs',
  complex_health: 'Complex health needs',
  trauma: 'Trauma and attachment difficulties',
  adult_support: 'Needs more than one adult at a time',
  sole_placement: 'Needs to be the only child placed',
  pets: 'Needs a home without pets',
} as const;
export type NeedCode = keyof typeof needCodes;

/** Risks to the child (the standard's RISKS to the child). */
export const risksToChild = {
  cse: 'Child sexual exploitation',
  cce: 'Child criminal exploitation',
  missing: 'Going missing',
  self_harm: 'Self-harm',
  substances: 'Drugs or alcohol',
  eating_disorder: 'Eating disorder',
} as const;
export type RiskToChild = keyof typeof risksToChild;

/** Risks from the child to others (the standard's RISKS to others). */
export const risksFromChild = {
  physical_harm: 'Physical harm to others',
  sexual_harm: 'Harmful sexual behaviour',
  fire_setting: 'Fire setting',
  harm_to_animals: 'Harm to animals',
  criminal_exploitation_of_others: 'Drawing others into exploitation',
} as const;
export type RiskFromChild = keyof typeof risksFromChild;

/** The skills level a request needs, 1–4 (Bradford's fostering levels), from its needs and risks. */
export function requiredSkillsLevel(
  needs: readonly NeedCode[],
  toChild: readonly RiskToChild[],
  fromChild: readonly RiskFromChild[],
): number {
  const weight = needs.filter((n) => n !== 'pets').length + toChild.length + 2 * fromChild.length;
  if (weight === 0) return 1;
  if (weight <= 2) return 2;
  if (weight <= 4) return 3;
  return 4;
}
