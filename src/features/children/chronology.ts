// A child's chronology: every recorded event in date order, each said in words and linked to the
// section of the record it belongs to. Pure: from the loaded facts.
import { HEALTH_KIND_LABELS, PERMANENCE_ORDER_LABELS, codeAndMeaning, meaning } from './codes.ts';
import { postcodeDistrict } from './summary.ts';
import type { ChildFacts } from './recordService.ts';

export type Section =
  | 'legal-status'
  | 'placements'
  | 'reviews'
  | 'visits'
  | 'health'
  | 'missing'
  | 'permanence'
  | 'care-leaving'
  | 'summary';

export interface ChronologyEvent {
  date: string;
  what: string;
  detail: string;
  section: Section;
}

const ROLE_WORDS: Record<string, string> = {
  social_worker: 'social worker',
  personal_adviser: 'personal adviser',
  iro: 'independent reviewing officer',
};

export function chronology(f: ChildFacts): ChronologyEvent[] {
  const out: ChronologyEvent[] = [];
  const add = (date: string | null, what: string, detail: string, section: Section) => {
    if (date) out.push({ date, what, detail, section });
  };
  for (const p of f.periods) {
    add(
      p.start_date,
      'Started to be looked after',
      codeAndMeaning('CIN', p.category_of_need),
      'legal-status',
    );
    add(p.end_date, 'Left care', codeAndMeaning('REC', p.end_reason), 'legal-status');
  }
  for (const l of f.legal)
    add(l.start_date, 'Legal status', codeAndMeaning('LS', l.status), 'legal-status');
  for (const p of f.placements) {
    const where = [p.household_name ?? p.home_name ?? p.provider_name, postcodeDistrict(p.postcode)]
      .filter(Boolean)
      .join(', ');
    add(
      p.start_date,
      'Placement started',
      `${codeAndMeaning('PLACE', p.place_type)}${where ? ` (${where})` : ''}`,
      'placements',
    );
    if (p.end_date)
      add(
        p.end_date,
        'Placement ended',
        p.reason_for_change ? codeAndMeaning('REASON_PLACE_CHANGE', p.reason_for_change) : '',
        'placements',
      );
  }
  for (const a of f.allocations) {
    const role = ROLE_WORDS[a.role] ?? a.role;
    add(a.start_date, `Allocated ${role}`, a.display_name, 'summary');
    add(
      a.end_date,
      `${role.charAt(0).toUpperCase()}${role.slice(1)} allocation ended`,
      a.display_name,
      'summary',
    );
  }
  for (const r of f.reviews)
    add(
      r.held_date,
      'Review held',
      [
        r.participation ? codeAndMeaning('REVIEW_CODE', r.participation) : '',
        r.iro_name ? `chaired by ${r.iro_name}` : '',
      ]
        .filter(Boolean)
        .join('; '),
      'reviews',
    );
  for (const v of f.visits)
    add(
      v.visit_date,
      'Social worker visit',
      v.seen ? (v.seen_alone ? 'Child seen, and seen alone' : 'Child seen') : 'Child not seen',
      'visits',
    );
  for (const h of f.health)
    add(h.assessment_date, HEALTH_KIND_LABELS[h.kind] ?? h.kind, '', 'health');
  for (const s of f.sdqs)
    add(
      s.sdq_date,
      'Strengths and difficulties questionnaire',
      s.score !== null ? `Score ${String(s.score)}` : (meaning('SDQ_REASON', s.reason) ?? ''),
      'health',
    );
  for (const m of f.missing) {
    add(
      m.start_date,
      m.kind === 'M' ? 'Went missing' : 'Away from placement without authorisation',
      '',
      'missing',
    );
    add(m.end_date, 'Returned', '', 'missing');
    add(
      m.return_interview_offered,
      'Return home interview offered',
      m.return_interview_accepted === null
        ? ''
        : m.return_interview_accepted
          ? 'Accepted'
          : 'Not accepted',
      'missing',
    );
  }
  for (const a of f.adoption) {
    add(a.decision_date, 'Decision that the child should be placed for adoption', '', 'permanence');
    add(a.placement_order_date, 'Placement order granted', '', 'permanence');
    add(a.matched_date, 'Matched with adopters', '', 'permanence');
    add(a.placed_date, 'Placed for adoption', '', 'permanence');
    add(a.order_granted_date, 'Adoption order granted', '', 'permanence');
    add(
      a.decision_reversed_date,
      'Adoption decision reversed',
      codeAndMeaning('REASON_PLACED_CEASED', a.reversed_reason),
      'permanence',
    );
  }
  for (const o of f.orders)
    add(o.order_date, PERMANENCE_ORDER_LABELS[o.kind] ?? o.kind, '', 'permanence');
  for (const p of f.proceedings) {
    add(p.issue_date, 'Care proceedings issued', '', 'legal-status');
    add(p.final_order_date, 'Care proceedings concluded', '', 'legal-status');
  }
  for (const p of f.peps)
    add(
      p.pep_date,
      p.kind === 'initial' ? 'Personal education plan started' : 'Personal education plan reviewed',
      '',
      'health',
    );
  for (const p of f.pathwayPlans)
    add(
      p.plan_date,
      p.kind === 'initial' ? 'Pathway plan written' : 'Pathway plan reviewed',
      '',
      'care-leaving',
    );
  for (const c of f.contacts)
    add(
      c.contact_date,
      'Care leaver contact',
      [
        meaning('IN_TOUCH', c.in_touch),
        meaning('ACTIV', c.activity),
        meaning('ACCOM', c.accommodation),
      ]
        .filter(Boolean)
        .join('; '),
      'care-leaving',
    );
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
