// Audit search filters, from a GET form or API query string.
import { z } from 'zod';

/** '27/3/2026', '27 3 2026' or '2026-03-27' → '2026-03-27'; anything else stays as typed. */
export function normaliseDate(value: string): string {
  const v = value.trim();
  const uk = /^(\d{1,2})[/\s.-](\d{1,2})[/\s.-](\d{4})$/.exec(v);
  if (uk)
    return `${uk[3] ?? ''}-${(uk[2] ?? '').padStart(2, '0')}-${(uk[1] ?? '').padStart(2, '0')}`;
  return v;
}

const optionalDate = (label: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== '' ? normaliseDate(v) : undefined))
    .pipe(z.iso.date(`${label} must be a real date, like 27/3/2026`).optional());

export const AuditQuery = z
  .object({
    user: z
      .string()
      .trim()
      .max(200)
      .optional()
      .transform((v) => v || undefined),
    childId: z
      .string()
      .trim()
      .optional()
      .refine((v) => !v || /^\d{1,9}$/.test(v), 'Child ID must be a whole number, like 1042')
      .transform((v) => (v ? Number(v) : undefined)),
    from: optionalDate('From date'),
    to: optionalDate('To date'),
    page: z.coerce.number().int().min(1).max(100_000).optional().default(1),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'To date must be the same as or after the from date',
    path: ['to'],
  });
