// What the timescales engine needs to know: plain recorded facts about one child, one carer or one
// private fostering arrangement. Care periods, legal statuses and placements are the care facts
// (../care/facts.ts); the rest are the events that satisfy a duty.
import type { IsoDate, LegalStatusPeriod, PeriodOfCare, PlacementPeriod } from '../care/facts.ts';
import type { RuleId } from './sources.ts';

export type { IsoDate };

/** How a placement is meant to run, which changes the visiting frequency (CPPCR 2010 reg 28). */
export interface PlacementFlags {
  placementId: number;
  /** The care plan says the child is to stay in this placement until 18 (reg 28(2)(b)(i)). */
  intendedToLastTo18: boolean;
  /** Designated long-term foster placement and the date designated (reg 22C, 2015 amendment). */
  longTermFosterDesignated: IsoDate | null;
  /**
   * The child's recorded agreements to visits at intervals of up to 6 months in this placement
   * (reg 28(3A)), each with the date it was withdrawn, if it was.
   */
  visitAgreements: VisitAgreement[];
  /** Placed with a connected person under temporary approval, reg 24. */
  connectedPersonReg24: boolean;
}

/** The child agreed on `agreed` (and withdrew on `withdrawn`) to 6-monthly visits. */
export interface VisitAgreement {
  agreed: IsoDate;
  withdrawn: IsoDate | null;
}

export interface DatedEvent {
  date: IsoDate;
}

export interface Visit {
  date: IsoDate;
  /** A visit only counts if the child was seen (reg 28(4)). */
  seen: boolean;
  seenAlone: boolean;
}

export interface HealthAssessment {
  kind: 'initial' | 'review' | 'dental';
  date: IsoDate;
}

export interface PepEvent {
  kind: 'started' | 'reviewed';
  date: IsoDate;
}

export interface MissingEpisode {
  id: number;
  start: IsoDate;
  returned: IsoDate | null;
  interviewOffered: IsoDate | null;
}

export interface CareLeaverFacts {
  /** Date the young person became entitled to leaving-care support (e.g. left care at 18). */
  since: IsoDate;
  pathwayPlanReviews: DatedEvent[];
  personalAdviserContacts: DatedEvent[];
}

export interface CareProceedings {
  id: number;
  issued: IsoDate;
  concluded: IsoDate | null;
}

/** A recorded extension of a due date, or an exemption from it, with who authorised it. */
export interface Extension {
  rule: RuleId;
  /** The item's key within the rule (DueItem.item), e.g. 'period-3/review-2'. */
  item: string;
  decision: 'granted' | 'refused';
  /** New due date for an extension; null for an exemption (the item no longer applies). */
  newDue: IsoDate | null;
  reason: string;
  authorisedBy: string;
  date: IsoDate;
}

export interface ChildTimescaleInput {
  kind: 'child';
  childId: string;
  dateOfBirth: IsoDate;
  periods: PeriodOfCare[];
  legalStatuses: LegalStatusPeriod[];
  placements: PlacementPeriod[];
  placementFlags: PlacementFlags[];
  reviews: DatedEvent[];
  visits: Visit[];
  healthAssessments: HealthAssessment[];
  sdqs: DatedEvent[];
  peps: PepEvent[];
  missingEpisodes: MissingEpisode[];
  careLeaver: CareLeaverFacts | null;
  careProceedings: CareProceedings[];
  extensions: Extension[];
}

export interface CarerReview {
  date: IsoDate;
  /** When the review went to the fostering panel, if it did (required for the first review). */
  panelDate: IsoDate | null;
}

/** Connected-person (family and friends) temporary approval, Fostering Services (England) Regs / CPPCR regs 24–25. */
export interface ConnectedPersonApproval {
  childId: string;
  temporaryApproval: IsoDate;
  extension: {
    /** The extended end date (at most 8 weeks after the 16 weeks end). */
    until: IsoDate;
    nominatedOfficerApproved: IsoDate | null;
    fosteringPanelViewsSought: IsoDate | null;
    iroInformed: IsoDate | null;
    reason: string;
    authorisedBy: string;
  } | null;
  fullApproval: IsoDate | null;
  /** The placement ended (so the clock stops). */
  placementEnded: IsoDate | null;
}

export interface CarerTimescaleInput {
  kind: 'carer';
  carerId: string;
  /** Date of approval as a foster carer (full approval); null while only temporarily approved. */
  approved: IsoDate | null;
  /** Approval ended (resigned or terminated): no more reviews. */
  deregistered: IsoDate | null;
  reviews: CarerReview[];
  /**
   * Only the latest review is on the record (reviews held before the record began are not): the
   * review chain counts from that review and the first-review panel item is not listed.
   */
  reviewHistoryIncomplete?: boolean;
  connectedPerson: ConnectedPersonApproval[];
  extensions: Extension[];
}

/** A private fostering arrangement (Children (Private Arrangements for Fostering) Regs 2005). */
export interface PrivateFosteringInput {
  kind: 'private-fostering';
  arrangementId: string;
  childId: string;
  dateOfBirth: IsoDate;
  /** Disabled children remain privately fostered to 18 rather than 16. */
  disabled: boolean;
  /** The arrangement began (year one is counted from here). */
  start: IsoDate;
  /** The local authority became aware (notified): the 7 working day clock starts here. */
  notified: IsoDate;
  ended: IsoDate | null;
  visits: Visit[];
  extensions: Extension[];
}

export type TimescaleInput = ChildTimescaleInput | CarerTimescaleInput | PrivateFosteringInput;

/** One school term: PEPs are reviewed each term. */
export interface SchoolTerm {
  name: string;
  start: IsoDate;
  end: IsoDate;
}
