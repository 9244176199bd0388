// The demo authority's plans, from the seeds (docs/plans-and-reports.md): the Children in Care and
// Care Leavers Strategy's six priorities and their key actions, the Sufficiency Strategy action
// plan's recommendations, and the Improvement Plan behind the Improvement Board highlight report.
// Dates are relative to the demo's today, so some actions are overdue, some due next quarter, and
// each has a history of RAG changes with dated updates. Owners are the authority's managers.
// Deterministic: no randomness, only the order of the rows below and the users by id.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { addDays, addMonths, daysInMonth, type IsoDate } from '../../domain/dates/index.ts';
import type { DemoContext } from '../../platform/http/features.ts';
import type { Rag } from './rag.ts';

/** [theme, action, due in months from today (null = ongoing), RAGs first to now, measure ids]. */
type Row = [string, string, number | null, Rag[], string[]];

interface DemoPlan {
  name: string;
  kind: 'strategy' | 'sufficiency' | 'improvement';
  description: string;
  rows: Row[];
}

const P1 = 'Priority 1 – a strong culture of corporate parenting';
const P2 = 'Priority 2 – helping children to stay within their families';
const P3 = 'Priority 3 – ensuring that our children and young people have a voice';
const P4 = 'Priority 4 – having a safe, stable and secure home';
const P5 = 'Priority 5 – having the right support to be safe, healthy, happy and to achieve';
const P6 = 'Priority 6 – a positive transition to adulthood';

export const DEMO_PLANS: readonly DemoPlan[] = [
  {
    name: 'Children in Care and Care Leavers Strategy',
    kind: 'strategy',
    description:
      'Six priorities for children in care and care leavers, monitored quarterly by the Children in Care Strategic Group and the Corporate Parenting Panel.',
    rows: [
      [
        P1,
        'Establish the Children in Care and Care Leavers Strategic Group',
        -8,
        ['amber', 'green', 'complete'],
        [],
      ],
      [
        P1,
        'Review the format and plans for the Corporate Parenting Panel to promote engagement',
        -2,
        ['amber', 'green'],
        [],
      ],
      [
        P1,
        'Support a wider group of elected members to become champions for children in care',
        4,
        ['amber'],
        [],
      ],
      [P2, 'Implement the Early Help Strategy', 6, ['amber', 'green'], ['entrants']],
      [
        P2,
        'Expand services for young people at the edge of care through the B Positive Pathways service',
        1,
        ['red', 'amber'],
        ['entrants', 'cla-rate'],
      ],
      [
        P2,
        'Remove barriers to permanence through special guardianship orders',
        -4,
        ['amber', 'green', 'complete'],
        ['sgos'],
      ],
      [
        P3,
        'Expand and develop the Children in Care Council and the Care Leavers Council',
        null,
        ['green'],
        ['review-participation'],
      ],
      [
        P3,
        'Develop a service-wide Participation Strategy and Plan',
        -3,
        ['amber', 'red'],
        ['review-participation'],
      ],
      [
        P3,
        'Review our digital engagement platform with children and young people',
        2,
        ['amber'],
        [],
      ],
      [
        P4,
        'Recruit new foster carers at pace and develop new ways to retain our existing carers',
        null,
        ['amber', 'green'],
        ['placed-outside-la', 'placed-over-20-miles'],
      ],
      [
        P4,
        'Develop a programme of work with a recruitment agency to increase the number of foster carers',
        -1,
        ['amber', 'red'],
        ['placed-outside-la'],
      ],
      [
        P4,
        'Engage with the private sector so that more children can remain closer to home',
        3,
        ['amber'],
        ['placed-over-20-miles'],
      ],
      [
        P4,
        'Help children to progress to permanence in a timely way',
        5,
        ['red', 'amber'],
        ['adoption-a1', 'adoption-a2'],
      ],
      [
        P4,
        'Provide increased support to fragile placements to prevent disruption',
        2,
        ['amber', 'green'],
        ['placements-3plus', 'long-term-stability'],
      ],
      [
        P5,
        'Continue to deliver and expand the Breaking the Cycle programme',
        null,
        ['green'],
        ['missing-children'],
      ],
      [
        P5,
        'Work with health partners to improve the timeliness of initial health assessments',
        -2,
        ['red', 'amber'],
        ['initial-health-on-time'],
      ],
      [
        P5,
        'Further improve the completion of Strengths and Difficulties Questionnaires and use them to identify support',
        1,
        ['amber', 'green'],
        ['sdq-completed'],
      ],
      [
        P5,
        'Provide training and support to implement our improvements to the PEP process',
        -5,
        ['amber', 'complete'],
        [],
      ],
      [
        P6,
        'Ensure care leavers stay in touch with professionals, friends and family and are digitally included',
        null,
        ['amber'],
        ['leavers-17-18-in-touch', 'leavers-19-21-in-touch'],
      ],
      [
        P6,
        'Expand the taster flat facility so more young people can use it',
        4,
        ['amber', 'green'],
        ['leavers-19-21-suitable-accommodation'],
      ],
      [P6, 'Establish a multi-disciplinary Young People’s Central Hub', -6, ['red'], []],
      [
        P6,
        'Extend the take-up of apprenticeships for our care leavers',
        2,
        ['amber'],
        ['leavers-17-18-eet', 'leavers-19-21-eet'],
      ],
    ],
  },
  {
    name: 'Sufficiency Strategy action plan',
    kind: 'sufficiency',
    description:
      'The Placement and Sufficiency Strategy’s recommendations and actions, reported to Overview and Scrutiny.',
    rows: [
      [
        'Review current edge of care provision to develop a cohesive all age edge of care offer',
        'Complete the review of B Positive Pathways and intensive family support, and bring a service proposal to DMT/CMT',
        -7,
        ['amber', 'red', 'amber'],
        ['entrants'],
      ],
      [
        'Analyse the factors behind the volume of emergency care admissions to tighten care planning',
        'Carry out additional audit activity on the cohort of care admissions',
        -6,
        ['amber', 'complete'],
        ['entrants'],
      ],
      [
        'Review children placed at home on orders where discharge should be sought',
        'Progress care discharge applications on identified cases through children in care planning',
        null,
        ['amber', 'green'],
        ['leavers'],
      ],
      [
        'Agree a revised special guardianship order policy',
        'Bring the revised SGO policy to DMT/CMT after legal and regional sign-off',
        -5,
        ['green', 'complete'],
        ['sgos'],
      ],
      [
        'Consolidate our schedule of fostering payments to remain competitive with neighbouring authorities',
        'Bring the updated schedule of allowances to the Executive',
        -6,
        ['amber', 'complete'],
        [],
      ],
      [
        'Develop an annual fostering recruitment strategy targeted at our priority placement needs',
        'Develop the annual fostering recruitment strategy for approval by DMT',
        -4,
        ['amber', 'green'],
        ['placed-outside-la'],
      ],
      [
        'Implement an advanced fostering level for children with complex needs',
        'Introduce Level 4 foster carers with a training and development pathway',
        -3,
        ['amber', 'green'],
        ['placed-outside-la'],
      ],
      [
        'Strengthen placement support options to hold children in family placements',
        'Develop localised family placement support, including Mockingbird constellations',
        null,
        ['amber'],
        ['placements-3plus', 'long-term-stability'],
      ],
      [
        'Review our residential provision for clarity on each home’s statement of purpose and capacity',
        'Review the statement of purpose of each children’s home',
        -8,
        ['amber', 'complete'],
        [],
      ],
      [
        'Develop a longer term strategy for the growth of the council’s own residential homes',
        'Present the residential strategic development plan to DMT/CMT',
        1,
        ['amber', 'green'],
        ['placed-over-20-miles'],
      ],
      [
        'Put in place clinical wrap-around support for homes caring for children with high emotional health needs',
        'Progress through the Children and Young People’s Board',
        -1,
        ['amber'],
        [],
      ],
      [
        'Form a single point of placement finding with the fostering family finding workers',
        'Progress the consultation and accommodation changes',
        -2,
        ['amber', 'green', 'complete'],
        [],
      ],
      [
        'Market test commissioning options for small group homes in the district',
        'Progress a tendering exercise subject to DMT/CMT approval',
        3,
        ['amber'],
        ['placed-outside-la'],
      ],
      [
        'Introduce a Bradford purchasing framework for 16+ supported accommodation',
        'Bring proposals to Overview and Scrutiny and progress implementation',
        -3,
        ['amber', 'red'],
        ['leavers-17-18-suitable-accommodation'],
      ],
      [
        'Broaden the services available to disabled children and their families through short breaks',
        'Refresh and consult upon the local offer for short breaks',
        2,
        ['amber'],
        [],
      ],
    ],
  },
  {
    name: 'Improvement Plan',
    kind: 'improvement',
    description:
      'The children’s services Improvement Plan, with milestones, progress and RAG, reported to the Improvement Board.',
    rows: [
      [
        'Workforce',
        'Social work fixed term teams in place with caseloads capped at 20',
        -3,
        ['amber', 'green'],
        ['caseload-per-worker'],
      ],
      [
        'Workforce',
        'Recruit permanent social workers through specialist suppliers and the new advertising campaign',
        2,
        ['red', 'amber'],
        ['caseload-per-worker', 'sw-changes-2plus'],
      ],
      [
        'Workforce',
        'Stabilise the workforce: fill vacancies in front line teams',
        -1,
        ['amber', 'red'],
        ['sw-changes-2plus'],
      ],
      [
        'Practice',
        'Focused training in core practice: case recording, chronologies, the voice of the child',
        1,
        ['amber', 'green'],
        ['visits-on-time', 'reviews-on-time'],
      ],
      [
        'Practice',
        'Embed core practice standards through case work in social work teams',
        null,
        ['amber'],
        ['visits-on-time'],
      ],
      [
        'Practice',
        'Improve core practice for care leavers',
        2,
        ['red', 'amber'],
        ['leavers-19-21-in-touch'],
      ],
      [
        'Children in care',
        'Foster care recruitment: mainstream and short break fostering families',
        -2,
        ['green', 'complete'],
        ['placed-outside-la'],
      ],
      [
        'Children in care',
        'Move commissioning of 16+ placements to the Placement Coordination Team',
        -4,
        ['amber', 'complete'],
        [],
      ],
      [
        'Children in care',
        'Improve arrangements for adoption: an internal agency decision maker, refreshed guidance and training',
        3,
        ['amber'],
        ['adoption-a1', 'adoption-a10'],
      ],
      [
        'Partnership',
        'Reduce the autism assessment waiting list (plan ref. 1.23C)',
        -2,
        ['amber', 'red'],
        [],
      ],
      [
        'Early help',
        'Mobilise the PAUSE project to reduce repeat pregnancies that result in removal into care',
        2,
        ['amber'],
        ['entrants'],
      ],
      [
        'Participation',
        'Recruit a Participation Officer to lead participation and engagement work',
        1,
        ['amber', 'green'],
        ['review-participation'],
      ],
    ],
  },
];

const UPDATE_TEXT: Record<Rag, string> = {
  red: 'At risk: progress has stalled and the milestone will be missed without further action.',
  amber: 'Under way: some progress, with work still to do before the milestone.',
  green: 'On track: the milestone is being delivered as planned.',
  complete: 'Completed: the action has been delivered and signed off.',
};

function endOfMonth(date: IsoDate): IsoDate {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return `${date.slice(0, 7)}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
}

export async function addDemoPlans(db: Db, ctx: DemoContext): Promise<void> {
  const existing = await db.selectFrom('plan_strategy').select('id').limit(1).execute();
  if (existing.length > 0) return;
  const owners = await db
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('disabled', '=', false)
    .where(sql<boolean>`roles && array['service_manager','team_manager']::text[]`)
    .orderBy('id')
    .execute();
  if (owners.length === 0) return;
  let n = 0;
  for (const plan of DEMO_PLANS) {
    const s = await db
      .insertInto('plan_strategy')
      .values({ name: plan.name, kind: plan.kind, description: plan.description })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [theme, title, dueIn, rags, measureIds] of plan.rows) {
      const owner = owners[n % owners.length] ?? owners[0];
      n += 1;
      if (!owner) continue;
      const current = rags[rags.length - 1] ?? 'amber';
      const a = await db
        .insertInto('plan_action')
        .values({
          strategy_id: s.id,
          theme,
          title,
          owner_id: owner.id,
          due_date: dueIn === null ? null : endOfMonth(addMonths(ctx.today, dueIn)),
          rag: current,
          measure_ids: measureIds,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // The first RAG ten months ago; each later one two to three months apart, the last within
      // the last two months, with a dated update for each.
      const steps = rags.length;
      for (let i = 0; i < steps; i++) {
        const rag = rags[i] ?? 'amber';
        const monthsAgo = steps === 1 ? 10 : Math.round(10 - (i * 9) / (steps - 1));
        const date = addDays(addMonths(ctx.today, -monthsAgo), -((n * 3 + i) % 20));
        await db
          .insertInto('plan_rag_change')
          .values({
            action_id: a.id,
            effective_date: date,
            from_rag: i === 0 ? null : (rags[i - 1] ?? null),
            to_rag: rag,
            changed_by: owner.id,
            changed_by_name: owner.display_name,
          })
          .execute();
        await db
          .insertInto('plan_update')
          .values({
            action_id: a.id,
            update_date: date,
            text: `${rag.toUpperCase()}: ${UPDATE_TEXT[rag]}`,
            author_id: owner.id,
            author_name: owner.display_name,
          })
          .execute();
      }
    }
  }
}
