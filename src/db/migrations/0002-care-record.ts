// The care record, part 1: providers and homes, fostering households and carers, the child, family
// links, periods of care, legal status, placements and allocations. Codes are checked against the
// SSDA903 code lists (every code valid in any collection year from 2022/23, so history loads).
// Overlaps within a period of care are refused by the services (PostgreSQL exclusion constraints
// would need btree_gist); one open period of care per child is enforced here.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

const LS = `'C1','C2','D1','E1','J1','J2','J3','L1','L2','L3','V2','V3','V4'`;
const PLACE = `'A3','A4','A5','A6','H5','K1','K2','K3','P1','P2','P3','R1','R2','R3','R5','S1','T0','T1','T2','T3','T4','U1','U2','U3','U4','U5','U6','Z1','Z11','Z12','Z13','Z14'`;
const REC = `'E11','E12','E13','E14','E15','E16','E17','E2','E3','E41','E45','E46','E47','E48','E4A','E4B','E5','E6','E7','E8','E9','X1'`;
const CIN = `'N1','N2','N3','N4','N5','N6','N7','N8'`;
const PROVIDER = `'PR0','PR1','PR2','PR3','PR4','PR5'`;
const REASON_CHANGE = `'CARPL','CLOSE','ALLEG','STAND','APPRR','CREQB','CREQO','CHILD','LAREQ','PLACE','CUSTOD','OTHER'`;
const ETHNIC = `'WBRI','WIRI','WOTH','WIRT','WROM','MWBC','MWBA','MWAS','MOTH','AIND','APKN','ABAN','AOTH','BCRB','BAFR','BOTH','CHNE','OOTH','REFU','NOBT'`;
const GRADE = `'outstanding','good','requires_improvement','inadequate','not_inspected'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table provider (
      id serial primary key,
      name text not null,
      kind text not null check (kind in ('in_house','private','voluntary','ifa','other_la','health')),
      place_provider text check (place_provider in (${PROVIDER})),
      ofsted_urn text check (ofsted_urn ~ '^(SC|EY)?[0-9]{6,7}$'),
      grade text check (grade in (${GRADE})),
      postcode text,
      version integer not null default 1
    );
    create index provider_name on provider (lower(name));

    create table home (
      id serial primary key,
      provider_id integer not null references provider(id),
      name text not null,
      beds integer not null check (beds between 0 and 100),
      postcode text not null,
      urn text check (urn ~ '^(SC|EY)?[0-9]{6,7}$'),
      grade text check (grade in (${GRADE})),
      categories text[] not null default '{}',
      specialist boolean not null default false,
      closed_on date,
      version integer not null default 1
    );
    create index home_provider on home (provider_id);

    create table home_manager (
      home_id integer not null references home(id),
      user_id integer not null references app_user(id),
      primary key (home_id, user_id)
    );
    create index home_manager_user on home_manager (user_id);

    create table fostering_household (
      id serial primary key,
      name text not null,
      approval_type text not null check (approval_type in ('mainstream','connected','short_breaks','staying_put')),
      status text not null check (status in ('assessment','reg24','approved','on_hold','resigned','deregistered')),
      approved_places integer not null default 0 check (approved_places between 0 and 6),
      age_min integer not null default 0 check (age_min between 0 and 25),
      age_max integer not null default 17 check (age_max between 0 and 25),
      skills_level integer check (skills_level between 1 and 4),
      postcode text not null,
      supervising_worker_id integer references app_user(id),
      approval_date date,
      reg24_start date,
      last_review_date date,
      version integer not null default 1,
      check (age_max >= age_min),
      check (status <> 'approved' or approval_date is not null),
      check (status <> 'reg24' or reg24_start is not null)
    );
    create index fostering_household_ssw on fostering_household (supervising_worker_id);
    create index fostering_household_status on fostering_household (status, approval_type);

    create table carer (
      id serial primary key,
      household_id integer not null references fostering_household(id),
      first_name text not null,
      last_name text not null,
      date_of_birth date,
      main_carer boolean not null default false,
      version integer not null default 1
    );
    create index carer_household on carer (household_id);

    create table child (
      id serial primary key,
      local_id text not null unique,
      upn text unique check (upn ~ '^[A-Z][0-9]{11}[0-9A-Z]$'),
      nhs_number text unique check (nhs_number ~ '^[0-9]{10}$'),
      first_name text not null,
      last_name text not null,
      preferred_name text,
      date_of_birth date not null,
      sex text not null check (sex in ('M','F','U')),
      ethnicity text check (ethnicity in (${ETHNIC})),
      disabilities text[] not null default '{}',
      uasc boolean not null default false,
      uasc_start date,
      uasc_end date,
      home_postcode text,
      team_id integer references team(id),
      date_of_death date,
      version integer not null default 1,
      check (uasc_start is null or uasc_start >= date_of_birth),
      check (uasc_end is null or (uasc_start is not null and uasc_end >= uasc_start)),
      check (date_of_death is null or date_of_death >= date_of_birth)
    );
    create index child_last_name on child (lower(last_name) text_pattern_ops, lower(first_name));
    create index child_first_name on child (lower(first_name) text_pattern_ops);
    create index child_dob on child (date_of_birth);
    create index child_team on child (team_id);

    create table child_relation (
      child_id integer not null references child(id),
      related_child_id integer not null references child(id),
      kind text not null check (kind in ('sibling','half_sibling','step_sibling','parent','child','cousin','other')),
      primary key (child_id, related_child_id),
      check (child_id <> related_child_id)
    );
    create index child_relation_related on child_relation (related_child_id);

    create table period_of_care (
      id serial primary key,
      child_id integer not null references child(id),
      start_date date not null,
      end_date date,
      end_reason text check (end_reason in (${REC})),
      category_of_need text not null check (category_of_need in (${CIN})),
      version integer not null default 1,
      unique (id, child_id),
      check (end_date is null or end_date >= start_date),
      check ((end_date is null) = (end_reason is null))
    );
    create unique index period_of_care_one_open on period_of_care (child_id) where end_date is null;
    create index period_of_care_child on period_of_care (child_id, start_date);
    create index period_of_care_dates on period_of_care (start_date, end_date);

    create table legal_status (
      id serial primary key,
      period_of_care_id integer not null,
      child_id integer not null,
      status text not null check (status in (${LS})),
      start_date date not null,
      end_date date,
      version integer not null default 1,
      foreign key (period_of_care_id, child_id) references period_of_care (id, child_id),
      check (end_date is null or end_date >= start_date)
    );
    create index legal_status_child on legal_status (child_id, start_date);
    create index legal_status_period on legal_status (period_of_care_id);
    create index legal_status_open on legal_status (status) where end_date is null;

    create table placement (
      id serial primary key,
      period_of_care_id integer not null,
      child_id integer not null,
      place_type text not null check (place_type in (${PLACE})),
      place_provider text check (place_provider in (${PROVIDER})),
      category_of_need text not null check (category_of_need in (${CIN})),
      provider_id integer references provider(id),
      fostering_household_id integer references fostering_household(id),
      home_id integer references home(id),
      postcode text,
      urn text check (urn = 'XXXXXXX' or urn ~ '^(SC|EY)?[0-9]{6,7}$'),
      start_date date not null,
      end_date date,
      reason_for_change text check (reason_for_change in (${REASON_CHANGE})),
      intended_to_18 boolean not null default false,
      long_term_designated boolean not null default false,
      connected_person_reg24 boolean not null default false,
      version integer not null default 1,
      foreign key (period_of_care_id, child_id) references period_of_care (id, child_id),
      check (end_date is null or end_date >= start_date),
      check (end_date is not null or reason_for_change is null),
      check (fostering_household_id is null or home_id is null)
    );
    create index placement_child on placement (child_id, start_date);
    create index placement_period on placement (period_of_care_id);
    create index placement_household_open on placement (fostering_household_id) where end_date is null;
    create index placement_home_open on placement (home_id) where end_date is null;
    create index placement_open_type on placement (place_type) where end_date is null;

    create table allocation (
      id serial primary key,
      child_id integer not null references child(id),
      user_id integer not null references app_user(id),
      role text not null check (role in ('social_worker','personal_adviser','iro')),
      start_date date not null,
      end_date date,
      version integer not null default 1,
      check (end_date is null or end_date >= start_date)
    );
    create unique index allocation_one_open on allocation (child_id, role) where end_date is null;
    create index allocation_user on allocation (user_id, role, child_id) where end_date is null;
    create index allocation_child on allocation (child_id, role, start_date);
  `,
  );
}
