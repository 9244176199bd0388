// The sections of a child's record and what each shows, as tables of words (codes always beside
// their meaning). One template renders them all. The forms that record facts belong to
// src/features/recording; each section shows that area's links for its own kind of fact.
import { formatUkDate } from '../../platform/views/nunjucks.ts';
import { chronology } from './chronology.ts';
import { HEALTH_KIND_LABELS, PERMANENCE_ORDER_LABELS, codeAndMeaning, meaning } from './codes.ts';
import type { ChildRecord } from './recordService.ts';
import { postcodeDistrict } from './summary.ts';

export const SECTIONS = [
  { id: 'summary', title: 'Summary', path: '' },
  { id: 'chronology', title: 'Chronology', path: 'chronology' },
  { id: 'legal-status', title: 'Legal status', path: 'legal-status' },
  { id: 'placements', title: 'Placements', path: 'placements' },
  { id: 'reviews', title: 'Reviews', path: 'reviews' },
  { id: 'visits', title: 'Visits', path: 'visits' },
  { id: 'health', title: 'Health', path: 'health' },
  { id: 'missing', title: 'Missing', path: 'missing' },
  { id: 'permanence', title: 'Permanence', path: 'permanence' },
  { id: 'care-leaving', title: 'Care leaving', path: 'care-leaving' },
  { id: 'episodes', title: '903 episodes', path: 'episodes' },
  { id: 'due', title: 'Due', path: 'due' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

/** Which section each recording form (src/features/recording/links.ts, by path) belongs to. */
const FORM_SECTION: Record<string, SectionId> = {
  periods: 'legal-status',
  'legal-statuses': 'legal-status',
  placements: 'placements',
  reviews: 'reviews',
  visits: 'visits',
  health: 'health',
  missing: 'missing',
  permanence: 'permanence',
  'permanence-orders': 'permanence',
  'previous-permanence': 'permanence',
  'substance-misuse': 'health',
  convictions: 'health',
  'care-leaver-contacts': 'care-leaving',
  allocations: 'summary',
  'disruption-meetings': 'placements',
  'visit-agreements': 'visits',
};

/** The section a recording link ('/children/12/placements/new') belongs to, if any. */
export function sectionOfForm(href: string): SectionId | undefined {
  const part = /^\/children\/\d+\/([\w-]+)(?:\/|$)/.exec(href)?.[1];
  return part ? FORM_SECTION[part] : undefined;
}

export type Cell =
  | string
  | { tag: string; colour: string }
  /** A link to a record's form; `hidden` names the record for screen readers ("Change review of 3 May"). */
  | { href: string; text: string; hidden: string };

/** The forms a row may link to, from src/features/recording/links.ts (null: this actor may not). */
export type RowLinks = Partial<Record<string, (recordId: number) => string | null>>;

/**
 * Add a last column of "Change" (or "End") links to a table whose rows were made from `items`,
 * only when the actor may use the form for at least one row.
 */
function withLinks<T extends { id: number }>(
  table: Table,
  items: readonly T[],
  link: ((recordId: number) => string | null) | undefined,
  describe: (item: T) => string,
  text = 'Change',
): Table {
  if (!link) return table;
  const hrefs = items.map((item) => link(item.id));
  if (hrefs.every((h) => h === null)) return table;
  return {
    ...table,
    head: [...table.head, 'Action'],
    rows: table.rows.map((row, i) => {
      const href = hrefs[i];
      const item = items[i];
      return [...row, href && item ? { href, text, hidden: describe(item) } : ''];
    }),
  };
}

export interface Table {
  caption: string;
  head: string[];
  rows: Cell[][];
  emptyText: string;
}

const d = (iso: string | null | undefined) => (iso ? formatUkDate(iso) : '');
/** 903 DATE_PERM with an unknown day or month: 'ZZ/05/2019' → 'May 2019', 'ZZ/ZZ/2019' → '2019'. */
function partialDate(partial: string | null | undefined): string {
  const m = partial ? /^ZZ\/(ZZ|\d{2})\/(\d{4})$/.exec(partial) : null;
  if (!m) return partial ?? '';
  return m[1] === 'ZZ' ? (m[2] ?? '') : d(`${m[2] ?? ''}-${m[1] ?? ''}-01`).replace(/^1 /, '');
}
const yesNo = (v: boolean | null) => (v === null ? 'Not recorded' : v ? 'Yes' : 'No');

export const STATUS_TAGS: Record<string, { tag: string; colour: string }> = {
  overdue: { tag: 'Overdue', colour: 'red' },
  due: { tag: 'Due', colour: 'yellow' },
  upcoming: { tag: 'Upcoming', colour: 'blue' },
  done: { tag: 'Done', colour: 'green' },
};

export function sectionTables(
  section: SectionId,
  record: ChildRecord,
  links: RowLinks = {},
): Table[] {
  const f = record.facts;
  const openPeriodIds = new Set(f.periods.filter((p) => !p.end_date).map((p) => p.id));
  switch (section) {
    case 'summary':
      return [];
    case 'chronology':
      return [
        {
          caption: 'Every event, oldest first',
          head: ['Date', 'What happened', 'Details'],
          rows: chronology(f).map((e) => [d(e.date), e.what, e.detail]),
          emptyText: 'Nothing has been recorded for this child yet.',
        },
      ];
    case 'legal-status':
      return [
        withLinks(
          {
            caption: 'Periods of care',
            head: ['Started', 'Category of need', 'Ended', 'Reason'],
            rows: f.periods.map((p) => [
              d(p.start_date),
              codeAndMeaning('CIN', p.category_of_need),
              p.end_date ? d(p.end_date) : 'Still looked after',
              codeAndMeaning('REC', p.end_reason),
            ]),
            emptyText: 'No periods of care are recorded.',
          },
          f.periods,
          (id) => (openPeriodIds.has(id) ? (links.endPeriod?.(id) ?? null) : null),
          (p) => `period of care from ${d(p.start_date)}`,
          'End',
        ),
        withLinks(
          {
            caption: 'Legal status',
            head: ['Legal status', 'From', 'To'],
            rows: f.legal.map((l) => [
              codeAndMeaning('LS', l.status),
              d(l.start_date),
              l.end_date ? d(l.end_date) : 'Now',
            ]),
            emptyText: 'No legal status is recorded.',
          },
          f.legal,
          links.editLegalStatus,
          (l) => `legal status from ${d(l.start_date)}`,
        ),
        {
          caption: 'Care proceedings',
          head: ['Issued', 'Final order'],
          rows: f.proceedings.map((p) => [
            d(p.issue_date),
            p.final_order_date ? d(p.final_order_date) : 'Not concluded',
          ]),
          emptyText: 'No care proceedings are recorded.',
        },
      ];
    case 'placements':
      return [
        withLinks(
          {
            caption: 'Placements',
            head: [
              'Placement type',
              'Provider',
              'Carer or home',
              'Postcode district',
              'From',
              'To',
              'Reason for change',
            ],
            rows: f.placements.map((p) => [
              codeAndMeaning('PLACE', p.place_type),
              codeAndMeaning('PLACE_PROVIDER', p.place_provider),
              p.household_name ?? p.home_name ?? p.provider_name ?? '',
              postcodeDistrict(p.postcode) ?? '',
              d(p.start_date),
              p.end_date ? d(p.end_date) : 'Now',
              codeAndMeaning('REASON_PLACE_CHANGE', p.reason_for_change),
            ]),
            emptyText: 'No placements are recorded.',
          },
          f.placements,
          links.editPlacement,
          (p) => `placement from ${d(p.start_date)}`,
        ),
      ];
    case 'reviews':
      return [
        withLinks(
          {
            caption: 'Reviews',
            head: ['Due', 'Held', 'Participation', 'Chaired by'],
            rows: f.reviews.map((r) => [
              d(r.due_date),
              r.held_date ? d(r.held_date) : 'Not held',
              codeAndMeaning('REVIEW_CODE', r.participation),
              r.iro_name ?? '',
            ]),
            emptyText: 'No reviews are recorded.',
          },
          f.reviews,
          links.editReview,
          (r) => `review due ${d(r.due_date)}`,
        ),
      ];
    case 'visits':
      return [
        withLinks(
          {
            caption: 'Social worker visits',
            head: ['Date', 'Seen', 'Seen alone', 'By'],
            rows: f.visits.map((v) => [
              d(v.visit_date),
              yesNo(v.seen),
              yesNo(v.seen_alone),
              v.worker_name ?? '',
            ]),
            emptyText: 'No visits are recorded.',
          },
          f.visits,
          links.editVisit,
          (v) => `visit on ${d(v.visit_date)}`,
        ),
      ];
    case 'health':
      return [
        withLinks(
          {
            caption: 'Health assessments',
            head: ['Date', 'Assessment'],
            rows: f.health.map((h) => [d(h.assessment_date), HEALTH_KIND_LABELS[h.kind] ?? h.kind]),
            emptyText: 'No health assessments are recorded.',
          },
          f.health,
          links.editHealthAssessment,
          (h) => `health assessment on ${d(h.assessment_date)}`,
        ),
        withLinks(
          {
            caption: 'Immunisations',
            head: ['As at', 'Up to date'],
            rows: f.immunisations.map((i) => [d(i.as_at), yesNo(i.up_to_date)]),
            emptyText: 'No immunisation status is recorded.',
          },
          f.immunisations,
          links.editImmunisation,
          (i) => `immunisation status at ${d(i.as_at)}`,
        ),
        withLinks(
          {
            caption: 'Strengths and difficulties questionnaires',
            head: ['Date', 'Score or reason'],
            rows: f.sdqs.map((s) => [
              d(s.sdq_date),
              s.score !== null ? String(s.score) : codeAndMeaning('SDQ_REASON', s.reason),
            ]),
            emptyText: 'No questionnaires are recorded.',
          },
          f.sdqs,
          links.editSdq,
          (q) => `questionnaire on ${d(q.sdq_date)}`,
        ),
        {
          caption: 'Personal education plans',
          head: ['Date', 'Kind'],
          rows: f.peps.map((p) => [d(p.pep_date), p.kind === 'initial' ? 'Started' : 'Reviewed']),
          emptyText: 'No personal education plans are recorded.',
        },
        withLinks(
          {
            caption: 'Substance misuse',
            head: ['Identified', 'Intervention'],
            rows: f.substance.map((s) => [
              d(s.identified_date),
              s.intervention_received
                ? 'Offered and received'
                : s.intervention_offered
                  ? 'Offered, not received'
                  : 'Not offered',
            ]),
            emptyText: 'No substance misuse is recorded.',
          },
          f.substance,
          links.editSubstanceMisuse,
          (s) => `substance misuse identified on ${d(s.identified_date)}`,
        ),
        withLinks(
          {
            caption: 'Convictions, final warnings and reprimands',
            head: ['Date'],
            rows: f.convictions.map((c) => [d(c.conviction_date)]),
            emptyText: 'No convictions, final warnings or reprimands are recorded.',
          },
          f.convictions,
          links.editConviction,
          (c) => `conviction of ${d(c.conviction_date)}`,
        ),
      ];
    case 'missing':
      return [
        withLinks(
          {
            caption: 'Missing and away from placement',
            head: ['Kind', 'From', 'Returned', 'Return interview offered', 'Accepted'],
            rows: f.missing.map((m) => [
              codeAndMeaning('MISSING', m.kind),
              d(m.start_date),
              m.end_date ? d(m.end_date) : 'Not returned',
              m.return_interview_offered ? d(m.return_interview_offered) : 'Not offered',
              m.return_interview_offered ? yesNo(m.return_interview_accepted) : '',
            ]),
            emptyText: 'No missing or away episodes are recorded.',
          },
          f.missing,
          links.editMissing,
          (m) => `episode from ${d(m.start_date)}`,
        ),
      ];
    case 'permanence':
      return [
        withLinks(
          {
            caption: 'Adoption',
            head: [
              'Decision',
              'Placement order',
              'Matched',
              'Placed',
              'Adoption order',
              'Decision reversed',
            ],
            rows: f.adoption.map((a) => [
              d(a.decision_date),
              d(a.placement_order_date),
              d(a.matched_date),
              d(a.placed_date),
              d(a.order_granted_date),
              a.decision_reversed_date
                ? `${d(a.decision_reversed_date)}: ${meaning('REASON_PLACED_CEASED', a.reversed_reason) ?? ''}`
                : '',
            ]),
            emptyText: 'No adoption plan is recorded.',
          },
          f.adoption,
          links.editPermanence,
          (a) => `adoption plan from ${d(a.decision_date)}`,
        ),
        withLinks(
          {
            caption: 'Orders',
            head: ['Order', 'Date'],
            rows: f.orders.map((o) => [PERMANENCE_ORDER_LABELS[o.kind] ?? o.kind, d(o.order_date)]),
            emptyText:
              'No special guardianship, child arrangements or adoption orders are recorded.',
          },
          f.orders,
          links.editPermanenceOrder,
          (o) => `order of ${d(o.order_date)}`,
        ),
        withLinks(
          {
            caption: 'Previous permanence',
            head: ['Option', 'Date', 'Local authority code'],
            rows: f.previous.map((p) => [
              codeAndMeaning('PREV_PERM', p.prev_perm),
              p.order_date ? d(p.order_date) : partialDate(p.order_date_partial),
              p.la_code ?? '',
            ]),
            emptyText: 'No previous permanence is recorded.',
          },
          f.previous,
          links.editPreviousPermanence,
          (p) => `previous permanence ${p.prev_perm}`,
        ),
      ];
    case 'care-leaving':
      return [
        {
          caption: 'Pathway plans',
          head: ['Date', 'Kind'],
          rows: f.pathwayPlans.map((p) => [
            d(p.plan_date),
            p.kind === 'initial' ? 'Written' : 'Reviewed',
          ]),
          emptyText: 'No pathway plans are recorded.',
        },
        withLinks(
          {
            caption: 'Contacts',
            head: ['Date', 'In touch', 'Activity', 'Accommodation'],
            rows: f.contacts.map((c) => [
              d(c.contact_date),
              codeAndMeaning('IN_TOUCH', c.in_touch),
              codeAndMeaning('ACTIV', c.activity),
              codeAndMeaning('ACCOM', c.accommodation),
            ]),
            emptyText: 'No care leaver contacts are recorded.',
          },
          f.contacts,
          links.editCareLeaverContact,
          (c) => `contact on ${d(c.contact_date)}`,
        ),
      ];
    case 'episodes':
      return [
        {
          caption: '903 episodes, derived from legal status and placements (read only)',
          head: [
            'Start (DECOM)',
            'Reason (RNE)',
            'Legal status (LS)',
            'Need (CIN)',
            'Placement (PLACE)',
            'Provider',
            'Postcode',
            'URN',
            'End (DEC)',
            'Reason ended (REC)',
            'Reason for change',
          ],
          rows: record.episodes.map((e) => [
            d(e.DECOM),
            codeAndMeaning('RNE', e.RNE),
            codeAndMeaning('LS', e.LS),
            codeAndMeaning('CIN', e.CIN),
            codeAndMeaning('PLACE', e.PLACE),
            codeAndMeaning('PLACE_PROVIDER', e.PLACE_PROVIDER),
            e.PL_POST ?? '',
            e.URN ?? '',
            d(e.DEC),
            codeAndMeaning('REC', e.REC),
            codeAndMeaning('REASON_PLACE_CHANGE', e.REASON_PLACE_CHANGE),
          ]),
          emptyText:
            'No episodes: the child has no periods of care with a legal status and placement.',
        },
      ];
    case 'due':
      return [
        {
          caption: `Statutory duties as at ${d(record.today)}`,
          head: ['What', 'Due', 'Status', 'Basis', 'Source'],
          rows: record.due.map((i) => [
            i.what,
            d(i.due),
            STATUS_TAGS[i.status] ?? i.status,
            `${i.basis}${i.doneOn ? `. Done ${d(i.doneOn)}${i.late ? ', late' : ''}` : ''}`,
            i.source,
          ]),
          emptyText: 'Nothing is due for this child.',
        },
      ];
  }
}
