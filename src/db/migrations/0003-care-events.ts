// The care record, part 2: what happens to a child in care, dated: reviews, visits, health, SDQ,
// missing episodes, OC2 outcomes, education plans, proceedings, permanence, care leaving. Facts
// only; due dates and measures are derived from them (src/domain/timescales).
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

const child = 'child_id integer not null references child(id)';
const version = 'version integer not null default 1';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table review (
      id serial primary key,
      ${child},
      due_date date,
      held_date date,
      participation text check (participation in ('PN0','PN1','PN2','PN3','PN4','PN5','PN6','PN7')),
      iro_id integer references app_user(id),
      ${version},
      check (held_date is not null or participation is null)
    );
    create index review_child on review (child_id, held_date);

    create table visit (
      id serial primary key,
      ${child},
      visit_date date not null,
      seen boolean not null,
      seen_alone boolean not null default false,
      worker_id integer references app_user(id),
      ${version},
      check (seen or not seen_alone)
    );
    create index visit_child on visit (child_id, visit_date);

    create table health_assessment (
      id serial primary key,
      ${child},
      kind text not null check (kind in ('initial','review','dental')),
      assessment_date date not null,
      ${version}
    );
    create index health_assessment_child on health_assessment (child_id, kind, assessment_date);

    create table immunisation_status (
      id serial primary key,
      ${child},
      as_at date not null,
      up_to_date boolean not null,
      ${version}
    );
    create index immunisation_status_child on immunisation_status (child_id, as_at);

    create table sdq (
      id serial primary key,
      ${child},
      sdq_date date,
      score integer check (score between 0 and 40),
      reason text check (reason in ('SDQ1','SDQ2','SDQ3','SDQ4','SDQ5')),
      ${version},
      check ((score is null) = (reason is not null))
    );
    create index sdq_child on sdq (child_id, sdq_date);

    create table missing_episode (
      id serial primary key,
      ${child},
      kind text not null check (kind in ('M','A')),
      start_date date not null,
      end_date date,
      return_interview_offered date,
      return_interview_accepted boolean,
      ${version},
      check (end_date is null or end_date >= start_date),
      check (return_interview_offered is null or return_interview_offered >= start_date),
      check (return_interview_accepted is null or return_interview_offered is not null)
    );
    create index missing_episode_child on missing_episode (child_id, start_date);

    create table substance_misuse (
      id serial primary key,
      ${child},
      identified_date date not null,
      intervention_offered boolean not null default false,
      intervention_received boolean not null default false,
      ${version},
      check (intervention_offered or not intervention_received)
    );
    create index substance_misuse_child on substance_misuse (child_id, identified_date);

    create table conviction (
      id serial primary key,
      ${child},
      conviction_date date not null,
      ${version}
    );
    create index conviction_child on conviction (child_id, conviction_date);

    create table pep (
      id serial primary key,
      ${child},
      pep_date date not null,
      kind text not null check (kind in ('initial','review')),
      ${version}
    );
    create index pep_child on pep (child_id, pep_date);

    create table care_proceedings (
      id serial primary key,
      ${child},
      issue_date date not null,
      final_order_date date,
      ${version},
      check (final_order_date is null or final_order_date >= issue_date)
    );
    create index care_proceedings_child on care_proceedings (child_id, issue_date);

    create table adoption_plan (
      id serial primary key,
      ${child},
      decision_date date not null,
      placement_order_date date,
      matched_date date,
      placed_date date,
      order_granted_date date,
      decision_reversed_date date,
      reversed_reason text check (reversed_reason in ('RD1','RD2','RD3','RD4')),
      ${version},
      check (matched_date is null or matched_date >= decision_date),
      check (placed_date is null or matched_date is not null and placed_date >= matched_date),
      check (order_granted_date is null or placed_date is not null and order_granted_date >= placed_date),
      check (decision_reversed_date is null or decision_reversed_date >= decision_date),
      check ((decision_reversed_date is null) = (reversed_reason is null))
    );
    create index adoption_plan_child on adoption_plan (child_id, decision_date);

    create table permanence_order (
      id serial primary key,
      ${child},
      kind text not null check (kind in ('sgo','cao','adoption')),
      order_date date not null,
      ${version}
    );
    create index permanence_order_child on permanence_order (child_id, order_date);

    create table previous_permanence (
      id serial primary key,
      ${child},
      prev_perm text not null check (prev_perm in ('P1','P2','P3','P4','Z1')),
      order_date date,
      la_code text check (la_code ~ '^[0-9]{3}$'),
      ${version}
    );
    create index previous_permanence_child on previous_permanence (child_id);

    create table pathway_plan (
      id serial primary key,
      ${child},
      plan_date date not null,
      kind text not null check (kind in ('initial','review')),
      ${version}
    );
    create index pathway_plan_child on pathway_plan (child_id, plan_date);

    -- Suitability is the accommodation code's second character (1 suitable, 2 not), as in 903 OC3.
    create table care_leaver_contact (
      id serial primary key,
      ${child},
      contact_date date not null,
      in_touch text not null check (in_touch in ('YES','NO','DIED','REFU','NREQ','RHOM')),
      activity text check (activity in ('F1','P1','F2','P2','F4','P4','F5','P5','G4','G5','G6','0')),
      accommodation text check (accommodation in ('B1','B2','C1','C2','D1','D2','E1','E2','G1','G2','H1','H2','K1','K2','R1','R2','S2','T1','T2','U1','U2','V1','V2','W1','W2','X2','Y1','Y2','Z1','Z2','0')),
      ${version}
    );
    create index care_leaver_contact_child on care_leaver_contact (child_id, contact_date);
  `,
  );
}
