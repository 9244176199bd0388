// Children's homes and 16+ supported accommodation (src/features/homes) and the sufficiency view
// (src/features/sufficiency):
// - reg44_visit: the monthly visit by an independent person to a children's home (Children's Homes
//   (England) Regulations 2015, regulation 44): date, visitor, when the report was received, and
//   the visitor's recommendations. A month with no visit is worked out, never stored.
// - supported_accommodation: a 16+ supported accommodation service (Ofsted-registered since 2023)
//   run by a provider, with its places.
// - quality_visit: the council's own quality visit to a supported accommodation service, with the
//   visitor's overall view; overdue visits are worked out from the last one.
// - disruption_meeting: a placement disruption (or stability) meeting held for a child, which the
//   sufficiency view flags as a fragile placement for support.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table reg44_visit (
      id serial primary key,
      home_id integer not null references home(id),
      visit_date date not null,
      visitor text not null check (length(visitor) between 1 and 200),
      report_received date,
      recommendations text check (length(recommendations) <= 4000),
      recorded_by integer references app_user(id),
      version integer not null default 1,
      check (report_received is null or report_received >= visit_date)
    );
    create index reg44_visit_home on reg44_visit (home_id, visit_date);

    create table supported_accommodation (
      id serial primary key,
      provider_id integer not null references provider(id),
      name text not null check (length(name) between 1 and 200),
      postcode text not null,
      places integer not null check (places between 0 and 200),
      ofsted_urn text check (ofsted_urn ~ '^(SC|EY)?[0-9]{6,7}$'),
      closed_on date,
      version integer not null default 1
    );
    create index supported_accommodation_provider on supported_accommodation (provider_id);

    create table quality_visit (
      id serial primary key,
      supported_accommodation_id integer not null references supported_accommodation(id),
      visit_date date not null,
      visitor text not null check (length(visitor) between 1 and 200),
      rating text not null check (rating in ('good','adequate','concerns')),
      notes text check (length(notes) <= 4000),
      recorded_by integer references app_user(id),
      version integer not null default 1
    );
    create index quality_visit_setting on quality_visit (supported_accommodation_id, visit_date);

    create table disruption_meeting (
      id serial primary key,
      child_id integer not null references child(id),
      placement_id integer references placement(id),
      meeting_date date not null,
      outcome text not null check (outcome in ('continues','ends','not_decided')),
      recorded_by integer references app_user(id),
      version integer not null default 1
    );
    create index disruption_meeting_child on disruption_meeting (child_id, meeting_date);
    `,
  );
}
