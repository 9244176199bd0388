// Zod schemas shared by the Mockingbird pages and the API.
import { z } from 'zod';
import {
  closureReasons,
  satelliteLeavingReasons,
  type SatelliteLeavingReason,
} from '../../db/tables/fostering.ts';
import { isoDate } from '../fostering/schemas.ts';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const whole = (msg: string, min: number, max: number) =>
  z.coerce.number({ error: msg }).int(msg).min(min, msg).max(max, msg);

export const ConstellationInput = z.object({
  name: z
    .string({ error: 'Enter a name' })
    .trim()
    .min(1, 'Enter a name')
    .max(100, 'Name must be 100 characters or fewer'),
  hubHouseholdId: z.coerce
    .number({ error: 'Select the hub home carer’s household' })
    .int()
    .positive('Select the hub home carer’s household'),
  liaisonWorkerId: z.coerce
    .number({ error: 'Select a liaison worker' })
    .int()
    .positive('Select a liaison worker'),
  openedOn: isoDate('opening'),
  minSatellites: z.preprocess(
    blank,
    whole('Enter the fewest satellite households, from 1 to 20', 1, 20).default(6),
  ),
  maxSatellites: z.preprocess(
    blank,
    whole('Enter the most satellite households, from 1 to 20', 1, 20).default(10),
  ),
});

export const MemberInput = z.object({
  householdId: z.coerce
    .number({ error: 'Select a fostering household' })
    .int()
    .positive('Select a fostering household'),
  joinedOn: isoDate('joining'),
});

export const SleepoverInput = z.object({
  childId: z.coerce.number({ error: 'Select a child' }).int().positive('Select a child'),
  kind: z.enum(['planned', 'emergency'], { error: 'Select planned or emergency' }),
  startDate: isoDate('first night'),
  nights: whole('Enter the number of nights, from 1 to 28', 1, 28),
});

export const GetTogetherInput = z.object({
  heldOn: isoDate('get-together'),
  households: whole('Enter how many households came, from 0 to 50', 0, 50),
  children: whole('Enter how many children came, from 0 to 200', 0, 200),
  note: z.preprocess(
    blank,
    z.string().trim().max(2000, 'Note must be 2,000 characters or fewer').optional(),
  ),
});

const detail = z.preprocess(
  blank,
  z.string().trim().max(2000, 'Details must be 2,000 characters or fewer').optional(),
);
const version = z.coerce
  .number({ error: 'Reload the page and try again' })
  .int()
  .positive('Reload the page and try again');
const otherNeedsDetail = (
  v: { reason: string; detail?: string | undefined },
  ctx: z.RefinementCtx,
) => {
  if (v.reason === 'other' && !v.detail)
    ctx.addIssue({ code: 'custom', path: ['detail'], message: 'Enter the details of the reason' });
};

export const ClosureInput = z
  .object({
    closedOn: isoDate('closing'),
    reason: z.enum(closureReasons, { error: 'Select why the constellation is closing' }),
    detail,
    version,
  })
  .superRefine(otherNeedsDetail);
export type ClosureInput = z.output<typeof ClosureInput>;

/** What a person can choose; 'constellation_closed' is set only by closing the constellation. */
export const leavingChoices = satelliteLeavingReasons.filter(
  (r): r is Exclude<SatelliteLeavingReason, 'constellation_closed'> => r !== 'constellation_closed',
);

export const LeavingInput = z
  .object({
    leftOn: isoDate('leaving'),
    reason: z.enum(leavingChoices, { error: 'Select why the household is leaving' }),
    detail,
    version,
  })
  .superRefine(otherNeedsDetail);
export type LeavingInput = z.output<typeof LeavingInput>;
