// The zod schemas for administration: one per form, shared by the pages and the API.
import { z } from 'zod';
import { PERMISSIONS } from '../../platform/access/access.ts';
import { ROLES } from '../../platform/access/roles.ts';
import { asArray } from '../../platform/http/forms.ts';

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .nullish()
    .transform((v) => (v ? v : null));

export const UserInput = z.object({
  username: z
    .string({ error: 'Enter a username' })
    .trim()
    .min(1, 'Enter a username')
    .max(100, 'Username must be 100 characters or fewer')
    .regex(
      /^[A-Za-z0-9._@-]*$/,
      'Username can only include letters, numbers, full stops, hyphens, underscores and @',
    ),
  displayName: z
    .string({ error: 'Enter the person’s full name' })
    .trim()
    .min(1, 'Enter the person’s full name')
    .max(200, 'Name must be 200 characters or fewer'),
  email: z
    .union([
      z.literal(''),
      z.null(),
      z.email('Enter an email address in the correct format, like name@example.gov.uk'),
    ])
    .optional()
    .transform((v) => (v ? v : null)),
  phone: optionalText(40, 'Phone number must be 40 characters or fewer'),
  roles: z
    .array(z.enum(ROLES, { error: 'Select a role from the list' }), {
      error: 'Select at least one role',
    })
    .min(1, 'Select at least one role'),
  teamId: z
    .number({ error: 'Select a team' })
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
  fte: z
    .number({ error: 'Enter full-time equivalent as a number, like 0.8' })
    .gt(0, 'Full-time equivalent must be more than 0')
    .max(1.5, 'Full-time equivalent must be 1.5 or less')
    .optional()
    .transform((v) => v ?? 1),
  agency: z
    .boolean()
    .optional()
    .transform((v) => v ?? false),
});
export type UserInput = z.output<typeof UserInput>;

export const NewUserInput = UserInput.extend({
  password: z.string().min(12, 'Password must be 12 characters or more').max(200).optional(),
});
export type NewUserInput = z.output<typeof NewUserInput>;

/** Form fields (all strings) into the shape UserInput checks. */
export function userFromForm(body: Record<string, unknown>): Record<string, unknown> {
  const str = (k: string) => (typeof body[k] === 'string' ? body[k] : '');
  return {
    username: str('username'),
    displayName: str('displayName'),
    email: str('email').trim(),
    phone: str('phone'),
    roles: asArray(body.roles),
    teamId: str('teamId') === '' ? null : Number(str('teamId')),
    fte: str('fte').trim() === '' ? undefined : Number(str('fte')),
    agency: str('agency') === 'yes',
  };
}

export const TeamInput = z.object({
  name: z
    .string({ error: 'Enter the team’s name' })
    .trim()
    .min(1, 'Enter the team’s name')
    .max(120, 'Team name must be 120 characters or fewer'),
  service: z
    .string({ error: 'Enter the service' })
    .trim()
    .min(1, 'Enter the service the team belongs to, like Children in care')
    .max(120, 'Service must be 120 characters or fewer'),
  caseloadCap: z
    .number({ error: 'Enter the caseload cap as a whole number, like 18' })
    .int('Enter the caseload cap as a whole number, like 18')
    .min(1, 'Caseload cap must be 1 or more')
    .max(200, 'Caseload cap must be 200 or less'),
});
export type TeamInput = z.output<typeof TeamInput>;

export const TokenInput = z.object({
  userId: z
    .number({ error: 'Select the user the token acts as' })
    .int()
    .positive('Select the user the token acts as'),
  name: z
    .string({ error: 'Enter a name for the token' })
    .trim()
    .min(1, 'Enter a name for the token, like “Power BI refresh”')
    .max(100, 'Name must be 100 characters or fewer'),
  scopes: z.array(z.enum(PERMISSIONS, { error: 'Select scopes from the list' })),
  expiresOn: z.iso
    .date('Enter a real expiry date')
    .nullish()
    .transform((v) => v ?? null),
});
export type TokenInput = z.output<typeof TokenInput>;

/** Day, month and year fields into 'YYYY-MM-DD' ('' when all empty; 'invalid' when not a date). */
export function dateFromFields(day: unknown, month: unknown, year: unknown): string | null {
  const parts = [day, month, year].map((v) => (typeof v === 'string' ? v.trim() : ''));
  if (parts.every((p) => p === '')) return null;
  const [d, m, y] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (
    !Number.isInteger(d) ||
    !Number.isInteger(m) ||
    !/^\d{4}$/.test(parts[2] ?? '') ||
    date.getUTCDate() !== d ||
    date.getUTCMonth() !== m - 1
  )
    return 'invalid';
  return `${String(y)}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
