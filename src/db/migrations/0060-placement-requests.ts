// Placement requests and their matching (src/features/placements, src/domain/matching):
// - placement_request: what a child needs from a placement (the vocabulary of the South West
//   Sufficiency Project's proposed standard: referral, important locations, needs, risks), made by a
//   social worker, approved by a manager, worked by the placement team, and closed by the decision
//   (chosen option and why; the placement is created through the recording area's addPlacement).
//   Status: awaiting_approval → open → placing (a decision in progress) → placed; or withdrawn.
// - placement_request_declined: options the placement officer declined, each with a reason.
// - match_profile: what matching knows of an option beyond the record (languages spoken, religions
//   and cultures, ages of children already there are read from placements), keyed like the match.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table placement_request (
      id serial primary key,
      child_id integer not null references child(id),
      status text not null default 'awaiting_approval'
        check (status in ('awaiting_approval','open','placing','placed','withdrawn')),
      kind text not null check (kind in ('planned','emergency')),
      date_needed date not null,
      place_types text[] not null check (cardinality(place_types) > 0),
      children_together integer not null default 1 check (children_together between 1 and 6),
      siblings_note text,
      needs text[] not null default '{}',
      risks_to_child text[] not null default '{}',
      risks_from_child text[] not null default '{}',
      languages text[] not null default '{}',
      religion text,
      culture_note text,
      school_postcode text,
      near_postcodes text[] not null default '{}',
      avoid_districts text[] not null default '{}',
      notes text,
      requested_by integer not null references app_user(id),
      requested_at timestamptz not null default now(),
      approved_by integer references app_user(id),
      approved_at timestamptz,
      decided_by integer references app_user(id),
      decided_at timestamptz,
      chosen_option text,
      chosen_name text,
      decision_reason text,
      placement_id integer references placement(id),
      version integer not null default 1,
      check (status in ('awaiting_approval', 'withdrawn') or approved_by is not null),
      check ((status = 'placed') = (placement_id is not null))
    );
    create index placement_request_queue on placement_request (status, kind, date_needed);
    create index placement_request_child on placement_request (child_id);

    create table placement_request_declined (
      id serial primary key,
      request_id integer not null references placement_request(id),
      option_key text not null,
      option_name text not null,
      reason text not null,
      unique (request_id, option_key)
    );

    create table match_profile (
      option_key text primary key check (option_key ~ '^(household|home|provider):[0-9]+$'),
      languages text[] not null default '{}',
      religions text[] not null default '{}',
      version integer not null default 1
    );
    `,
  );
}
