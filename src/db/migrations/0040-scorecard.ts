// The corporate parenting scorecard (src/features/scorecard):
// - scorecard_target: the authority's target for a measure (ids of src/domain/measures MEASURES),
//   whether the figure should be at least or at most the target, and how far it may miss and still
//   be amber. One per measure; edited with optimistic locking (version).
// - scorecard_comparator: published figures for comparator authorities (statistical neighbours,
//   region), one per authority, measure and period, with the publication they come from. The list
//   of neighbours is whatever authorities have figures here.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table scorecard_target (
      measure_id text primary key check (measure_id ~ '^[a-z0-9-]+$'),
      target double precision not null,
      direction text not null check (direction in ('at-least','at-most')),
      amber_within double precision not null check (amber_within >= 0),
      note text not null default '',
      version integer not null default 1,
      updated_by integer references app_user(id),
      updated_at timestamptz not null default now()
    );

    create table scorecard_comparator (
      id serial primary key,
      area text not null check (length(trim(area)) > 0),
      measure_id text not null check (measure_id ~ '^[a-z0-9-]+$'),
      value double precision not null,
      period text not null check (length(trim(period)) > 0),
      source text not null check (length(trim(source)) > 0),
      created_by integer references app_user(id),
      created_at timestamptz not null default now(),
      unique (area, measure_id, period)
    );
    create index scorecard_comparator_measure on scorecard_comparator (measure_id);
    `,
  );
}
