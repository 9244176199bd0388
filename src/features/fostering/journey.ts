// The fostering household journey as pure rules (no SQL, no clock): which stages must be on the
// record before a stage may be recorded, the funnel (numbers and conversion by stage, by month of
// enquiry, with time in stage) and retention (households leaving, by month and reason).
import type { JourneyStage, LeavingReason } from '../../db/tables/fostering.ts';

export const STAGE_LABELS: Record<JourneyStage, string> = {
  enquiry: 'Enquiry',
  initial_visit: 'Initial visit',
  skills_to_foster: 'Skills to Foster',
  assessment: 'Assessment (form F or C)',
  panel: 'Fostering panel',
  adm_decision: 'Agency decision maker',
  approved: 'Approved',
  temporary_approval: 'Temporary approval (Regulation 24)',
  withdrawn: 'Withdrew before approval',
  resigned: 'Resigned',
  deregistered: 'Deregistered',
};

export const REASON_LABELS: Record<LeavingReason, string> = {
  retirement: 'Retirement',
  health: 'Health',
  personal_circumstances: 'Personal or family circumstances',
  permanence_for_child: 'Child moved to adoption or special guardianship with them',
  moved_to_agency: 'Moved to an independent fostering agency',
  dissatisfied: 'Dissatisfied with support or payments',
  standards_of_care: 'Standards of care (deregistered)',
  not_suitable: 'Assessed as not suitable',
  changed_mind: 'Changed their mind',
  other: 'Other',
};

/** The funnel, in order: each household reaches these one after another. */
export const FUNNEL: readonly JourneyStage[] = [
  'enquiry',
  'initial_visit',
  'skills_to_foster',
  'assessment',
  'panel',
  'adm_decision',
  'approved',
];

export type ApprovalType = 'mainstream' | 'connected' | 'short_breaks' | 'staying_put';
export type HouseholdStatus =
  'assessment' | 'reg24' | 'approved' | 'on_hold' | 'resigned' | 'deregistered' | 'withdrawn';

/**
 * The agency decision maker's decisions and what follows from them: only a fostering team manager
 * (fostering:manage) records these. Fostering workers record the rest of the journey.
 */
export const MANAGER_STAGES: readonly JourneyStage[] = ['adm_decision', 'approved', 'deregistered'];

/** The stages that must be recorded before approval, by approval type. */
export function requiredBeforeApproval(type: ApprovalType): JourneyStage[] {
  switch (type) {
    case 'connected':
      // Family and friends: assessed (form C), to panel and the decision maker; no Skills to Foster.
      return ['assessment', 'panel', 'adm_decision'];
    case 'staying_put':
      return ['assessment'];
    case 'mainstream':
    case 'short_breaks':
      return [
        'enquiry',
        'initial_visit',
        'skills_to_foster',
        'assessment',
        'panel',
        'adm_decision',
      ];
  }
}

export interface StageFact {
  stage: JourneyStage;
  date: string;
}

export interface StageRequest {
  stage: JourneyStage;
  date: string;
  approvalType: ApprovalType;
  status: HouseholdStatus;
  today: string;
}

const ENDINGS: readonly JourneyStage[] = ['withdrawn', 'resigned', 'deregistered'];

/**
 * Why this stage may not be recorded now, or null when it may. `recorded` is the household's
 * journey so far. Messages are written for the person recording.
 */
export function stageRefusal(recorded: readonly StageFact[], req: StageRequest): string | null {
  const { stage, date } = req;
  const label = STAGE_LABELS[stage];
  if (req.status === 'withdrawn')
    return 'This household withdrew before approval, so its journey has ended. If they apply again, record a new enquiry';
  if (date > req.today)
    return `The date of the ${label.toLowerCase()} must be today or in the past`;
  const have = new Map(recorded.map((r) => [r.stage, r.date]));
  if (have.has(stage)) return `${label} is already recorded for this household`;
  const ended = recorded.find((r) => ENDINGS.includes(r.stage));
  if (ended) return `This household’s journey ended (${STAGE_LABELS[ended.stage].toLowerCase()})`;
  const latest = recorded.reduce<string | null>(
    (m, r) => (m === null || r.date > m ? r.date : m),
    null,
  );
  if (latest !== null && date < latest && !ENDINGS.includes(stage))
    return `${label} cannot be before the last stage recorded (${latest})`;
  if (stage === 'temporary_approval') {
    if (req.approvalType !== 'connected')
      return 'Only a family and friends (connected person) household can be temporarily approved';
    if (req.status !== 'assessment')
      return 'Temporary approval is only for a household in assessment';
    return null;
  }
  if (stage === 'approved') {
    const missing = requiredBeforeApproval(req.approvalType).filter((s) => !have.has(s));
    if (missing.length)
      return `Approval needs ${missing.map((s) => STAGE_LABELS[s].toLowerCase()).join(', ')} recorded first`;
    const late = requiredBeforeApproval(req.approvalType).find((s) => (have.get(s) ?? '') > date);
    if (late) return `Approval cannot be before the ${STAGE_LABELS[late].toLowerCase()}`;
    return null;
  }
  if (stage === 'withdrawn') {
    if (req.status !== 'assessment') return 'Only a household not yet approved can withdraw';
    return null;
  }
  if (stage === 'resigned' || stage === 'deregistered') {
    if (!['approved', 'on_hold', 'reg24'].includes(req.status))
      return `Only an approved household can be ${stage === 'resigned' ? 'resigned' : 'deregistered'}; record “withdrew before approval” instead`;
    if (latest !== null && date < latest)
      return `The ending cannot be before the last stage recorded (${latest})`;
    return null;
  }
  if (req.status !== 'assessment' && req.status !== 'reg24')
    return `${label} is a step before approval; this household is already past it`;
  return null;
}

/** What the household's status becomes when the stage is recorded (null: unchanged). */
export function statusAfter(stage: JourneyStage): HouseholdStatus | null {
  const after: Partial<Record<JourneyStage, HouseholdStatus>> = {
    approved: 'approved',
    temporary_approval: 'reg24',
    resigned: 'resigned',
    deregistered: 'deregistered',
    withdrawn: 'withdrawn',
  };
  return after[stage] ?? null;
}

const DAY = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : Math.round(((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2);
}

export interface FunnelRow {
  stage: JourneyStage;
  label: string;
  reached: number;
  /** Of those who reached the previous stage, the share that reached this one (0–100, 1 dp). */
  conversion: number | null;
  /** Of the enquiries, the share that reached this stage. */
  ofEnquiries: number | null;
  /** Median days from the previous stage to this one. */
  medianDaysFromPrevious: number | null;
}

export interface FunnelMonth {
  month: string;
  counts: number[];
}

export interface Funnel {
  from: string;
  to: string;
  stages: FunnelRow[];
  /** By month of enquiry: how many of that month's enquiries reached each FUNNEL stage. */
  months: FunnelMonth[];
  /**
   * Where the period's enquiries are now: approved (whatever came after), withdrew before approval,
   * or still being assessed (neither). A withdrawal is the funnel's drop-off, never "in assessment".
   */
  outcomes: { approved: number; withdrawn: number; inAssessment: number };
}

const pct = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 10);

/**
 * The recruitment funnel for households whose enquiry fell in [from, to]: a cohort view, so each
 * enquiry is followed through the stages it has reached so far. Connected-person households, which
 * do not come through enquiries, are counted only if they have an enquiry stage.
 */
export function funnel(journeys: readonly StageFact[][], from: string, to: string): Funnel {
  const cohort = journeys
    .map((j) => new Map(j.map((s) => [s.stage, s.date])))
    .filter((m) => {
      const e = m.get('enquiry');
      return e !== undefined && e >= from && e <= to;
    });
  const stages: FunnelRow[] = FUNNEL.map((stage, i) => {
    const reached = cohort.filter((m) => m.has(stage)).length;
    const prev = i > 0 ? FUNNEL[i - 1] : undefined;
    const prevReached = prev ? cohort.filter((m) => m.has(prev)).length : 0;
    const gaps: number[] = [];
    if (prev)
      for (const m of cohort) {
        const a = m.get(prev);
        const b = m.get(stage);
        if (a !== undefined && b !== undefined) gaps.push(days(a, b));
      }
    return {
      stage,
      label: STAGE_LABELS[stage],
      reached,
      conversion: prev ? pct(reached, prevReached) : null,
      ofEnquiries: pct(reached, cohort.length),
      medianDaysFromPrevious: median(gaps),
    };
  });
  const byMonth = new Map<string, number[]>();
  for (const m of cohort) {
    const month = (m.get('enquiry') ?? '').slice(0, 7);
    const counts = byMonth.get(month) ?? FUNNEL.map(() => 0);
    FUNNEL.forEach((s, i) => {
      if (m.has(s)) counts[i] = (counts[i] ?? 0) + 1;
    });
    byMonth.set(month, counts);
  }
  const months = [...byMonth.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, counts]) => ({ month, counts }));
  const approved = cohort.filter((m) => m.has('approved')).length;
  const withdrawn = cohort.filter((m) => !m.has('approved') && m.has('withdrawn')).length;
  const outcomes = { approved, withdrawn, inAssessment: cohort.length - approved - withdrawn };
  return { from, to, stages, months, outcomes };
}

export interface Leaving {
  stage: 'resigned' | 'deregistered';
  date: string;
  reason: LeavingReason;
}

export interface Retention {
  from: string;
  to: string;
  total: number;
  byReason: { reason: LeavingReason; label: string; resigned: number; deregistered: number }[];
  byPeriod: { period: string; resigned: number; deregistered: number }[];
}

/** Approved households leaving in [from, to], by reason and by month ('month') or year ('year'). */
export function retention(
  leavings: readonly Leaving[],
  from: string,
  to: string,
  by: 'month' | 'year',
): Retention {
  const inRange = leavings.filter((l) => l.date >= from && l.date <= to);
  const reasons = new Map<LeavingReason, { resigned: number; deregistered: number }>();
  const periods = new Map<string, { resigned: number; deregistered: number }>();
  for (const l of inRange) {
    const r = reasons.get(l.reason) ?? { resigned: 0, deregistered: 0 };
    r[l.stage] += 1;
    reasons.set(l.reason, r);
    const key = by === 'month' ? l.date.slice(0, 7) : l.date.slice(0, 4);
    const p = periods.get(key) ?? { resigned: 0, deregistered: 0 };
    p[l.stage] += 1;
    periods.set(key, p);
  }
  return {
    from,
    to,
    total: inRange.length,
    byReason: [...reasons.entries()]
      .map(([reason, c]) => ({ reason, label: REASON_LABELS[reason], ...c }))
      .sort(
        (a, b) =>
          b.resigned + b.deregistered - (a.resigned + a.deregistered) ||
          (a.reason < b.reason ? -1 : 1),
      ),
    byPeriod: [...periods.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([period, c]) => ({ period, ...c })),
  };
}

/** The allowance and fee for a child of this age with a household of this skills level. */
export function weeklyRate<
  R extends {
    age_from: number;
    age_to: number;
    skills_level: number | null;
    valid_from: string;
    weekly_allowance: number;
    weekly_fee: number;
  },
>(schedule: readonly R[], age: number, skillsLevel: number | null, on: string): R | null {
  let best: R | null = null;
  for (const r of schedule)
    if (
      r.age_from <= age &&
      age <= r.age_to &&
      r.skills_level === skillsLevel &&
      r.valid_from <= on
    )
      if (!best || r.valid_from > best.valid_from) best = r;
  return best;
}
