// Form helpers for the homes area's pages: GOV.UK date inputs (day, month, year boxes) and errors.
import type { z } from 'zod';
import { formErrors } from '../../platform/http/forms.ts';

export type Body = Record<string, string | undefined>;

/** Day, month and year boxes → 'YYYY-MM-DD' ('' when all blank; 'invalid' otherwise). */
export function joinDate(body: Body, name: string): string {
  const [d, m, y] = ['day', 'month', 'year'].map((p) => (body[`${name}-${p}`] ?? '').trim());
  if (!d && !m && !y) return '';
  if (!/^\d{1,2}$/.test(d ?? '') || !/^\d{1,2}$/.test(m ?? '') || !/^\d{4}$/.test(y ?? ''))
    return 'invalid';
  return `${y ?? ''}-${(m ?? '').padStart(2, '0')}-${(d ?? '').padStart(2, '0')}`;
}

/** An ISO date as the boxes' values, for showing a stored date in a form. */
export function splitDate(body: Body, name: string, iso: string | null): void {
  if (!iso) return;
  const [y, m, d] = iso.split('-');
  body[`${name}-day`] = String(Number(d));
  body[`${name}-month`] = String(Number(m));
  body[`${name}-year`] = y;
}

export function dateItems(body: Body, name: string, error: boolean) {
  return (['day', 'month', 'year'] as const).map((part) => ({
    name: part,
    value: body[`${name}-${part}`],
    classes: `govuk-input--width-${part === 'year' ? '4' : '2'}${error ? ' govuk-input--error' : ''}`,
  }));
}

export interface PageErrors {
  errors: Record<string, { text: string }>;
  errorList: { text: string; href: string }[];
}

/** Problems by field → GOV.UK errors; date fields link to their day box. */
export function pageErrors(
  problems: Record<string, string>,
  dateFields: readonly string[],
): PageErrors {
  return {
    errors: Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, { text: v }])),
    errorList: Object.entries(problems).map(([k, v]) => ({
      text: v,
      href: `#${dateFields.includes(k) ? `${k}-day` : k}`,
    })),
  };
}

export function zodProblems(error: z.ZodError): Record<string, string> {
  return Object.fromEntries(Object.entries(formErrors(error).errors).map(([k, v]) => [k, v.text]));
}
