// The fostering service (src/features/fostering, src/features/mockingbird):
// - fostering_allowance: the council's schedule of weekly allowance (for the child's keep) and fee
//   (for the carer's skills) by age band and skills level; skills_level null is the rate for
//   connected persons (family and friends). A new schedule is new rows with a later valid_from.
//   allowance + fee is the weekly cost of an in-house foster placement.
// - fostering_stage: the household journey, one row per stage reached, with its date (enquiry,
//   initial visit, Skills to Foster, assessment, panel, agency decision maker, approved; for a
//   connected person, temporary approval under reg 24; and the endings: withdrawn before approval,
//   resigned, deregistered, with a reason).
// - mockingbird_constellation / mockingbird_member: a hub home (two spare beds for sleepovers and
//   emergencies) with a liaison worker and 6–10 satellite households (min/max per constellation).
// - mockingbird_sleepover / mockingbird_get_together: what the constellation did.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table fostering_allowance (
      id serial primary key,
      age_from integer not null check (age_from between 0 and 25),
      age_to integer not null check (age_to between 0 and 25),
      skills_level integer check (skills_level between 1 and 4),
      weekly_allowance integer not null check (weekly_allowance >= 0),
      weekly_fee integer not null check (weekly_fee >= 0),
      valid_from date not null,
      version integer not null default 1,
      check (age_to >= age_from)
    );
    create unique index fostering_allowance_band
      on fostering_allowance (valid_from, age_from, coalesce(skills_level, 0));

    create table fostering_stage (
      id serial primary key,
      household_id integer not null references fostering_household(id),
      stage text not null check (stage in ('enquiry','initial_visit','skills_to_foster','assessment',
        'panel','adm_decision','approved','temporary_approval','withdrawn','resigned','deregistered')),
      stage_date date not null,
      reason_code text check (reason_code in ('retirement','health','personal_circumstances',
        'permanence_for_child','moved_to_agency','dissatisfied','standards_of_care','not_suitable',
        'changed_mind','other')),
      note text,
      recorded_by integer not null references app_user(id),
      recorded_at timestamptz not null default now(),
      check (stage not in ('withdrawn','resigned','deregistered') or reason_code is not null)
    );
    create unique index fostering_stage_once on fostering_stage (household_id, stage);
    create index fostering_stage_date on fostering_stage (stage, stage_date);

    create table mockingbird_constellation (
      id serial primary key,
      name text not null check (length(trim(name)) > 0),
      hub_household_id integer not null references fostering_household(id),
      liaison_worker_id integer not null references app_user(id),
      opened_on date not null,
      closed_on date,
      min_satellites integer not null default 6 check (min_satellites between 1 and 20),
      max_satellites integer not null default 10 check (max_satellites between 1 and 20),
      version integer not null default 1,
      check (max_satellites >= min_satellites),
      check (closed_on is null or closed_on >= opened_on)
    );
    create unique index mockingbird_hub_open
      on mockingbird_constellation (hub_household_id) where closed_on is null;

    create table mockingbird_member (
      id serial primary key,
      constellation_id integer not null references mockingbird_constellation(id),
      household_id integer not null references fostering_household(id),
      joined_on date not null,
      left_on date,
      check (left_on is null or left_on >= joined_on)
    );
    create unique index mockingbird_member_open on mockingbird_member (household_id) where left_on is null;
    create index mockingbird_member_constellation on mockingbird_member (constellation_id);

    create table mockingbird_sleepover (
      id serial primary key,
      constellation_id integer not null references mockingbird_constellation(id),
      child_id integer not null references child(id),
      kind text not null check (kind in ('planned','emergency')),
      start_date date not null,
      nights integer not null check (nights between 1 and 28),
      recorded_by integer not null references app_user(id),
      recorded_at timestamptz not null default now()
    );
    create index mockingbird_sleepover_constellation on mockingbird_sleepover (constellation_id, start_date);

    create table mockingbird_get_together (
      id serial primary key,
      constellation_id integer not null references mockingbird_constellation(id),
      held_on date not null,
      households_attending integer not null check (households_attending >= 0),
      children_attending integer not null check (children_attending >= 0),
      note text,
      recorded_by integer not null references app_user(id)
    );
    create index mockingbird_get_together_constellation on mockingbird_get_together (constellation_id, held_on);
  `,
  );
}
