// Regulation 45 quality-of-care reviews of children's homes (src/features/homes). The Children's
// Homes (England) Regulations 2015, regulation 45: the registered person reviews the quality of
// care at least once every 6 months, writes a report, and sends it to Ofsted (HMCI) within 28 days
// of completing the review. reg45_review stores each review: the period it covers, the day it was
// completed, the day the report went to Ofsted (null until sent), its summary and actions. Whether
// a review or a report is overdue is worked out (src/features/homes/reg45.ts), never stored.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table reg45_review (
      id serial primary key,
      home_id integer not null references home(id),
      period_start date not null,
      period_end date not null,
      completed_on date not null,
      sent_to_ofsted_on date,
      summary text not null check (length(summary) between 1 and 4000),
      actions text check (length(actions) <= 4000),
      recorded_by integer references app_user(id),
      version integer not null default 1,
      check (period_end >= period_start),
      check (completed_on >= period_end),
      check (sent_to_ofsted_on is null or sent_to_ofsted_on >= completed_on)
    );
    create index reg45_review_home on reg45_review (home_id, period_end);
    `,
  );
}
