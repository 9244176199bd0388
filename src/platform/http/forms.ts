// GOV.UK error summary and field messages from a zod error. A form field's id is its name, so the
// summary links (#name) move focus to the field.
import type { z } from 'zod';

export interface FormErrors {
  /** For govukErrorSummary (layout.njk shows it when `errorList` is set). */
  errorList: { text: string; href: string }[];
  /** For each component's errorMessage: `errors.username`. */
  errors: Record<string, { text: string }>;
}

export function formErrors(error: z.ZodError): FormErrors {
  const errors: Record<string, { text: string }> = {};
  const errorList: FormErrors['errorList'] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || 'form';
    if (errors[field]) continue;
    errors[field] = { text: issue.message };
    errorList.push({ text: issue.message, href: `#${field}` });
  }
  return { errorList, errors };
}

/** One message not tied to a field (e.g. "Enter a correct username and password"). */
export function formError(text: string, field: string): FormErrors {
  return { errorList: [{ text, href: `#${field}` }], errors: {} };
}

/** Checkbox groups arrive as a string (one ticked) or an array (several) or not at all. */
export function asArray(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  const values: unknown[] = Array.isArray(value) ? value : [value];
  return values.filter((v): v is string => typeof v === 'string');
}
