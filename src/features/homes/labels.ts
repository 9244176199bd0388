// Words for the homes area's codes.
export const CATEGORY_LABELS: Record<string, string> = {
  emotional_behavioural: 'Emotional and behavioural difficulties',
  complex_needs: 'Complex needs',
  disability: 'Learning or physical disability',
  mental_health: 'Mental health needs',
  exploitation: 'Risk of exploitation',
  short_breaks: 'Short breaks',
};

export const QUALITY_RATING_LABELS: Record<string, string> = {
  good: 'Good',
  adequate: 'Adequate',
  concerns: 'Concerns',
};

export function categoryLabel(code: string): string {
  return CATEGORY_LABELS[code] ?? code.replace(/_/g, ' ');
}
